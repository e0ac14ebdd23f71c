"""Content text in the visitor's language, and the small notice when it is in another one.

Content falls back to the exhibition's default language (then any language it has); the visitor
must see that it happened ("in French" under a French biography shown to an English visitor).
"""

from __future__ import annotations

from kiosk.content.model import LocalizedText
from kiosk.i18n.languages import fallback_label


def text_and_notice(text: LocalizedText, language: str, default: str) -> tuple[str, str]:
    """The text to show and the notice to put under it ("" when it is in ``language``)."""
    shown, shown_language = text.resolve(language, default)
    if not shown:
        return "", ""
    return shown, fallback_label(shown_language, language) or ""


def localized_entry(text: LocalizedText, language: str, default: str) -> dict[str, str]:
    """``text_and_notice`` as the map QML reads: ``{"text": ..., "notice": ...}``."""
    shown, notice = text_and_notice(text, language, default)
    return {"text": shown, "notice": notice}
