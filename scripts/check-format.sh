#!/usr/bin/env bash
# Checks that every C++ file git tracks is formatted as .clang-format says
# (clang-format 14, Debian 12's). Prints the places that are not and exits 1;
# `clang-format -i FILE...` fixes them.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cc' '*.h')
clang-format --dry-run -Werror "${files[@]}"
echo "check-format: ${#files[@]} files formatted as .clang-format says" >&2
