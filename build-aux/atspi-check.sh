#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# What a screen reader hears: runs the built app in Xvfb with the AT-SPI bus, once per
# state given (dorsum's own arguments; "app.NAME" or "win.NAME": that action activated over
# D-Bus once the window shows, such as app.preferences; none: the atlas), and walks its
# accessibility tree with build-aux/atspi-walk.py, listing every control without a name.
# Exit 1 if any.
#   build-aux/atspi-check.sh [BUILDDIR] -- "--muscle quadratus-lumborum" "--study" "chart.dorsum-chart" app.preferences
# Needs xvfb, dbus, at-spi2-core and python3-pyatspi (apt-get install them).
set -uo pipefail
builddir=${1:-_build}; shift || true
[ "${1:-}" = "--" ] && shift
[ $# -gt 0 ] || set -- ""
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
status=0
for state in "$@"; do
  echo "== dorsum $state"
  args=$state action=
  case $state in
    app.*|win.*) args= action=$state ;;
  esac
  out=$(GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$builddir/data" XDG_CONFIG_HOME="$tmp/config" \
        XDG_DATA_HOME="$tmp/data" XDG_STATE_HOME="$tmp/state" GTK_A11Y=atspi \
        xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bash -c "
          /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
          sleep 1
          '$builddir/src/dorsum' $args >/dev/null 2>&1 &
          app=\$!
          sleep 6
          if [ -n '$action' ]; then
            path=/io/github/dorsum/Dorsum; name=${action#*.}
            [ '${action%%.*}' = win ] && path=\$path/window/1
            gdbus call --session --dest io.github.dorsum.Dorsum --object-path \$path \
              --method org.gtk.Actions.Activate \$name [] {} >/dev/null
            sleep 3
          fi
          /usr/bin/python3 '$here/atspi-walk.py'
          kill \$app" 2>/dev/null)
  echo "$out"
  echo "$out" | grep -q UNNAMED && status=1
done
exit $status
