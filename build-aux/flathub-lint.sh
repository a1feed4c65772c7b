#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs Flathub's linter, flatpak-builder-lint, offline on what Flathub would get from this
# checkout (see the README, "Flathub's linter"), on Debian 12 or 13 as root:
#   build-aux/flathub-lint.sh LINTER_SRC [TAG]
# LINTER_SRC is a checkout (or a bare clone) of flatpak-builder-lint's source; it is copied, never
# changed. TAG is the release tag the Flathub manifest names (build-aux/flathub-manifest.sh); with
# none, a throw-away tag at HEAD is made and deleted again.
#
# It installs the linter's dependencies from Debian's archive with apt-get (PyPI's
# publicsuffixlist is not packaged: flathub-lint-offline.py has a stand-in), and lints
#   manifest   the Flathub manifest, as the linter runs locally and as Flathub's CI runs it on a
#              new submission (REPO=https://github.com/flathub/flathub), and the kept local one;
#   builddir   a flatpak-builder-like build directory: this checkout installed from
#              $DORSUM_BUILDDIR (default _build; set up and built if missing), its AppStream
#              catalogue composed with appstreamcli compose, finished with the manifest's
#              finish-args by flatpak build-finish;
#   repo       that build exported into an OSTree repo with flatpak build-export;
#   appstream  the installed metainfo file.
# The network is stubbed (build-aux/flathub-lint-offline.py says how). The errors that only the
# network can settle are listed as NOT CHECKED, never as passed: the io.github.* id's project page
# (appid-url-not-reachable), and the screenshots, which Flathub's build downloads and mirrors
# (appstream-external-screenshot-url, appstream-screenshots-not-mirrored-in-ostree). Debian 12's
# AppStream 0.16 composes no <developer> tag (added in AppStream 1.0, which Flathub runs), so there
# appstream-missing-developer-name is NOT CHECKED too; DORSUM_LINT_DEBIAN13=1 runs the linter and
# the compose in a Debian 13 chroot (AppStream 1.0.5, flatpak-builder 1.4), made with debootstrap
# once into $DORSUM_LINT_ROOT (default /var/cache/dorsum-flathub-lint/trixie, some 250 MB).
# Not the linter, but what stands in offline for Flathub's screenshot download: each screenshot
# URL must name a PNG of this repository at TAG, of the size the metainfo gives.
# Exits 1 if any other error is found. DORSUM_LINT_KEEP=1 keeps the work directory.
set -euo pipefail

