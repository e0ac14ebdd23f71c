"""The contract between the player state machine and a playback engine (libvlc or the fake).

A backend plays one medium at a time and reports what happens as :class:`BackendEvent` values
through an event sink. The sink may be called from any thread (libvlc calls back on its own
threads), so it must only enqueue; :class:`kiosk.media.player.Player` applies the events later on
its owner thread. Every event carries the *generation* of the medium it belongs to, so a late
event from a previous medium can never change the state of the current one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Protocol

from kiosk.media.frames import FrameBuffer


class EventKind(Enum):
    """What a backend can report. ``STREAM_ADDED`` means an audio or video stream was found."""

    OPENING = "opening"
    STREAM_ADDED = "stream_added"
    LENGTH_CHANGED = "length_changed"
    PLAYING = "playing"
    PAUSED = "paused"
    END_REACHED = "end_reached"
    ERROR = "error"


@dataclass(frozen=True)
class BackendEvent:
    """One report from a backend.

    Attributes:
        kind: what happened.
        generation: the number given to ``open``/``restart`` for the medium concerned.
        value_s: the new length for ``LENGTH_CHANGED``, else 0.
    """

    kind: EventKind
    generation: int
    value_s: float = 0.0


EventSink = Callable[[BackendEvent], None]


class MediaBackend(Protocol):
    """A playback engine. All methods are called on the owner thread, never from callbacks."""

    def set_event_sink(self, sink: EventSink | None) -> None:
        """Where to send events (thread-safe sink); None stops reporting."""

    @property
    def frames(self) -> FrameBuffer:
        """Where decoded video frames are published."""

    def open(self, media: Path, generation: int, audio_description: Path | None = None) -> None:
        """Load ``media`` and start playing it; events carry ``generation``."""

    def prepare(self, media: Path, generation: int, audio_description: Path | None = None) -> None:
        """Load ``media`` paused at its start and report ``PAUSED`` when it is; no sound."""

    def show_first_frame(self) -> None:
        """While prepared and paused: decode the first picture into ``frames``."""

    def restart(self, generation: int) -> None:
        """Play the current medium again from the start (after it ended, or to replay)."""

    def resume(self) -> None: ...

    def pause(self) -> None: ...

    def stop(self) -> None:
        """Stop and release the current medium; returns when playback threads are idle."""

    def seek(self, position_s: float) -> None: ...

    def position_s(self) -> float: ...

    def set_volume(self, percent: int) -> None:
        """Output volume in percent of full scale; above 100 only to lift quiet recordings."""

    def set_audio_description(self, enabled: bool) -> None:
        """Switch between the main audio and the audio-description track, if there is one."""

    def shutdown(self) -> None:
        """Stop and release everything; the backend is unusable afterwards. Idempotent."""
