#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a MIME database from Dorsum's type alone and checks the chart's glob, XML root and
# icon made it in: update-mime-database refuses a malformed package.
set -eu
update_mime_database=$1
package=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/packages"
cp "$package" "$dir/packages/"
# It prints a note that the folder is not on the search path: only its exit status counts.
"$update_mime_database" "$dir" 2>/dev/null
grep -q '^application/x-dorsum-chart:\*\.dorsum-chart$' "$dir/globs"
grep -q '^https://dorsum.github.io/ns/chart/1 chart application/x-dorsum-chart$' "$dir/XMLnamespaces"
grep -q '^application/x-dorsum-chart:io.github.dorsum.Dorsum-application-x-dorsum-chart$' "$dir/icons"
echo "application/x-dorsum-chart: glob, XML root and icon are in the database"
