"""Helpers for the language tests: a small catalogue written and compiled in a temporary folder."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

REPO = Path(__file__).resolve().parents[2]
TRANSLATIONS = REPO / "translations"

PO_HEADER = """\
msgid ""
msgstr ""
"Language: {code}\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=utf-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: {plural_forms}\\n"

"""


def write_catalogue(
    folder: Path, code: str, entries: str, plural_forms: str = "nplurals=2; plural=(n > 1);"
) -> Path:
    """Write ``<folder>/<code>/LC_MESSAGES/kiosk.po`` (header + ``entries``) and its ``.mo``."""
    po = folder / code / "LC_MESSAGES" / "kiosk.po"
    po.parent.mkdir(parents=True, exist_ok=True)
    po.write_text(PO_HEADER.format(code=code, plural_forms=plural_forms) + entries, "utf-8")
    buffer = io.BytesIO()
    with po.open("rb") as file:
        write_mo(buffer, read_po(file, locale=code))
    po.with_suffix(".mo").write_bytes(buffer.getvalue())
    return po


@pytest.fixture
def catalogue_dir(tmp_path: Path) -> Path:
    """A translations folder with French and Arabic test catalogues."""
    write_catalogue(
        tmp_path,
        "fr",
        'msgid "Start"\nmsgstr "Commencer"\n\n'
        'msgid "Hello {name}"\nmsgstr "Bonjour {name}"\n\n'
        'msgctxt "verb"\nmsgid "Play"\nmsgstr "Lire"\n\n'
        'msgid "%n artists"\nmsgid_plural "%n artists"\n'
        'msgstr[0] "%n artiste"\nmsgstr[1] "%n artistes"\n\n',
    )
    write_catalogue(
        tmp_path,
        "ar",
        'msgid "Start"\nmsgstr "ابدأ"\n\n',
        plural_forms="nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
        "n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
    )
    return tmp_path
