"""Small X11 helpers for the reliability suites: the cursor image and the window tree.

The cursor is read through XFixes (``XFixesGetCursorImage``) with ctypes, since neither
xdotool nor xwininfo can tell whether the pointer is visible.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import re

from tests.conftest import XServer


class _CursorImage(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_short),
        ("y", ctypes.c_short),
        ("width", ctypes.c_ushort),
        ("height", ctypes.c_ushort),
        ("xhot", ctypes.c_ushort),
        ("yhot", ctypes.c_ushort),
        ("cursor_serial", ctypes.c_ulong),
        ("pixels", ctypes.POINTER(ctypes.c_ulong)),
        ("atom", ctypes.c_ulong),
        ("name", ctypes.c_char_p),
    ]


def visible_cursor_pixels(display: str) -> int:
    """How many pixels of the current cursor image are not fully transparent."""
    x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
    xfixes = ctypes.CDLL(ctypes.util.find_library("Xfixes") or "libXfixes.so.3")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    x11.XFree.argtypes = [ctypes.c_void_p]
    xfixes.XFixesGetCursorImage.restype = ctypes.POINTER(_CursorImage)
    xfixes.XFixesGetCursorImage.argtypes = [ctypes.c_void_p]
    handle = x11.XOpenDisplay(display.encode())
    if not handle:
        raise RuntimeError(f"cannot open display {display}")
    try:
        image = xfixes.XFixesGetCursorImage(handle)
        cursor = image.contents
        count = cursor.width * cursor.height
        visible = sum(1 for i in range(count) if (cursor.pixels[i] >> 24) & 0xFF)
        x11.XFree(image)
        return visible
    finally:
        x11.XCloseDisplay(handle)


def mapped_top_level_windows(xvfb: XServer) -> list[str]:
    """Names of the mapped windows that are direct children of the root window."""
    tree = xvfb.run("xwininfo", "-root", "-children").stdout
    names = []
    for line in tree.splitlines():
        match = re.match(r'\s+0x[0-9a-f]+ (".*?"|\(has no name\)):', line)
        if match:
            names.append(match.group(1).strip('"'))
    return names
