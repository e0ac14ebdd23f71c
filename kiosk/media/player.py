"""The story player: one state machine over any backend, with no Qt and no QML in it.

States: ``idle`` -> ``loading`` -> ``playing`` <-> ``paused`` -> ``ended``; any -> ``error``.
Commands (open, play, pause, seek, replay, volume, audio description) run on the owner thread and
are forwarded to the backend. The backend's events arrive on other threads; they only go into a
thread-safe queue, and :meth:`Player.pump` applies them on the owner thread. The Qt view-model calls
``pump`` when a queued "wake up" signal arrives; Qt-free tests call :meth:`Player.wait_until`.

A medium only counts as playing once libvlc has both started and found a stream: a corrupt or
unsupported file is "played" by libvlc and ends at once without any stream, which is an error for
the visitor, not a story that lasted no time.

A story the visitor is likely to tap next can be *prepared* (:meth:`Player.prepare`): the backend
opens it paused and decodes its first picture, silently, while the state stays ``idle``. Opening
that same story then only resumes it, so its picture is there as soon as the page is: libvlc's
first decode alone takes 65-145 ms here. Anything else the visitor does drops the prepared story.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from kiosk.log_once import log_once
from kiosk.media.backend import BackendEvent, EventKind, MediaBackend
from kiosk.media.event_inbox import EventInbox
from kiosk.media.loudness import volume_factor
from kiosk.media.player_states import PlayerError, PlayerState, StateListener

__all__ = ["Player", "PlayerError", "PlayerState", "StateListener"]

log = logging.getLogger(__name__)


class Player:
    """Plays one story at a time through a backend.

    Attributes:
        state: the current :class:`PlayerState`.
        error: why the state is ``error`` (None otherwise).
        media: the file being played, if any.
        volume: 0 to ``volume_max`` (percent of the backend's full volume).
        audio_description: whether the audio-description track is chosen.
    """

    def __init__(
        self,
        backend: MediaBackend | None,
        *,
        volume_default: int = 70,
        volume_max: int = 90,
        unavailable_reason: str = "",
    ) -> None:
        self._backend = backend
        self.unavailable_reason = unavailable_reason
        self.volume_max = max(0, min(100, volume_max))
        self.volume_default = max(0, min(self.volume_max, volume_default))
        self.volume = self.volume_default
        self.state = PlayerState.IDLE
        self.error: PlayerError | None = None
        self.media: Path | None = None
        self.audio_description_file: Path | None = None
        self.audio_description = False
        self._duration_s = 0.0
        self._gain_factor = 1.0
        self._generation = 0
        self._backend_playing = False
        self._streams = 0
        self._pending_seek_s: float | None = None
        # A story opened paused in the background (see prepare) and what became of it.
        self._prepared: tuple[Path, Path | None] | None = None
        self._prepared_ready = False
        self._prepared_failed = False
        # Tapped before its first picture was ready: resume when libvlc pauses on it.
        self._resume_when_paused = False
        self._inbox = EventInbox()
        self._listeners: list[StateListener] = []
        if backend is not None:
            backend.set_event_sink(self._inbox.post)

    # -- plumbing ---------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        return self._backend is not None

    def set_wakeup(self, wakeup: Callable[[], None] | None) -> None:
        """``wakeup`` is called from the backend's thread after each event; it must not block."""
        self._inbox.wakeup = wakeup

    def add_listener(self, listener: StateListener) -> None:
        """``listener(state)`` runs on the owner thread after every state change."""
        self._listeners.append(listener)

    def pump(self, timeout_s: float = 0.0) -> int:
        """Apply queued backend events; wait up to ``timeout_s`` for the first. Returns how many."""
        return self._inbox.drain(self._apply, timeout_s)

    def wait_until(self, condition: Callable[[], bool], timeout_s: float) -> bool:
        """Pump events until ``condition()`` holds or ``timeout_s`` passes (Qt-free callers)."""
        return self._inbox.wait_until(condition, self._apply, timeout_s)

    def _set_state(self, state: PlayerState, error: PlayerError | None = None) -> None:
        if state == self.state and error == self.error:
            return
        self.state = state
        self.error = error
        if state == PlayerState.PLAYING:
            # libvlc ignores volume and track choices until audio output exists: apply them now.
            self._apply_volume()
        for listener in list(self._listeners):
            listener(state)

    # -- events from the backend (owner thread) --------------------------------------------

    def _apply(self, event: BackendEvent) -> None:
        if event.generation != self._generation:
            return  # a late report about a medium that is no longer playing
        if self._prepared is not None:
            self._apply_prepared(event)
            return
        kind = event.kind
        if kind == EventKind.LENGTH_CHANGED:
            self._duration_s = max(self._duration_s, event.value_s)
        elif kind == EventKind.STREAM_ADDED:
            self._streams += 1
            self._maybe_started()
            if self.audio_description and self.state == PlayerState.PLAYING and self._backend:
                # The description file's track may appear after playback started.
                self._backend.set_audio_description(True)
        elif kind == EventKind.PLAYING:
            self._backend_playing = True
            if self.state == PlayerState.PAUSED:
                self._set_state(PlayerState.PLAYING)
            else:
                self._maybe_started()
        elif kind == EventKind.PAUSED:
            if self._resume_when_paused and self._backend is not None:
                # The prepared story reached its first picture after the tap: go on from there.
                self._resume_when_paused = False
                self._backend.resume()
            elif self.state == PlayerState.PLAYING:
                self._set_state(PlayerState.PAUSED)
        elif kind == EventKind.END_REACHED:
            self._backend_playing = False
            if self._streams == 0:
                self._fail(PlayerError.CORRUPT, "no audio or video stream could be decoded")
            elif self.state in (PlayerState.PLAYING, PlayerState.PAUSED, PlayerState.LOADING):
                self._set_state(PlayerState.ENDED)
        elif kind == EventKind.ERROR:
            self._fail(PlayerError.CORRUPT, "the playback engine reported an error")

    def _apply_prepared(self, event: BackendEvent) -> None:
        """A report about the story being prepared: nothing the visitor sees changes."""
        kind = event.kind
        if kind == EventKind.LENGTH_CHANGED:
            self._duration_s = max(self._duration_s, event.value_s)
        elif kind == EventKind.STREAM_ADDED:
            self._streams += 1
        elif kind == EventKind.PLAYING:
            self._backend_playing = True
        elif kind == EventKind.PAUSED and self._backend is not None:
            self._prepared_ready = True
            self._backend.show_first_frame()
        elif kind in (EventKind.END_REACHED, EventKind.ERROR):
            # Opened for real, it will fail again and say so; until then, say nothing.
            self._prepared_failed = True

    def _maybe_started(self) -> None:
        if self._resume_when_paused:
            return  # libvlc is about to pause on the first picture; playing comes after
        if self.state == PlayerState.LOADING and self._backend_playing and self._streams > 0:
            self._set_state(PlayerState.PLAYING)
            if self._pending_seek_s is not None and self._backend is not None:
                self._backend.seek(self._pending_seek_s)
                self._pending_seek_s = None
            if self.audio_description and self._backend is not None:
                self._backend.set_audio_description(True)

    def _fail(self, error: PlayerError, detail: str) -> None:
        message = "media %s cannot be played (%s): %s"
        key = ("media", self.media, error)
        log_once(log, logging.WARNING, key, message, self.media, error.value, detail)
        self._backend_playing = False
        self._set_state(PlayerState.ERROR, error)

    # -- commands (owner thread) -----------------------------------------------------------

    def open(
        self, media: Path, audio_description: Path | None = None, gain_db: float = 0.0
    ) -> None:
        """Load ``media`` and start it (the visitor tapped a story). ``gain_db`` brings the
        file to the loudness of the others (``kiosk.media.loudness``)."""
        if self._open_prepared(media, audio_description, gain_db):
            return
        self._halt()
        self.media = media
        self._gain_factor = volume_factor(gain_db)
        self.audio_description_file = audio_description
        self._duration_s = 0.0
        if self._backend is None:
            log.warning("media %s cannot be played: %s", media, self.unavailable_reason)
            self._set_state(PlayerState.ERROR, PlayerError.UNAVAILABLE)
            return
        if not media.is_file():
            self._fail(PlayerError.MISSING, "the file does not exist")
            return
        self._start(lambda generation: self._open_backend(media, generation, audio_description))

    def _open_backend(self, media: Path, generation: int, audio_description: Path | None) -> None:
        assert self._backend is not None
        self._backend.open(media, generation, _usable(audio_description))

    def prepare(self, media: Path, audio_description: Path | None = None) -> bool:
        """Open ``media`` paused on its first picture, silently, when nothing else is chosen;
        the state stays ``idle``. True when it is being prepared."""
        if self._prepared == (media, audio_description):
            return True
        if self._backend is None or self.media is not None or not media.is_file():
            return False
        self._halt()
        self._prepared = (media, audio_description)
        self._prepared_ready = False
        self._prepared_failed = False
        self._backend_playing = False
        self._streams = 0
        self._duration_s = 0.0
        self._backend.prepare(media, self._generation, _usable(audio_description))
        return True

    def _open_prepared(self, media: Path, audio_description: Path | None, gain_db: float) -> bool:
        """Start the prepared story if it is ``media``: it only has to resume."""
        prepared_ok = self._prepared == (media, audio_description) and not self._prepared_failed
        if not prepared_ok or self._backend is None:
            return False
        self._prepared = None
        self.media = media
        self._gain_factor = volume_factor(gain_db)
        self.audio_description_file = audio_description
        self._set_state(PlayerState.LOADING)
        if self._prepared_ready:
            self._backend.resume()
        else:
            self._resume_when_paused = True
        return True

    def _start(self, begin: Callable[[int], None]) -> None:
        self._generation += 1
        self._backend_playing = False
        self._streams = 0
        self._set_state(PlayerState.LOADING)
        begin(self._generation)

    def _halt(self) -> None:
        self._pending_seek_s = None
        self._resume_when_paused = False
        busy = self.state != PlayerState.IDLE or self._prepared is not None
        if self._backend is not None and busy:
            self._backend.stop()
        self._prepared = None
        self._generation += 1  # whatever the old medium still reports is now stale

    def play(self) -> None:
        """Resume, or start again when the story has ended or was stopped."""
        if self.state == PlayerState.PAUSED and self._backend is not None:
            self._backend.resume()
        elif self.state in (PlayerState.ENDED, PlayerState.IDLE) and self.media is not None:
            self.replay()

    def pause(self) -> None:
        if self.state == PlayerState.PLAYING and self._backend is not None:
            self._backend.pause()

    def toggle(self) -> None:
        """The play/pause button."""
        if self.state == PlayerState.PLAYING:
            self.pause()
        else:
            self.play()

    def replay(self) -> None:
        """From the start again."""
        backend = self._backend
        if backend is None or self.media is None or self.state == PlayerState.ERROR:
            return
        if self.state == PlayerState.IDLE:
            self.open(self.media, self.audio_description_file)
            return
        self._pending_seek_s = None
        self._start(backend.restart)

    def seek(self, position_s: float) -> None:
        """Jump to ``position_s`` (clamped to the story); after the end, plays from there."""
        backend = self._backend
        if backend is None:
            return
        target = max(0.0, position_s)
        if self._duration_s > 0:
            target = min(target, max(0.0, self._duration_s - 0.1))
        if self.state in (PlayerState.PLAYING, PlayerState.PAUSED):
            backend.seek(target)
        elif self.state == PlayerState.ENDED:
            self.replay()
            self._pending_seek_s = target
        elif self.state == PlayerState.LOADING:
            self._pending_seek_s = target

    def skip(self, delta_s: float) -> None:
        """Back or forward by ``delta_s`` seconds (the ±10 s buttons)."""
        self.seek(self.position_s() + delta_s)

    def drop_prepared(self) -> None:
        """Release the prepared story (the visitor went elsewhere)."""
        if self._prepared is not None:
            self._halt()

    @property
    def prepared(self) -> Path | None:
        """The file being prepared, if any."""
        return self._prepared[0] if self._prepared is not None else None

    def stop(self) -> None:
        """Stop playing; the story stays chosen (``play`` starts it again)."""
        self._halt()
        self._set_state(PlayerState.IDLE)

    def close(self) -> None:
        """Stop and forget the story (the visitor left the page)."""
        self.stop()
        self.media = None
        self.audio_description_file = None
        self._duration_s = 0.0

    def set_volume(self, percent: int) -> int:
        """Set the volume, never above the staff's maximum; returns the value used."""
        self.volume = max(0, min(self.volume_max, int(percent)))
        self._apply_volume()
        return self.volume

    def _apply_volume(self) -> None:
        # The visitor's volume means the same loudness for every story: the file's gain scales it.
        if self._backend is not None:
            self._backend.set_volume(round(self.volume * self._gain_factor))

    def set_audio_description(self, enabled: bool) -> None:
        """Choose the audio-description track (kept across replays of this story)."""
        self.audio_description = enabled and self.audio_description_file is not None
        if self._backend is not None and self.state in (PlayerState.PLAYING, PlayerState.PAUSED):
            self._backend.set_audio_description(self.audio_description)

    def reset_preferences(self) -> None:
        """A new visitor: volume and audio description back to their defaults."""
        self.set_volume(self.volume_default)
        self.set_audio_description(False)

    def give_up_loading(self, generation: int) -> None:
        """Called by a timer: a medium still loading after a long wait is an error, not a hang."""
        if generation == self._generation and self.state == PlayerState.LOADING:
            if self._backend is not None:
                self._backend.stop()
            self._fail(PlayerError.CORRUPT, "it was still loading after the time allowed")

    # -- queries ---------------------------------------------------------------------------

    def position_s(self) -> float:
        if self.state == PlayerState.ENDED:
            return self._duration_s
        if self._backend is None or self.state not in (PlayerState.PLAYING, PlayerState.PAUSED):
            return 0.0
        position = self._backend.position_s()
        return min(position, self._duration_s) if self._duration_s > 0 else position

    def duration_s(self) -> float:
        return self._duration_s

    @property
    def generation(self) -> int:
        """Counts media started; a timer armed for one medium checks it is still the same."""
        return self._generation

    def shutdown(self) -> None:
        """Stop and release the backend (before Qt and Python go). Idempotent."""
        self._listeners.clear()
        self._inbox.wakeup = None
        backend, self._backend = self._backend, None
        if backend is not None:
            backend.set_event_sink(None)
            backend.shutdown()
        self.state = PlayerState.IDLE


def _usable(audio_description: Path | None) -> Path | None:
    """The audio-description file when it is there (a missing one is simply not offered)."""
    return audio_description if audio_description and audio_description.is_file() else None
