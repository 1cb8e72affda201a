#!/usr/bin/env bash
# make bench: legcare report on synthetic lists (legcare sample) against the machine's
# floors measured in the same run:
#   files floor - bench/floor-files.c writes the same output bytes as plain files;
#   xlsx floor  - bench/floor-xlsx.c writes the same workbook cells through libxlsxwriter,
#                 deflated by the same ISA-L entry points as LegCare's (Sources/CDeflate);
#   xlsx floor, zlib - the same program deflating with zlib, as libxlsxwriter does alone.
# Prints one table; BENCH_SIZES="10000 100000 1000000" sets the client counts. Each floor
# runs BENCH_FLOOR_RUNS times (default 3) and counts its fastest run.
# user s and sys s: the CPU time legcare spent in its own code and in the kernel (writing
# files, getting memory), both cores added: more than the wall time when both are busy.
# BENCH_DIR sets where inputs and outputs go (default: the system's temporary folder).
# On ext4, creating files right after many were deleted is slow and varies a lot from
# run to run (the inode allocator skips recently freed inodes), for LegCare and the
# floor alike; BENCH_DIR=/dev/shm measures on tmpfs, without that noise.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.build/release/legcare
sizes=${BENCH_SIZES:-"10000 100000"}
floor_runs=${BENCH_FLOOR_RUNS:-3}
work=$(mktemp -d -p "${BENCH_DIR:-${TMPDIR:-/tmp}}")
trap 'rm -rf "$work"' EXIT
# Each size's run folder and the files floor's copy of it lie side by side: about 25 KB a
# client (12 GB each at 1,000,000). On tmpfs that is memory, and a full /dev/shm got a
# 1,000,000-client run killed here: check for the largest size before anything runs.
largest=$(printf '%s\n' $sizes | sort -n | tail -n 1)
need_kb=$((largest * 25))
avail_kb=$(df --output=avail -k "$work" | tail -n 1)
if [ "$avail_kb" -lt "$need_kb" ]; then
  echo "bench: $largest clients need about $((need_kb / 1048576 + 1)) GiB free in $(dirname "$work")," \
    "and $((avail_kb / 1048576)) GiB is: free some, or set BENCH_DIR to a larger folder" >&2
  exit 1
fi
cc -O2 -o "$work/floor-files" bench/floor-files.c
cc -O2 -o "$work/floor-xlsx" bench/floor-xlsx.c Sources/CDeflate/deflate_isal.c -ISources/CDeflate/include \
  $(pkg-config --cflags --libs xlsxwriter libisal zlib) -rdynamic
cc -O2 -o "$work/floor-xlsx-zlib" bench/floor-xlsx.c $(pkg-config --cflags --libs xlsxwriter)

echo "folder: $(df --output=fstype "$work" | tail -n 1) ($work)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -m); $(date -u +%Y-%m-%d)"
stages="intake plan handouts jsonl workbook week check"
printf '| clients | wall s | clients/s | peak MB | user s | sys s |'
for s in $stages; do printf ' %s s |' "$s"; done
printf ' files floor s | xlsx floor s | wall / floors | xlsx floor, zlib s |\n|---|---|---|---|---|---|'
for s in $stages; do printf -- '---|'; done
printf -- '---|---|---|---|\n'
for n in $sizes; do
  in="$work/in-$n"
  "$bin" sample --clients "$n" --out "$in"
  rm -rf "$work/out"
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$bin" report --clients "$in/clients.csv" --sessions "$in/sessions.csv" \
    --training "$in/training.csv" --config "$in/clinic.yaml" --as-of 2026-11-23 --out "$work/out" --timings \
    2>"$work/stderr" >/dev/null || true
  read -r wall kb user sys < <(tail -n 1 "$work/time")
  run="$work/out/2026-W48"
  [ -f "$run/plans.jsonl" ] || { cat "$work/stderr"; exit 1; }
  # Each floor runs $floor_runs times and its fastest run counts: the same bytes took
  # 1.15 s in one run and 3.47 s in another here, and a slow floor flatters the ratio.
  files_s=""
  for _ in $(seq "$floor_runs"); do
    read -r _ _ t < <("$work/floor-files" "$run" "$work/floor-out")
    rm -rf "$work/floor-out"
    files_s=$(awk -v a="$files_s" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
  done
  python3 bench/dump-cells.py "$run/summary.xlsx" "$work/cells.tsv"
  xlsx_s=""
  zlib_s=""
  for _ in $(seq "$floor_runs"); do
    read -r _ t < <("$work/floor-xlsx" "$work/cells.tsv" "$work/floor.xlsx")
    rm -f "$work/floor.xlsx"
    xlsx_s=$(awk -v a="$xlsx_s" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
    read -r _ t < <("$work/floor-xlsx-zlib" "$work/cells.tsv" "$work/floor.xlsx")
    rm -f "$work/floor.xlsx"
    zlib_s=$(awk -v a="$zlib_s" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
  done
  rm -f "$work/cells.tsv"
  printf '| %s | %s | %.0f | %d | %s | %s |' "$n" "$wall" "$(awk -v n="$n" -v w="$wall" 'BEGIN { print n / w }')" "$((kb / 1024))" "$user" "$sys"
  for s in $stages; do printf ' %s |' "$(awk -v s="$s" '$1 == s { print $2 }' "$work/stderr")"; done
  printf ' %s | %s | %.2fx | %s |\n' "$files_s" "$xlsx_s" "$(awk -v w="$wall" -v a="$files_s" -v b="$xlsx_s" 'BEGIN { print w / (a + b) }')" "$zlib_s"
  rm -rf "$work/out" "$in"
done

echo
echo "Per stage on one core (legcare-bench, 100,000 clients):"
"$bin" sample --clients 100000 --out "$work/stage"
.build/release/legcare-bench "$work/stage/clients.csv"
