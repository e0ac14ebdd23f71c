"""Walks the live item tree of every page: every interactive item is at least 64x64 px at
1920x1080 (shared/ACCESSIBILITY.md) and has an accessible name; in the low-reach layout every
control sits in the lower part of the screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickItem

from kiosk.navigation import Route
from tests.ui.conftest import PORTRAIT, all_items, is_shown

PAGES = [
    "attract",
    "home",
    "exhibition",
    "artist:awa",
    "story:awa-story",
    "programme",
    "about",
    "accessibility",
]
HANDLERS = ("QQuickTapHandler", "QQuickMouseArea")
MIN_PX = 64


def accessible_name(item: QQuickItem) -> str | None:
    """The ``Accessible.name`` attached to ``item`` (None when it is ignored for readers)."""
    for child in item.children():
        if child.metaObject().className() == "QQuickAccessibleAttached":
            if child.property("ignored"):
                return None
            return str(child.property("name") or "")
    return ""


def accessible_role(item: QQuickItem) -> QAccessible.Role:
    """The role a screen reader is told (through Qt's accessibility interface)."""
    interface = QAccessible.queryAccessibleInterface(item)
    return interface.role() if interface is not None else QAccessible.Role.NoRole


def interactive_items(window) -> list[QQuickItem]:  # type: ignore[no-untyped-def]
    """Items a finger can press: parents of TapHandlers, and MouseAreas."""
    found = []
    for item in all_items(window.contentItem()):
        if not is_shown(item, window):
            continue
        kinds = [child.metaObject().className() for child in item.children()]
        is_handler_parent = any(
            kind in HANDLERS and child.property("enabled")
            for kind, child in zip(kinds, item.children(), strict=True)
            if isinstance(child, QObject)
        )
        if is_handler_parent or item.metaObject().className() == "QQuickMouseArea":
            found.append(item)
    return found


def describe(item: QQuickItem) -> str:
    size = f"{item.width():.0f}x{item.height():.0f}"
    return f"{item.metaObject().className()} {item.objectName()!r} {size}"


@pytest.mark.parametrize("route", PAGES)
@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_control_is_large_enough_and_named(make_kiosk, route: str, language: str) -> None:
    kiosk = make_kiosk(language=language)
    kiosk.state.show_route(Route.parse(route))
    kiosk.settle(60)
    items = interactive_items(kiosk.window)
    assert items, "a page with nothing to touch"
    small = [describe(i) for i in items if min(i.width(), i.height()) < MIN_PX]
    unnamed = [describe(i) for i in items if accessible_name(i) == ""]
    roleless = [
        describe(i)
        for i in items
        if accessible_name(i) and accessible_role(i) in (QAccessible.Role.NoRole, None)
    ]
    assert not small, f"targets under {MIN_PX} px on {route}: {small}"
    assert not unnamed, f"controls without an accessible name on {route}: {unnamed}"
    assert not roleless, f"controls without an accessible role on {route}: {roleless}"


@pytest.mark.parametrize("route", ["home", "exhibition", "artist:awa", "accessibility"])
def test_portrait_keeps_targets_large_enough(make_kiosk, route: str) -> None:
    kiosk = make_kiosk(size=PORTRAIT)
    kiosk.state.show_route(Route.parse(route))
    kiosk.settle(60)
    small = [
        describe(i) for i in interactive_items(kiosk.window) if min(i.width(), i.height()) < MIN_PX
    ]
    assert not small


@pytest.mark.parametrize(
    "route", ["home", "exhibition", "artist:awa", "programme", "about", "accessibility"]
)
def test_low_reach_puts_every_control_in_the_lower_part(make_kiosk, route: str) -> None:
    kiosk = make_kiosk()
    kiosk.state.accessibility_settings.setLowReach(True)
    kiosk.state.show_route(Route.parse(route))
    kiosk.settle(60)
    limit = kiosk.window.height() * 0.4
    high = [
        describe(item)
        for item in interactive_items(kiosk.window)
        if item.objectName() != "staffCorner"  # staff only, deliberately out of the way
        and item.mapRectToScene(item.boundingRect()).top() < limit - 1
    ]
    assert not high, f"controls above the reach line on {route}: {high}"


def test_the_staff_corner_is_hidden_from_screen_readers(make_kiosk) -> None:
    kiosk = make_kiosk()
    assert accessible_name(kiosk.item("staffCorner")) is None
