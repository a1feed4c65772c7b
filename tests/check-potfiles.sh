#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a source file with translatable strings is missing from po/POTFILES.in,
# when POTFILES.in names a file that does not exist, or when it is not sorted.
set -u
cd "$(dirname "$0")/.."
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')
status=0

for f in $listed; do
  [ -f "$f" ] || { echo "po/POTFILES.in names $f, which does not exist"; status=1; }
done
[ "$listed" = "$(echo "$listed" | LC_ALL=C sort)" ] || { echo "po/POTFILES.in is not sorted"; status=1; }

for f in $(grep -rlE '(^|[^A-Za-z_])(_|N_|C_|g_dngettext)\(' src --include='*.c') \
         $(grep -rl 'translatable="yes"' src --include='*.ui'); do
  echo "$listed" | grep -qx "$f" || { echo "$f has translatable strings but is not in po/POTFILES.in"; status=1; }
done

[ $status = 0 ] && echo "po/POTFILES.in is complete"
exit $status
