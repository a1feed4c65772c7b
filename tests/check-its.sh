#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Extracts the library's strings with its ITS rules and checks what translators get.
set -eu
xgettext=$1 root=$2
pot=$(mktemp)
trap 'rm -f "$pot"' EXIT
"$xgettext" --its="$root/data/dorsum-library.its" -o "$pot" "$root"/data/library/*.xml
grep -qx 'msgid "Latissimus dorsi"' "$pot" || { echo "muscle names are not extracted"; exit 1; }
grep -qx 'msgid "lats"' "$pot" || { echo "lay names are not extracted"; exit 1; }
grep -q 'msgid "Musculus latissimus dorsi"' "$pot" && { echo "Latin names must not be translated"; exit 1; }
grep -q 'msgid "foam-roller"' "$pot" && { echo "equipment keywords must not be translated"; exit 1; }
echo "$(grep -c '^msgid' "$pot") library strings for translators"
