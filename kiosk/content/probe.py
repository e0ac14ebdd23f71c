"""What is really inside an audio or video file: container sniffing, MP4 structure, libvlc probe.

libvlc alone is too forgiving to judge a file a staff member copied: it happily "parses" a PNG
renamed ``.mp4`` (as a one-frame video) and an MP4 cut off after its index. So three checks, from
cheapest to dearest: the first bytes say what the file really is; for MP4/M4A files the top-level
boxes must add up to the file size (a cut-off copy does not); then libvlc parses every file at
once (``parse_with_options`` is asynchronous) for duration, tracks and picture size.
"""

from __future__ import annotations

import ctypes
import os
import struct
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Magic numbers: (offset, bytes) -> what the file really is.
_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (4, b"ftyp", "mp4"),
    (0, b"\x1a\x45\xdf\xa3", "matroska"),
    (0, b"OggS", "ogg"),
    (0, b"fLaC", "flac"),
    (0, b"ID3", "mp3"),
    (0, b"\x89PNG", "png"),
    (0, b"\xff\xd8\xff", "jpeg"),
    (0, b"GIF8", "gif"),
    (0, b"%PDF", "pdf"),
    (0, b"PK\x03\x04", "zip"),
)
# Which real kinds each file name ending may hold.
EXPECTED_KINDS = {
    ".mp4": {"mp4"},
    ".m4v": {"mp4"},
    ".m4a": {"mp4"},
    ".mov": {"mp4"},
    ".webm": {"matroska"},
    ".mkv": {"matroska"},
    ".ogg": {"ogg"},
    ".oga": {"ogg"},
    ".opus": {"ogg"},
    ".flac": {"flac"},
    ".wav": {"wav"},
    ".mp3": {"mp3"},
    ".aac": {"aac"},
}
MP4_CONTAINERS = {"mp4"}


def sniff(path: Path) -> str | None:
    """The real kind of file from its first bytes (``mp4``, ``png``...), None when unknown."""
    with open(path, "rb") as handle:
        head = handle.read(16)
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    for offset, magic, kind in _SIGNATURES:
        if head[offset : offset + len(magic)] == magic:
            return kind
    if len(head) >= 2 and head[0] == 0xFF and head[1] & 0xE0 == 0xE0:
        # MPEG audio frame sync; ADTS AAC is the same sync with layer bits 00.
        return "aac" if head[1] & 0x06 == 0 else "mp3"
    return None


def mp4_fault(path: Path) -> str | None:
    """Why an MP4/M4A file is structurally broken: ``truncated``, ``no_index``, or None if fine.

    Walks only the top-level boxes (a few reads), so it costs nothing even on large files.
    """
    size = path.stat().st_size
    offset = 0
    seen: set[bytes] = set()
    with open(path, "rb") as handle:
        while offset < size:
            handle.seek(offset)
            header = handle.read(16)
            if len(header) < 8:
                return "truncated"
            box_size, box_type = struct.unpack(">I4s", header[:8])
            if box_size == 1:
                if len(header) < 16:
                    return "truncated"
                box_size = struct.unpack(">Q", header[8:16])[0]
            elif box_size == 0:
                box_size = size - offset
            if box_size < 8:
                return "truncated"
            if offset + box_size > size:
                return "truncated"
            seen.add(box_type)
            offset += box_size
    return None if b"moov" in seen else "no_index"


@dataclass(frozen=True)
class MediaInfo:
    """What libvlc found in one file.

    Attributes:
        parsed: libvlc read the container and found at least one track.
        duration_s: None when unknown.
        width, height: picture size of the first video track (0 when none).
        bitrate_bps: average over the whole file (size x 8 / duration).
    """

    parsed: bool
    # libvlc did not finish in time: nothing is known, the file is not necessarily bad.
    timed_out: bool = False
    duration_s: float | None = None
    has_video: bool = False
    has_audio: bool = False
    width: int = 0
    height: int = 0
    bitrate_bps: int = 0
    codecs: tuple[str, ...] = field(default_factory=tuple)


class ProbeUnavailableError(Exception):
    """libvlc (python-vlc or the native library) is missing: media cannot be checked here."""


def _fourcc(code: int) -> str:
    return code.to_bytes(4, "little").decode("latin-1").strip("\x00 ") or "?"


def _info(media: Any, path: Path) -> MediaInfo:
    import vlc as vlc_module

    status = media.get_parsed_status()
    if status != vlc_module.MediaParsedStatus.done:
        done = {vlc_module.MediaParsedStatus.failed, vlc_module.MediaParsedStatus.skipped}
        return MediaInfo(parsed=False, timed_out=status not in done)
    tracks = list(media.tracks_get() or [])
    duration_ms = media.get_duration()
    duration = duration_ms / 1000 if duration_ms and duration_ms > 0 else None
    has_video = has_audio = False
    width = height = 0
    codecs = []
    for track in tracks:
        codecs.append(_fourcc(track.codec))
        if track.type == vlc_module.TrackType.audio:
            has_audio = True
        elif track.type == vlc_module.TrackType.video:
            has_video = True
            # python-vlc declares libvlc 3's track union as three fields: the first one ("audio")
            # is the union pointer, whatever the track type.
            if track.audio and not width:
                video = ctypes.cast(track.audio, ctypes.POINTER(vlc_module.VideoTrack)).contents
                width, height = int(video.width), int(video.height)
    bitrate = int(path.stat().st_size * 8 / duration) if duration else 0
    return MediaInfo(
        parsed=bool(tracks),
        duration_s=duration,
        has_video=has_video,
        has_audio=has_audio,
        width=width,
        height=height,
        bitrate_bps=bitrate,
        codecs=tuple(codecs),
    )


def probe_media(paths: list[Path], timeout_s: float = 5.0) -> dict[Path, MediaInfo]:
    """Probe every file with libvlc, all in parallel.

    Raises:
        ProbeUnavailableError: libvlc cannot be loaded on this machine.
    """
    if not paths:
        return {}
    try:
        import vlc
    except (ImportError, OSError) as error:
        raise ProbeUnavailableError(str(error)) from None
    instance = vlc.Instance("--quiet", "--no-video-title-show", "--aout=dummy", "--vout=dummy")
    if instance is None:
        raise ProbeUnavailableError("libvlc could not start")
    try:
        pending = []
        for path in paths:
            media = instance.media_new_path(os.fspath(path))
            media.parse_with_options(vlc.MediaParseFlag.local, int(timeout_s * 1000))
            pending.append((path, media))
        # libvlc parses one file after the other: leave time for the whole queue.
        deadline = time.monotonic() + timeout_s + 0.5 * len(pending)
        results: dict[Path, MediaInfo] = {}
        status = vlc.MediaParsedStatus
        finished = {status.done, status.failed, status.timeout, status.skipped}
        for path, media in pending:
            while media.get_parsed_status() not in finished and time.monotonic() < deadline:
                time.sleep(0.005)
            results[path] = _info(media, path)
            media.release()
        return results
    finally:
        instance.release()
