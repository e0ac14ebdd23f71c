"""What the kiosk build leaves out of PyInstaller's collection, and why.

PyInstaller's PySide6 hooks collect every QML import and Qt plugin of the wheel as soon as
QtQml is imported: WebEngine views, Qt 3D, the virtual keyboard, the Wayland compositor,
Designer, PDF, SQL drivers... A naive build measured 682 MB. The kiosk draws its pages with
QtQuick, QtQuick.Layouts, QtQuick.Window and (maybe) QtQuick.Controls in the Basic or Fusion
style, on the xcb platform (XWayland under cage) or offscreen (screenshots, tests), or on
Windows. This module filters the TOCs (lists of ``(dest, source, kind)``) after analysis.

Used by packaging/kiosk.spec; pure functions, unit-tested without building.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable

# Python modules the kiosk never imports but that hooks or stdlib modules drag in. (QtWidgets
# stays: qasync imports it at start-up.)
PYTHON_EXCLUDES: list[str] = [
    "tkinter",
    "_tkinter",
    "unittest",
    "pydoc_data",
    "test",
    "lib2to3",
    "idlelib",
    "ensurepip",
    "venv",
    "distutils",
    "setuptools",
    "pip",
    "numpy",
    "pytest",
    "hypothesis",
    "mypy",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.Qt3DCore",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets",
    "PySide6.QtPrintSupport",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSvgWidgets",
    "PySide6.QtLabsStyleKit",
    "PySide6.QtQmlFeatures",
]

# Qt shared libraries (by the part after "Qt6") that no kept module, plugin or QML import needs.
_QT_LIB_DROP = re.compile(
    r"Qt6(WebEngine|WebChannel|WebSockets|WebView|3D|Designer|Help|UiTools|Sql|Test|QuickTest|"
    r"PrintSupport|Pdf|VirtualKeyboard|Wayland|WlShell|EglFS|EglFs|Labs|Lottie|QuickParticles|"
    r"QuickTimeline|QuickVectorImage|QuickDialogs2|QmlLocalStorage|QmlXmlListModel|"
    r"QmlDesignSupport|QmlCompiler|QuickShapesDesignHelpers|QuickWidgets|OpenGLWidgets|"
    r"SvgWidgets|Concurrent|Xml|Scxml|StateMachine|Charts|DataVisualization|Graphs|"
    r"Quick3D|ShaderTools|Multimedia|SpatialAudio|Positioning|Location|Sensors|SerialPort|"
    r"Bluetooth|Nfc|RemoteObjects|TextToSpeech|HttpServer|Protobuf|Grpc|"
    r"QuickControls2(Material|Universal|Imagine|FluentWinUI3|Native|IOS|MacOS|Windows))"
)

_KEPT_CONTROLS_STYLES = {"Basic", "Fusion", "impl"}
if sys.platform.startswith("win"):
    _KEPT_CONTROLS_STYLES |= {"FluentWinUI3", "Windows", "Universal"}

_KEPT_QML_TOP = {"QtQml", "QtQuick", "QtCore", "builtins.qmltypes", "jsroot.qmltypes"}
_KEPT_QTQUICK = {"Controls", "Layouts", "Window", "Templates", "Effects", "Shapes"}

# Qt plugins by folder; None keeps the whole folder.
_KEPT_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {"libqxcb.so", "libqoffscreen.so", "qwindows.dll", "qoffscreen.dll"},
    "xcbglintegrations": None,
    "imageformats": {
        "libqjpeg.so",
        "libqgif.so",
        "libqsvg.so",
        "libqwebp.so",
        "qjpeg.dll",
        "qgif.dll",
        "qsvg.dll",
        "qwebp.dll",
    },
    "iconengines": None,
    "platforminputcontexts": {"libcomposeplatforminputcontextplugin.so"},
    "generic": {"libqevdevtouchplugin.so", "qtuiotouchplugin.dll"},
    "styles": None,
}

# Qt's own translations: only the kiosk's languages (Qt Quick Controls' few strings).
_QT_TRANSLATION = re.compile(r"(qt|qtbase|qtdeclarative)_(fr|en|ar|es|de)\.qm$")


def _parts(dest: str) -> list[str]:
    return dest.replace("\\", "/").split("/")


# Babel's CLDR data is 30 MB for 900 locales; the kiosk formats dates and numbers in five
# languages (and their regional variants, and "root" they all inherit from).
_BABEL_LOCALE = re.compile(r"^(root|fr|en|ar|es|de)(_[A-Za-z0-9_]+)?\.dat$")


def keep(dest: str) -> bool:
    """Whether a collected file (given by its path inside the bundle) stays in the build."""
    parts = _parts(dest)
    name = parts[-1]
    if _QT_LIB_DROP.search(name):
        return False
    if parts[:2] == ["babel", "locale-data"]:
        return bool(_BABEL_LOCALE.match(name))
    if "PySide6" not in parts:
        return True
    # Tools shipped in the wheel (designer, linguist, qmlls...) and type stubs.
    if name.endswith((".pyi", ".typed")) or "typesystems" in parts or "include" in parts:
        return False
    if "Qt" not in parts:
        return True
    inside = parts[parts.index("Qt") + 1 :]
    if not inside:
        return True
    if inside[0] == "qml":
        return _keep_qml(inside[1:])
    if inside[0] == "plugins":
        if len(inside) < 3:
            return True
        kept = _KEPT_PLUGINS.get(inside[1], set())
        return kept is None or inside[2] in kept
    if inside[0] == "translations":
        return bool(_QT_TRANSLATION.search(name))
    return inside[0] in ("lib", "bin") or len(inside) == 1


def _keep_qml(inside: list[str]) -> bool:
    if not inside or inside[0] not in _KEPT_QML_TOP:
        return False
    if inside[0] != "QtQuick" or len(inside) < 3:
        return True
    sub = inside[1]
    if sub not in _KEPT_QTQUICK:
        return False
    if sub == "Controls" and len(inside) >= 4:
        return inside[2] in _KEPT_CONTROLS_STYLES
    return True


TocEntry = tuple[str, str, str]


def filter_toc(toc: Iterable[TocEntry]) -> list[TocEntry]:
    """The TOC without the entries :func:`keep` rejects."""
    return [entry for entry in toc if keep(entry[0])]
