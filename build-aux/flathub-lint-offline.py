# SPDX-License-Identifier: GPL-3.0-or-later
"""Runs flatpak-builder-lint's command line (python3 flathub-lint-offline.py manifest|builddir|
repo|appstream PATH) with its network look-ups replaced, for build-aux/flathub-lint.sh.

What is replaced, so what this run does NOT check:
  - Flathub's repo summary (which apps and runtimes Flathub has, which runtimes are end-of-life):
    an empty one. The app counts as new, and the "runtime is EOL" / "newer runtime available"
    checks find nothing.
  - Every URL check (domainutils.check_url: the io.github.* id's project page, a flathub::manifest
    URL): answered "not reachable" with the reason OFFLINE_STUB, so such errors are easy to tell.
  - Flathub's remote exception lists: none.
  - appstreamcli validate gets --no-net (no screenshot or URL fetches).
Everything else is the linter's own code, unchanged. Where the publicsuffixlist module is missing
(Debian packages none), a small stand-in reads Debian's publicsuffix list instead; the linter asks
it only for ids that are not on a code host (io.github.* ids never reach it).
"""

import sys
import types

PSL_DAT = "/usr/share/publicsuffix/public_suffix_list.dat"


class PublicSuffixList:
    """The two methods of publicsuffixlist.PublicSuffixList that the linter calls."""

    def __init__(self) -> None:
        self.rules: dict[str, bool] = {}  # rule -> from the list's PRIVATE section
        private = False
        with open(PSL_DAT, encoding="utf-8") as f:
            for raw in f:
                line = raw.strip()
                if "===BEGIN PRIVATE DOMAINS===" in line:
                    private = True
                if line and not line.startswith("//"):
                    self.rules[line.split()[0].lower()] = private

    def _suffix(self, labels: list[str]) -> tuple[int, bool]:
        """Length in labels of the longest matching public suffix, and whether it is private."""
        best, private = 1, False  # the implicit rule "*"
        for i in range(len(labels)):
            name = ".".join(labels[i:])
            if "!" + name in self.rules:
                return len(labels) - i - 1, self.rules["!" + name]
            wildcard = "*." + ".".join(labels[i + 1 :]) if i + 1 < len(labels) else None
            for rule in (name, wildcard):
                if rule in self.rules and len(labels) - i > best:
                    best, private = len(labels) - i, self.rules[rule]
        return best, private

    def is_private(self, domain: str) -> bool:
        return self._suffix(domain.lower().split("."))[1]

    def privatesuffix(self, domain: str) -> str | None:
        labels = domain.lower().split(".")
        n = self._suffix(labels)[0]
        return ".".join(labels[-(n + 1) :]) if len(labels) > n else None


try:
    import publicsuffixlist  # noqa: F401
except ImportError:
    sys.modules["publicsuffixlist"] = types.ModuleType("publicsuffixlist")
    sys.modules["publicsuffixlist"].PublicSuffixList = PublicSuffixList  # type: ignore[attr-defined]

from flatpak_builder_lint import appstream, cli, domainutils  # noqa: E402

OFFLINE_STUB = "OFFLINE STUB: not checked (no network)"

domainutils.get_summary_obj = lambda url: ([], {"xa.sparse-cache": {}})
domainutils.check_url = lambda url, strict=False: (False, OFFLINE_STUB)
domainutils.get_remote_exceptions_github = lambda appid, repo: set()
domainutils.get_remote_exceptions_flathub = lambda appid, repo: set()

_validate = appstream.validate


def _validate_no_net(path: str, *args: str) -> appstream.SubprocessResult:
    return _validate(path, *args) if "--no-net" in args else _validate(path, "--no-net", *args)


appstream.validate = _validate_no_net

sys.exit(cli.main())
