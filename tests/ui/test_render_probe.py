"""Which machines draw the kiosk's frames with the CPU (kiosk/ui/render_probe.py): there the
welcome loop cuts instead of dissolving, to keep the CPU cool all day."""

from __future__ import annotations

import pytest
from PySide6.QtQuick import QSGRendererInterface

from kiosk.ui.render_probe import is_drawn_by_cpu
from tests.conftest import XServer, run_python

Api = QSGRendererInterface.GraphicsApi


@pytest.mark.parametrize(
    ("api", "renderer", "by_cpu"),
    [
        (Api.OpenGL, "llvmpipe (LLVM 15.0.6, 256 bits)", True),
        (Api.OpenGL, "Software Rasterizer", True),
        (Api.Software, None, True),
        (Api.OpenGL, "Mesa Intel(R) UHD Graphics 620 (KBL GT2)", False),
        (Api.OpenGL, "AMD Radeon Vega 8 Graphics (radeonsi, raven, LLVM 15.0.6, DRM 3.49)", False),
        (Api.Vulkan, None, False),
    ],
)
def test_cpu_rasterisers_are_told_from_gpus(api: Api, renderer: str | None, by_cpu: bool) -> None:
    assert is_drawn_by_cpu(api, renderer) is by_cpu


# A window on the X server, drawn with OpenGL: the probe must read the driver's name on the
# render thread and report it on the window's thread.
PROBE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickWindow
from kiosk.ui.render_probe import watch_rendering
app = QGuiApplication(sys.argv[:1])
window = QQuickWindow()
window.resize(320, 240)
watch_rendering(window)
window.show()
def check():
    if window.property("softwareRendering") is not None:
        print(window.rendererInterface().graphicsApi().name, window.property("softwareRendering"))
        app.quit()
    else:
        QTimer.singleShot(50, check)
check()
QTimer.singleShot(15000, app.quit)
app.exec()
"""


@pytest.mark.display
def test_opengl_on_llvmpipe_under_x_counts_as_drawn_by_the_cpu(xvfb: XServer) -> None:
    env = xvfb.env()
    env.pop("QT_QUICK_BACKEND", None)
    done = run_python(PROBE, env=env)
    assert done.stdout.split() == ["OpenGL", "True"], done.stderr
