"""Every text drawn on every page against what is behind it: at least 4.5:1 in the usual theme
and 7:1 in the high-contrast theme (WCAG 2.2 SC 1.4.3 and 1.4.6)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtQuick import QQuickItem

from kiosk.navigation import Route
from tests.ui.conftest import find_items

PAGES = ["home", "exhibition", "artist:awa", "programme", "about", "accessibility"]


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def ratio(a: QColor, b: QColor) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def effective_opacity(item: QQuickItem) -> float:
    value = 1.0
    while item is not None:
        value *= item.opacity()
        item = item.parentItem()
    return value


def backdrop(item: QQuickItem, window) -> QColor:  # type: ignore[no-untyped-def]
    """The colour of the nearest opaque rectangle behind ``item`` (else the window's)."""
    parent = item.parentItem()
    while parent is not None:
        if parent.inherits("QQuickRectangle"):
            colour = parent.property("color")
            if isinstance(colour, QColor) and colour.alphaF() > 0.99:
                return colour
        parent = parent.parentItem()
    return window.color()


@pytest.mark.parametrize("high_contrast", [False, True], ids=["usual", "high contrast"])
@pytest.mark.parametrize("route", PAGES)
def test_every_text_stands_out_from_its_background(make_kiosk, route, high_contrast) -> None:
    kiosk = make_kiosk()
    kiosk.state.accessibility_settings.setHighContrast(high_contrast)
    kiosk.state.show_route(Route.parse(route))
    kiosk.settle(60)
    minimum = 7.0 if high_contrast else 4.5
    texts = find_items(kiosk.window, lambda i: i.metaObject().className() == "QQuickText")
    checked = 0
    weak = []
    for text in texts:
        if not text.property("text") or effective_opacity(text) < 0.99:
            continue  # disabled controls and past events are exempt (WCAG: inactive)
        value = ratio(text.property("color"), backdrop(text, kiosk.window))
        checked += 1
        if value < minimum:
            weak.append(f"{text.property('text')[:30]!r} {value:.1f}:1")
    assert checked > 5
    assert not weak, f"below {minimum}:1 on {route}: {weak}"
