"""Whether the kiosk's pictures are drawn by the CPU: Qt Quick's software backend, or OpenGL
through a software rasteriser (Mesa's llvmpipe, on a machine whose GPU driver is missing).

Drawn by the CPU, every full-screen frame costs tens of milliseconds (about 30 ms at 1080p with
llvmpipe here), so the welcome loop's 0.6 s dissolve every 8 seconds kept 11-16 % of a core
busy all day long (``idle_cpu_percent`` in benchmarks/README.md). There the window's
``softwareRendering`` property turns true and the loop changes pictures with a cut instead; on a
GPU nothing changes.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QOpenGLContext
from PySide6.QtQuick import QQuickWindow, QSGRendererInterface

log = logging.getLogger(__name__)

GL_RENDERER = 0x1F01  # glGetString name, from GL/gl.h
WINDOW_PROPERTY = "softwareRendering"

# OpenGL renderer strings of the rasterisers that run on the CPU (Mesa, Windows' fallback).
_CPU_RASTERISERS = re.compile(
    r"llvmpipe|softpipe|swrast|software rasterizer|microsoft basic render", re.IGNORECASE
)


def is_drawn_by_cpu(api: QSGRendererInterface.GraphicsApi, gl_renderer: str | None) -> bool:
    """True for Qt Quick's software backend and for OpenGL on a software rasteriser."""
    if api == QSGRendererInterface.GraphicsApi.Software:
        return True
    return bool(gl_renderer and _CPU_RASTERISERS.search(gl_renderer))


def watch_rendering(window: QQuickWindow) -> None:
    """Set ``window``'s ``softwareRendering`` property at its next frame.

    The OpenGL renderer's name can only be read where its context is current, on the render
    thread, just before a frame; the property is then set on the window's own thread. The
    window may already have drawn (QML shows it while loading), so this asks for a frame.
    """

    def before_frame() -> None:
        window.beforeRendering.disconnect(before_frame)  # once is enough: drivers do not change
        api = window.rendererInterface().graphicsApi()
        context = QOpenGLContext.currentContext()
        renderer = context.functions().glGetString(GL_RENDERER) if context is not None else None
        by_cpu = is_drawn_by_cpu(api, renderer)
        log.info("graphics: %s %s%s", api.name, renderer or "", " (drawn by the CPU)" * by_cpu)
        QTimer.singleShot(0, window, lambda: window.setProperty(WINDOW_PROPERTY, by_cpu))

    window.beforeRendering.connect(before_frame, Qt.ConnectionType.DirectConnection)
    window.update()
