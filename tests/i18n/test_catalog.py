"""Looking messages up for Python and for Qt: contexts, plurals, and "not mine" answers."""

from __future__ import annotations

from pathlib import Path

from kiosk.i18n.catalog import gettext_for, lookup, translation
from kiosk.i18n.pseudo import pseudolocalize


def test_a_known_message_is_translated(catalogue_dir: Path) -> None:
    assert lookup(translation("fr", str(catalogue_dir)), "Start") == "Commencer"


def test_an_unknown_message_is_left_to_qt(catalogue_dir: Path) -> None:
    assert lookup(translation("fr", str(catalogue_dir)), "Never written") is None


def test_the_disambiguation_selects_the_context(catalogue_dir: Path) -> None:
    catalogue = translation("fr", str(catalogue_dir))
    assert lookup(catalogue, "Play", context="verb") == "Lire"
    assert lookup(catalogue, "Play") is None


def test_plural_follows_the_language_rule(catalogue_dir: Path) -> None:
    catalogue = translation("fr", str(catalogue_dir))
    # French uses the singular for 0 and 1.
    assert lookup(catalogue, "%n artists", n=0) == "%n artiste"
    assert lookup(catalogue, "%n artists", n=1) == "%n artiste"
    assert lookup(catalogue, "%n artists", n=2) == "%n artistes"


def test_a_language_without_catalogue_shows_the_english_ids(tmp_path: Path) -> None:
    catalogue = translation("it", str(tmp_path))
    assert catalogue.gettext("Start") == "Start"
    assert lookup(catalogue, "Start") is None


def test_pseudo_locale_answers_everything() -> None:
    assert lookup(translation("pseudo"), "Start") == pseudolocalize("Start")


def test_shipped_french_catalogue_is_used_by_python_code() -> None:
    assert gettext_for("fr").gettext("Touch the screen to start") == (
        "Touchez l'écran pour commencer"
    )
    assert gettext_for("de").gettext("Touch the screen to start") == (
        "Berühren Sie den Bildschirm, um zu beginnen"
    )
