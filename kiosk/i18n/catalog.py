"""Gettext catalogues for the kiosk's own strings (Python side).

Message ids are English, the language of the code; French is the kiosk's default language and,
like every shipped language, has a complete catalogue in ``translations/<ll>/LC_MESSAGES``.
This first version only loads catalogues; the languages issue adds extraction and compilation.
"""

from __future__ import annotations

import gettext
from functools import lru_cache

from kiosk.paths import source_root

DOMAIN = "kiosk"


def translations_dir() -> str:
    return str(source_root() / "translations")


@lru_cache(maxsize=16)
def translation(language: str) -> gettext.NullTranslations:
    """The catalogue for ``language``; English message ids when none is found."""
    return gettext.translation(DOMAIN, translations_dir(), languages=[language], fallback=True)


def gettext_for(language: str) -> gettext.NullTranslations:
    """Shorthand used by commands that report in the staff member's language."""
    return translation(language)
