"""Gettext catalogues for the kiosk's own strings, shared by Python and QML.

Message ids are English, the language of the code; French is the kiosk's default language and,
like every shipped language, has a complete catalogue in ``translations/<ll>/LC_MESSAGES``
(compiled ``.mo`` files are committed, so a checkout runs as it is). The pseudo-locale
``pseudo`` has no files: it is computed from the English ids (see :mod:`kiosk.i18n.pseudo`).
No Qt here: :mod:`kiosk.i18n.qt_translator` hands QML's ``qsTr`` to :func:`lookup`.
"""

from __future__ import annotations

import gettext
from functools import lru_cache

from kiosk.i18n.pseudo import PSEUDO_LANGUAGE, PseudoTranslations
from kiosk.paths import source_root

DOMAIN = "kiosk"
# How gettext joins a context (msgctxt) and a message id in a compiled catalogue.
_CONTEXT_SEPARATOR = "\x04"


def translations_dir() -> str:
    return str(source_root() / "translations")


@lru_cache(maxsize=16)
def translation(language: str, directory: str | None = None) -> gettext.NullTranslations:
    """The catalogue for ``language``; English message ids when none is found.

    ``directory`` defaults to the shipped ``translations/`` folder; tests pass their own.
    """
    if language == PSEUDO_LANGUAGE:
        return PseudoTranslations()
    return gettext.translation(
        DOMAIN, directory or translations_dir(), languages=[language], fallback=True
    )


def gettext_for(language: str) -> gettext.NullTranslations:
    """Shorthand used by commands that report in the staff member's language."""
    return translation(language)


def lookup(
    catalogue: gettext.NullTranslations,
    source: str,
    context: str | None = None,
    plural: str | None = None,
    n: int = -1,
) -> str | None:
    """The translation of ``source`` in ``catalogue``, or None when the catalogue lacks it.

    ``context`` is the gettext msgctxt (QML's disambiguation). When ``n`` >= 0 the message is
    plural and ``plural`` (default: ``source``, as in QML's ``qsTr("%n artists", "", n)``) is
    the English plural. None lets Qt fall back to the source text or to another translator.
    """
    if isinstance(catalogue, PseudoTranslations):
        if n >= 0:
            return catalogue.ngettext(source, plural or source, n)
        return catalogue.gettext(source)
    entries: dict[object, str] | None = getattr(catalogue, "_catalog", None)
    if entries is None:
        return None
    key = f"{context}{_CONTEXT_SEPARATOR}{source}" if context else source
    if n >= 0:
        if (key, 0) not in entries:
            return None
        if context:
            return catalogue.npgettext(context, source, plural or source, n)
        return catalogue.ngettext(source, plural or source, n)
    return entries.get(key) or None
