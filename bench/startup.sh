#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Startup: launch to first painted frame, Dorsum (diagram and sidebar) against a blank
# AdwApplicationWindow, alternating runs in one Xvfb and one session bus; prints medians,
# the ratio and RSS.
#   bench/startup.sh [BUILDDIR] [RUNS]
#
# Both run with a session bus, as in any desktop session. Without one, GDBus forks
# dbus-launch at every launch to look for a bus; the fork makes the whole process
# copy-on-write for the rest of its startup, which no user's desktop would show.
set -euo pipefail
builddir=${1:-_build}
runs=${2:-15}
export DORSUM_FIRST_FRAME=1 GSK_RENDERER=${GSK_RENDERER:-cairo} GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1 GTK_A11Y=none
export GSETTINGS_SCHEMA_DIR="$builddir/data"

# Prints "MICROSECONDS RSS_KB MAIN_CPU_MS PROCESS_CPU_MS": from just before the launch to
# the first frame, by the wall-clock time the program prints then (its exit is not
# counted), and the CPU time its main thread and all its threads had used by then (less
# moved by the other programs on a shared machine than the wall-clock time).
measure () {
  local start out rss end main_cpu process_cpu
  start=$(date +%s%N)
  out=$("$@" 2>/dev/null | grep first-frame)
  read -r _ rss end <<< "$(grep -m1 '^first-frame ' <<< "$out")"
  read -r _ main_cpu process_cpu <<< "$(grep -m1 '^first-frame-cpu ' <<< "$out")"
  echo "$(( end - start / 1000 )) $rss $main_cpu $process_cpu"
}

median () { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

run_all () {
  : > /tmp/dorsum-startup-app; : > /tmp/dorsum-startup-blank
  for _ in $(seq "$runs"); do
    measure "$builddir/bench/blank-window" >> /tmp/dorsum-startup-blank
    measure "$builddir/src/dorsum" >> /tmp/dorsum-startup-app
  done
  app_us=$(cut -d' ' -f1 /tmp/dorsum-startup-app | median)
  blank_us=$(cut -d' ' -f1 /tmp/dorsum-startup-blank | median)
  app_kb=$(cut -d' ' -f2 /tmp/dorsum-startup-app | median)
  blank_kb=$(cut -d' ' -f2 /tmp/dorsum-startup-blank | median)
  app_main=$(cut -d' ' -f3 /tmp/dorsum-startup-app | median)
  blank_main=$(cut -d' ' -f3 /tmp/dorsum-startup-blank | median)
  app_all=$(cut -d' ' -f4 /tmp/dorsum-startup-app | median)
  blank_all=$(cut -d' ' -f4 /tmp/dorsum-startup-blank | median)
  echo "blank window: launch to first frame $((blank_us / 1000)) ms (median of $runs), RSS $((blank_kb / 1024)) MB"
  echo "dorsum:       launch to first frame $((app_us / 1000)) ms (median of $runs), RSS $((app_kb / 1024)) MB"
  awk -v a="$app_us" -v b="$blank_us" 'BEGIN {printf "ratio: %.2fx (target <= 1.3x)\n", a / b}'
  echo "CPU time by the first frame, main thread / all threads (medians): blank window $blank_main / $blank_all ms, dorsum $app_main / $app_all ms"
  echo "RSS difference: $(( (app_kb - blank_kb) / 1024 )) MB (target <= 40 MB)"
}

if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1920x1080x24" "$0" "$builddir" "$runs"
fi
if [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ] && command -v dbus-run-session > /dev/null; then
  exec dbus-run-session -- "$0" "$builddir" "$runs" 2> >(grep -v "Failed to set fd limit" >&2)
fi
run_all
