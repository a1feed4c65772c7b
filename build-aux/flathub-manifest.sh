#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the manifest for Flathub from flatpak/io.github.dorsum.Dorsum.json, the one the
# project keeps (and builds locally, from a `dir` source): the same manifest with the source
# replaced by the release's git tag and its commit, as Flathub requires.
#   build-aux/flathub-manifest.sh v0.1.0 > io.github.dorsum.Dorsum.json
set -euo pipefail
cd "$(dirname "$0")/.."

tag=${1:?usage: $0 TAG}
url=${DORSUM_GIT_URL:-https://github.com/dorsum/dorsum.git}
commit=$(git rev-parse --verify "refs/tags/$tag^{commit}") || { echo "$0: no tag $tag here" >&2; exit 1; }

jq --arg url "$url" --arg tag "$tag" --arg commit "$commit" '
  .modules |= map(if .name == "dorsum" then .sources = [{ "type": "git", "url": $url, "tag": $tag, "commit": $commit }] else . end)
' flatpak/io.github.dorsum.Dorsum.json
