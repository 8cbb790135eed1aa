# Bash completion for vnews-index, vnews-search and vnews-serve: their
# options, the values of the options that take one from a fixed set, and
# folders or files where a path goes. Installed as
# share/bash-completion/completions/vnews-index, .../vnews-search and
# .../vnews-serve (bash-completion loads it on the first Tab after any of the
# names), or sourced by hand. tests/dist/completion_test.sh checks that it
# offers every option of --help and that the program accepts every value.

# Sets `cur` (the word being completed), `prev` (the option it is a value of:
# "--format" for both "--format t" and "--format=t") and `eq` (what to put
# before each reply: "--format=" when '=' is not in COMP_WORDBREAKS).
_vnews_words() {
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=
  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
  eq=
  if [[ $cur == = ]]; then
    cur=
  elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  elif [[ $cur == --*=* ]]; then
    prev=${cur%%=*}
    eq=$prev=
    cur=${cur#*=}
  fi
}

# Sets COMPREPLY to the words of $1 that start with `cur`, after `eq`.
_vnews_reply_words() {
  mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
  COMPREPLY=("${COMPREPLY[@]/#/$eq}")
}

# Sets COMPREPLY to the paths starting with `cur`, after `eq`: folders only
# with "-d".
_vnews_reply_paths() {
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen "${1:--f}" -- "$cur")
  COMPREPLY=("${COMPREPLY[@]/#/$eq}")
}

_vnews_index() {
  local cur prev eq
  _vnews_words
  case $prev in
    --db | -d) _vnews_reply_paths -d; return ;;
    --format) _vnews_reply_words "auto txt dantri jsonl"; return ;;
    --on-invalid) _vnews_reply_words "skip replace"; return ;;
    --shards | --delete | --threads | -j | --commit-every | --id) COMPREPLY=(); return ;;
    --synonyms) _vnews_reply_paths; return ;;
    --root) _vnews_reply_paths -d; return ;;
  esac
  if [[ $cur == -* ]]; then
    _vnews_reply_words "--db --format --on-invalid --shards --root --id --synonyms --prune --delete
      --dry-run --force --threads --commit-every --quiet --help --version -d -j -n -q -h"
  else
    _vnews_reply_paths
  fi
}

# Sets COMPREPLY to `cur` completed as a comma-separated list of --fields.
_vnews_reply_fields() {
  local done=
  [[ $cur == *,* ]] && done=${cur%,*},
  local field rest=()
  for field in rank id score title category date url source snippet; do
    [[ ,$done == *,$field,* ]] || rest+=("$field")
  done
  mapfile -t COMPREPLY < <(compgen -W "${rest[*]}" -- "${cur##*,}")
  COMPREPLY=("${COMPREPLY[@]/#/$eq$done}")
  compopt -o nospace 2>/dev/null
}

_vnews_search() {
  local cur prev eq
  _vnews_words
  case $prev in
    --db | -d | --queries | --synonyms) _vnews_reply_paths; return ;;
    --sort) _vnews_reply_words "relevance date recency"; return ;;
    --facet) _vnews_reply_words "category source date date:day date:month date:year"; return ;;
    --format) _vnews_reply_words "text json tsv"; return ;;
    --color) _vnews_reply_words "auto always never"; return ;;
    --fields) _vnews_reply_fields; return ;;
    --limit | -n | --offset | --since | --until) COMPREPLY=(); return ;;
  esac
  if [[ $cur == -* ]]; then
    _vnews_reply_words "--db --limit --offset --sort --since --until --facet --json
      --format --fields --batch --queries --color --count --show --like --no-collapse --synonyms --allow-partial --help --version
      -d -n -c -h"
  else
    COMPREPLY=()  # query words
  fi
}

_vnews_serve() {
  local cur prev eq
  _vnews_words
  case $prev in
    --db | -d) _vnews_reply_paths; return ;;
    --listen | -l | --workers | --queue | --connections | --time-limit | --read-timeout)
      COMPREPLY=()
      return
      ;;
  esac
  if [[ $cur == -* ]]; then
    _vnews_reply_words "--db --listen --workers --queue --connections --time-limit
      --read-timeout --allow-partial --quiet --help --version -d -l -q -h"
  else
    COMPREPLY=()  # options only
  fi
}

complete -F _vnews_index vnews-index
complete -F _vnews_search vnews-search
complete -F _vnews_serve vnews-serve
