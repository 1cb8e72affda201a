#!/usr/bin/env bash
# make deb: legcare_<version>_<arch>.deb from the release build, with dpkg-deb.
# The package's files are what `make install PREFIX=/usr` puts in place; Depends names the
# package and version of each shared library the binary links (read from its NEEDED
# entries and dpkg), so it is right for the Debian it was built on.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$1
arch=$(dpkg --print-architecture)
name="legcare_${version}_${arch}"
root=.build/deb/$name
rm -rf "$root"
mkdir -p "$root"
make --no-print-directory install-files DESTDIR="$PWD/$root" PREFIX=/usr >/dev/null
gzip -9n "$root/usr/share/man/man1/legcare.1"
strip --strip-unneeded "$root/usr/bin/legcare"  # Debian ships binaries without symbols

# Depends: one entry per library the binary needs, at the version installed here.
depends=$(
  readelf -d "$root/usr/bin/legcare" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | while read -r lib; do
    path=$(ldconfig -p | awk -v l="$lib" '$1 == l && /x86-64|aarch64|64bit/ { print $NF; exit }')
    [ -n "$path" ] || path=$(ldconfig -p | awk -v l="$lib" '$1 == l { print $NF; exit }')
    pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -n 1 | cut -d: -f1) || true
    [ -n "$pkg" ] || pkg=$(dpkg -S "$path" | head -n 1 | cut -d: -f1)
    echo "$pkg (>= $(dpkg-query -W -f '${Version}' "$pkg"))"
  done | sort -u | paste -sd, - | sed 's/,/, /g'
)

doc=$root/usr/share/doc/legcare
mkdir -p "$doc"
cat > "$doc/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: legcare
Source: the LegCare repository

Files: *
Copyright: 2026 The LegCare authors
License: none-chosen
 No licence has been chosen yet: all rights are reserved by the authors until one is.
EOF
{
  echo "legcare ($version) unstable; urgency=low"
  echo
  echo "  * Release $version: see README.md in the source for what LegCare does."
  echo
  echo " -- The LegCare authors <legcare@localhost>  $(date -u -R -d @"${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}")"
} | gzip -9n > "$doc/changelog.Debian.gz"

mkdir -p "$root/DEBIAN"
size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<EOF
Package: legcare
Version: $version
Architecture: $arch
Maintainer: The LegCare authors <legcare@localhost>
Installed-Size: $size
Depends: $depends
Section: utils
Priority: optional
Description: the week's recovery paperwork from a clinic's or a team's client list
 LegCare reads client profiles, a delivered-session log and a squad's training
 log from CSV files, and writes the week's reports: a manager's workbook, a
 plain-text handout per client, a page per team, the week's timetable and
 plans.jsonl. Nothing leaves the machine.
EOF

# Files 0644, folders and the binary 0755, all owned by root.
find "$root" -type d -exec chmod 0755 {} +
find "$root" -type f -exec chmod 0644 {} +
chmod 0755 "$root/usr/bin/legcare"
dpkg-deb --root-owner-group -Zxz --build "$root" "$name.deb" >/dev/null
echo "$name.deb"
