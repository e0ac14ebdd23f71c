"""A playback engine for screen tests: no libvlc, time moves only when the test says so.

It honours the same contract as the libvlc backend (``kiosk.media.backend``): events go to the
sink, a solid-colour picture goes to the frame buffer, and a file listed as broken fails the way
libvlc fails on a corrupt file (it "plays" and ends with no stream). Tests move time with
:meth:`FakeClock.advance`; the screen then shows the position and caption for that moment.
"""

from __future__ import annotations

from pathlib import Path

from kiosk.media.backend import BackendEvent, EventKind, EventSink
from kiosk.media.frames import FrameBuffer, solid_frame

VIDEO_SUFFIXES = (".mp4", ".mkv", ".webm", ".mov", ".avi")


class FakeClock:
    """Time for fake backends, in seconds; only :meth:`advance` moves it."""

    def __init__(self) -> None:
        self.now_s = 0.0
        self._backends: list[FakeBackend] = []

    def register(self, backend: FakeBackend) -> None:
        self._backends.append(backend)

    def advance(self, seconds: float) -> None:
        self.now_s += seconds
        for backend in self._backends:
            backend.tick(seconds)


class FakeBackend:
    """Plays nothing, but reports like libvlc does.

    Attributes:
        durations: length of each known file in seconds (others last ``default_duration_s``).
        broken: files that fail like a corrupt file.
        colour: the (red, green, blue) of the picture published for video files.
        volume: the last volume set (tests check the staff maximum holds).
        audio_description: whether the description track is selected.
        shut_down: whether ``shutdown`` was called (the owner let go of "libvlc").
    """

    def __init__(
        self,
        clock: FakeClock,
        *,
        durations: dict[Path, float] | None = None,
        broken: frozenset[Path] = frozenset(),
        default_duration_s: float = 60.0,
        colour: tuple[int, int, int] = (32, 128, 224),
        frame_size: tuple[int, int] = (320, 180),
    ) -> None:
        self.frames = FrameBuffer()
        self.durations = dict(durations or {})
        self.broken = broken
        self.default_duration_s = default_duration_s
        self.colour = colour
        self.shut_down = False
        self.frame_size = frame_size
        self.volume = 0
        self.audio_description = False
        self._sink: EventSink | None = None
        self._media: Path | None = None
        self._generation = 0
        self._position_s = 0.0
        self._playing = False
        clock.register(self)

    def set_event_sink(self, sink: EventSink | None) -> None:
        self._sink = sink

    def _emit(self, kind: EventKind, value_s: float = 0.0) -> None:
        if self._sink is not None:
            self._sink(BackendEvent(kind, self._generation, value_s))

    def _duration(self) -> float:
        assert self._media is not None
        return self.durations.get(self._media, self.default_duration_s)

    def open(self, media: Path, generation: int, audio_description: Path | None = None) -> None:
        self._media = media
        self.restart(generation)

    def restart(self, generation: int) -> None:
        self._start(generation, paused=False)

    def prepare(self, media: Path, generation: int, audio_description: Path | None = None) -> None:
        self._media = media
        self._start(generation, paused=True)

    def _start(self, generation: int, *, paused: bool) -> None:
        assert self._media is not None
        self._generation = generation
        self.frames.reset(generation)
        self._position_s = 0.0
        self._emit(EventKind.OPENING)
        self._emit(EventKind.PLAYING)
        if self._media in self.broken:
            self._emit(EventKind.END_REACHED)
            return
        self._emit(EventKind.LENGTH_CHANGED, self._duration())
        self._emit(EventKind.STREAM_ADDED)
        if paused:
            self._emit(EventKind.PAUSED)  # as libvlc's start-paused: before any picture
            return
        self._playing = True
        self.show_first_frame()

    def show_first_frame(self) -> None:
        if self._media is not None and self._media.suffix.lower() in VIDEO_SUFFIXES:
            width, height = self.frame_size
            self.frames.publish(solid_frame(width, height, self.colour, self._generation))

    def tick(self, seconds: float) -> None:
        if not self._playing or self._media is None:
            return
        self._position_s = min(self._duration(), self._position_s + seconds)
        if self._position_s >= self._duration():
            self._playing = False
            self._emit(EventKind.END_REACHED)

    def resume(self) -> None:
        if self._media is not None and not self._playing:
            self._playing = True
            self._emit(EventKind.PLAYING)

    def pause(self) -> None:
        if self._playing:
            self._playing = False
            self._emit(EventKind.PAUSED)

    def stop(self) -> None:
        self._playing = False
        self._position_s = 0.0

    def seek(self, position_s: float) -> None:
        if self._media is not None:
            self._position_s = max(0.0, min(self._duration(), position_s))

    def position_s(self) -> float:
        return self._position_s

    def set_volume(self, percent: int) -> None:
        self.volume = percent

    def set_audio_description(self, enabled: bool) -> None:
        self.audio_description = enabled

    @property
    def media(self) -> Path | None:
        """The file opened last (None before any)."""
        return self._media

    def shutdown(self) -> None:
        self.stop()
        self._sink = None
        self.shut_down = True
