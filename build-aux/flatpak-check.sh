#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Flatpak for real and checks it in its sandbox, on a Debian 12 machine as root with
# nothing but Debian's archive (see the README, "Checking the Flatpak"):
#   1. a stand-in Platform and Sdk made from Debian 13 packages (GTK 4.18, libadwaita 1.7, the
#      nearest to the GNOME runtime reachable from Debian's archive), in a local OSTree repo under
#      test ids, cached in $DORSUM_FLATPAK_CACHE (default /var/cache/dorsum-flatpak) and rebuilt
#      only when their package lists change;
#   2. flatpak/io.github.dorsum.Dorsum.json built against it, only the runtime ids overridden,
#      with the test suite running inside the build (under the host's Xvfb);
#   3. the app installed --user in a throw-away installation and run under Xvfb with a D-Bus
#      session and xdg-desktop-portal(-gtk): no network but lo, no host /home or checkout, and a
#      chart opened, saved and exported through the portals lands on the host.
# Prints the time and disk use of each step. Not part of .ci/run: it downloads some 400 MB once.
#   build-aux/flatpak-check.sh            everything
#   build-aux/flatpak-check.sh runtime    only the stand-in runtime (into the cache)
# DORSUM_FLATPAK_KEEP=1 keeps the work directory for a look afterwards.
set -euo pipefail

