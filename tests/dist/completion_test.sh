#!/usr/bin/env bash
# completion/vnews.bash, sourced in bash and called as bash calls it on Tab:
# it offers every option --help lists and no other, the values of the options
# that take one from a set (each accepted by the program), and paths.
# Usage: completion_test.sh SOURCE_DIR VNEWS_INDEX VNEWS_SEARCH VNEWS_SERVE
source "$(dirname "$0")/lib.sh"
source_dir=$1 index=$2 search=$3 serve=$4

source "$source_dir/completion/vnews.bash"
check_eq "vnews-index is completed by _vnews_index" "complete -F _vnews_index vnews-index" \
  "$(complete -p vnews-index)"
check_eq "vnews-search is completed by _vnews_search" \
  "complete -F _vnews_search vnews-search" "$(complete -p vnews-search)"
check_eq "vnews-serve is completed by _vnews_serve" \
  "complete -F _vnews_serve vnews-serve" "$(complete -p vnews-serve)"

# complete WORD...: what Tab offers after the command line WORD..., the last
# word being the one completed, sorted and joined by spaces.
complete_words() {
  local function
  function=$(complete -p "$1" | awk '{print $3}')
  COMP_WORDS=("$@")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  "$function" "$1" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
  printf '%s\n' "${COMPREPLY[@]}" | sort | paste -sd ' '
}

for program in "$index" "$search" "$serve"; do
  name=$(basename "$program")
  check_eq "$name: -- offers the long options of --help" \
    "$(long_options "$program" | paste -sd ' ')" "$(complete_words "$name" --)"
  short=$(
    "$program" --help | sed -n 's/^  \(-[a-zA-Z]\) \[.*/\1/p'
    long_options "$program"
  )
  check_eq "$name: - offers the short and long options" \
    "$(sort <<<"$short" | paste -sd ' ')" "$(complete_words "$name" -)"
  check_eq "$name: --he offers --help" "--help" "$(complete_words "$name" --he)"
done

# Values, in every form bash passes them: "--opt v", "--opt=v" with '=' a
# word break (the default: "--opt" "=" "v"), and "--opt=v" as one word.
check_eq "vnews-index --format offers the formats" "auto dantri jsonl txt" \
  "$(complete_words vnews-index --format '')"
check_eq "vnews-index --format= offers the formats" "auto dantri jsonl txt" \
  "$(complete_words vnews-index --format =)"
check_eq "vnews-index --format=t completes txt" "txt" \
  "$(complete_words vnews-index --format = t)"
check_eq "vnews-index --format=d as one word completes --format=dantri" \
  "--format=dantri" "$(complete_words vnews-index --format=d)"
check_eq "vnews-index --on-invalid offers skip and replace" "replace skip" \
  "$(complete_words vnews-index --on-invalid '')"
check_eq "vnews-index --shards N offers nothing" "" \
  "$(complete_words vnews-index --shards '')"
check_eq "vnews-search --sort offers the orders" "date recency relevance" \
  "$(complete_words vnews-search --sort '')"
check_eq "vnews-search --format offers the formats" "json text tsv" \
  "$(complete_words vnews-search --db x --format '')"
check_eq "vnews-search --color=a completes auto and always" "always auto" \
  "$(complete_words vnews-search --color = a)"
check_eq "vnews-search --facet offers every facet" "category date date:day date:month date:year source" \
  "$(complete_words vnews-search --facet '')"
check_eq "vnews-search --limit N offers nothing" "" \
  "$(complete_words vnews-search --limit '')"
check_eq "vnews-search --fields completes the field after the last comma" "rank,title" \
  "$(complete_words vnews-search --fields rank,ti)"
check_eq "vnews-search --fields leaves out the fields already listed" \
  "id,rank,category id,rank,date id,rank,score id,rank,snippet id,rank,source id,rank,title id,rank,url" \
  "$(complete_words vnews-search --fields id,rank,)"
check_eq "vnews-search query words get no completion" "" \
  "$(complete_words vnews-search --db x dien '')"
check_eq "vnews-serve --listen offers nothing" "" \
  "$(complete_words vnews-serve --listen '')"
check_eq "vnews-serve takes no words but options" "" \
  "$(complete_words vnews-serve --db x '')"

# Every value offered is one the program accepts: bad values are usage
# errors (exit 2, "Try '... --help'"); good ones index an empty folder or
# search an empty database.
mkdir -p "$tmp/empty"
"$index" --quiet --db "$tmp/empty.db" "$tmp/empty" 2>/dev/null
accepts() {
  local what=$1 expected=$2
  shift 2
  "$@" >/dev/null 2>"$tmp/.err"
  local status=$? err
  err=$(<"$tmp/.err")
  if ((status == expected)) && [[ $err != *"Try '"* ]]; then
    pass "$what"
  else
    fail "$what" "exit status $status: $*" "stderr: $err"
  fi
}
for option in --format --on-invalid; do
  for value in $(complete_words vnews-index "$option" ''); do
    accepts "vnews-index accepts $option $value" 0 \
      "$index" --quiet --db "$tmp/index-$value.db" "$option" "$value" "$tmp/empty"
  done
done
for option in --sort --format --color --facet; do
  for value in $(complete_words vnews-search "$option" ''); do
    accepts "vnews-search accepts $option $value" 1 \
      "$search" --db "$tmp/empty.db" "$option" "$value" dien
  done
done
for value in $(complete_words vnews-search --fields ''); do
  accepts "vnews-search accepts --fields $value" 1 \
    "$search" --db "$tmp/empty.db" --fields "$value" dien
done

# Paths: folders for vnews-index --db, files and folders elsewhere, names
# with spaces kept whole.
mkdir -p "$tmp/paths/a folder" "$tmp/paths/another"
touch "$tmp/paths/a file.txt"
cd "$tmp/paths" || exit 2
check_eq "vnews-index --db offers folders" "a folder another" \
  "$(complete_words vnews-index --db a)"
check_eq "vnews-index PATH offers files and folders" "a file.txt a folder another" \
  "$(complete_words vnews-index --db x a)"
check_eq "vnews-index --db=a as one word completes --db=FOLDER" \
  "--db=a folder --db=another" "$(complete_words vnews-index --db=a)"
check_eq "vnews-index --db=a with '=' a word break completes FOLDER" "a folder another" \
  "$(complete_words vnews-index --db = a)"
check_eq "vnews-search --db offers files and folders (a stub may be a file)" \
  "a file.txt a folder another" "$(complete_words vnews-search --db a)"
check_eq "vnews-search --queries offers files and folders" "a file.txt a folder another" \
  "$(complete_words vnews-search --queries a)"
check_eq "vnews-serve --db offers files and folders" "a file.txt a folder another" \
  "$(complete_words vnews-serve --db a)"

finish
