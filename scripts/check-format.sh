#!/usr/bin/env bash
# Checks that every C++ file of the project is formatted as .clang-format
# says (clang-format 14, Debian 12's). Prints the places that are not and
# exits 1; `clang-format -i FILE...` fixes them. The files are those git
# tracks, or, outside a git checkout, the .cc and .h files of the source
# folders.
set -euo pipefail
cd "$(dirname "$0")/.."
if listed="$(git ls-files '*.cc' '*.h' 2>/dev/null)" && [ -n "$listed" ]; then
  mapfile -t files <<<"$listed"
else
  mapfile -t files < <(find common indexer searcher tests bench \
    \( -name '*.cc' -o -name '*.h' \) -type f | sort)
fi
clang-format --dry-run -Werror "${files[@]}"
echo "check-format: ${#files[@]} files formatted as .clang-format says" >&2
