"""The libvlc playback engine: one instance for the kiosk's life, one reused media player.

Video never gets a window of its own: frames come through callbacks (``kiosk.media.vlc_video``)
and the Qt Quick item paints them, so captions and controls can sit over the picture, screenshots
taken offscreen show real frames, and nothing differs between Linux and Windows. libvlc's own
mouse and keyboard handling is off. Loudness is evened out by a per-file gain applied to the
volume (``kiosk.media.loudness``): libvlc 3's normaliser cannot be enabled through its API.

libvlc events arrive on libvlc threads; the handlers here only forward a small value to the
player's thread-safe sink. :meth:`VlcBackend.shutdown` stops and releases everything and is
registered with ``atexit`` too: a player left for the garbage collector at interpreter exit can
call back into a half-destroyed Python (the "bool_dealloc" crash seen in a trial).
"""

from __future__ import annotations

import atexit
import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.media.backend import BackendEvent, EventKind, EventSink
from kiosk.media.frames import FrameBuffer
from kiosk.media.libvlc_loader import load_vlc, require_vlc, unavailable_reason
from kiosk.memory_tuning import limit_arenas

log = logging.getLogger(__name__)

MAX_LIBVLC_VOLUME = 200


def libvlc_available() -> tuple[bool, str]:
    """Whether libvlc can be loaded here, and a sentence saying which version or why not."""
    vlc = load_vlc()
    if vlc is None:
        return False, unavailable_reason()
    try:
        version = vlc.libvlc_get_version()
        instance = vlc.Instance(["--quiet", "--no-xlib", "--aout=dummy"])
    except (OSError, AttributeError, NameError) as error:
        return False, f"libvlc is present but unusable ({error})"
    if instance is None:
        return False, "libvlc is present but its plugins are missing (no instance could be made)"
    instance.release()
    text = version.decode("utf-8", "replace") if isinstance(version, bytes) else str(version)
    return True, f"libvlc {text}"


@dataclass(frozen=True)
class VlcOptions:
    """How libvlc is started.

    Attributes:
        audio_output: libvlc audio output module ("dummy" in tests), or None for the default.
        file_caching_ms: how much of a file libvlc reads ahead before showing anything. Its
            default (300 ms) is for network shares; stories are local files, and 50 ms halves
            tap-to-first-frame (median 173 -> 74 ms for the demo clip on this machine).
        extra: further libvlc arguments, for technicians.
    """

    audio_output: str | None = None
    file_caching_ms: int = 50
    extra: tuple[str, ...] = ()

    def arguments(self) -> list[str]:
        arguments = [
            "--quiet",
            "--no-xlib",
            "--no-video-title-show",
            "--no-osd",
            "--no-mouse-events",
            "--no-keyboard-events",
            "--no-snapshot-preview",
            # Captions are drawn by the kiosk; libvlc must not burn a sidecar .srt into frames.
            "--no-sub-autodetect-file",
            "--no-spu",
            "--no-stats",
            f"--file-caching={self.file_caching_ms}",
        ]
        if self.audio_output:
            arguments.append(f"--aout={self.audio_output}")
        return arguments + list(self.extra)


_EVENTS: dict[str, EventKind] = {
    "MediaPlayerOpening": EventKind.OPENING,
    "MediaPlayerESAdded": EventKind.STREAM_ADDED,
    "MediaPlayerLengthChanged": EventKind.LENGTH_CHANGED,
    "MediaPlayerPlaying": EventKind.PLAYING,
    "MediaPlayerPaused": EventKind.PAUSED,
    "MediaPlayerEndReached": EventKind.END_REACHED,
    "MediaPlayerEncounteredError": EventKind.ERROR,
}


