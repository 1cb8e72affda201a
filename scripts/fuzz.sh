#!/usr/bin/env bash
# Runs each libFuzzer target for a set time (`make fuzz`, FUZZ_SECONDS each) and prints
# the executions reached. The fuzzer's working corpus lives in .build-fuzz/ (not in git);
# the kept seeds and every crash live in Tests/LegCareFuzzingTests/corpus/<target>/,
# which `swift test` replays, so a crash found here fails the test suite until it is fixed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
bin=Fuzz/.build/release
kept=Tests/LegCareFuzzingTests/corpus
status=0
printf '%-8s %14s %10s %s\n' target executions exec/s result
for target in csv clients namer config workbook; do
  work=.build-fuzz/corpus/$target
  mkdir -p "$work"
  log=.build-fuzz/$target.log
  # The same suppressions as make check: leaks of Foundation and ZIPFoundation, not ours.
  if LSAN_OPTIONS=suppressions=$PWD/scripts/lsan.supp:print_suppressions=0 LEGCARE_FUZZ_TARGET=$target "$bin/fuzz-legcare" "$work" "$kept/$target" -max_total_time="$seconds" -max_len=4096 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$kept/$target/" >"$log" 2>&1; then
    result="no crash"
  else
    result="CRASH: input kept in $kept/$target/ (see $log)"
    status=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  printf '%-8s %14s %10s %s\n' "$target" "$runs" "$((runs / seconds))" "$result"
done
exit $status
