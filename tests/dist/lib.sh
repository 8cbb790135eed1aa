# lib.sh -- checks for the shell tests in tests/dist, sourced by each. A check
# prints "ok - WHAT", or "FAIL - WHAT" and what it saw; finish prints the
# counts and fails when a check did. skip exits 77, which CTest reports as
# skipped. $tmp is a fresh folder, removed on exit.

set -uo pipefail
passed=0
failed=0
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vnews-dist.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

pass() {
  passed=$((passed + 1))
  echo "ok - $1"
}

# fail WHAT [DETAIL]...
fail() {
  failed=$((failed + 1))
  echo "FAIL - $1"
  shift
  (($# == 0)) || printf '    %s\n' "$@"
}

# check_eq WHAT EXPECTED ACTUAL
check_eq() {
  if [[ $2 == "$3" ]]; then pass "$1"; else fail "$1" "expected: $2" "actual:   $3"; fi
}

# check_has WHAT NEEDLE TEXT: TEXT holds NEEDLE.
check_has() {
  if [[ $3 == *"$2"* ]]; then pass "$1"; else fail "$1" "missing: $2" "in: ${3:0:2000}"; fi
}

# check_run WHAT STATUS COMMAND...: COMMAND exits with STATUS; its stdout and
# stderr are left in $out and $err, without NUL bytes.
check_run() {
  local what=$1 want=$2 status
  shift 2
  "$@" >"$tmp/.out" 2>"$tmp/.err"
  status=$?
  out=$(tr -d '\0' <"$tmp/.out")
  err=$(tr -d '\0' <"$tmp/.err")
  if ((status == want)); then
    pass "$what"
  else
    fail "$what" "exit status $status, expected $want: $*" "stderr: ${err:0:2000}"
  fi
}

# check_file WHAT PATH: PATH is a regular file.
check_file() {
  if [[ -f $2 ]]; then pass "$1"; else fail "$1" "no file $2"; fi
}

skip() {
  echo "SKIPPED: $*"
  exit 77
}

finish() {
  echo "$passed passed, $failed failed"
  ((failed == 0))
}

# long_options PROGRAM: the long options its --help lists, sorted, one a line.
long_options() {
  "$1" --help | sed -n 's/^  \(-[a-zA-Z] \[ \)\{0,1\}--\([a-z-]*\).*/--\2/p' | sort
}
