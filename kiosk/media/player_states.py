"""What the story player says about itself: its states, why a story cannot play, who listens."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum


class PlayerState(StrEnum):
    IDLE = "idle"
    LOADING = "loading"
    PLAYING = "playing"
    PAUSED = "paused"
    ENDED = "ended"
    ERROR = "error"


class PlayerError(StrEnum):
    """Why a story cannot be played; the view-model turns it into a calm sentence."""

    MISSING = "missing"
    CORRUPT = "corrupt"
    UNAVAILABLE = "unavailable"


StateListener = Callable[[PlayerState], None]
