#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang (ASan+UBSan) into build-fuzz/ and
# runs each for SECONDS, starting from the seeds in tests/fuzz/seeds/.
#
#   tests/fuzz/run.sh [SECONDS] [HARNESS...]     default: 60 s, all five
#
# The growing corpus stays in build-fuzz/corpus/<harness>/, crashes in
# build-fuzz/crashes/<harness>/. Prints executions per harness; exits 1 when a
# harness found a crash. Minimize it with
#   build-fuzz/tests/fuzz/<harness>_fuzz -minimize_crash=1 -runs=10000 FILE
# and add the result to tests/fuzz/regressions/<harness>/: the normal suite
# replays that folder (CTest fuzz_replay_<harness>), so keep the fix with it.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-60}"
shift || true
harnesses=("$@")
((${#harnesses[@]})) || harnesses=(analyzer article_reader query_plan snippet spelling)

# clang and its libFuzzer runtime are needed here only, not for the tests.
scripts/install-deps.sh clang libclang-rt-14-dev
build=build-fuzz
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
  -DVNEWS_FUZZ=ON -DVNEWS_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target \
  $(printf '%s_fuzz ' "${harnesses[@]}") >/dev/null

status=0
printf '%-16s %8s %12s %10s %8s\n' harness seconds executions exec/s crashes
for h in "${harnesses[@]}"; do
  corpus="$build/corpus/$h" crashes="$build/crashes/$h"
  mkdir -p "$corpus" "$crashes"
  log="$build/$h.log"
  "$build/tests/fuzz/${h}_fuzz" "$corpus" "tests/fuzz/seeds/$h" \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashes/" -print_final_stats=1 >"$log" 2>&1 || status=1
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  found=$(find "$crashes" -type f | wc -l)
  printf '%-16s %8s %12s %10s %8s\n' "$h" "$seconds" "${runs:-?}" "${rate:-?}" "$found"
  ((found == 0)) || status=1
done
exit "$status"
