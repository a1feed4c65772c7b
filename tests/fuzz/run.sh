#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer target for a bounded time over a scratch copy of its committed corpus.
# Fails on a crash, a leak, an input that takes more than 1 s or a run above 200 MB.
#
#   tests/fuzz/run.sh [SECONDS-PER-TARGET [BUILDDIR [TARGET...]]]
#
# SECONDS defaults to 30, BUILDDIR to _build-fuzz, which is set up with clang (installed
# first if missing, as build-aux/dev.sh does) and built when needed. Findings are kept in
# BUILDDIR/fuzz-findings/TARGET/ (crash-*, leak-*, timeout-*, oom-*). More libFuzzer options
# go in DORSUM_FUZZ_ARGS (say "-max_len=8192" for more runs a second on packs).
set -u

seconds=${1:-30}
builddir=${2:-_build-fuzz}
[ $# -ge 2 ] && shift 2 || shift $#
targets=${*:-library chart diagram search}
srcdir=$(cd "$(dirname "$0")" && pwd)
topdir=$(cd "$srcdir/../.." && pwd)

if ! command -v clang >/dev/null || ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1; then
  echo "run.sh: installing clang and its libFuzzer runtime"
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends clang libclang-rt-dev >/dev/null || exit 2
fi

if [ ! -f "$builddir/build.ninja" ]; then
  CC=clang meson setup "$builddir" "$topdir" -Dgui=disabled -Db_lundef=false -Dfuzzing=enabled >/dev/null || exit 2
fi
meson compile -C "$builddir" tests/fuzz/fuzz-library tests/fuzz/fuzz-chart tests/fuzz/fuzz-diagram tests/fuzz/fuzz-search >/dev/null || exit 2

builddir=$(cd "$builddir" && pwd) || exit 2
work=$(mktemp -d "${TMPDIR:-/tmp}/dorsum-fuzz-XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT INT TERM

export G_SLICE=always-malloc
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:quarantine_size_mb=16}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

status=0
for target in $targets; do
  exe="$builddir/tests/fuzz/fuzz-$target"
  findings="$builddir/fuzz-findings/$target"
  if [ ! -x "$exe" ]; then
    echo "run.sh: $exe is missing; is $builddir built with clang (see tests/fuzz/README.md)?" >&2
    exit 2
  fi
  mkdir -p "$work/$target" "$work/tmp-$target" "$findings"
  echo "== $target: $seconds s"
  # New inputs go to the scratch corpus; the committed one is only read.
  TMPDIR="$work/tmp-$target" "$exe" \
    -timeout=1 -rss_limit_mb=200 -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$findings/" ${DORSUM_FUZZ_ARGS:-} \
    "$work/$target" "$srcdir/corpus/$target" >"$work/$target.log" 2>&1
  rc=$?
  grep -E '^stat::(number_of_executed_units|peak_rss_mb)|^Done |ERROR: |SUMMARY: |Test unit written' "$work/$target.log"
  if [ $rc -ne 0 ]; then
    echo "== $target: FAILED (exit $rc), log follows; findings in $findings"
    tail -n 60 "$work/$target.log"
    status=1
  fi
done

exit $status
