"""The Qt Quick item that shows the story's video: it paints the newest decoded frame.

libvlc decodes into a :class:`kiosk.media.frames.FrameBuffer` on its own threads; the buffer's
listener is the player view-model's ``frameReady`` signal, which Qt queues to the GUI thread, where
it schedules a repaint of this item. Painting wraps the frame's bytes in a ``QImage`` without a
copy and scales it into the item, letterboxed. A plain ``QQuickPaintedItem`` needs neither
QtMultimedia nor OpenGL, so it works with the software renderer and the offscreen platform
(screenshots show real frames), and captions and controls can be drawn on top of it.

``firstFrameShown(seconds)`` fires once per medium when its first picture has been painted, with
``time.perf_counter()`` at that moment, here and on the player view-model: the benchmark measures
tap-to-first-frame with it (see :func:`seconds_to_first_frame`).

There is one item for the kiosk's lifetime, made by the player view-model and moved into each
story page's video area (``PlayerModel.showVideoIn``), then out of it before the page goes
(``hideVideoFrom``). It is not declared in QML because PySide6 6.12 never frees the Python half
of an item that QML creates from a Python type: a new one per story visit kept about 12 KB each
time, all day long.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Property, QEventLoop, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtQuick import QQuickItem, QQuickPaintedItem

if TYPE_CHECKING:
    from kiosk.ui.player_model import PlayerModel


def fitted_rect(width: float, height: float, frame_width: int, frame_height: int) -> QRectF:
    """The largest rectangle of the frame's shape centred in ``width`` x ``height``."""
    if frame_width <= 0 or frame_height <= 0 or width <= 0 or height <= 0:
        return QRectF()
    scale = min(width / frame_width, height / frame_height)
    shown_width, shown_height = frame_width * scale, frame_height * scale
    return QRectF((width - shown_width) / 2, (height - shown_height) / 2, shown_width, shown_height)


class VideoItem(QQuickPaintedItem):
    """Shows the frames of a :class:`PlayerModel`, filling the area it is shown in.

    Attributes:
        frames_painted: how many frames this item has painted (diagnostics, tests).
    """

    hasFrameChanged = Signal()
    firstFrameShown = Signal(float)
    # paint() may run on the scene graph's render thread: results go to the GUI thread queued.
    _painted = Signal(bool, bool, float)

    def __init__(self, player: PlayerModel) -> None:
        super().__init__()
        self.setObjectName("videoItem")
        self._player = player
        self._frames = player.frames
        self._painted_generation = -1
        self._has_frame = False
        self.frames_painted = 0
        self.setOpaquePainting(True)
        self.setFillColor(QColor("black"))
        # The video is scaled anyway; smooth scaling costs little at kiosk sizes.
        self.setAntialiasing(False)
        self._painted.connect(self._after_paint, Qt.ConnectionType.QueuedConnection)
        player.frameReady.connect(self.update, Qt.ConnectionType.QueuedConnection)

    def show_in(self, area: QQuickItem | None) -> None:
        """Fill ``area`` (now and when it is resized), or leave the screen with None."""
        previous = self.parentItem()
        if previous is area:
            return
        if previous is not None:
            previous.widthChanged.disconnect(self._follow_area)
            previous.heightChanged.disconnect(self._follow_area)
        self.setParentItem(area)  # type: ignore[arg-type]  # None: off the screen
        # Nothing is on screen until this area's first paint (a frame shown on the page before
        # is not a frame shown now).
        if self._has_frame:
            self._has_frame = False
            self.hasFrameChanged.emit()
        if area is not None:
            area.widthChanged.connect(self._follow_area)
            area.heightChanged.connect(self._follow_area)
            self._follow_area()
            self.update()

    def _follow_area(self) -> None:
        area = self.parentItem()
        if area is not None:
            self.setSize(area.size())

    def _get_has_frame(self) -> bool:
        return self._has_frame

    hasFrame = Property(bool, _get_has_frame, notify=hasFrameChanged)  # type: ignore[arg-type]

    def _after_paint(self, present: bool, first: bool, painted_at: float) -> None:
        if present != self._has_frame:
            self._has_frame = present
            self.hasFrameChanged.emit()
        if first:
            self.firstFrameShown.emit(painted_at)
            # Relayed by the view-model, which exists before the page: a benchmark can listen
            # there from the tap on, before this item is even created.
            self._player.firstFrameShown.emit(painted_at)

    def paint(self, painter: QPainter) -> None:
        frame = self._frames.latest()
        if frame is None:
            if self._has_frame:
                self._painted.emit(False, False, 0.0)
            return  # the fill colour (black) is already there
        image = QImage(
            frame.data, frame.width, frame.height, frame.stride, QImage.Format.Format_RGB32
        )
        target = fitted_rect(self.width(), self.height(), frame.width, frame.height)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        painter.drawImage(target, image)
        self.frames_painted += 1
        first = frame.generation != self._painted_generation
        self._painted_generation = frame.generation
        if first or not self._has_frame:
            self._painted.emit(True, first, time.perf_counter())


def seconds_to_first_frame(
    item: VideoItem | PlayerModel, start: Callable[[], object], timeout_s: float = 5.0
) -> float | None:
    """Seconds from ``start()`` (the tap) to the first painted frame of the medium it opens.

    For the benchmark: ``seconds_to_first_frame(model, lambda: kiosk.open("story", "x"))`` (the
    view-model relays the video item's signal, so the page may be created by ``start``), or
    ``seconds_to_first_frame(video_item, lambda: model.openStoryById("x"))``. Runs a local event
    loop until the new medium is painted; None after ``timeout_s``.
    """
    loop = QEventLoop()
    shown: list[float] = []

    def on_shown(painted_at: float) -> None:
        shown.append(painted_at)
        loop.quit()

    item.firstFrameShown.connect(on_shown)
    QTimer.singleShot(int(timeout_s * 1000), loop, loop.quit)
    began = time.perf_counter()
    start()
    if not shown:
        loop.exec()
    item.firstFrameShown.disconnect(on_shown)
    return shown[0] - began if shown else None
