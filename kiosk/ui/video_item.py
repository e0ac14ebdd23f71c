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
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

from PySide6.QtCore import Property, QEventLoop, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtQml import QmlElement
from PySide6.QtQuick import QQuickItem, QQuickPaintedItem

from kiosk.media.frames import FrameBuffer
from kiosk.ui.player_model import PlayerModel

QML_IMPORT_NAME = "Kiosk.Media"
QML_IMPORT_MAJOR_VERSION = 1


def fitted_rect(width: float, height: float, frame_width: int, frame_height: int) -> QRectF:
    """The largest rectangle of the frame's shape centred in ``width`` x ``height``."""
    if frame_width <= 0 or frame_height <= 0 or width <= 0 or height <= 0:
        return QRectF()
    scale = min(width / frame_width, height / frame_height)
    shown_width, shown_height = frame_width * scale, frame_height * scale
    return QRectF((width - shown_width) / 2, (height - shown_height) / 2, shown_width, shown_height)


@QmlElement
class VideoItem(QQuickPaintedItem):  # type: ignore[operator]
    """Shows the frames of a :class:`PlayerModel`.

    Attributes:
        frames_painted: how many frames this item has painted (diagnostics, tests).
    """

    playerChanged = Signal()
    hasFrameChanged = Signal()
    firstFrameShown = Signal(float)
    # paint() may run on the scene graph's render thread: results go to the GUI thread queued.
    _painted = Signal(bool, bool, float)

    def __init__(self, parent: QQuickItem | None = None) -> None:
        super().__init__(parent)
        self._player: PlayerModel | None = None
        self._frames: FrameBuffer | None = None
        self._painted_generation = -1
        self._has_frame = False
        self.frames_painted = 0
        self.setOpaquePainting(True)
        self.setFillColor(QColor("black"))
        # The video is scaled anyway; smooth scaling costs little at kiosk sizes.
        self.setAntialiasing(False)
        self._painted.connect(self._after_paint, Qt.ConnectionType.QueuedConnection)

    def _get_player(self) -> QObject | None:
        return self._player

    def _set_player(self, player: QObject | None) -> None:
        if player is self._player:
            return
        if self._player is not None:
            # The view-model may already be gone (teardown order): nothing to disconnect then.
            with contextlib.suppress(RuntimeError):
                self._player.frameReady.disconnect(self.update)
        self._player = player if isinstance(player, PlayerModel) else None
        self._frames = self._player.frames if self._player is not None else None
        if self._player is not None:
            self._player.frameReady.connect(self.update, Qt.ConnectionType.QueuedConnection)
        self.playerChanged.emit()
        self.update()

    player = Property(QObject, _get_player, _set_player, notify=playerChanged)  # type: ignore[arg-type]

    def _get_has_frame(self) -> bool:
        return self._has_frame

    hasFrame = Property(bool, _get_has_frame, notify=hasFrameChanged)  # type: ignore[arg-type]

    def _after_paint(self, present: bool, first: bool, painted_at: float) -> None:
        if present != self._has_frame:
            self._has_frame = present
            self.hasFrameChanged.emit()
        if first:
            self.firstFrameShown.emit(painted_at)
            if self._player is not None:
                # Relayed by the view-model, which exists before the page: a benchmark can
                # listen there from the tap on, before this item is even created.
                self._player.firstFrameShown.emit(painted_at)

    def paint(self, painter: QPainter) -> None:
        frame = self._frames.latest() if self._frames is not None else None
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
