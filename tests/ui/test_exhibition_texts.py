"""The exhibition's own words: its introduction over the musicians' grid and its credits on the
about page, in the visitor's language, and no empty block when a package has neither."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtQuick import QQuickItem

from tests.ui.conftest import Kiosk, all_items


def contains(texts: list[str], needle: str) -> bool:
    return any(needle in text for text in texts)


def named(kiosk: Kiosk, object_name: str) -> QQuickItem:
    """The item even when hidden (``Kiosk.item`` only finds what is shown)."""
    found = [i for i in all_items(kiosk.window.contentItem()) if i.objectName() == object_name]
    assert found, f"no item named {object_name!r} on page {kiosk.state.page}"
    return found[0]


def open_by_touch(kiosk: Kiosk, button: str, page: str) -> None:
    kiosk.tap_point(QPoint(960, 400))  # anywhere wakes the kiosk
    kiosk.wait_page("home")
    kiosk.tap(button)
    kiosk.wait_page(page)


def test_the_introduction_shows_over_the_grid_and_follows_the_language(
    make_kiosk, package_with_texts: Path
) -> None:
    kiosk = make_kiosk(language="fr", content_dir=package_with_texts)
    open_by_touch(kiosk, "openExhibition", "exhibition")
    intro = kiosk.item("exhibitionIntro")
    assert intro.property("text") == "Présentation d'essai : des musiciens racontent leur quartier."
    card = kiosk.item("artist-awa")
    assert (
        intro.mapToScene(intro.boundingRect().bottomLeft()).y()
        < card.mapToScene(card.boundingRect().topLeft()).y()
    )

    kiosk.tap("language-ar")
    texts = kiosk.texts()
    assert contains(texts, "تقديم تجريبي: موسيقيون يروون حكاية حيّهم.")
    assert not contains(texts, "Présentation d'essai")
    # Right to left: the paragraph hangs from the right margin, as the heading above it does.
    intro, title = kiosk.item("exhibitionIntro"), kiosk.item("pageTitle")
    intro_right = intro.mapToScene(intro.boundingRect().topRight()).x()
    title_right = title.mapToScene(title.boundingRect().topRight()).x()
    assert abs(intro_right - title_right) < 20
    assert intro.mapToScene(intro.boundingRect().topLeft()).x() > kiosk.window.width() / 4


def test_an_introduction_missing_in_the_language_shows_the_default_one_with_a_notice(
    make_kiosk, package_with_texts: Path
) -> None:
    kiosk = make_kiosk(language="es", content_dir=package_with_texts)
    open_by_touch(kiosk, "openExhibition", "exhibition")
    texts = kiosk.texts()
    assert contains(texts, "Présentation d'essai : des musiciens racontent leur quartier.")
    assert kiosk.item("exhibitionIntroNotice").property("text") == "en francés"


def test_the_credits_show_on_the_about_page(make_kiosk, package_with_texts: Path) -> None:
    kiosk = make_kiosk(language="fr", content_dir=package_with_texts)
    open_by_touch(kiosk, "openAbout", "about")
    assert contains(kiosk.texts(), "Crédits d'essai : l'association Afrisson.")

    kiosk.tap("language-ar")
    assert contains(kiosk.texts(), "شكر تجريبي: جمعية أفريسون.")


def test_a_package_without_introduction_or_credits_shows_no_empty_block(make_kiosk) -> None:
    kiosk = make_kiosk(language="fr")
    open_by_touch(kiosk, "openExhibition", "exhibition")
    assert not named(kiosk, "exhibitionIntro").isVisible()
    # The cards start right under the heading: no room kept for a missing introduction.
    grid, card = kiosk.item("artistGrid"), kiosk.item("artist-awa")
    grid_top = grid.mapToScene(grid.boundingRect().topLeft()).y()
    card_top = card.mapToScene(card.boundingRect().topLeft()).y()
    assert card_top - grid_top < 20

    kiosk.tap("navHome")
    kiosk.wait_page("home")
    kiosk.tap("openAbout")
    kiosk.wait_page("about")
    assert not named(kiosk, "exhibitionCredits").isVisible()


def test_the_about_text_missing_in_the_language_says_which_language_it_is_in(
    make_kiosk,
) -> None:
    # The test package's presentation exists in French, English and Arabic, not in German.
    kiosk = make_kiosk(language="de")
    open_by_touch(kiosk, "openAbout", "about")
    assert contains(kiosk.texts(), "Une exposition d'essai.")
    assert kiosk.item("aboutTextNotice").property("text") == "auf Französisch"

    kiosk.tap("language-en")
    assert contains(kiosk.texts(), "A test exhibition.")
    assert not named(kiosk, "aboutTextNotice").isVisible()
