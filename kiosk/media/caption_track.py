"""Which caption file a visitor sees, which cue belongs to a moment of the story, and the
written transcript shown beside an audio story that has no timed captions.

Captions follow the visitor's language; when the story has none in that language, the kiosk's
default language is used, then any other, and the screen says which (``fallback``). A caption
file that cannot be read is logged and skipped like a missing one: the story still plays.
"""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Mapping
from pathlib import Path

from kiosk.content.captions import CaptionError, Cue, parse_captions
from kiosk.log_once import log_once

log = logging.getLogger(__name__)

CaptionLoader = Callable[[Path], list[Cue]]


class CaptionTrack:
    """The caption files of one story and the cues of the chosen language.

    Attributes:
        language: the language of ``cues`` (None when the story has no readable captions).
        requested: the language the visitor asked for.
        cues: the cues in time order.
    """

    def __init__(
        self,
        files: Mapping[str, Path],
        default_language: str,
        loader: CaptionLoader = parse_captions,
    ) -> None:
        self._files = dict(files)
        self._default_language = default_language
        self._loader = loader
        self._cache: dict[str, list[Cue]] = {}
        self.language: str | None = None
        self.requested = default_language
        self.cues: list[Cue] = []
        self._starts: list[float] = []

    @property
    def available(self) -> bool:
        return bool(self._files)

    @property
    def fallback(self) -> bool:
        """True when the captions shown are not in the visitor's language."""
        return self.language is not None and self.language != self.requested

    def _candidates(self, language: str) -> list[str]:
        order = [language, self._default_language, *sorted(self._files)]
        return [
            code for i, code in enumerate(order) if code in self._files and code not in order[:i]
        ]

    def _load(self, language: str) -> list[Cue] | None:
        if language not in self._cache:
            try:
                cues = sorted(self._loader(self._files[language]), key=lambda cue: cue.start_s)
            except (CaptionError, OSError) as error:
                path = self._files[language]
                log_once(
                    log, logging.WARNING, ("captions", path), "captions %s skipped: %s", path, error
                )
                return None
            self._cache[language] = cues
        return self._cache[language]

    def select(self, language: str) -> str | None:
        """Show captions for a visitor reading ``language``; returns the language used."""
        self.requested = language
        for candidate in self._candidates(language):
            cues = self._load(candidate)
            if cues is not None:
                self.language, self.cues = candidate, cues
                self._starts = [cue.start_s for cue in cues]
                return candidate
        self.language, self.cues, self._starts = None, [], []
        return None

    def index_at(self, position_s: float) -> int:
        """The cue shown at ``position_s``, or -1 between cues."""
        index = bisect.bisect_right(self._starts, position_s) - 1
        if index >= 0 and position_s < self.cues[index].end_s:
            return index
        return -1

    def latest_at(self, position_s: float) -> int:
        """The last cue started by ``position_s`` (a transcript keeps it lit between cues)."""
        return bisect.bisect_right(self._starts, position_s) - 1

    def text_at(self, position_s: float) -> str:
        index = self.index_at(position_s)
        return self.cues[index].text if index >= 0 else ""


def _language_order(available: Mapping[str, Path], language: str, default: str) -> list[str]:
    order = [language, default, *sorted(available)]
    return [code for i, code in enumerate(order) if code in available and code not in order[:i]]


_MARKUP = re.compile(r"^\s*(?:#+\s*|[-*]\s+)|[*_]{1,2}")


def read_transcript(files: Mapping[str, Path], language: str, default_language: str) -> list[str]:
    """The paragraphs of a written transcript (plain text or simple Markdown), in the visitor's
    language or the nearest available one; an unreadable file is logged and the next one tried."""
    for code in _language_order(files, language, default_language):
        try:
            text = files[code].read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            log.warning("transcript %s skipped: %s", files[code], error)
            continue
        blocks = (" ".join(block.split()) for block in re.split(r"\n\s*\n", text))
        paragraphs = [_MARKUP.sub("", block).strip() for block in blocks]
        return [paragraph for paragraph in paragraphs if paragraph]
    return []
