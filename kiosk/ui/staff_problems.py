"""The validator's report as a list model: each problem names the file, line and field.

Rows come from :class:`kiosk.content.report.Report` (already in the staff member's language),
errors first, then warnings. When only text lines are known (an import failure without a
report), each line becomes one row so nothing the staff member should read is lost.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtQml import QmlElement, QmlUncreatable

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1


@dataclass(frozen=True)
class ProblemRow:
    """One line of the report as the panel shows it.

    Attributes:
        severity: "error" (blocks) or "warning" (allowed).
        file: path inside the package ("" for the package itself).
        line: line in the file, 0 when unknown.
        field: the key concerned ("" when none).
        message: what is wrong.
        hint: what to do.
    """

    severity: str
    file: str
    line: int
    field: str
    message: str
    hint: str = ""

    @property
    def location(self) -> str:
        place = self.file or "."
        if self.line:
            place = f"{place}:{self.line}"
        return f"{place} [{self.field}]" if self.field else place


def rows_from_report(report: Any) -> list[ProblemRow]:
    """Rows of a :class:`~kiosk.content.report.Report`, errors first."""
    rows = []
    for problem in list(report.errors) + list(report.warnings):
        rows.append(
            ProblemRow(
                str(problem.severity),
                problem.file,
                problem.line or 0,
                problem.field,
                problem.message,
                problem.hint,
            )
        )
    return rows


def rows_from_lines(severity: str, lines: Iterable[str]) -> list[ProblemRow]:
    """Rows for text lines such as ``file:line [field]: message`` (kept whole as the message)."""
    return [ProblemRow(severity, "", 0, "", line) for line in lines if line.strip()]


class Role(IntEnum):
    SEVERITY = Qt.ItemDataRole.UserRole + 1
    FILE = Qt.ItemDataRole.UserRole + 2
    LINE = Qt.ItemDataRole.UserRole + 3
    FIELD = Qt.ItemDataRole.UserRole + 4
    MESSAGE = Qt.ItemDataRole.UserRole + 5
    HINT = Qt.ItemDataRole.UserRole + 6
    LOCATION = Qt.ItemDataRole.UserRole + 7


_ROLE_NAMES = {
    Role.SEVERITY: b"severity",
    Role.FILE: b"file",
    Role.LINE: b"line",
    Role.FIELD: b"field",
    Role.MESSAGE: b"message",
    Role.HINT: b"hint",
    Role.LOCATION: b"location",
}


@QmlElement
@QmlUncreatable("ProblemListModel is created by the staff panel")
class ProblemListModel(QAbstractListModel):  # type: ignore[operator]
    """The rows of one validation report."""

    countChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ProblemRow] = []

    @property
    def rows(self) -> list[ProblemRow]:
        return list(self._rows)

    def set_rows(self, rows: list[ProblemRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()
        self.countChanged.emit()

    @Slot()
    def clear(self) -> None:
        self.set_rows([])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._rows)

    def roleNames(self) -> dict[int, QByteArray]:
        return {int(role): QByteArray(name) for role, name in _ROLE_NAMES.items()}

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        values = {
            Role.SEVERITY: row.severity,
            Role.FILE: row.file,
            Role.LINE: row.line,
            Role.FIELD: row.field,
            Role.MESSAGE: row.message,
            Role.HINT: row.hint,
            Role.LOCATION: row.location,
        }
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{row.location}: {row.message}"
        return values.get(Role(role)) if role in _ROLE_NAMES else None
