#!/usr/bin/env bash
# Builds another commit's release binary beside this checkout, for `make compare` and
# `make bench REF=...`. Prints the binary's path. The worktree and its build folder live in
# .build-ref/<commit>/ (ignored by git) and are reused when the commit is built already.
set -euo pipefail
cd "$(dirname "$0")/.."
ref=${1:?usage: scripts/build-ref.sh COMMIT}
sha=$(git rev-parse --verify "$ref^{commit}")
dir=.build-ref/$sha
if [ ! -x "$dir/bin/legcare" ]; then
  rm -rf "$dir"
  mkdir -p .build-ref
  git worktree prune
  git worktree add --detach -f "$dir/src" "$sha" >/dev/null 2>&1
  echo "building $ref ($sha) in $dir ..." >&2
  (cd "$dir/src" && swift build -c release ${RELEASE_FLAGS:---static-swift-stdlib} --scratch-path "../build" >"../build.log" 2>&1) ||
    { tail -n 30 "$dir/build.log" >&2; exit 1; }
  mkdir -p "$dir/bin"
  cp "$dir/build/release/legcare" "$dir/bin/legcare"
fi
echo "$PWD/$dir/bin/legcare"
