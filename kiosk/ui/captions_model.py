"""The captions and transcript of the story on screen as QML sees them: ``player.captions``.

A child of the player view-model (:class:`kiosk.ui.player_model.PlayerModel`), which tells it
when a story opens or closes, when the visitor's language changes and where the story is (ten
times a second). The choices and the cue lookup are Qt-free, in
:class:`kiosk.media.story_captions.StoryCaptions`; this object only announces what changed.
"""

from __future__ import annotations

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.content.model import Story
from kiosk.media.story_captions import StoryCaptions
from kiosk.ui.transcript_model import TranscriptModel

QML_IMPORT_NAME = "Kiosk.Media"
QML_IMPORT_MAJOR_VERSION = 1


@QmlElement
@QmlUncreatable("CaptionsModel belongs to the player")
class CaptionsModel(QObject):  # type: ignore[operator]
    """What QML reads: whether there are captions, whether they are on, in which language,
    the caption of the moment and the transcript with its current line."""

    changed = Signal()  # available, on, shownLanguage, notice
    cueChanged = Signal()  # text, currentIndex

    def __init__(self, default_language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._captions = StoryCaptions(default_language)
        self._transcript = TranscriptModel(self)

    # -- from the player view-model -----------------------------------------------------------

    @property
    def visitor_language(self) -> str:
        """The visitor's language, which the captions follow (set with :meth:`set_language`)."""
        return self._captions.language

    def load(self, story: Story | None) -> None:
        """The story page opened ``story`` (None: it closed)."""
        self._captions.load(story)
        self._transcript.set_cues(self._captions.transcript())
        self.changed.emit()
        self.cueChanged.emit()

    def set_language(self, language: str) -> bool:
        """The visitor's language; True when the open story's captions followed it (then the
        caller looks the cue up again at the current position)."""
        followed = self._captions.set_language(language)
        if followed:
            self._transcript.set_cues(self._captions.transcript())
        self.changed.emit()
        return followed

    def follow(self, position_s: float) -> None:
        """The story is at ``position_s``: show its cue if it changed."""
        if self._captions.follow(position_s):
            self._transcript.set_current(self._captions.latest_at(position_s))
            self.cueChanged.emit()

    def cue_start(self, index: int) -> float | None:
        """Where transcript line ``index`` starts (None: an untimed paragraph)."""
        return self._captions.cue_start(index)

    def reset(self) -> None:
        """A new visitor: captions on."""
        self._captions.enabled = True
        self.changed.emit()
        self.cueChanged.emit()

    # -- for QML --------------------------------------------------------------------------

    def _available(self) -> bool:
        return self._captions.shown_language is not None

    available = Property(bool, _available, notify=changed)  # type: ignore[arg-type]

    def _get_on(self) -> bool:
        return self._captions.enabled

    @Slot(bool)
    def setOn(self, enabled: bool) -> None:
        if enabled != self._captions.enabled:
            self._captions.enabled = enabled
            self.changed.emit()
            self.cueChanged.emit()

    on = Property(bool, _get_on, setOn, notify=changed)  # type: ignore[arg-type]

    def _shown_language(self) -> str:
        return self._captions.shown_language or ""

    # The captions' own language: the visitor's, or the fallback the notice names.
    shownLanguage = Property(str, _shown_language, notify=changed)  # type: ignore[arg-type]

    def _notice(self) -> str:
        return self._captions.notice()

    notice = Property(str, _notice, notify=changed)  # type: ignore[arg-type]

    def _text(self) -> str:
        return self._captions.text()

    text = Property(str, _text, notify=cueChanged)  # type: ignore[arg-type]

    def _current_index(self) -> int:
        return self._transcript.current

    currentIndex = Property(int, _current_index, notify=cueChanged)  # type: ignore[arg-type]

    def _transcript_model(self) -> QObject:
        return self._transcript

    transcript = Property(QObject, _transcript_model, constant=True)  # type: ignore[arg-type]
