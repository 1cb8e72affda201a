#!/usr/bin/env bash
# make compare REF=<commit>: every output of this build against REF's, byte for byte, on
#   1. the sample Input/, in its own week and the week before (with clients-last-week.csv);
#   2. `legcare sample --clients 10000` with sessions and training;
#   3. `legcare sample --clients 100000` (COMPARE_LARGE=0 leaves it out).
# Exits 1 and names the differing files when any output differs.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:?usage: make compare REF=<commit>}
new=${NEW_BIN:-$PWD/.build/release/legcare}
old=$(bash scripts/build-ref.sh "$ref")
work=$(mktemp -d -p "${COMPARE_DIR:-${TMPDIR:-/tmp}}")
trap 'rm -rf "$work"' EXIT
status=0

# run NAME ARGS...: both builds on the same inputs, each into its own folder, then diff.
run() {
  local name=$1
  shift
  "$old" report "$@" --out "$work/old-$name" >/dev/null 2>"$work/old-$name.err" || true
  "$new" report "$@" --out "$work/new-$name" >/dev/null 2>"$work/new-$name.err" || true
  if diff -r "$work/old-$name" "$work/new-$name" >"$work/diff-$name" 2>&1; then
    echo "compare: $name: $(find "$work/new-$name" -type f | wc -l) files, byte-identical"
  else
    echo "compare: $name: outputs differ:"
    head -n 20 "$work/diff-$name"
    status=1
  fi
}

sample=(--sessions Input/sessions.csv --training Input/training.csv --config Input/clinic.yaml)
run sample-last-week --clients Input/clients-last-week.csv "${sample[@]}" --as-of 2026-11-16
# The second week compares with the first: each build's own earlier week in its own folder.
cp -r "$work/old-sample-last-week" "$work/old-sample"
cp -r "$work/new-sample-last-week" "$work/new-sample"
run sample --clients Input/clients.csv "${sample[@]}" --as-of 2026-11-23

sizes=10000
[ "${COMPARE_LARGE:-1}" = 0 ] || sizes="10000 100000"
for n in $sizes; do
  "$new" sample --clients "$n" --out "$work/in-$n"
  in=$work/in-$n
  run "sample-$n" --clients "$in/clients.csv" --sessions "$in/sessions.csv" --training "$in/training.csv" \
    --config "$in/clinic.yaml" --as-of 2026-11-23
  rm -rf "$work/old-sample-$n" "$work/new-sample-$n" "$in"
done
exit $status
