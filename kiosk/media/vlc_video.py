"""libvlc video callbacks that copy each decoded picture into a :class:`FrameBuffer`.

libvlc asks for a picture format (``setup``), a buffer to decode into (``lock``) and tells when a
picture is due on screen (``display``). These run on libvlc's decoder and video-output threads, so
they only touch this object's own buffers and the thread-safe frame buffer: never libvlc, never Qt.
The ctypes function objects are attributes of this object, which the backend keeps for the
player's whole life: if they were garbage-collected, libvlc would call freed memory.
"""

from __future__ import annotations

import ctypes
from typing import Any

from kiosk.media.frames import BYTES_PER_PIXEL, Frame, FrameBuffer
from kiosk.media.libvlc_loader import require_vlc

# Imported only by the libvlc backend, after it has checked that libvlc loads.
vlc = require_vlc()

# More pixels than a 1080p screen shows would only cost copies: libvlc scales larger videos down.
MAX_PIXELS = 1920 * 1080
# Decoder and video output may hold different pictures at the same time.
POOL_SIZE = 3

_UintPointer = ctypes.POINTER(ctypes.c_uint)
# python-vlc declares ``chroma`` as c_char_p, which ctypes turns into a read-only bytes copy; the
# format callback must write "RV32" into it, so it is declared here as a raw pointer.
_FormatCallback = ctypes.CFUNCTYPE(
    ctypes.c_uint,
    ctypes.POINTER(ctypes.c_void_p),
    ctypes.c_void_p,
    _UintPointer,
    _UintPointer,
    _UintPointer,
    _UintPointer,
)


def _align(value: int, step: int) -> int:
    return (value + step - 1) // step * step


def fit_size(width: int, height: int, max_pixels: int = MAX_PIXELS) -> tuple[int, int]:
    """The size to decode into: the source size, scaled down to ``max_pixels`` keeping shape."""
    width, height = max(2, width), max(2, height)
    if width * height <= max_pixels:
        return width, height
    scale = (max_pixels / (width * height)) ** 0.5
    return max(2, int(width * scale) & ~1), max(2, int(height * scale) & ~1)


class VideoCallbacks:
    """The RV32 callbacks for one media player.

    Attributes:
        frames: where finished pictures are published.
        generation: stamped on each picture; set by :meth:`begin` before a medium starts.
    """

    def __init__(self, frames: FrameBuffer) -> None:
        self.frames = frames
        self.generation = 0
        self._width = 0
        self._height = 0
        self._pitch = 0
        self._pool: list[ctypes.Array[ctypes.c_ubyte]] = []
        self._next = 0
        self._last_shown: tuple[int, bytes] = (-1, b"")
        self._sized_generation = -1
        self._source_size = (0, 0)
        self._setup = _FormatCallback(self._on_setup)
        self._cleanup = vlc.CallbackDecorators.VideoCleanupCb(self._on_cleanup)
        self._lock = vlc.CallbackDecorators.VideoLockCb(self._on_lock)
        self._unlock = vlc.CallbackDecorators.VideoUnlockCb(self._on_unlock)
        self._display = vlc.CallbackDecorators.VideoDisplayCb(self._on_display)

    def begin(self, generation: int) -> None:
        """A new medium starts (before ``play()``): its pictures carry ``generation``."""
        self.generation = generation
        self._last_shown = (-1, b"")  # its first picture shows, whatever came before

    def release_pictures(self) -> None:
        """The medium has stopped and libvlc's video threads are gone: let go of its pictures.

        The buffers (three frames) and the copy of the last picture shown would otherwise stay
        until the next story, megabytes held all through the welcome loop; their size depends
        on the last video, so the memory left after each visit also varied with it.
        """
        self._pool = []
        self._last_shown = (-1, b"")

    @property
    def picture_bytes(self) -> int:
        """Bytes held for pictures: the buffers libvlc decodes into and the last picture shown."""
        return sum(ctypes.sizeof(buffer) for buffer in self._pool) + len(self._last_shown[1])

    def attach(self, player: Any) -> None:
        """Route ``player``'s video here; must be done before ``play()``."""
        setup = ctypes.cast(self._setup, vlc.CallbackDecorators.VideoFormatCb)
        player.video_set_format_callbacks(setup, self._cleanup)
        player.video_set_callbacks(self._lock, self._unlock, self._display, None)

    def _on_setup(
        self,
        _opaque: Any,
        chroma: int,
        width: Any,
        height: Any,
        pitches: Any,
        lines: Any,
    ) -> int:
        ctypes.memmove(chroma, b"RV32", 4)
        if self._sized_generation != self.generation:
            # libvlc sets the format up several times per medium; after the first it may offer
            # a size stretched for an imaginary window (320x258 for a 320x240 clip). The first
            # offer is the decoded size: keep it, and let libvlc scale anything else to it.
            self._sized_generation = self.generation
            self._source_size = (width[0], height[0])
        fitted_width, fitted_height = fit_size(*self._source_size)
        width[0], height[0] = fitted_width, fitted_height
        self._width, self._height = fitted_width, fitted_height
        # Pitch and line count rounded up to 32, as libvlc's optimised converters expect.
        self._pitch = _align(fitted_width * BYTES_PER_PIXEL, 32)
        aligned_lines = _align(fitted_height, 32)
        pitches[0] = self._pitch
        lines[0] = aligned_lines
        buffer_type = ctypes.c_ubyte * (self._pitch * aligned_lines)
        self._pool = [buffer_type() for _ in range(POOL_SIZE)]
        return POOL_SIZE

    def _on_cleanup(self, _opaque: Any) -> None:
        # Keep the buffers: a late display callback may still read one. Setup replaces them.
        pass

    def _on_lock(self, _opaque: Any, planes: Any) -> int:
        index = self._next
        self._next = (index + 1) % POOL_SIZE
        planes[0] = ctypes.addressof(self._pool[index])
        return index + 1  # the "picture" handle libvlc gives back to display; never 0 (NULL)

    def _on_unlock(self, _opaque: Any, _picture: Any, _planes: Any) -> None:
        pass

    def _on_display(self, _opaque: Any, picture: Any) -> None:
        index = (picture or 1) - 1
        if not self._pool or index >= len(self._pool):
            return
        data = ctypes.string_at(ctypes.addressof(self._pool[index]), self._pitch * self._height)
        shown = (self.generation, data)
        if shown == self._last_shown:
            # While paused libvlc shows the same still picture again, about 15 times a second:
            # comparing costs far less than repainting it.
            return
        self._last_shown = shown
        self.frames.publish(Frame(data, self._width, self._height, self._pitch, self.generation))
