"""The transcript of a story as a QML list: each cue's text and start, and the one being heard.

The player view-model (``kiosk.ui.player_model``) fills it and moves ``current`` as the story
plays; the transcript list highlights that row and scrolls to it, and tapping a row seeks there.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from kiosk.content.captions import Cue

_TEXT_ROLE = Qt.ItemDataRole.UserRole + 1
_START_ROLE = Qt.ItemDataRole.UserRole + 2
_CURRENT_ROLE = Qt.ItemDataRole.UserRole + 3


class TranscriptModel(QAbstractListModel):
    """The cues of an audio story as a list: text, start time, and which one is being heard.

    Attributes:
        current: index of the cue being heard (the last one started), -1 before the first.
    """

    currentChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cues: list[Cue] = []
        self.current = -1

    def set_cues(self, cues: list[Cue]) -> None:
        self.beginResetModel()
        self._cues = list(cues)
        self.current = -1
        self.endResetModel()
        self.currentChanged.emit()

    def set_current(self, index: int) -> None:
        if index == self.current:
            return
        old, self.current = self.current, index
        for row in (old, index):
            if 0 <= row < len(self._cues):
                changed = self.index(row, 0)
                self.dataChanged.emit(changed, changed, [_CURRENT_ROLE])
        self.currentChanged.emit()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._cues)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._cues):
            return None
        cue = self._cues[index.row()]
        if role in (_TEXT_ROLE, Qt.ItemDataRole.DisplayRole):
            return cue.text
        if role == _START_ROLE:
            return cue.start_s
        if role == _CURRENT_ROLE:
            return index.row() == self.current
        return None

    def roleNames(self) -> dict[int, QByteArray]:
        return {
            _TEXT_ROLE: QByteArray(b"text"),
            _START_ROLE: QByteArray(b"start"),
            _CURRENT_ROLE: QByteArray(b"current"),
        }
