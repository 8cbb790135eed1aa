#!/usr/bin/env bash
# `cmake --install` into a temporary prefix: the programs, their man pages
# (when help2man was found), the bash completion and the docs land where
# README says, and the installed programs run on their own.
# Usage: install_test.sh BUILD_DIR SOURCE_DIR VERSION MAN_PAGES(ON|OFF)
source "$(dirname "$0")/lib.sh"
build=$1 source_dir=$2 version=$3 man_pages=$4
prefix=$tmp/prefix

check_run "cmake --install puts the build under a prefix" 0 \
  cmake --install "$build" --prefix "$prefix"

for program in vnews-index vnews-search vnews-serve; do
  bin=$prefix/bin/$program
  if [[ -x $bin ]]; then pass "bin/$program is installed"; else fail "no $bin"; fi
  check_run "installed $program --version exits 0" 0 "$bin" --version
  check_eq "installed $program --version names the program and version first" \
    "$program $version" "$(head -n 1 <<<"$out")"
  check_has "installed $program --version names the Xapian it runs with" \
    $'\nXapian 1.4.' "$out"
  check_run "installed $program --help exits 0" 0 "$bin" --help
  check_has "installed $program --help starts with its usage" "Usage: $program --db" "$out"
  runpath=$(objdump -p "$bin" | grep -E 'RPATH|RUNPATH')
  check_eq "installed $program has no RUNPATH into the build tree" "" "$runpath"

  completion=$prefix/share/bash-completion/completions/$program
  check_file "the bash completion of $program is installed" "$completion"
  check_eq "the installed completion completes $program when sourced" \
    "complete -F _${program//-/_} $program" \
    "$(bash -c 'source "$1" && complete -p "$2"' _ "$completion" "$program" 2>&1)"

  page=$prefix/share/man/man1/$program.1
  if [[ $man_pages == ON ]]; then
    check_file "the man page of $program is installed" "$page"
  else
    echo "note: help2man was not found when configuring: no man page to install"
    [[ ! -e $page ]] && pass "no man page of $program without help2man"
  fi
done
for doc in README.md schema.md examples/search.py; do
  check_file "share/doc/vnews/$doc is installed" "$prefix/share/doc/vnews/$doc"
done

# The installed programs index corpus/sample and search it.
check_run "installed vnews-index indexes corpus/sample" 0 \
  "$prefix/bin/vnews-index" --quiet --db "$tmp/news.db" "$source_dir/corpus/sample"
check_run "installed vnews-search finds 'dien thoai xiaomi'" 0 \
  "$prefix/bin/vnews-search" --db "$tmp/news.db" --json --limit 1 dien thoai xiaomi
check_has "installed vnews-search ranks the Xiaomi article first" \
  '"id":"technology/xiaomi-chau-au.txt"' "$out"

# The installed vnews-serve answers the same over HTTP, and SIGTERM stops it.
"$prefix/bin/vnews-serve" --db "$tmp/news.db" --listen 0 --quiet 2>"$tmp/serve.err" &
serve=$!
for _ in $(seq 100); do
  grep -q "listening on" "$tmp/serve.err" && break
  sleep 0.1
done
port=$(sed -n 's|.*listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/serve.err")
check_run "installed vnews-serve answers /search" 0 python3 -c \
  'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1]).read().decode())' \
  "http://127.0.0.1:$port/search?q=dien+thoai+xiaomi&limit=1"
check_has "installed vnews-serve ranks the Xiaomi article first" \
  '"id":"technology/xiaomi-chau-au.txt"' "$out"
kill -TERM "$serve"
wait "$serve"
check_eq "installed vnews-serve exits 0 on SIGTERM" 0 "$?"

finish
