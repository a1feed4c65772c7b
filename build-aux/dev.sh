#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# One-command developer entry point, used by the README's Quick start and by CI:
#   build-aux/dev.sh run   — install build dependencies if missing, build, run the app
#   build-aux/dev.sh test  — the same set-up, then run every test (widget tests under Xvfb)
# DORSUM_SANITIZE=1 builds with AddressSanitizer and UndefinedBehaviorSanitizer (CI does both).
set -euo pipefail

cd "$(dirname "$0")/.."
builddir=${DORSUM_BUILDDIR:-_build}

# Debian 12 / Ubuntu 22.04+ package names; CI runs on a fresh Debian 12.
packages=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev librsvg2-dev libxml2-dev libsqlite3-dev
  # test-handout reads the handout back (its text, pages and page sizes) with poppler-glib
  libpoppler-glib-dev
  libgtk-4-bin libxml2-utils desktop-file-utils appstream
  xvfb xauth dbus-x11 librsvg2-bin librsvg2-common adwaita-icon-theme shared-mime-info
  xdotool
)

install_dependencies () {
  local missing=()
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  echo "Installing build dependencies: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
}

configure () {
  local werror=false
  local options=()
  [ "${CI:-}" = "true" ] && werror=true
  if [ -n "${DORSUM_SANITIZE:-}" ]; then
    options+=(-Db_sanitize=address,undefined -Db_lundef=false)
  fi
  if [ -d "$builddir" ]; then
    meson setup --reconfigure "$builddir" -Dwerror=$werror "${options[@]}" >/dev/null
  else
    meson setup "$builddir" -Dwerror=$werror "${options[@]}"
  fi
  meson compile -C "$builddir"
}

case "${1:-}" in
  run)
    shift
    install_dependencies
    configure
    # Run uninstalled: the compiled settings schema sits in the build tree.
    GSETTINGS_SCHEMA_DIR="$builddir/data" exec "$builddir/src/dorsum" "$@"
    ;;
  test)
    shift
    install_dependencies
    configure
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      exec xvfb-run -a -s "-screen 0 1280x1024x24" meson test -C "$builddir" --print-errorlogs "$@"
    else
      exec meson test -C "$builddir" --print-errorlogs "$@"
    fi
    ;;
  *)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac
