#!/usr/bin/env bash
# The man pages help2man makes from --help, read with `man -l` as a user
# would: they render without warnings, and their synopsis and options are
# exactly those of --help. Skipped without man (package man-db) or when
# help2man was not found at configure time.
# Usage: man_pages_test.sh MAN_DIR MAN_PAGES(ON|OFF) VNEWS_INDEX VNEWS_SEARCH
source "$(dirname "$0")/lib.sh"
man_dir=$1 man_pages=$2
shift 2
[[ $man_pages == ON ]] || skip "help2man was not found when configuring: no man pages"
command -v man >/dev/null || skip "man not found (package man-db); the pages are not read"

# render PAGE WIDTH: the page as man shows it, in $out; warnings in $err.
render() {
  check_run "man -l $(basename "$1") renders at $2 columns" 0 \
    env LC_ALL=C.UTF-8 MANWIDTH="$2" MANPAGER=cat PAGER=cat man --warnings -l "$1"
  check_eq "$(basename "$1") renders at $2 columns without warnings" "" "$err"
}

# section NAME: the lines of section NAME of $out, without their indent.
section() {
  awk -v name="$1" '/^[A-Z]/ { on = ($0 == name); next } on && NF { sub(/^ +/, ""); print }' \
    <<<"$out"
}

for program in "$@"; do
  name=$(basename "$program")
  page=$man_dir/$name.1
  if [[ ! -f $page ]]; then
    fail "no $page"
    continue
  fi
  render "$page" 80
  render "$page" 200
  help=$("$program" --help)

  check_has "$name.1 names its program and what it does" "$name - " "$(section NAME)"
  check_eq "$name.1 has the usage lines of --help as its synopsis" \
    "$(sed -n 's/^\(Usage\|  or\): *//p' <<<"$help")" "$(section SYNOPSIS)"
  # Each option of --help is one tagged paragraph: a tag that holds more
  # than the option is a description help2man could not tell apart.
  check_eq "$name.1 tags each option of --help as --help writes it" \
    "$(sed -n '/^Options:/,/^$/s/^  \(-\([^ ]\| [^ ]\)*\)  .*/\1/p' <<<"$help")" \
    "$(awk '/^\.SH /{ on = ($0 == ".SH OPTIONS") } on && prev == ".TP" { print }
      { prev = $0 }' "$page" | sed -e 's/\\f[BRI]//g' -e 's/\\-/-/g')"
  check_has "$name.1 shows the page's version" "$name $("$program" --version | head -n 1 |
    cut -d' ' -f2)" "$out"
  [[ $name == vnews-search ]] && check_has "vnews-search.1 keeps examples whole and UTF-8" \
    "\$ vnews-search --db news.db 'thị trường châu Âu'" "$(section EXAMPLES)"
done

finish
