#!/usr/bin/env bash
# make bench [REF=<commit>]: `legcare report` on synthetic lists (`legcare sample`), this
# build and REF's (default: HEAD) in the same run, run after run in turn, beside two floors
# measured in the same run:
#   files floor - bench/floor-files.c writes the same output bytes as plain files;
#   xlsx floor  - bench/floor-xlsx.c writes the same workbook cells through libxlsxwriter,
#                 deflated by the same ISA-L entry points (Sources/CDeflate).
# Then the crowded shape: three therapists serve everyone, no clinic.yaml, two teams each
# hold a quarter of the clients (scripts/crowd-sample.py), where the week stage once grew
# with the square of the list, beside bench/floor-shape.c: the same count of files and
# bytes written by plain C, to show how the file system itself grows. Last, each stage on
# one core (legcare-bench).
# BENCH_SIZES and CROWD_SIZES set the client counts, BENCH_REPEAT the passes of the two
# builds (default 2); BENCH_DIR where files go (tmpfs,
# /dev/shm, avoids ext4's slow file creation after many deletes; docs/performance.md).
# Run as root, it empties the page cache before each run (BENCH_DROP_CACHES=0 keeps it):
# a run that must first reclaim cache left by builds is slower, most at a million clients.
set -euo pipefail
cd "$(dirname "$0")/.."
new=$PWD/.build/release/legcare
ref=${REF:-HEAD}
old=$(bash scripts/build-ref.sh "$ref")
sizes=${BENCH_SIZES:-"10000 100000"}
crowd=${CROWD_SIZES:-"100000"}
floor_runs=${BENCH_FLOOR_RUNS:-3}
# Each size runs the two builds in turn this many times: the machine's noise is large.
repeat=${BENCH_REPEAT:-2}
work=$(mktemp -d -p "${BENCH_DIR:-${TMPDIR:-/tmp}}")
trap 'rm -rf "$work"' EXIT
# The run folder and the files floor's copy lie side by side: about 25 KB a client; the
# crowded shape has no floor, but its run folder and scratch files peak at about 18 KB.
largest=$(printf '%s\n' $sizes | sort -n | tail -n 1)
largest_crowd=$(printf '%s\n' $crowd | sort -n | tail -n 1)
need_kb=$((largest * 25 > largest_crowd * 18 ? largest * 25 : largest_crowd * 18))
largest=$((largest > largest_crowd ? largest : largest_crowd))
avail_kb=$(df --output=avail -k "$work" | tail -n 1)
if [ "$avail_kb" -lt "$need_kb" ]; then
  echo "bench: $largest clients need about $((need_kb / 1048576 + 1)) GiB free in $(dirname "$work")," \
    "and $((avail_kb / 1048576)) GiB is: free some, or set BENCH_DIR to a larger folder" >&2
  exit 1
fi
cc -O2 -o "$work/floor-files" bench/floor-files.c
cc -O2 -o "$work/floor-shape" bench/floor-shape.c
cc -O2 -o "$work/floor-xlsx" bench/floor-xlsx.c Sources/CDeflate/deflate_isal.c -ISources/CDeflate/include \
  $(pkg-config --cflags --libs xlsxwriter libisal zlib) -rdynamic

echo "folder: $(df --output=fstype "$work" | tail -n 1) ($work)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo), $(uname -m); $(date -u '+%Y-%m-%d %H:%M') UTC"
echo "builds: this = $(git describe --always --dirty), ref = $(git rev-parse --short "$ref")"
drop_caches=0
if [ "${BENCH_DROP_CACHES:-1}" = 1 ] && [ -w /proc/sys/vm/drop_caches ]; then drop_caches=1; fi
echo "page cache: $([ "$drop_caches" = 1 ] && echo "emptied before each run" || echo "kept (not root, or BENCH_DROP_CACHES=0)")"
stages="intake plan handouts jsonl workbook week check"

# fastest OUT CMD...: the fastest of $floor_runs runs of a floor writing OUT (its last
# printed number), OUT removed after each run.
fastest() {
  local out=$1 best="" t
  shift
  for _ in $(seq "$floor_runs"); do
    t=$("$@" | awk '{ print $NF }')
    rm -rf "$out"
    best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
  done
  echo "$best"
}

# measure BIN OUT ARGS...: one report run; prints "wall peak_kb user sys" and keeps stderr.
measure() {
  local bin=$1 out=$2
  shift 2
  rm -rf "$out"
  if [ "$drop_caches" = 1 ]; then sync && echo 3 >/proc/sys/vm/drop_caches; fi
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$bin" report "$@" --as-of 2026-11-23 --out "$out" --timings \
    2>"$work/stderr" >/dev/null || true
  [ -f "$out/2026-W48/plans.jsonl" ] || { cat "$work/stderr" >&2; exit 1; }
  tail -n 1 "$work/time"
}

