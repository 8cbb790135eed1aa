#!/usr/bin/env bash
# Installs the Debian packages vnews needs to build and test, when missing.
# Uses sudo when not run as root. Safe to run again. Extra arguments are more
# packages to install, e.g. tests/fuzz/run.sh's clang libclang-rt-14-dev, or
# chromium for the browser test of vnews-serve's page (CI installs it: about
# 30 s and 400 MB; without it that test is reported as skipped).
set -euo pipefail

packages=(
  cmake g++ make pkg-config python3
  libxapian-dev xapian-tools
  libicu-dev
  libboost-program-options-dev
  catch2
  nlohmann-json3-dev
  libzstd-dev
  libmimalloc-dev
  libcpp-httplib-dev                # vnews-serve's HTTP
  help2man dpkg-dev                 # man pages; the .deb's dependencies (cpack)
  man-db                            # tests: man -l on the pages
  clang-format git                  # scripts/check-format.sh
  python3-xapian python3-zstandard  # tests: docs/examples/search.py
  "$@"
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
