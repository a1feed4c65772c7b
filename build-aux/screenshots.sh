#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Renders the app's main views under Xvfb to data/screenshots/*.png for the README and the
# metainfo: a muscle page, a technique page, the trigger point chart, dark style, narrow.
#   build-aux/screenshots.sh [BUILDDIR]
# Needs xvfb, xdotool and imagemagick (apt-get install xvfb xdotool imagemagick).
set -euo pipefail
cd "$(dirname "$0")/.."
builddir=${1:-_build}
out=data/screenshots
mkdir -p "$out"

config=$(mktemp -d)
trap 'rm -rf "$config"' EXIT
mkdir -p "$config/glib-2.0/settings"
# The first-run note has been read; everything else starts from the defaults.
printf '[io/github/dorsum/Dorsum]\ndisclaimer-shown=true\n' > "$config/glib-2.0/settings/keyfile"

shot () {
  local name=$1 size=$2 keys=$3; shift 3
  local display=$((100 + RANDOM % 400))
  Xvfb ":$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  local xvfb=$!
  sleep 1
  DISPLAY=":$display" GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=1 GSETTINGS_BACKEND=keyfile \
    XDG_CONFIG_HOME="$config" GSETTINGS_SCHEMA_DIR="$builddir/data" env ${EXTRA_ENV:-} \
    "$builddir/src/dorsum" "$@" >/dev/null 2>&1 &
  local app=$!
  sleep 3
  for key in $keys; do DISPLAY=":$display" xdotool key "$key"; sleep 0.5; done
  local window
  window=$(DISPLAY=":$display" xdotool search --onlyvisible --pid "$app" 2>/dev/null | tail -1)
  DISPLAY=":$display" import -window "${window:-root}" "$out/$name.png"
  kill "$app" "$xvfb" 2>/dev/null || true
  wait "$app" "$xvfb" 2>/dev/null || true
  rm -f "$config/glib-2.0/settings/keyfile.bak"
  printf '[io/github/dorsum/Dorsum]\ndisclaimer-shown=true\n' > "$config/glib-2.0/settings/keyfile"
  echo "wrote $out/$name.png"
}

shot muscle 1280x800 "" --muscle latissimus-dorsi
shot technique 1280x800 "" --technique trigger-point-therapy
shot trigger-points 1280x800 "ctrl+t" --muscle quadratus-lumborum
EXTRA_ENV="ADW_DEBUG_COLOR_SCHEME=prefer-dark" shot dark 1280x800 "ctrl+l" --muscle trapezius-descending
shot narrow 360x720 "" --search "lower back"
# The pain chart: a chart left unsaved is offered back at start; Return restores it.
mkdir -p "$config/state/dorsum"
cp tests/data/charts/low-back.xml "$config/state/dorsum/unsaved-chart.xml"
EXTRA_ENV="XDG_STATE_HOME=$config/state" shot chart 1280x800 "Return"
