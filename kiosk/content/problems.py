"""Where problems are collected while a package is read, and the words for refused paths.

``Problems`` is shared by everything that reads one package (loader, validator): it holds the
problems found so far, in the staff member's language, and where each file was named so that the
validator's deeper checks can point at the manifest line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.manifest import TomlFile
from kiosk.content.report import Problem, Severity
from kiosk.content.safe_paths import PackagePaths, PathFault
from kiosk.i18n.catalog import gettext_for
from kiosk.i18n.languages import language_name_in


@dataclass(frozen=True)
class Reference:
    """Where a file was named: the manifest, the line and the key (for the validator's deeper
    checks, which report on the line that names the file)."""

    manifest: str
    line: int | None
    key: str


class Problems:
    """Collects problems in one language; shared by everything that reads one package.

    Attributes:
        references: every file a manifest names, resolved, with where it was named.
    """

    def __init__(self, root: Path, language: str = "en") -> None:
        self.root = root
        self.paths = PackagePaths(root)
        self.language = language
        self.gettext: Callable[[str], str] = gettext_for(language).gettext
        self.items: list[Problem] = []
        self.references: dict[Path, Reference] = {}
        # Every path a manifest names, as written (not resolved): the folder scan leaves these
        # to the manifest checks, which report them at their line.
        self.named: set[str] = set()
        # artist id -> its manifest, for problems about the artist as a whole.
        self.artist_manifests: dict[str, TomlFile] = {}

    def add(
        self,
        severity: Severity,
        code: str,
        file: str,
        line: int | None,
        key: str,
        message: str,
        hint: str = "",
    ) -> None:
        problem = Problem(severity, code, file, line, key, message, hint)
        if problem not in self.items:
            self.items.append(problem)

    def language_name(self, code: str) -> str:
        """``English (en)`` in an English report, ``anglais (en)`` in a French one."""
        try:
            name = language_name_in(code, self.language)
        except (ValueError, LookupError):
            name = code
        return f"{name} ({code})" if name != code else code

    def error_count(self) -> int:
        return sum(1 for p in self.items if p.severity is Severity.ERROR)


def path_fault_text(fault: PathFault, _: Callable[[str], str]) -> tuple[str, str]:
    """Message and hint for a refused path."""
    texts = {
        PathFault.EMPTY: (_("The file name is empty."), _("Write the file's name, or remove it.")),
        PathFault.ABSOLUTE: (
            _("The path is absolute: it points outside the package."),
            _("Write the path from the package folder, e.g. artists/ana/portrait.jpg."),
        ),
        PathFault.PARENT: (
            _("The path uses '..' to leave its folder."),
            _("Copy the file into the package and write its path from the package folder."),
        ),
        PathFault.BACKSLASH: (
            _("The path uses '\\' as a separator."),
            _("Use '/' between folders, e.g. artists/ana/portrait.jpg."),
        ),
        PathFault.INVALID: (
            _("The path contains characters that cannot be used in a file name."),
            _("Rename the file with letters, digits, '-' and '_' only."),
        ),
        PathFault.OUTSIDE: (
            _("The path leads outside the package (through a link)."),
            _("Copy the real file into the package instead of a link."),
        ),
        PathFault.MISSING: (
            _("The file does not exist."),
            _("Check the spelling (capitals count) or copy the file into the package."),
        ),
        PathFault.NOT_FILE: (
            _("This is not a regular file (a folder, a device or a link to one)."),
            _("Name an ordinary file here."),
        ),
    }
    return texts[fault]
