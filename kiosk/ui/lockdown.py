"""Kiosk mode lockdown: the shortcuts a prankster tries do nothing.

An application-wide event filter swallows the key combinations that close, switch or zoom
windows, and context-menu requests. The window itself refuses to close (see ``Main.qml``);
only SIGTERM from the supervisor ends the kiosk.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

BLOCKED_KEYS = frozenset(
    {
        Qt.Key.Key_Escape,
        Qt.Key.Key_F4,
        Qt.Key.Key_F11,
        Qt.Key.Key_Tab,
        Qt.Key.Key_Backtab,
        Qt.Key.Key_Super_L,
        Qt.Key.Key_Super_R,
        Qt.Key.Key_Meta,
        Qt.Key.Key_Menu,
        Qt.Key.Key_Backspace,
    }
)
BLOCKED_CONTROL_KEYS = frozenset({Qt.Key.Key_Q, Qt.Key.Key_W, Qt.Key.Key_Plus, Qt.Key.Key_Minus})
BLOCKED_EVENTS = frozenset(
    {QEvent.Type.ContextMenu, QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.Shortcut}
)


def is_blocked_key(key: int, modifiers: Qt.KeyboardModifier) -> bool:
    """True for the keys and combinations the kiosk ignores."""
    if key in BLOCKED_KEYS:
        return True
    control = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
    alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
    return (
        (control and key in BLOCKED_CONTROL_KEYS)
        or alt
        or bool(modifiers & Qt.KeyboardModifier.MetaModifier)
    )


class LockdownFilter(QObject):
    """Installed on the QGuiApplication in kiosk mode."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in BLOCKED_EVENTS:
            return False
        if kind == QEvent.Type.ContextMenu:
            return True
        if isinstance(event, QKeyEvent):
            return is_blocked_key(event.key(), event.modifiers())
        return kind == QEvent.Type.Shortcut
