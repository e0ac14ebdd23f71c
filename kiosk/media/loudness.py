"""Stories at comparable loudness: a gain per file, measured once, applied as a volume factor.

libvlc 3's volume normaliser cannot be switched on through its public API (the media player
creates its ``audio-filter`` variable without inheriting the instance's options), so loudness is
evened out the broadcast way instead: each file's integrated loudness (EBU R 128, measured by
ffmpeg's ``ebur128`` filter, typically a fraction of a second per minute of audio) is stored in a
small JSON cache, and the player scales the visitor's volume by the gain that brings the file to
:data:`TARGET_LUFS`. Staff imports measure new files (``measure_into``); a file never measured
plays at its own level. No Qt here.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

TARGET_LUFS = -18.0
# Beyond this, a recording is broken or silent: do not amplify its noise floor further.
MAX_GAIN_DB = 12.0
_EBUR128_TO_NOTHING = ("-vn", "-af", "ebur128", "-f", "null", "-")
_INTEGRATED = re.compile(r"Integrated loudness:\s*\n\s*I:\s*(-?\d+(?:\.\d+)?)\s*LUFS")


def measure_loudness_lufs(media: Path, timeout_s: float = 600.0) -> float | None:
    """Integrated loudness of ``media``'s audio, or None (no ffmpeg, no audio, unreadable)."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        log.warning("loudness of %s not measured: ffmpeg is not installed", media)
        return None
    try:
        result = subprocess.run(
            [ffmpeg, "-hide_banner", "-nostats", "-i", str(media), *_EBUR128_TO_NOTHING],
            capture_output=True,
            text=True,
            timeout=timeout_s,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        log.warning("loudness of %s not measured: %s", media, error)
        return None
    match = _INTEGRATED.search(result.stderr)
    if result.returncode != 0 or match is None:
        log.warning("loudness of %s not measured: ffmpeg found no audio to measure", media)
        return None
    lufs = float(match.group(1))
    return lufs if lufs > -70.0 else None  # -70 LUFS is ffmpeg's "silence"


def gain_db(lufs: float | None, target_lufs: float = TARGET_LUFS) -> float:
    """The gain that brings a file measured at ``lufs`` to the target (0 when unknown)."""
    if lufs is None:
        return 0.0
    return max(-MAX_GAIN_DB, min(MAX_GAIN_DB, target_lufs - lufs))


def volume_factor(gain: float) -> float:
    """A gain in dB as a factor on libvlc's volume (which is linear in amplitude)."""
    return float(10 ** (gain / 20))


def file_key(media: Path) -> str:
    """Identifies a file's content across copies (import copies files, mtimes change)."""
    digest = hashlib.sha256()
    with media.open("rb") as stream:
        digest.update(stream.read(1 << 20))
    return f"{media.stat().st_size}-{digest.hexdigest()[:32]}"


class LoudnessCache:
    """Measured loudness per file content, kept in one JSON file.

    Attributes:
        path: the JSON file (in the kiosk's cache folder).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._values: dict[str, float] = {}
        self.reload()

    def reload(self) -> None:
        """Read the file again: an import (another thread or process) may have measured new
        stories since. Values already known stay when the file is unreadable."""
        try:
            raw = json.loads(self.path.read_text("utf-8"))
            self._values = {**self._values, **{str(k): float(v) for k, v in raw.items()}}
        except FileNotFoundError:
            pass
        except (OSError, ValueError, AttributeError) as error:
            log.warning("loudness cache %s unreadable, keeping what is known: %s", self.path, error)

    def lufs(self, media: Path) -> float | None:
        try:
            return self._values.get(file_key(media))
        except OSError:
            return None

    def gain_db(self, media: Path) -> float:
        """The gain for ``media`` (0 dB when it was never measured)."""
        return gain_db(self.lufs(media))

    def measure_into(self, media: Path) -> float | None:
        """Measure ``media`` unless already known, store it, and return its loudness."""
        known = self.lufs(media)
        if known is not None:
            return known
        lufs = measure_loudness_lufs(media)
        if lufs is not None:
            self._values[file_key(media)] = lufs
            self._save()
        return lufs

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(self._values, stream, indent=0, sort_keys=True)
        os.replace(temporary, self.path)


def measure_missing(media_files: Iterable[Path], cache: LoudnessCache) -> int:
    """Measure every file the cache does not know yet (staff import, or a background task at
    start-up); returns how many were measured. Safe to interrupt: each result is saved at once."""
    measured = 0
    for media in media_files:
        if media.is_file() and cache.lufs(media) is None and cache.measure_into(media) is not None:
            measured += 1
    return measured
