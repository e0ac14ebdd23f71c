"""The languages the kiosk offers, named in their own script, with their writing direction.

The list lives in ``translations/languages.toml`` (one line per language) next to the
catalogues, so adding a language is a translator's job: a ``translations/<code>/LC_MESSAGES/
kiosk.po`` file plus one line there. The UI (``kiosk.ui.kiosk_state``) relies on ``LANGUAGES``
(code -> :class:`Language` with ``native_name``) and ``is_rtl(code)``: keep those names.
This module also builds the label shown under content that is not available in the visitor's
language ("en français"). No Qt here.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError

from kiosk.i18n.catalog import gettext_for, translations_dir
from kiosk.i18n.pseudo import PSEUDO_LANGUAGE

SOURCE_LANGUAGE = "en"
"""The language of the message ids (the code is written in English)."""

DEFAULT_LANGUAGE = "fr"
"""The kiosk's default language when nothing else is configured."""

CONFIG_NAME = "languages.toml"


class LanguageConfigError(ValueError):
    """A problem in ``languages.toml``, naming the file and the language entry."""


@dataclass(frozen=True)
class Language:
    """One language the kiosk can show.

    Attributes:
        code: the catalogue folder name and the value of ``--lang`` (``fr``, ``ar``...).
        native_name: the language's name in its own script, as the picker shows it.
        rtl: True when it is read right to left; QML ``LayoutMirroring`` follows it.
        babel_locale: the CLDR locale for dates and numbers (empty: the code itself).
        plural_forms: the gettext ``Plural-Forms`` rule for a new catalogue, or None for CLDR's.
    """

    code: str
    native_name: str
    rtl: bool = False
    babel_locale: str = ""
    plural_forms: str | None = None

    @property
    def locale(self) -> str:
        return self.babel_locale or self.code

    @property
    def direction(self) -> str:
        return "rtl" if self.rtl else "ltr"


PSEUDO = Language(PSEUDO_LANGUAGE, "[Ƥšéûđö]", babel_locale="en_GB")


def _entry(code: str, raw: object, source: Path) -> Language:
    where = f"{source}: language '{code}'"
    if not isinstance(raw, dict):
        raise LanguageConfigError(f"{where}: expected {{ name = ..., direction = ... }}")
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise LanguageConfigError(f"{where}: 'name' (the name in its own script) is missing")
    direction = raw.get("direction", "ltr")
    if direction not in ("ltr", "rtl"):
        raise LanguageConfigError(f'{where}: \'direction\' must be "ltr" or "rtl"')
    locale = str(raw.get("locale", code))
    try:
        Locale.parse(locale)
    except (UnknownLocaleError, ValueError):
        raise LanguageConfigError(f"{where}: CLDR does not know the locale '{locale}'") from None
    plural_forms = raw.get("plural_forms")
    if plural_forms is not None and not isinstance(plural_forms, str):
        raise LanguageConfigError(f"{where}: 'plural_forms' must be text")
    return Language(code, name.strip(), direction == "rtl", locale, plural_forms)


def load_languages(directory: str | Path | None = None) -> tuple[Language, ...]:
    """The configured languages in picker order (``directory`` defaults to ``translations/``)."""
    source = Path(directory or translations_dir()) / CONFIG_NAME
    try:
        with source.open("rb") as file:
            table = tomllib.load(file).get("languages", {})
    except OSError as error:
        raise LanguageConfigError(f"{source}: cannot be read ({error.strerror})") from None
    except tomllib.TOMLDecodeError as error:
        raise LanguageConfigError(f"{source}: {error}") from None
    if not isinstance(table, dict) or not table:
        raise LanguageConfigError(f"{source}: needs a [languages] table, one line per language")
    return tuple(_entry(code, raw, source) for code, raw in table.items())


SHIPPED: tuple[Language, ...] = load_languages()
"""The languages with a catalogue, in picker order (without the pseudo-locale)."""

LANGUAGES: dict[str, Language] = {language.code: language for language in (*SHIPPED, PSEUDO)}


def shipped_codes() -> tuple[str, ...]:
    """The codes of the shipped languages, in picker order."""
    return tuple(language.code for language in SHIPPED)


def offered_codes(codes: tuple[str, ...]) -> tuple[str, ...]:
    """The configured codes the kiosk has a language for, in their order (French if none)."""
    return tuple(code for code in codes if code in LANGUAGES) or ("fr",)


def is_rtl(code: str) -> bool:
    """True when ``code`` is read right to left (unknown languages count as left to right)."""
    language = LANGUAGES.get(code)
    return bool(language and language.rtl)


def babel_locale(code: str) -> Locale:
    """The CLDR locale used to format dates and numbers for ``code`` (English when unknown)."""
    language = LANGUAGES.get(code, PSEUDO)
    return Locale.parse(language.locale)


def language_name_in(code: str, visitor_language: str) -> str:
    """The name of language ``code`` as a speaker of ``visitor_language`` writes it (CLDR)."""
    return str(babel_locale(visitor_language).languages.get(code, code))


def fallback_label(text_language: str, visitor_language: str) -> str | None:
    """The label shown under text that is not in the visitor's language, or None.

    Content falls back to the exhibition's default language, then any available one; the
    visitor must see that it happened: French text shown to an English visitor carries
    "in French", English text shown to a French visitor "en anglais".
    """
    if text_language == visitor_language:
        return None
    _ = gettext_for(visitor_language).gettext
    # TRANSLATORS: under a text that is not available in the visitor's language. {language} is
    # the name of the language the text is in, as CLDR writes it ("French", "français").
    return _("in {language}").format(language=language_name_in(text_language, visitor_language))