class VlcBackend:
    """Plays files with libvlc into a :class:`FrameBuffer`.

    Attributes:
        frames: the newest decoded picture of the current medium.
    """

    def __init__(self, options: VlcOptions | None = None) -> None:
        from kiosk.media.vlc_video import VideoCallbacks

        vlc = require_vlc()
        limit_arenas()  # kiosk.app sets it at start-up; this helps a player made in a fresh process
        self._vlc = vlc
        self.options = options or VlcOptions()
        self.frames = FrameBuffer()
        self._sink: EventSink | None = None
        self._generation = 0
        self._sink_lock = threading.Lock()
        instance = vlc.Instance(self.options.arguments())
        if instance is None:
            raise RuntimeError("libvlc could not start (are its plugins installed?)")
        self._instance: Any = instance
        self._player: Any = instance.media_player_new()
        self._player.video_set_mouse_input(False)
        self._player.video_set_key_input(False)
        self._video = VideoCallbacks(self.frames)
        self._video.attach(self._player)
        self._media: Any = None
        self._events = self._player.event_manager()
        self._attached: list[Any] = []
        for name, kind in _EVENTS.items():
            event_type = getattr(vlc.EventType, name)
            self._events.event_attach(event_type, self._on_event, kind)
            self._attached.append(event_type)
        atexit.register(self.shutdown)

    # -- libvlc threads --------------------------------------------------------------------

    def _on_event(self, event: Any, kind: EventKind) -> None:
        # A libvlc thread, holding libvlc locks: read the event's own data, forward, return.
        value_s = 0.0
        if kind == EventKind.LENGTH_CHANGED:
            value_s = max(0.0, event.u.new_length / 1000.0)
        with self._sink_lock:
            sink, generation = self._sink, self._generation
        if sink is not None:
            sink(BackendEvent(kind, generation, value_s))

    # -- owner thread ----------------------------------------------------------------------

    def set_event_sink(self, sink: EventSink | None) -> None:
        with self._sink_lock:
            self._sink = sink

    def _begin(self, generation: int) -> None:
        with self._sink_lock:
            self._generation = generation
        self._video.begin(generation)
        self.frames.reset(generation)

    def open(self, media: Path, generation: int, audio_description: Path | None = None) -> None:
        self._load(media, generation, audio_description, paused=False)

    def prepare(self, media: Path, generation: int, audio_description: Path | None = None) -> None:
        self._load(media, generation, audio_description, paused=True)

    def _load(
        self, media: Path, generation: int, audio_description: Path | None, *, paused: bool
    ) -> None:
        self._unload()
        self._begin(generation)  # forgets the old picture
        medium = self._instance.media_new_path(str(media))
        if paused:
            # libvlc opens the file, finds its streams and pauses before any sound or picture.
            medium.add_option(":start-paused")
        if audio_description is not None:
            # An audio slave: its track appears next to the main one; see set_audio_description.
            medium.slaves_add(self._vlc.MediaSlaveType.audio, 4, audio_description.as_uri())
        self._media = medium
        self._player.set_media(medium)
        self._player.play()

    def show_first_frame(self) -> None:
        # One video frame forward while paused: decoded into the frame buffer, audio stays still.
        self._player.next_frame()

    def restart(self, generation: int) -> None:
        # After the end libvlc ignores play(): stop first; the media object is reused.
        self._player.stop()
        self._begin(generation)
        self._player.play()

    def resume(self) -> None:
        self._player.set_pause(0)

    def pause(self) -> None:
        self._player.set_pause(1)

    def stop(self) -> None:
        self._unload()
        self.frames.reset(self.frames.generation)

    def _unload(self) -> None:
        self._player.stop()  # blocks until libvlc's threads for this medium are done
        if self._media is not None:
            self._player.set_media(None)
            self._media.release()
            self._media = None
        # No picture can come any more: the next medium sets its own buffers up.
        self._video.release_pictures()

    @property
    def picture_bytes(self) -> int:
        """Memory held for video pictures (none once stopped; the frame buffer's newest
        picture is the same bytes as the last one shown)."""
        return self._video.picture_bytes

    def seek(self, position_s: float) -> None:
        self._player.set_time(int(position_s * 1000))

    def position_s(self) -> float:
        return max(0, int(self._player.get_time())) / 1000.0

    def set_volume(self, percent: int) -> None:
        # Above 100 libvlc amplifies in software: used only to lift quiet recordings.
        self._player.audio_set_volume(max(0, min(MAX_LIBVLC_VOLUME, percent)))

    def audio_tracks(self) -> Sequence[tuple[int, str]]:
        """(id, name) of the audio tracks, without libvlc's "Disable" entry."""
        tracks = self._player.audio_get_track_description() or []
        return [(int(ident), _text(name)) for ident, name in tracks if int(ident) >= 0]

    def current_audio_track(self) -> int:
        """The id of the audio track being heard (-1: none)."""
        return int(self._player.audio_get_track())

    def set_audio_description(self, enabled: bool) -> None:
        tracks = self.audio_tracks()
        if len(tracks) < 2:
            return
        # The description is added as a slave, so its track comes after the main one.
        self._player.audio_set_track(tracks[-1][0] if enabled else tracks[0][0])

    def shutdown(self) -> None:
        """Stop, detach and release libvlc objects; safe to call more than once."""
        player, self._player = getattr(self, "_player", None), None
        if player is None:
            return
        self.set_event_sink(None)
        player.stop()
        for event_type in self._attached:
            self._events.event_detach(event_type)
        self._attached.clear()
        if self._media is not None:
            self._media.release()
            self._media = None
        player.release()
        self._instance.release()
        self._instance = None
        atexit.unregister(self.shutdown)
        log.debug("libvlc released")


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
