"""The latest decoded video frame, handed from a decoding thread to the painting thread.

libvlc decodes on its own threads; the screen paints on Qt's. :class:`FrameBuffer` keeps only the
newest frame under a lock (a kiosk never needs a queue of old pictures) and tells a listener that
a new one is there. The listener must be cheap and thread-safe: the Qt side passes a signal
emission, which Qt queues to the GUI thread. No Qt here, so the buffer is tested without a window.

Pixels are 32-bit "RV32" (libvlc's name): bytes B, G, R, X in memory on little-endian machines,
which is exactly ``QImage.Format_RGB32``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

BYTES_PER_PIXEL = 4


@dataclass(frozen=True)
class Frame:
    """One picture.

    Attributes:
        data: ``stride * height`` bytes of RV32 pixels; never mutated after publication.
        width: visible width in pixels.
        height: visible height in pixels.
        stride: bytes from one line to the next (at least ``4 * width``).
        generation: the medium it belongs to (see ``kiosk.media.backend``).
        serial: counts frames within the buffer's life, so a painter can tell new from old.
    """

    data: bytes
    width: int
    height: int
    stride: int
    generation: int
    serial: int = 0

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        """The (red, green, blue) colour at ``x, y``; used by tests and diagnostics."""
        offset = y * self.stride + x * BYTES_PER_PIXEL
        blue, green, red = self.data[offset], self.data[offset + 1], self.data[offset + 2]
        return red, green, blue


def solid_frame(width: int, height: int, rgb: tuple[int, int, int], generation: int) -> Frame:
    """A frame of one colour (the fake backend shows these)."""
    red, green, blue = rgb
    return Frame(
        bytes((blue, green, red, 255)) * (width * height),
        width,
        height,
        width * BYTES_PER_PIXEL,
        generation,
    )


class FrameBuffer:
    """Thread-safe holder of the newest frame of the current medium.

    Attributes:
        generation: frames of any other generation are dropped (they belong to an old medium).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._latest: Frame | None = None
        self._serial = 0
        self.generation = 0
        self._listener: Callable[[], None] | None = None

    def set_listener(self, listener: Callable[[], None] | None) -> None:
        """Called (from the publishing thread) after each new frame; must not block."""
        self._listener = listener

    def reset(self, generation: int) -> None:
        """Forget the old picture: a new medium starts (nothing stale is painted over it)."""
        with self._lock:
            self.generation = generation
            self._latest = None
        listener = self._listener
        if listener is not None:
            listener()

    def publish(self, frame: Frame) -> None:
        """Store ``frame`` as the newest one (any thread)."""
        with self._lock:
            if frame.generation != self.generation:
                return
            self._serial += 1
            self._latest = Frame(
                frame.data, frame.width, frame.height, frame.stride, frame.generation, self._serial
            )
        listener = self._listener
        if listener is not None:
            listener()

    def latest(self) -> Frame | None:
        """The newest frame of the current medium, or None before the first one."""
        with self._lock:
            return self._latest
