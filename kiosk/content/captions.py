"""Caption and subtitle files (WebVTT ``.vtt`` and SubRip ``.srt``) read into plain cues.

The media player shows the cues over a video; the transcript screen lists them. Parsing is done by
well-kept libraries (webvtt-py, srt); this module adds what a staff member needs when a file is
wrong: the line where it goes wrong, so ``CaptionError`` always carries a file and, when it can be
found, a line number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import srt
import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

CAPTION_SUFFIXES = frozenset({".vtt", ".srt"})

# A WebVTT cue timing line: "00:01.000 --> 00:04.000" (hours optional) plus optional settings.
_VTT_TIMESTAMP = r"(?:\d{2,}:)?[0-5]\d:[0-5]\d\.\d{3}"
_VTT_TIMING = re.compile(rf"^\s*({_VTT_TIMESTAMP})\s+-->\s+({_VTT_TIMESTAMP})(?:\s+.*)?$")
_SRT_TIMESTAMP = r"\d{1,}:\d{2}:\d{2}[,.]\d{1,3}"
_SRT_TIMING = re.compile(rf"^\s*{_SRT_TIMESTAMP}\s*-->\s*{_SRT_TIMESTAMP}(?:\s+.*)?$")
# Blocks that are not cues in a WebVTT file.
_VTT_OTHER_BLOCKS = ("NOTE", "STYLE", "REGION")


@dataclass(frozen=True)
class Cue:
    """One caption shown from ``start_s`` to ``end_s`` (seconds from the start of the media)."""

    start_s: float
    end_s: float
    text: str


class CaptionError(Exception):
    """A caption file that cannot be read.

    Attributes:
        file: the caption file.
        line: 1-based line where the problem is, or None when the library cannot say.
        message: what is wrong, in English (the validator turns it into the staff member's
            language by kind, see ``kind``).
        kind: a short machine-readable reason: ``encoding``, ``header``, ``timing``, ``order``,
            ``format``, ``unreadable``.
        excerpt: the offending line as written, when there is one.
    """

    def __init__(
        self, file: Path, line: int | None, message: str, kind: str = "format", excerpt: str = ""
    ) -> None:
        super().__init__(f"{file}:{line or '?'}: {message}")
        self.file = file
        self.line = line
        self.message = message
        self.kind = kind
        # The offending text as written in the file, to quote it in any language.
        self.excerpt = excerpt


def _seconds(hours: int, minutes: int, seconds: int, milliseconds: int) -> float:
    return hours * 3600 + minutes * 60 + seconds + milliseconds / 1000


def _vtt_seconds(stamp: str) -> float:
    parts = stamp.split(":")
    whole, millis = parts[-1].split(".")
    hours = int(parts[0]) if len(parts) == 3 else 0
    return _seconds(hours, int(parts[-2]), int(whole), int(millis))


def _decode(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CaptionError(path, None, f"cannot be read: {error.strerror}", "unreadable") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise CaptionError(path, line, "not UTF-8 text", "encoding") from None


def _check_vtt_lines(path: Path, text: str) -> None:
    """Find the exact line of the usual mistakes before webvtt-py, which gives no line."""
    lines = text.splitlines()
    if not lines or not lines[0].startswith("WEBVTT"):
        raise CaptionError(path, 1, "the first line must be WEBVTT", "header")
    block_start: int | None = None
    for number, line in enumerate([*lines, ""], start=1):
        if not line.strip():
            block_start = None
            continue
        if block_start is None:
            block_start = number
            if number > 1 and not line.startswith(_VTT_OTHER_BLOCKS):
                _check_vtt_cue_start(path, lines, number)
        if "->" not in line:
            continue
        match = _VTT_TIMING.match(line)
        if match is None:
            raise CaptionError(
                path, number, f"bad cue timing {line.strip()!r}", "timing", line.strip()
            )
        if _vtt_seconds(match.group(2)) < _vtt_seconds(match.group(1)):
            raise CaptionError(path, number, "cue ends before it starts", "order")


def _check_vtt_cue_start(path: Path, lines: list[str], number: int) -> None:
    """A cue block starts with its timing line, or with an identifier then the timing line."""
    first = lines[number - 1]
    second = lines[number] if number < len(lines) else ""
    if "->" in first or "->" in second:
        return
    # Text after the header block (header metadata) is allowed only before the first blank line.
    raise CaptionError(
        path, number, f"cue without a timing line: {first.strip()!r}", "timing", first.strip()
    )


def _parse_vtt(path: Path, text: str) -> list[Cue]:
    _check_vtt_lines(path, text)
    try:
        captions = webvtt.from_string(text, strict=True)
    except (MalformedCaptionError, MalformedFileError, ValueError) as error:
        raise CaptionError(path, None, str(error), "format") from None
    return [
        Cue(
            caption.start_time.in_milliseconds() / 1000,
            caption.end_time.in_milliseconds() / 1000,
            caption.text,
        )
        for caption in captions.captions
    ]


def _parse_srt(path: Path, text: str) -> list[Cue]:
    # srt silently folds a malformed timing line into the previous cue's text: catch it first.
    for number, line in enumerate(text.splitlines(), start=1):
        if "->" in line and not _SRT_TIMING.match(line):
            raise CaptionError(
                path, number, f"bad cue timing {line.strip()!r}", "timing", line.strip()
            )
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as error:
        error_line = text[: error.actual_start].count("\n") + 1
        raise CaptionError(path, error_line, "not a valid SubRip cue", "timing") from None
    except (ValueError, TypeError) as error:
        raise CaptionError(path, None, str(error), "format") from None
    cues = []
    for subtitle in subtitles:
        start = subtitle.start.total_seconds()
        end = subtitle.end.total_seconds()
        if end < start:
            raise CaptionError(path, _srt_line(text, subtitle.index), "cue ends before it starts")
        cues.append(Cue(start, end, subtitle.content))
    return cues


def _srt_line(text: str, index: int) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() == str(index):
            return number + 1
    return None


def parse_captions(path: Path) -> list[Cue]:
    """Cues of a ``.vtt`` or ``.srt`` file, in file order.

    Raises:
        CaptionError: the file is unreadable, not UTF-8, or malformed (with the line when known).
    """
    suffix = path.suffix.lower()
    if suffix not in CAPTION_SUFFIXES:
        raise CaptionError(path, None, "captions must be .vtt or .srt files", "format")
    text = _decode(path)
    return _parse_vtt(path, text) if suffix == ".vtt" else _parse_srt(path, text)
