"""The languages the kiosk offers, named in their own script, with their writing direction.

The UI (``kiosk.ui.kiosk_state``) relies on ``LANGUAGES`` (code -> ``Language`` with
``native_name``) and ``is_rtl(code)``: keep those names when extending this module. Adding a
language = a ``translations/<code>/LC_MESSAGES/kiosk.po`` file plus one line here.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    native_name: str
    rtl: bool = False
    babel_locale: str = ""

    @property
    def locale(self) -> str:
        return self.babel_locale or self.code


LANGUAGES: dict[str, Language] = {
    language.code: language
    for language in (
        Language("fr", "Français", babel_locale="fr_FR"),
        Language("en", "English", babel_locale="en_GB"),
        Language("ar", "العربية", rtl=True, babel_locale="ar"),
        Language("es", "Español", babel_locale="es_ES"),
        Language("de", "Deutsch", babel_locale="de_DE"),
        Language("pseudo", "[Ƥšéûđö]", babel_locale="en_GB"),
    )
}


def is_rtl(code: str) -> bool:
    language = LANGUAGES.get(code)
    return bool(language and language.rtl)
