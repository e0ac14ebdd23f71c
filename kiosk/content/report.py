"""The validation report: problems a staff member can act on, as text or JSON.

A problem names the file (relative to the package), the line when one is known, the field, what is
wrong and what to do, already in the staff member's language. Errors block publishing; warnings
are allowed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from enum import StrEnum

from kiosk.i18n.catalog import gettext_for


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the package.

    Attributes:
        severity: errors block publishing, warnings do not.
        code: stable machine-readable kind (``file.missing``, ``image.too_large``...), for tests
            and scripts; the wording of ``message`` may change with translations.
        file: path relative to the package root, with ``/`` separators ("" for the package itself).
        line: 1-based line in ``file`` when known.
        field: the TOML key path (``artist.portrait``, ``story[2].captions.fr``) or "".
        message: what is wrong, in the report's language.
        hint: what to do about it, in the report's language.
    """

    severity: Severity
    code: str
    file: str
    line: int | None
    field: str
    message: str
    hint: str = ""

    def location(self) -> str:
        place = self.file or "."
        if self.line is not None:
            place = f"{place}:{self.line}"
        return f"{place} [{self.field}]" if self.field else place

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = str(self.severity)
        return data


@dataclass
class Report:
    """All problems found in one package, in the order they were found."""

    root: str
    language: str = "fr"
    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.add(problem)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def publishable(self) -> bool:
        """True when nothing blocks publishing (warnings are allowed)."""
        return not self.errors

    def in_reading_order(self) -> list[Problem]:
        """Errors first, then warnings; each by file and line, as a staff member fixes them."""
        return sorted(
            self.problems,
            key=lambda p: (p.severity is not Severity.ERROR, p.file, p.line or 0, p.field),
        )

    def codes(self) -> set[str]:
        return {problem.code for problem in self.problems}

    def to_json(self) -> str:
        return json.dumps(
            {
                "package": self.root,
                "publishable": self.publishable,
                "errors": len(self.errors),
                "warnings": len(self.warnings),
                "problems": [problem.as_dict() for problem in self.in_reading_order()],
            },
            ensure_ascii=False,
            indent=2,
        )

    def to_text(self) -> str:
        """The report as a staff member reads it in a terminal."""
        _ = gettext_for(self.language).gettext
        lines = []
        for problem in self.in_reading_order():
            label = _("ERROR") if problem.severity is Severity.ERROR else _("WARNING")
            lines.append(f"{label}: {problem.location()}: {problem.message}")
            if problem.hint:
                lines.append(f"    → {problem.hint}")
        summary = _("{errors} error(s), {warnings} warning(s).").format(
            errors=len(self.errors), warnings=len(self.warnings)
        )
        verdict = (
            _("The package can be published.")
            if self.publishable
            else _("The package cannot be published until the errors are fixed.")
        )
        lines.append(f"{summary} {verdict}")
        return "\n".join(lines)
