#!/usr/bin/env bash
# Installs what is missing, builds with the tests and runs the whole suite
# twice: in Release (build/), then under AddressSanitizer and
# UndefinedBehaviorSanitizer (build-asan/, RelWithDebInfo at -O1). The long
# runs over the real corpus (label "corpus") run in Release only, unless
# VNEWS_SANITIZE_ALL=1. Tests over ../shared are reported as skipped when it is
# absent. VNEWS_SANITIZE=0 skips the sanitizer pass. First of all, every C++
# file must be formatted as .clang-format says (scripts/check-format.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/check-format.sh
jobs="$(nproc)"

echo "== Release" >&2
scripts/build.sh -DVNEWS_BUILD_TESTS=ON
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j "$jobs"

if [ "${VNEWS_SANITIZE:-1}" != 0 ]; then
  echo "== AddressSanitizer + UndefinedBehaviorSanitizer" >&2
  BUILD_DIR="${ASAN_BUILD_DIR:-build-asan}" scripts/build.sh -DVNEWS_BUILD_TESTS=ON \
    -DVNEWS_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g"
  exclude=(-LE corpus)
  [ "${VNEWS_SANITIZE_ALL:-0}" = 1 ] && exclude=()
  ASAN_OPTIONS="detect_leaks=1" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1" \
    ctest --test-dir "${ASAN_BUILD_DIR:-build-asan}" --output-on-failure -j "$jobs" \
      "${exclude[@]}"
fi
