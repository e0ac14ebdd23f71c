"""The bundled fonts (Noto Sans, Noto Sans Arabic, two symbol subsets): loaded at start.

Rendering must not depend on the machine's fonts: a kiosk image without Arabic fonts would show
empty boxes to Arabic readers. :func:`load_bundled_fonts` registers the files of
``assets/fonts/`` with Qt; :func:`families_for` gives the family list for a language, the
language's own script first and the other as fallback, so a French name inside Arabic text
(or the reverse) still finds its glyphs in a bundled font. The interface's few symbols (back
arrows, play, replay, erase, minus) come from two small subsets of Noto Sans Math and Noto Sans
Symbols 2, last in every list. Call after the QGuiApplication exists and before QML loads.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

from kiosk.i18n.languages import is_rtl
from kiosk.paths import source_root

LATIN_FAMILY = "Noto Sans"
ARABIC_FAMILY = "Noto Sans Arabic"
# Subsets holding only the interface's symbols: see assets/fonts/README.md.
SYMBOL_FAMILIES = ("Noto Sans Math", "Noto Sans Symbols2")

log = logging.getLogger(__name__)


class FontError(RuntimeError):
    """A bundled font file is missing or Qt refused it."""


def fonts_dir() -> Path:
    return source_root() / "assets" / "fonts"


def load_bundled_fonts(folder: Path | None = None) -> list[str]:
    """Register every ``.ttf``/``.otf`` of ``folder`` with Qt; the families they provide.

    Raises FontError when the folder holds no font or a file cannot be loaded: a kiosk that
    silently fell back to system fonts would hide the problem until an Arabic reader came.
    """
    folder = folder or fonts_dir()
    files = sorted(path for path in folder.glob("*") if path.suffix.lower() in (".ttf", ".otf"))
    if not files:
        raise FontError(f"no font files in {folder}")
    families: list[str] = []
    for path in files:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            raise FontError(f"Qt could not load the font {path}")
        for family in QFontDatabase.applicationFontFamilies(font_id):
            if family not in families:
                families.append(family)
    _fall_back_on_bundled_fonts()
    log.info("bundled fonts loaded: %s", ", ".join(families))
    return families


def _fall_back_on_bundled_fonts() -> None:
    """A text that names one family (the QML theme names one) finds its other glyphs in ours.

    Without this, Qt looks for a glyph its family lacks (an Arabic name in French text, an
    arrow) in the machine's fonts: DejaVu on a desktop, empty boxes on a bare kiosk image.
    """
    for language in ("fr", "ar"):  # one language per script
        first, *others = families_for(language)
        QFont.removeSubstitutions(first)
        QFont.insertSubstitutions(first, others)


def families_for(language: str) -> list[str]:
    """Font families for ``language``: its script first, the other script, then the symbols."""
    scripts = [ARABIC_FAMILY, LATIN_FAMILY] if is_rtl(language) else [LATIN_FAMILY, ARABIC_FAMILY]
    return [*scripts, *SYMBOL_FAMILIES]


def font_for(language: str, point_size: float | None = None) -> QFont:
    """A QFont drawing ``language`` with the bundled families."""
    font = QFont()
    font.setFamilies(families_for(language))
    if point_size is not None:
        font.setPointSizeF(point_size)
    return font