cd "$(dirname "$0")/.."
src=$PWD
app_id=io.github.dorsum.Dorsum
linter_src=${1:?usage: $0 LINTER_SRC [TAG]}
linter_src=$(realpath "$linter_src")
tag=${2:-}
builddir=${DORSUM_BUILDDIR:-_build}
debian13=${DORSUM_LINT_DEBIAN13:-0}
root=${DORSUM_LINT_ROOT:-/var/cache/dorsum-flathub-lint/trixie}
mirror=${DORSUM_DEBIAN_MIRROR:-http://deb.debian.org/debian}

# What the linter imports and runs (flatpak-builder --show-manifest, appstreamcli,
# desktop-file-validate, git), what makes the build directory here, and the SVG loader the
# compose needs to render the icon.
lint_packages=(
  python3 python3-gi python3-jsonschema python3-requests python3-lxml python3-requests-cache
  python3-ruamel.yaml gir1.2-appstream-1.0 gir1.2-ostree-1.0 publicsuffix flatpak-builder
  appstream appstream-compose desktop-file-utils librsvg2-common git ostree ca-certificates
)
host_packages=(flatpak jq meson ninja-build)

log () { printf '%s\n' "$*" >&2; }
die () { log "flathub-lint: $*"; exit 1; }

missing () { local p; for p in "$@"; do dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed' || echo "$p"; done; }

install_host () {
  local need wanted=("${host_packages[@]}")
  if [ "$debian13" = 1 ]; then wanted+=(debootstrap); else wanted+=("${lint_packages[@]}"); fi
  mapfile -t need < <(missing "${wanted[@]}")
  [ ${#need[@]} -eq 0 ] && return
  [ "$(id -u)" = 0 ] || die "needs root to install: ${need[*]}"
  log "==> apt-get install ${need[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}" >&2
}

make_root () {
  local key
  key=$(printf '%s\n' "${lint_packages[@]}" | sha256sum | cut -c1-16)
  if [ -f "$root/.dorsum-lint-stamp" ] && [ "$(cat "$root/.dorsum-lint-stamp")" = "$key" ]; then return; fi
  log "==> debootstrap trixie into $root (once)"
  if mountpoint -q "$root/proc"; then umount "$root/proc"; fi  # left by a run that was killed
  rm -rf "$root"
  mkdir -p "$(dirname "$root")"
  debootstrap --variant=minbase --include="$(IFS=,; echo "${lint_packages[*]}")" \
    trixie "$root" "$mirror" > "$root.log" 2>&1 || { tail -20 "$root.log" >&2; die "debootstrap failed ($root.log)"; }
  echo "$key" > "$root/.dorsum-lint-stamp"
}

# Runs a command where the linter runs: here, or in the Debian 13 chroot (paths under $work are
# the same there, $root being stripped).
inside () {
  if [ "$debian13" = 1 ]; then
    chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"
  else
    env PATH="/usr/sbin:/usr/bin:/sbin:/bin:$PATH" "$@"
  fi
}

install_host
if [ "$debian13" = 1 ]; then
  make_root
  mkdir -p "$root/work"
  work=$(mktemp -d "$root/work/lint.XXXXXX")
  in=${work#"$root"}
  mountpoint -q "$root/proc" || { mount -t proc proc "$root/proc"; mounted_proc=1; }
else
  work=$(mktemp -d /tmp/dorsum-flathub-lint.XXXXXX)
  in=$work
fi
made_tag=
# shellcheck disable=SC2317  # run by the EXIT trap
cleanup () {
  [ -n "$made_tag" ] && git -C "$src" tag -d "$made_tag" >/dev/null
  [ -n "${mounted_proc:-}" ] && umount "$root/proc"
  if [ "${DORSUM_LINT_KEEP:-0}" = 1 ]; then log "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# The linter's source, with the package metadata it reads its version from (it is not installed).
if git -C "$linter_src" rev-parse --git-dir >/dev/null 2>&1; then
  git clone -q "$linter_src" "$work/fbl"
else
  cp -a "$linter_src" "$work/fbl"
fi
[ -f "$work/fbl/flatpak_builder_lint/cli.py" ] || die "$linter_src is not flatpak-builder-lint's source"
version=$(sed -n 's/^version *= *"\(.*\)"/\1/p' "$work/fbl/pyproject.toml" | head -1)
mkdir -p "$work/fbl/flatpak_builder_lint-${version:-0}.dist-info"
printf 'Metadata-Version: 2.1\nName: flatpak_builder_lint\nVersion: %s\n' "${version:-0}" \
  > "$work/fbl/flatpak_builder_lint-${version:-0}.dist-info/METADATA"
cp build-aux/flathub-lint-offline.py "$work/offline.py"
log "linter: $(git -C "$work/fbl" log -1 --format='%h %cs' 2>/dev/null || echo "$linter_src") (version ${version:-?}), $(inside appstreamcli --version)"

# Runs the linter; its output goes to $work/out/NAME.
mkdir -p "$work/out"
lint () {
  local name=$1 rc=0
  shift
  # (in $work: flatpak-builder --show-manifest leaves a .flatpak-builder folder where it runs)
  (cd "$work" && inside env PYTHONPATH="$in/fbl" "$@") > "$work/out/$name" 2>&1 || rc=$?
  log "==> $name (exit $rc)"
  cat "$work/out/$name" >&2
}

# The manifests.
if [ -z "$tag" ]; then
  made_tag=flathub-lint-$$
  git tag "$made_tag" HEAD
  tag=$made_tag
fi
mkdir -p "$work/flathub" "$work/local/flatpak"
build-aux/flathub-manifest.sh "$tag" > "$work/flathub/$app_id.json"
cp "flatpak/$app_id.json" "$work/local/flatpak/"
lint manifest python3 "$in/offline.py" manifest "$in/flathub/$app_id.json"
lint manifest-flathub-ci env REPO=https://github.com/flathub/flathub \
  python3 "$in/offline.py" manifest "$in/flathub/$app_id.json"
lint manifest-local python3 "$in/offline.py" manifest "$in/local/flatpak/$app_id.json"

# The build directory: installed, composed and finished the way flatpak-builder does it.
if [ ! -f "$builddir/build.ninja" ]; then
  log "==> meson setup $builddir"
  meson setup "$builddir" >&2
fi
ninja -C "$builddir" >&2
DESTDIR="$work/destdir" meson install -C "$builddir" --no-rebuild --quiet >&2
prefix=$(meson introspect "$builddir" --buildoptions | jq -r '.[] | select(.name == "prefix") | .value')
mkdir -p "$work/build"
mv "$work/destdir$prefix" "$work/build/files"
jq -r '"[Application]\nname=\(.id)\nruntime=\(.runtime)/'"$(uname -m)"'/\(."runtime-version")\nsdk=\(.sdk)/'"$(uname -m)"'/\(."runtime-version")"' \
  "flatpak/$app_id.json" > "$work/build/metadata"
log "==> appstreamcli compose"
inside sh -c "cd '$in/build' && appstreamcli compose --no-net --print-report=full --prefix=/ \
  --origin=$app_id --result-root=files --data-dir=files/share/app-info/xmls \
  --icons-dir=files/share/app-info/icons/flatpak --components=$app_id files" >&2 \
  || die "appstreamcli compose failed"
mapfile -t finish_args < <(jq -r '."finish-args"[]' "flatpak/$app_id.json")
flatpak build-finish "${finish_args[@]}" --command="$(jq -r .command "flatpak/$app_id.json")" \
  "$work/build" > /dev/null
flatpak build-export --disable-sandbox "$work/repo" "$work/build" stable > /dev/null
lint builddir python3 "$in/offline.py" builddir "$in/build"
lint repo python3 "$in/offline.py" repo "$in/repo"
lint appstream python3 "$in/offline.py" appstream "$in/build/files/share/metainfo/$app_id.metainfo.xml"

# Not the linter: the screenshots Flathub's build will download. Offline, each URL must at least
# name a PNG of this repository at the release tag, of the size the metainfo gives.
slug=${DORSUM_GIT_URL:-https://github.com/dorsum/dorsum.git}
slug=${slug#https://github.com/}
slug=${slug%.git}
screenshots_failed=0
while read -r url width height; do
  rest=${url#"https://raw.githubusercontent.com/$slug/"}
  if [ "$rest" = "$url" ]; then log "NOT CHECKED screenshot: $url is not in $slug"; continue; fi
  ref=${rest%%/*}
  path=${rest#*/}
  if [ "$ref" != "$tag" ]; then
    if [ -n "$made_tag" ]; then
      log "NOTE        screenshot: $url names $ref, so the release must be tagged $ref"
    else
      log "FAILED      screenshot: $url names $ref, the manifest's tag is $tag"
      screenshots_failed=1
    fi
  fi
  size=$(git cat-file -p "$tag:$path" 2>/dev/null | /usr/bin/python3 -c '
import struct, sys
d = sys.stdin.buffer.read()  # all of it: git must not die of SIGPIPE
print(*struct.unpack(">II", d[16:24]) if d[:8] == b"\x89PNG\r\n\x1a\n" else "-")') || size=-
  if [ "$size" = "$width $height" ]; then
    log "ok          screenshot: $path at $tag, ${width}x$height"
  else
    log "FAILED      screenshot: $path at $tag is ${size:-missing}, the metainfo says ${width}x$height"
    screenshots_failed=1
  fi
done < <(/usr/bin/python3 - "$work/build/files/share/metainfo/$app_id.metainfo.xml" <<'PY'
import sys
import xml.etree.ElementTree as ET
for image in ET.parse(sys.argv[1]).iterfind("screenshots/screenshot/image"):
    print(image.text.strip(), image.get("width", "?"), image.get("height", "?"))
PY
)

# The verdict: every error, except those only the network (or a newer AppStream) can settle.
offline_only=(appid-url-not-reachable appstream-external-screenshot-url appstream-screenshots-not-mirrored-in-ostree)
appstream_version=$(inside appstreamcli --version | sed -n 's/.*version: *//p')
case $appstream_version in 0.*) offline_only+=(appstream-missing-developer-name) ;; esac
failed=$screenshots_failed
log ""
for name in manifest manifest-flathub-ci manifest-local builddir repo; do
  out=$work/out/$name
  jq -e . "$out" >/dev/null 2>&1 || { log "FAILED     $name: the linter did not answer in JSON (above)"; failed=1; continue; }
  for e in $(jq -r '.errors[]?' "$out" | sort); do
    if [ "$name" = manifest-local ] && [ "$e" = "module-dorsum-source-dir-not-allowed" ]; then continue; fi
    if printf '%s\n' "${offline_only[@]}" | grep -qx "$e"; then
      log "NOT CHECKED $name: $e"
    else
      log "FAILED      $name: $e"
      failed=1
    fi
  done
  for w in $(jq -r '.warnings[]?' "$out" | sort); do log "WARNING     $name: $w"; done
done
if grep -q '^✘\|Validation failed' "$work/out/appstream"; then
  log "FAILED      appstream: appstreamcli validate (above)"
  failed=1
fi
[ "$failed" = 0 ] && log "flathub-lint: no error but those listed NOT CHECKED (AppStream $appstream_version)"
exit "$failed"
