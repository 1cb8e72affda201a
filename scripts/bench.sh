#!/usr/bin/env bash
# make bench: intake throughput and memory as the client count grows (release build).
# Prints one line per run: clients, file MB, seconds, MB/s, peak RSS MB.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/legcare
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() {  # label, args...
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$bin" "$@" --as-of 2026-11-23 >/dev/null 2>&1 || true
  read -r secs kb < <(tail -n 1 "$work/time")
  echo "$label $secs $((kb / 1024))"
}

printf '%-10s %-9s %-8s %8s %9s %12s\n' command clients file_MB seconds MB/s peak_RSS_MB
for n in 10000 50000 200000 500000; do
  python3 scripts/make-big-clients.py "$n" "$work/clients.csv"
  mb=$(awk -v b="$(stat -c %s "$work/clients.csv")" 'BEGIN { printf "%.1f", b / 1048576 }')
  for cmd in validate report; do
    if [ "$cmd" = report ] && [ "$n" -gt 200000 ]; then continue; fi
    extra=(); [ "$cmd" = report ] && extra=(--out "$work/out")
    read -r _ secs rss <<<"$(measure "$cmd" "$cmd" --clients "$work/clients.csv" "${extra[@]}")"
    rate=$(awk -v m="$mb" -v s="$secs" 'BEGIN { printf "%.0f", (s > 0 ? m / s : 0) }')
    printf '%-10s %-9s %-8s %8s %9s %12s\n' "$cmd" "$n" "$mb" "$secs" "$rate" "$rss"
    rm -rf "$work/out"
  done
done

echo
echo "Per stage (legcare-bench, 100,000 clients):"
python3 scripts/make-big-clients.py 100000 "$work/clients.csv"
.build/release/legcare-bench "$work/clients.csv"