row() { # row NAME CLIENTS "wall kb user sys" [floors...]
  local name=$1 n=$2 wall kb user sys
  read -r wall kb user sys <<<"$3"
  printf '| %s | %s | %s | %.0f | %d | %s | %s |' "$n" "$name" "$wall" "$(awk -v n="$n" -v w="$wall" 'BEGIN { print n / w }')" \
    "$((kb / 1024))" "$user" "$sys"
  for s in $stages; do printf ' %s |' "$(awk -v s="$s" '$1 == s { print $2 }' "$work/stderr")"; done
}

printf '| clients | build | wall s | clients/s | peak MB | user s | sys s |'
for s in $stages; do printf ' %s s |' "$s"; done
printf ' files floor s | xlsx floor s | wall / floors |\n|---|---|---|---|---|---|---|'
for s in $stages; do printf -- '---|'; done
printf -- '---|---|---|\n'
for n in $sizes; do
  in="$work/in-$n"
  "$new" sample --clients "$n" --out "$in"
  args=(--clients "$in/clients.csv" --sessions "$in/sessions.csv" --training "$in/training.csv" --config "$in/clinic.yaml")
  for pass in $(seq "$repeat"); do for build in ref this; do
    bin=$new
    [ "$build" = ref ] && bin=$old
    result=$(measure "$bin" "$work/out-$build" "${args[@]}")
    row "$build" "$n" "$result"
    if [ "$build" = this ] && [ "$pass" = 1 ]; then
      run="$work/out-this/2026-W48"
      files_s=$(fastest "$work/floor-out" "$work/floor-files" "$run" "$work/floor-out")
      python3 bench/dump-cells.py "$run/summary.xlsx" "$work/cells.tsv"
      xlsx_s=$(fastest "$work/floor.xlsx" "$work/floor-xlsx" "$work/cells.tsv" "$work/floor.xlsx")
      rm -f "$work/cells.tsv"
      read -r wall _ <<<"$result"
      printf ' %s | %s | %.2fx |\n' "$files_s" "$xlsx_s" "$(awk -v w="$wall" -v a="$files_s" -v b="$xlsx_s" 'BEGIN { print w / (a + b) }')"
    else
      printf ' | | |\n'
    fi
    rm -rf "$work/out-$build"
  done; done
  rm -rf "$in"
done

echo
echo "Crowded shape (three therapists, two teams of a quarter each, no clinic.yaml):"
printf '| clients | build | wall s | clients/s | peak MB | user s | sys s |'
for s in $stages; do printf ' %s s |' "$s"; done
printf '\n|---|---|---|---|---|---|---|'
for s in $stages; do printf -- '---|'; done
echo
declare -A crowd_walls
for n in $crowd; do
  in="$work/crowd-$n"
  "$new" sample --clients "$n" --out "$in"
  python3 scripts/crowd-sample.py "$in/clients.csv" "$in/crowded.csv"
  args=(--clients "$in/crowded.csv" --sessions "$in/sessions.csv" --training "$in/training.csv")
  for pass in $(seq "$repeat"); do for build in ref this; do
    bin=$new
    [ "$build" = ref ] && bin=$old
    result=$(measure "$bin" "$work/out-$build" "${args[@]}")
    row "$build" "$n" "$result"
    echo
    read -r wall _ <<<"$result"
    crowd_walls[$build-$n]="${crowd_walls[$build-$n]:-} $wall"
    rm -rf "$work/out-$build"
  done; done
  for pass in $(seq "$repeat"); do
    mkdir "$work/shape"
    if [ "$drop_caches" = 1 ]; then sync && echo 3 >/proc/sys/vm/drop_caches; fi
    crowd_walls[floor-$n]="${crowd_walls[floor-$n]:-} $("$work/floor-shape" "$work/shape" "$n" | awk '{ print $2 }')"
    rm -rf "$work/shape"
  done
  echo "| $n | shape floor |${crowd_walls[floor-$n]} | | | | |"
  rm -rf "$in"
done
# How the crowded shape's time grows with the list: the mean of each size's passes
# against the smallest size's, per build and for the floor.
smallest=$(printf '%s\n' $crowd | sort -n | head -n 1)
for build in ref this floor; do for n in $crowd; do
  [ "$n" = "$smallest" ] && continue
  echo "$build: $n clients take $(awk -v a="${crowd_walls[$build-$n]}" -v b="${crowd_walls[$build-$smallest]}" 'BEGIN {
    na = split(a, x, " "); nb = split(b, y, " "); for (i in x) sa += x[i]; for (i in y) sb += y[i]
    printf "%.1fx", (sa / na) / (sb / nb) }') the time of $smallest (means of $repeat passes)"
done; done

echo
echo "Per stage on one core (legcare-bench, 100,000 clients):"
"$new" sample --clients 100000 --out "$work/stage"
.build/release/legcare-bench "$work/stage/clients.csv"
