#!/usr/bin/env bash
# make package-check: the .deb unpacked into a scratch root (dpkg-deb -x) and run from
# there, as an installed LegCare runs: --version, init, sample, report with the packaged
# handout template and catalogs, and `man -l` on the packaged page. Then the manual page and the three
# completion scripts must name every subcommand and option that --help names.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$1
version=$(dpkg-deb -f "$deb" Version)
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
fail() { echo "package-check: $*" >&2; exit 1; }

dpkg-deb -x "$deb" "$root/pkg"
bin=$root/pkg/usr/bin/legcare
[ "$(stat -c %a "$bin")" = 755 ] || fail "the binary is not 0755"
bad=$(find "$root/pkg" -type f ! -path "$bin" ! -perm 0644)
[ -z "$bad" ] || fail "files not 0644: $bad"

"$bin" --version | grep -q "^legcare $version" || fail "--version does not say $version"

# The packaged template is the one used: a line added to it shows in every handout.
echo "Printed from the packaged template." >> "$root/pkg/usr/share/legcare/templates/handout.mustache"
# ...and so are the packaged catalogs.
for tag in de en es fr pl; do [ -f "$root/pkg/usr/share/legcare/catalogs/$tag.catalog" ] || fail "no $tag.catalog in the package"; done
sed -i 's/^help.heading = WHEN TO SEEK HELP$/help.heading = WHEN TO SEEK HELP (packaged catalog)/' "$root/pkg/usr/share/legcare/catalogs/en.catalog"
( cd "$root" && "$bin" init clinic >/dev/null ) || fail "init failed"
( cd "$root/clinic" && "$bin" validate >/dev/null ) || fail "validate fails on what init wrote"
( cd "$root" && "$bin" init clinic >/dev/null 2>&1 ) && fail "init overwrote a folder"
( cd "$root" && "$bin" sample --clients 50 --out sample >/dev/null ) || fail "sample failed"
status=0
( cd "$root" && "$bin" report --clients sample/clients.csv --sessions sample/sessions.csv --training sample/training.csv \
  --config sample/clinic.yaml --as-of 2026-11-23 --out out >/dev/null 2>&1 ) || status=$?
[ "$status" = 0 ] || [ "$status" = 3 ] || fail "report exited $status"
handout=$(find "$root/out/2026-W48/handouts" -name '*.txt' | head -n 1)
grep -q "Printed from the packaged template." "$handout" || fail "the handouts did not use the packaged template"
grep -rq "WHEN TO SEEK HELP (packaged catalog)" "$root/out/2026-W48/handouts" || fail "the handouts did not use the packaged catalogs"

if ! command -v man >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "Installing man-db with apt-get, to read the packaged manual page..."
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq man-db bsdextrautils >/dev/null
fi
command -v man >/dev/null || fail "man is not installed: sudo apt-get install -y man-db"
page=$root/pkg/usr/share/man/man1/legcare.1.gz
manual=$(MANWIDTH=200 man -l "$page" 2>/dev/null | col -b)
echo "$manual" | grep -q "legcare" || fail "man -l shows nothing"

# Every subcommand and option of --help, in the manual and in each completion script.
names=$("$bin" --help | awk '/^SUBCOMMANDS:/ {s = 1; next} s && /^  [a-z]/ {print $1}')
for sub in $names; do
  options=$("$bin" help "$sub" | grep -oE -- '--[a-z][a-z-]+' | sort -u)
  for word in "$sub" $options; do
    [ "$word" = --help ] && continue
    echo "$manual" | grep -qe "$word" || fail "the manual page lacks $word ($sub)"
    for c in usr/share/bash-completion/completions/legcare usr/share/zsh/site-functions/_legcare \
      usr/share/fish/vendor_completions.d/legcare.fish; do
      grep -qe "${word#--}" "$root/pkg/$c" || fail "$c lacks $word ($sub)"
    done
  done
done
# make install and make uninstall under a DESTDIR: everything installed goes again.
make --no-print-directory install-files DESTDIR="$root/staged" PREFIX=/opt/legcare >/dev/null
[ -x "$root/staged/opt/legcare/bin/legcare" ] || fail "make install put no binary in place"
make --no-print-directory uninstall DESTDIR="$root/staged" PREFIX=/opt/legcare >/dev/null
left=$(find "$root/staged" -type f)
[ -z "$left" ] || fail "make uninstall left $left"

echo "package-check: $deb installs and runs from a scratch root; the manual and completions name every option"
