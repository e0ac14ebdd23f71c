"""The bundled Noto fonts load, and Arabic, Latin and the interface's symbols are drawn with
them, not with whatever fonts the machine has."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QTextLayout

from kiosk.i18n.fonts import (
    ARABIC_FAMILY,
    LATIN_FAMILY,
    SYMBOL_FAMILIES,
    FontError,
    families_for,
    font_for,
    fonts_dir,
    load_bundled_fonts,
)
from kiosk.paths import source_root

MIXED = "قصة Mamadou Diabaté في سان دوني"


QML_DIR = source_root() / "kiosk" / "ui" / "qml"


def _families_used(text: str, language: str) -> set[str]:
    return _families_drawing(text, font_for(language, 24))


def _families_drawing(text: str, font: QFont) -> set[str]:
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return {run.rawFont().familyName() for run in layout.glyphRuns()}


def test_bundled_fonts_register_noto_sans_and_noto_sans_arabic(qapp: QGuiApplication) -> None:
    families = load_bundled_fonts()
    assert LATIN_FAMILY in families
    assert ARABIC_FAMILY in families
    assert LATIN_FAMILY in QFontDatabase.families()


def test_fonts_ship_with_their_licence() -> None:
    licence = (fonts_dir() / "OFL.txt").read_text("utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert sum(path.stat().st_size for path in fonts_dir().glob("*.ttf")) < 2_000_000


def test_mixed_arabic_and_french_text_uses_both_bundled_fonts(qapp: QGuiApplication) -> None:
    load_bundled_fonts()
    assert _families_used(MIXED, "ar") == {ARABIC_FAMILY, LATIN_FAMILY}


def test_french_text_with_accents_uses_noto_sans(qapp: QGuiApplication) -> None:
    load_bundled_fonts()
    assert _families_used("Les musiciens racontent leur 93 — café, Sémard", "fr") == {LATIN_FAMILY}


def test_arabic_puts_its_own_script_first() -> None:
    assert families_for("ar") == [ARABIC_FAMILY, LATIN_FAMILY, *SYMBOL_FAMILIES]
    assert families_for("de") == [LATIN_FAMILY, ARABIC_FAMILY, *SYMBOL_FAMILIES]


def _interface_characters() -> str:
    """Every character beyond ASCII in the screens and in the translated strings."""
    sources = [*QML_DIR.rglob("*.qml"), *(source_root() / "translations").rglob("*.po")]
    characters = {char for path in sources for char in path.read_text("utf-8") if ord(char) > 127}
    return "".join(sorted(characters))


@pytest.mark.parametrize("family", [LATIN_FAMILY, ARABIC_FAMILY])
def test_no_character_of_the_interface_comes_from_the_machines_fonts(
    qapp: QGuiApplication, family: str
) -> None:
    # The QML theme names one family per language: the arrows, play, replay and erase symbols
    # and the other script must still come from the bundled files, not from DejaVu or a box.
    bundled = set(load_bundled_fonts())
    characters = _interface_characters()
    assert {"←", "→", "▶", "↺", "⌫", "−", "é", "ع"} <= set(characters)
    font = QFont(family)
    font.setPixelSize(24)
    assert _families_drawing(characters, font) <= bundled
    font.setBold(True)
    assert _families_drawing(characters, font) <= bundled


def test_an_arabic_name_in_french_text_is_drawn_with_noto_sans_arabic(
    qapp: QGuiApplication,
) -> None:
    load_bundled_fonts()
    font = QFont(LATIN_FAMILY)
    font.setPixelSize(24)
    assert _families_drawing("Rencontre avec عبد الله", font) == {LATIN_FAMILY, ARABIC_FAMILY}


def test_a_folder_without_fonts_is_an_error(qapp: QGuiApplication, tmp_path: Path) -> None:
    with pytest.raises(FontError, match="no font files"):
        load_bundled_fonts(tmp_path)


def test_a_broken_font_file_is_an_error(qapp: QGuiApplication, tmp_path: Path) -> None:
    (tmp_path / "Broken.ttf").write_bytes(b"not a font")
    with pytest.raises(FontError, match="could not load"):
        load_bundled_fonts(tmp_path)


def test_pseudo_locale_accents_all_exist_in_noto_sans(qapp: QGuiApplication) -> None:
    from kiosk.i18n.pseudo import pseudolocalize

    load_bundled_fonts()
    alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    assert _families_used(pseudolocalize(alphabet), "pseudo") == {LATIN_FAMILY}


def test_a_french_name_inside_arabic_text_keeps_right_to_left_order(
    qapp: QGuiApplication,
) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextOption

    load_bundled_fonts()
    text = "قصة Mamadou Diabaté"
    layout = QTextLayout(text, font_for("ar", 24))
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(600)
    layout.endLayout()

    def x(index: int) -> float:
        return float(line.cursorToX(index)[0])

    # Read from the right: the Arabic word first (its letters right to left), then the French
    # name to its left, whose own letters stay left to right.
    assert x(0) > x(1) > x(5)
    assert text[5:7] == "am" and x(5) < x(6)