cd "$(dirname "$0")/.."
src=$PWD
app_id=io.github.dorsum.Dorsum
cache=${DORSUM_FLATPAK_CACHE:-/var/cache/dorsum-flatpak}
mirror=${DORSUM_DEBIAN_MIRROR:-http://deb.debian.org/debian}
suite=trixie
runtime_id=org.example.dorsum
branch=test
arch=$(uname -m)

# What the app needs at run time, and what it needs to build and test on top (build-aux/dev.sh's
# list, for Debian 13). debootstrap's minbase resolves no virtual packages: dconf's session bus
# (dbus-x11 provides it) is named by hand.
platform_packages=(
  libgtk-4-1 libadwaita-1-0 librsvg2-2 librsvg2-common libxml2 libsqlite3-0 libglib2.0-0t64
  libglib2.0-bin dconf-gsettings-backend dbus-x11 shared-mime-info hicolor-icon-theme
  adwaita-icon-theme fonts-cantarell fonts-dejavu-core fontconfig xdg-utils
)
sdk_packages=(
  meson ninja-build pkg-config gcc gettext python3 locales
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev librsvg2-dev libxml2-dev
  libsqlite3-dev libpoppler-glib-dev libgtk-4-bin libxml2-utils desktop-file-utils appstream
  librsvg2-bin xdotool
  # flatpak-builder 1.2 (Debian 12) runs appstream-compose from the Sdk after the build.
  appstream-util
)
host_packages=(
  flatpak flatpak-builder ostree debootstrap xvfb xauth xdotool dbus dbus-x11 jq fuse3
  xdg-desktop-portal xdg-desktop-portal-gtk xdg-dbus-proxy
)

log () { printf '%s\n' "$*" >&2; }
die () { log "flatpak-check: $*"; exit 1; }

disk () { [ -n "$1" ] && [ -e "$1" ] && du -sxh "$1" 2>/dev/null | cut -f1 || echo -; }

# Runs one step and prints how long it took and how much disk the cache and the work dir hold.
step () {
  local name=$1 start=$SECONDS
  shift
  log "==> $name"
  "$@"
  printf '<== %-38s %5d s   disk: cache %s, work %s\n' "$name" $((SECONDS - start)) \
    "$(disk "$cache")" "$(disk "${work:-}")" | tee -a "${timings:-/dev/null}" >&2
}

install_host_packages () {
  local missing=()
  for p in "${host_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# ---------------------------------------------------------------------------------------------
# 1. The stand-in runtime.

runtime_key () {
  # Bump the format when the way the tree is made changes.
  printf 'format 3\n%s %s\n%s\n%s\n' "$suite" "$arch" "${platform_packages[*]}" "${sdk_packages[*]}" | sha256sum | cut -c1-16
}

# The runtime's files are its usr (flatpak mounts them at /usr and links /bin, /lib… to them,
# as Debian's merged /usr does); its etc becomes usr/etc, which flatpak mounts at /etc.
export_runtime () {
  local root=$1 name=$2
  rm -rf "$root/usr/etc"
  cp -a "$root/etc" "$root/usr/etc"
  # Debian points /etc/os-release and a few others at ../usr/lib; inside usr/etc that is one up too few.
  find "$root/usr/etc" -xtype l -lname '../usr/*' | while read -r link; do
    ln -sfn "../$(readlink "$link" | sed 's#^\.\./usr/##')" "$link"
  done
  cat > "$root/metadata" <<EOF
[Runtime]
name=$runtime_id.$name
runtime=$runtime_id.Platform/$arch/$branch
sdk=$runtime_id.Sdk/$arch/$branch
EOF
  flatpak build-export --runtime --files=usr --disable-sandbox "$cache/repo" "$root" "$branch" >/dev/null
}

chroot_run () {
  local root=$1
  shift
  mount -t proc proc "$root/proc"
  local status=0
  chroot "$root" env -i PATH=/usr/sbin:/usr/bin DEBIAN_FRONTEND=noninteractive LC_ALL=C "$@" || status=$?
  umount "$root/proc"
  return $status
}

build_runtime () {
  local key
  key=$(runtime_key)
  if [ -f "$cache/runtime.stamp" ] && [ "$(cat "$cache/runtime.stamp")" = "$key" ] && [ -d "$cache/repo" ]; then
    log "    cached (key $key)"
    return 0
  fi
  rm -rf "$cache/platform" "$cache/sdk" "$cache/repo" "$cache/runtime.stamp"
  mkdir -p "$cache/debs"
  ostree init --repo="$cache/repo" --mode=archive-z2

  local include
  include=$(IFS=,; echo "${platform_packages[*]}")
  debootstrap --variant=minbase --cache-dir="$cache/debs" --include="$include" \
    "$suite" "$cache/platform" "$mirror" > "$cache/debootstrap.log" 2>&1 \
    || { tail -20 "$cache/debootstrap.log"; die "debootstrap failed (log: $cache/debootstrap.log)"; }

  # The Sdk is the Platform plus the build tools; flatpak-builder runs with LC_ALL=en_US.utf8.
  cp -a "$cache/platform" "$cache/sdk"
  echo "en_US.UTF-8 UTF-8" > "$cache/sdk/etc/locale.gen"
  cp -a "$cache/debs/." "$cache/sdk/var/cache/apt/archives/" 2>/dev/null || true
  chroot_run "$cache/sdk" sh -c "apt-get install -y -q --no-install-recommends ${sdk_packages[*]} && locale-gen" \
    > "$cache/sdk-apt.log" 2>&1 || { tail -20 "$cache/sdk-apt.log"; die "apt-get in the Sdk failed"; }
  cp -n "$cache/sdk/var/cache/apt/archives/"*.deb "$cache/debs/" 2>/dev/null || true

  for tree in platform sdk; do
    rm -rf "$cache/$tree/var/cache/apt/archives/"*.deb "$cache/$tree/var/lib/apt/lists/"* \
           "$cache/$tree/usr/share/doc" "$cache/$tree/usr/share/man" "$cache/$tree/usr/share/info"
  done
  export_runtime "$cache/platform" Platform
  export_runtime "$cache/sdk" Sdk
  # Only the repo is needed from now on.
  rm -rf "$cache/platform" "$cache/sdk"
  echo "$key" > "$cache/runtime.stamp"
}

# ---------------------------------------------------------------------------------------------
# 2. The app, built against it.

install_runtime () {
  flatpak --user remote-add --no-gpg-verify --if-not-exists dorsum-test "file://$cache/repo"
  flatpak --user install -y --noninteractive dorsum-test \
    "$runtime_id.Platform//$branch" "$runtime_id.Sdk//$branch" > "$work/install-runtime.log"
}

# The manifest as the project keeps it, with the runtime's ids changed and the source pointing
# at this checkout: a generated copy, not a second manifest.
# DORSUM_FLATPAK_TESTS=0 leaves the tests out of the build, to look at the sandbox alone.
write_manifest () {
  jq --arg platform "$runtime_id.Platform" --arg sdk "$runtime_id.Sdk" --arg branch "$branch" --arg src "$src" \
     --argjson tests "$([ "${DORSUM_FLATPAK_TESTS:-1}" = 0 ] && echo false || echo true)" '
    .runtime = $platform | .sdk = $sdk | ."runtime-version" = $branch
    | .modules |= map(if .name == "dorsum" then
        .sources = [{ "type": "dir", "path": $src, "skip": ["_build", ".git"] }] | ."run-tests" = $tests
      else . end)
  ' "$src/flatpak/$app_id.json" > "$work/$app_id.json"
  [ "${DORSUM_FLATPAK_TESTS:-1}" = 0 ] && log "    DORSUM_FLATPAK_TESTS=0: the tests do NOT run inside this build"
  return 0
}

build_app () {
  write_manifest
  # The tests inside the build use the host's X server (the manifest's test-args give them the
  # socket); flatpak-builder keeps its state in the work dir, so nothing is reused between runs.
  (cd "$work" && xvfb-run -a -s "-screen 0 1280x1024x24" \
     flatpak-builder --user --install --force-clean --disable-rofiles-fuse --disable-updates \
       --state-dir="$work/state" build "$app_id.json") > "$work/build.log" 2>&1 \
    || { grep -E "FAIL|ERROR|error:|Error" "$work/build.log" | tail -30; die "flatpak-builder failed (log: $work/build.log)"; }
  grep -E "^(Ok|Fail|Skipped|Expected Fail|Unexpected Pass|Timeout):" "$work/build.log" | sed 's/^/    tests inside the build: /' >&2 || true
}

# ---------------------------------------------------------------------------------------------
# 3. The app in its sandbox.

check_desktop_export () {
  local desktop="$FLATPAK_USER_DIR/exports/share/applications/$app_id.desktop"
  [ -f "$desktop" ] || die "no exported desktop file"
  grep -q "^Exec=.*flatpak run .*--file-forwarding $app_id @@u %U @@" "$desktop" \
    || die "the exported desktop file does not forward files: $(grep '^Exec=' "$desktop" | head -1)"
  log "    exported desktop file: $(grep -m1 '^Exec=' "$desktop")"
}

check_sandbox () {
  local devices
  devices=$(flatpak run --user --command=cat "$app_id" /proc/net/dev | tail -n +3 | cut -d: -f1 | tr -d ' ' | sort | tr '\n' ' ')
  [ "$devices" = "lo " ] || die "network interfaces in the sandbox: $devices"
  log "    network interfaces in the sandbox: $devices"

  local marker="$HOME/dorsum-flatpak-check-marker"
  touch "$marker"
  flatpak run --user --command=sh "$app_id" -c \
    "test ! -e '$marker' && test ! -e '$src/meson.build' && test -z \"\$(ls -A /home 2>/dev/null | grep -v '^$(id -un)\$')\"" \
    || { rm -f "$marker"; die "host files are visible in the sandbox"; }
  rm -f "$marker"
  log "    host home ($HOME), /home and the checkout ($src) are not visible in the sandbox"
}

# Marks of a chart file, one line each, to compare what went in with what came out.
chart_marks () {
  python3 - "$1" <<'EOF'
import sys, xml.etree.ElementTree as ET
ns = '{https://dorsum.github.io/ns/chart/1}'
root = ET.parse(sys.argv[1]).getroot()
for m in root.iter(ns + 'mark'):
    # Numbers as numbers: the app writes 445.0 where a hand-written file says 445.
    def value(v):
        try:
            return float(v)
        except ValueError:
            return v
    print(sorted((k, value(v)) for k, v in m.attrib.items() if k != 'figure'), (m.text or '').strip())
EOF
}

wait_for () {
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq $((seconds * 4))); do
    "$@" && return 0
    sleep 0.25
  done
  die "timed out waiting for $what"
}

dialog_window () {
  xdotool search --onlyvisible --name "^$1\$" 2>/dev/null | head -1
}

dialog_shown () { [ -n "$(dialog_window "$1")" ]; }
dialog_gone () { [ -z "$(dialog_window "$1")" ]; }

# Answers the portal's file dialog (xdg-desktop-portal-gtk's, on the host) with a path.
answer_dialog () {
  local title=$1 path=$2 window
  wait_for "the “$title” dialog" 30 dialog_shown "$title"
  window=$(dialog_window "$title")
  sleep 1
  xdotool windowfocus --sync "$window"
  # A folder chooser opening on Recent chooses nothing from a typed path: Alt+Home leaves it.
  if [ "${3:-}" = folder ]; then
    xdotool key alt+Home
    sleep 1
  fi
  # The location entry takes a whole path, in the save dialogs' name field as in the open dialog's.
  xdotool key ctrl+l
  sleep 0.3
  xdotool key ctrl+a
  xdotool type --delay 20 "$path"
  sleep 0.5
  xdotool key Return
  for _ in $(seq 120); do
    dialog_gone "$title" && return 0
    sleep 0.25
  done
  # What the dialog shows, to look at (import is ImageMagick's, when it is there).
  command -v import > /dev/null && import -window root "$work/dialog-not-closed.png" 2>/dev/null
  die "timed out waiting for the “$title” dialog to close (screen: $work/dialog-not-closed.png)"
}

app_window () {
  { xdotool search --onlyvisible --classname dorsum; xdotool search --onlyvisible --name 'Dorsum'; } 2>/dev/null | tail -1
}

app_window_shown () { [ -n "$(app_window)" ]; }

app_keys () {
  local window
  window=$(app_window)
  [ -n "$window" ] || die "the app's window is gone"
  xdotool windowfocus --sync "$window"
  sleep 0.3
  xdotool key "$@"
}

same_marks () {
  diff <(chart_marks "$1") <(chart_marks "$2") >/dev/null
}

# Inside a D-Bus session on the Xvfb display (see check_portals).
portal_session () {
  local out=$1
  /usr/libexec/xdg-desktop-portal -r > "$work/portal.log" 2>&1 &
  local portal=$!
  /usr/libexec/xdg-desktop-portal-gtk -r > "$work/portal-gtk.log" 2>&1 &
  local portal_gtk=$!
  sleep 2

  # Opening a chart from the host through --file-forwarding (the desktop file's Exec).
  flatpak run --user --env=GSK_RENDERER=cairo --file-forwarding "$app_id" @@ "$out/in.dorsum-chart" @@ \
    > "$work/app.log" 2>&1 &
  local app=$!
  wait_for "the app's window" 60 app_window_shown
  sleep 3

  # Save As through the portal: the file lands on the host with the marks that were opened.
  app_keys ctrl+shift+s
  answer_dialog "Save Pain Chart" "$out/saved.dorsum-chart"
  wait_for "saved.dorsum-chart on the host" 20 test -s "$out/saved.dorsum-chart"
  sleep 1
  same_marks "$out/in.dorsum-chart" "$out/saved.dorsum-chart" || die "the saved chart differs from the one opened"
  log "    opened in.dorsum-chart by --file-forwarding, saved it as saved.dorsum-chart through the portal: same marks"

  # Open through the portal, and Save As again to see what was opened.
  app_keys ctrl+o
  answer_dialog "Open Pain Chart" "$out/other.dorsum-chart"
  sleep 2
  app_keys ctrl+shift+s
  answer_dialog "Save Pain Chart" "$out/reopened.dorsum-chart"
  wait_for "reopened.dorsum-chart on the host" 20 test -s "$out/reopened.dorsum-chart"
  sleep 1
  same_marks "$out/other.dorsum-chart" "$out/reopened.dorsum-chart" || die "the chart opened through the portal is not the one chosen"
  log "    opened other.dorsum-chart through the portal, saved it as reopened.dorsum-chart: same marks"

  # Export the picture: the main menu (F10), down to its seventh item (Study, New, Open, Open
  # Recent, Save, Save As, Export Chart Picture), Return.
  app_keys F10
  sleep 1
  for _ in 1 2 3 4 5 6; do xdotool key Down; sleep 0.2; done
  xdotool key Return
  answer_dialog "Export Chart Picture" "$out/chart.png"
  wait_for "chart.png on the host" 20 test -s "$out/chart.png"
  sleep 1
  [ "$(head -c 8 "$out/chart.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ] || die "chart.png is not a PNG"
  log "    exported chart.png through the portal: $(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d PNG" % struct.unpack(">II", d[16:24]))' "$out/chart.png")"

  # A broken chart named to the running app: refused with the app's message, status 1.
  local status=0
  flatpak run --user --file-forwarding "$app_id" @@ "$out/broken.dorsum-chart" @@ > "$work/broken.log" 2>&1 || status=$?
  [ "$status" -eq 1 ] || die "a broken chart gave status $status: $(cat "$work/broken.log")"
  grep -q "broken.dorsum-chart" "$work/broken.log" || die "the broken chart's message does not name it: $(cat "$work/broken.log")"
  log "    a broken chart by --file-forwarding: status 1, “$(grep -m1 broken.dorsum-chart "$work/broken.log")”"

  # Content packs through the portal, as a user adds them: Preferences on its Content page
  # (app.content-packs, called over D-Bus as a desktop action would be), then Ctrl+Shift+O
  # (Add Folder…) and Ctrl+O (Add File…), the folder or file chosen in the portal's dialog.
  # Each is checked, then copied into the app's data folder (~/.var/app/ID/data inside
  # Flatpak) and loaded; a broken one installs nothing.
  local packs="$HOME/.var/app/$app_id/data/dorsum/library" preferences
  gdbus call --session --dest "$app_id" --object-path "/${app_id//.//}" \
    --method org.gtk.Actions.Activate content-packs '[]' '{}' > /dev/null
  wait_for "the Preferences window" 20 dialog_shown "Preferences"
  preferences=$(dialog_window "Preferences")
  sleep 1

  xdotool windowfocus --sync "$preferences"
  xdotool key ctrl+shift+o
  answer_dialog "Add a Content Pack Folder" "$out/pelvic-floor" folder
  wait_for "the folder pack in the app's data folder" 20 test -s "$packs/pelvic-floor/coccygeus.xml"
  cmp -s "$out/pelvic-floor/coccygeus.xml" "$packs/pelvic-floor/coccygeus.xml" || die "the installed folder pack differs from the one chosen"
  sleep 1

  xdotool windowfocus --sync "$preferences"
  xdotool key ctrl+o
  answer_dialog "Add a Content Pack File" "$out/file-pack.xml"
  wait_for "the file pack in the app's data folder" 20 test -s "$packs/file-pack.xml"
  cmp -s "$out/file-pack.xml" "$packs/file-pack.xml" || die "the installed file pack differs from the one chosen"
  for id in pack-coccygeus filepack-coccygeus; do
    flatpak run --user --command=dorsum-cli "$app_id" show "$id" > "$work/pack-show.log" 2>&1 \
      || die "the installed pack's entry $id is not in the library: $(cat "$work/pack-show.log")"
  done
  log "    added the folder pelvic-floor/ and the file file-pack.xml through the portal: in ${packs#"$HOME/"}, their entries pack-coccygeus and filepack-coccygeus in the library"

  xdotool windowfocus --sync "$preferences"
  xdotool key ctrl+o
  answer_dialog "Add a Content Pack File" "$out/broken-pack.xml"
  sleep 3
  [ "$(ls -A "$packs" | LC_ALL=C sort | tr '\n' ' ')" = "file-pack.xml pelvic-floor " ] \
    || die "a broken pack was installed, or stray files are in the packs folder: $(ls -A "$packs")"
  log "    a broken pack through the portal: not installed, nothing else in the packs folder"
  xdotool windowfocus --sync "$preferences"
  xdotool key Escape
  sleep 1

  app_keys ctrl+q
  wait_for "the app to quit" 30 sh -c "! kill -0 $app 2>/dev/null"
  kill "$portal" "$portal_gtk" 2>/dev/null || true
}

