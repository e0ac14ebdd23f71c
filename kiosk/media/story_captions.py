"""What the visitor reads beside the story on screen: the caption of the moment and the
transcript, in their language (Qt-free; :class:`kiosk.ui.captions_model.CaptionsModel` shows it).

It remembers the visitor's choices (language, captions on or off) across stories, so that only
the idle reset puts them back, and the cue currently shown, so that the screen is told only when
the caption actually changes (the position is followed ten times a second).
"""

from __future__ import annotations

from kiosk.content.captions import Cue
from kiosk.content.model import Story
from kiosk.media.caption_track import CaptionTrack, read_transcript
from kiosk.media.messages import caption_language_label

# Forces the next follow() to report a change, whatever the position.
_ANNOUNCE = -2


class StoryCaptions:
    """The captions of one story for one visitor.

    Attributes:
        language: the visitor's language (the captions shown may be in another one:
            ``shown_language``).
        enabled: whether the visitor wants captions on the picture.
        cue_index: the cue shown now (-1 between cues or without a story).
    """

    def __init__(self, default_language: str) -> None:
        self.default_language = default_language
        self.language = default_language
        self.enabled = True
        self.cue_index = -1
        self._story: Story | None = None
        self._track = CaptionTrack({}, default_language)

    def load(self, story: Story | None) -> None:
        """The captions of ``story`` in the visitor's language (None: the story page closed)."""
        self._story = story
        files = story.captions if story is not None else {}
        self._track = CaptionTrack(files, self.default_language)
        if story is not None:
            self._track.select(self.language)
        self.cue_index = -1

    def set_language(self, language: str) -> bool:
        """Follow the visitor's new language; True when a story is open (its captions and
        written transcript change with it)."""
        self.language = language
        if self._story is None:
            return False
        self._track.select(language)
        self.cue_index = _ANNOUNCE
        return True

    def follow(self, position_s: float) -> bool:
        """Move to the cue of ``position_s``; True when the caption shown changes."""
        index = self._track.index_at(position_s)
        if index == self.cue_index:
            return False
        self.cue_index = index
        return True

    def latest_at(self, position_s: float) -> int:
        """The transcript line to keep lit at ``position_s`` (the last cue started)."""
        return self._track.latest_at(position_s)

    def transcript(self) -> list[Cue]:
        """Timed cues when the story has captions, else the paragraphs of its written
        transcript (untimed: start and end -1)."""
        if self._track.cues or self._story is None:
            return list(self._track.cues)
        paragraphs = read_transcript(self._story.transcripts, self.language, self.default_language)
        return [Cue(-1.0, -1.0, text) for text in paragraphs]

    def cue_start(self, index: int) -> float | None:
        """Where the transcript line ``index`` starts; None for untimed paragraphs."""
        cues = self._track.cues
        return cues[index].start_s if 0 <= index < len(cues) else None

    @property
    def shown_language(self) -> str | None:
        """The language of the captions shown (None: the story has no readable captions)."""
        return self._track.language

    def notice(self) -> str:
        """The small label naming the captions' language, in the visitor's language."""
        return caption_language_label(self._track.language, self.language)

    def text(self) -> str:
        """The caption on the picture now ("" when off or between cues)."""
        if not self.enabled or self.cue_index < 0:
            return ""
        return self._track.cues[self.cue_index].text
