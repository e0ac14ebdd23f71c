"""The kiosk's one story player for QML: libvlc when it loads, else one that says "unavailable"."""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.content.model import Exhibition
from kiosk.media.service import build_media_service
from kiosk.settings import Settings
from kiosk.ui.player_model import PlayerModel


def create_player_model(
    settings: Settings,
    exhibition: Exhibition | None = None,
    audio_output: str | None = None,
    parent: QObject | None = None,
) -> PlayerModel:
    """The kiosk's one player: libvlc when it loads, else a player that says "unavailable"."""
    service = build_media_service(settings, audio_output)
    return PlayerModel(
        service.player,
        service.frames,
        default_language=settings.default_language,
        exhibition=exhibition,
        loudness=service.loudness,
        parent=parent,
    )