check_portals () {
  local out="$work/host-files"
  mkdir -p "$out"
  cp "$src/tests/data/charts/low-back.xml" "$out/in.dorsum-chart"
  cp "$src/tests/data/charts/neck-temple.xml" "$out/other.dorsum-chart"
  cp "$src/tests/data/charts/bad/truncated.xml" "$out/broken.dorsum-chart"
  mkdir "$out/pelvic-floor"
  cp "$src/tests/data/user-packs/pelvic-floor/coccygeus.xml" "$out/pelvic-floor/"
  # The same pack as a single file, under other ids (two packs may not define the same).
  sed 's/pack-/filepack-/g' "$src/tests/data/user-packs/pelvic-floor/coccygeus.xml" > "$out/file-pack.xml"
  cp "$src/tests/data/user-packs/broken.xml" "$out/broken-pack.xml"

  # The real runtime dir, for the bus and the portals it starts too: flatpak mounts the
  # document portal's files at /run/user/UID/doc in the sandbox and names forwarded files by
  # that path, which must be the same outside.
  # A home of its own: the app's data folder (~/.var/app/ID, where the pack goes) goes with
  # the work directory.
  export HOME="$work/home"
  rm -rf "$HOME" && mkdir -p "$HOME"
  export XDG_CURRENT_DESKTOP=GNOME GTK_A11Y=none NO_AT_BRIDGE=1 XDG_RUNTIME_DIR="/run/user/$(id -u)"
  mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
  xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- "$0" --portal-session "$work" "$out"

  local left
  left=$(ls -A "$out" | LC_ALL=C sort | tr '\n' ' ')
  [ "$left" = "broken-pack.xml broken.dorsum-chart chart.png file-pack.xml in.dorsum-chart other.dorsum-chart pelvic-floor reopened.dorsum-chart saved.dorsum-chart " ] \
    || die "files left on the host: $left"
  log "    on the host afterwards, nothing else: $left"
}

