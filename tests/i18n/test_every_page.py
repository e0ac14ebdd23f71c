"""Every page of the real kiosk follows a language switch at once, with nothing left behind.

Uses the screen-test fixtures of ``tests/ui`` (real QML offscreen, the test content package).
On each page, starting in French, the test switches to every shipped language and checks:
the visible text changed, no visible string is a catalogue string of another language (a
``qsTr`` that missed the switch), and in Arabic the navigation is mirrored. The attract loop
is the one page that shows other languages on purpose: its invitation cycles through all of
them, so only the first two checks apply there.
"""

from __future__ import annotations

import pytest

from kiosk.i18n.catalog import translation
from kiosk.i18n.languages import shipped_codes
from kiosk.navigation import Route
from tests.ui.conftest import (  # noqa: F401  (fixtures used by name)
    content_package,
    make_kiosk,
)

PAGES = [
    "attract",
    "home",
    "exhibition",
    "artist:ibrahim",
    "story:ibrahim-story",
    "programme",
    "about",
    "accessibility",
    "staff",
]


def _singular_messages(code: str) -> dict[str, str]:
    entries: dict[object, str] = getattr(translation(code), "_catalog", {})
    return {key: value for key, value in entries.items() if isinstance(key, str) and key}


def _strings_of_other_languages(code: str) -> set[str]:
    """Catalogue strings that would be wrong on screen in ``code`` (English ids included)."""
    own = _singular_messages(code)
    foreign: set[str] = set()
    for other in (*shipped_codes(), None):
        messages = _singular_messages(other) if other else {msgid: msgid for msgid in own}
        if other == code:
            continue
        foreign |= {text for msgid, text in messages.items() if own.get(msgid, text) != text}
    return foreign


def _x(kiosk, name: str) -> float:  # type: ignore[no-untyped-def]
    item = kiosk.item(name)
    return float(item.mapToScene(item.boundingRect().center()).x())


@pytest.mark.slow
@pytest.mark.parametrize("page", PAGES)
def test_switching_language_changes_every_visible_string_of_the_page(make_kiosk, page) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    kiosk = make_kiosk(language="fr")
    kiosk.state.show_route(Route.parse(page))
    kiosk.settle(100)
    french = kiosk.texts()
    assert french, f"nothing readable on {page}"
    for code in ("en", "ar", "es", "de", "fr"):
        kiosk.state.setLanguage(code)
        kiosk.settle(100)
        texts = kiosk.texts()
        assert kiosk.state.page == Route.parse(page).page
        if code != "fr":
            assert texts != french, f"{page} in {code}: nothing changed"
        left_behind = sorted(set(texts) & _strings_of_other_languages(code))
        if page == "attract":
            left_behind = []
        assert not left_behind, f"{page} in {code}: strings of another language {left_behind}"
        if page not in ("attract", "staff"):  # the two pages without the language picker
            # The language picker reads Français ... Deutsch from the start of the line:
            # left to right in every language but Arabic, right to left in Arabic.
            first, last = _x(kiosk, "language-fr"), _x(kiosk, "language-de")
            assert (first > last) == (code == "ar"), f"{page} in {code}: wrong direction"
        assert kiosk.state.rtl == (code == "ar")
    assert kiosk.texts() == french
