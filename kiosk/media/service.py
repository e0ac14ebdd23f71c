"""Builds the kiosk's one player from the settings: libvlc when it loads, else "unavailable".

Called once at start-up (through ``kiosk.ui.player_factory.create_player_model``); the same
player, libvlc instance and loudness cache serve every story until shutdown (the cache reads its
file again when the screens switch to a newly published exhibition, whose stories the import
measured).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from kiosk.media.frames import FrameBuffer
from kiosk.media.loudness import LoudnessCache
from kiosk.media.player import Player
from kiosk.paths import AppPaths
from kiosk.settings import Settings

log = logging.getLogger(__name__)

LOUDNESS_CACHE_NAME = "loudness.json"


@dataclass(frozen=True)
class MediaService:
    """The player and what goes with it.

    Attributes:
        player: the state machine (its backend is None when libvlc is unavailable).
        frames: where video frames arrive (stays empty without libvlc).
        loudness: measured loudness per file, in the kiosk's cache folder.
    """

    player: Player
    frames: FrameBuffer
    loudness: LoudnessCache


def build_media_service(settings: Settings, audio_output: str | None = None) -> MediaService:
    """``audio_output`` "dummy" keeps screenshots and tests silent; None is the system default."""
    from kiosk.media.vlc_backend import VlcBackend, VlcOptions, libvlc_available

    ok, reason = libvlc_available()
    backend = VlcBackend(VlcOptions(audio_output=audio_output)) if ok else None
    if backend is None:
        log.error("stories cannot be played: %s", reason)
    player = Player(
        backend,
        volume_default=settings.volume_default,
        volume_max=settings.volume_max,
        unavailable_reason="" if ok else reason,
    )
    frames = backend.frames if backend is not None else FrameBuffer()
    paths = AppPaths.resolve(settings.data_dir, settings.log_dir, settings.cache_dir)
    return MediaService(player, frames, LoudnessCache(paths.cache_dir / LOUDNESS_CACHE_NAME))
