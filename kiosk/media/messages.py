"""What the player says to a visitor, in their language: calm sentences, never technical words.

Message ids are English and go through the kiosk's catalogue; the language named in the caption
label is written as the visitor's language writes it ("Captions in French", "Sous-titres en
anglais"), as the content's own fallback labels are, never as a flag.
"""

from __future__ import annotations

from kiosk.i18n.catalog import gettext_for
from kiosk.i18n.languages import language_name_in
from kiosk.media.player import PlayerError


def error_sentence(error: PlayerError | None, language: str) -> str:
    """The card shown instead of a story that cannot be played ("" when there is no error)."""
    _ = gettext_for(language).gettext
    if error is None:
        return ""
    if error == PlayerError.UNAVAILABLE:
        return _("Stories cannot be played on this kiosk at the moment.")
    return _("This story cannot be played right now. Please choose another one.")


def caption_language_label(caption_language: str | None, visitor_language: str) -> str:
    """The small label over captions that are not in the visitor's language ("" when they are)."""
    if caption_language is None or caption_language == visitor_language:
        return ""
    name = language_name_in(caption_language, visitor_language)
    return gettext_for(visitor_language).gettext("Captions in {language}").format(language=name)