# ---------------------------------------------------------------------------------------------

if [ "${1:-}" = "--portal-session" ]; then
  work=$2
  export FLATPAK_USER_DIR="$work/flatpak-user"
  portal_session "$3"
  exit 0
fi

# `checks WORKDIR`: the sandbox checks again, on what a run kept (DORSUM_FLATPAK_KEEP=1) built.
if [ "${1:-}" = "checks" ]; then
  work=${2:?usage: $0 checks WORKDIR}
  export FLATPAK_USER_DIR="$work/flatpak-user" XDG_RUNTIME_DIR="$work/run"
  rm -rf "$work/host-files"
  step "exported desktop file" check_desktop_export
  step "sandbox: network, host files" check_sandbox
  step "portals: open, save, export, add packs" check_portals
  exit 0
fi

[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap and chroot need it)"
mkdir -p "$cache"

step "host packages" install_host_packages
step "stand-in runtime ($suite)" build_runtime
[ "${1:-}" = "runtime" ] && exit 0

work=$(mktemp -d /var/tmp/dorsum-flatpak-check.XXXXXX)
timings="$work/timings"
[ -n "${DORSUM_FLATPAK_KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
export FLATPAK_USER_DIR="$work/flatpak-user" XDG_RUNTIME_DIR="$work/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
start=$SECONDS

step "install the runtime (throw-away --user)" install_runtime
step "build the app, tests inside" build_app
step "exported desktop file" check_desktop_export
step "sandbox: network, host files" check_sandbox
step "portals: open, save, export, add packs" check_portals
log "flatpak-check: all checks passed in $((SECONDS - start)) s after the runtime"
