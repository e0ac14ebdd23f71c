"""No text is cut off when strings grow: the pseudo-locale (+40%) and German, on every page.

A string is cut off when Qt elided it (``truncated``), when it is wider than its box, or when
its lines are taller than its box. The synthetic case at the end shows the check does catch a
label that is too long for its place.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QByteArray, QUrl
from PySide6.QtQml import QQmlComponent, QQmlEngine
from PySide6.QtQuick import QQuickItem, QQuickWindow

from kiosk.navigation import Route
from tests.ui.conftest import (  # noqa: F401  (fixtures used by name)
    all_items,
    content_package,
    find_items,
    make_kiosk,
)

PAGES = [
    "home",
    "exhibition",
    "artist:ibrahim",
    "story:ibrahim-story",
    "programme",
    "about",
    "accessibility",
    "staff",
]
ALL_LANGUAGES = ("fr", "en", "ar", "es", "de", "pseudo")
LONG = "[Ŝţåŕţ ţĥé šţöŕý ~~~~]"


def cut_texts(items: list[QQuickItem]) -> list[str]:
    """The texts among ``items`` that do not fit their box, with why."""
    problems = []
    for item in items:
        if item.metaObject().className() != "QQuickText":
            continue
        text = str(item.property("text"))
        width, height = item.width(), item.height()
        if item.property("truncated"):
            problems.append(f"elided: {text!r}")
        elif float(item.property("contentWidth")) > width + 1:
            problems.append(f"wider than its box ({width:.0f} px): {text!r}")
        elif height > 0 and float(item.property("contentHeight")) > height + 2:
            problems.append(f"taller than its box ({height:.0f} px): {text!r}")
    return problems


@pytest.mark.slow
@pytest.mark.parametrize("language", ["pseudo", "de"])
@pytest.mark.parametrize("page", PAGES)
def test_no_text_is_cut_off(make_kiosk, page: str, language: str) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(language="fr", languages=ALL_LANGUAGES)
    kiosk.state.show_route(Route.parse(page))
    kiosk.state.setLanguage(language)
    kiosk.settle(150)
    shown = find_items(kiosk.window, lambda item: True)
    assert not cut_texts(shown), f"{page} in {language}"


def test_the_check_catches_a_label_too_long_for_its_place(qapp) -> None:  # type: ignore[no-untyped-def]
    engine = QQmlEngine()
    component = QQmlComponent(engine)
    component.setData(
        QByteArray(
            (
                "import QtQuick\n"
                "Item { width: 200; height: 100\n"
                f' Text {{ width: 60; elide: Text.ElideRight; text: "{LONG}" }}\n'
                f' Text {{ y: 40; width: 60; text: "{LONG}" }}\n'
                ' Text { y: 80; width: 200; text: "Fits" } }'
            ).encode()
        ),
        QUrl("file:///probe.qml"),
    )
    root = component.create()
    assert isinstance(root, QQuickItem), component.errors()
    window = QQuickWindow()
    root.setParentItem(window.contentItem())
    problems = cut_texts(list(all_items(root)))
    reasons = [problem.split(":")[0] for problem in problems]
    assert reasons == ["elided", "wider than its box (60 px)"]
    window.deleteLater()
