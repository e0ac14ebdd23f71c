"""The pseudo-locale ``pseudo``: English text made longer, accented and bracketed.

It exists to catch truncation and hard-coded strings on the touch layouts: every string that
went through the catalogue shows as ``[Ŝţåŕţ ~~~~]`` (about 40% longer, accented letters that
still need the bundled fonts, brackets that show whether the ends are visible), while a string
that skipped the catalogue stays plain English and stands out. Placeholders are kept intact so
the program can still fill them in.
"""

from __future__ import annotations

import gettext
import math

from kiosk.i18n.placeholders import split

PSEUDO_LANGUAGE = "pseudo"
EXPANSION = 0.4
_MIN_PADDING = 4

# Letters with marks that Noto Sans covers (Latin-1 and Latin Extended-A).
_ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "åƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÅƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)


def pseudolocalize(text: str) -> str:
    """``text`` accented, bracketed and padded with tildes to about 140% of its length.

    Short strings get at least four tildes, since they are the ones that overflow first when a
    translation (German, for example) doubles a two-word label.
    """
    if not text:
        return text
    body = "".join(
        piece if is_placeholder else piece.translate(_ACCENTED)
        for is_placeholder, piece in split(text)
    )
    # Brackets and the space count towards the 40%: "[", " ", "]" are three characters.
    padding = max(_MIN_PADDING, math.ceil(len(text) * EXPANSION) - 3)
    return f"[{body} {'~' * padding}]"


class PseudoTranslations(gettext.NullTranslations):
    """A gettext catalogue that answers every message with its pseudo-localised English."""

    def gettext(self, message: str) -> str:
        return pseudolocalize(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudolocalize(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudolocalize(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return pseudolocalize(msgid1 if n == 1 else msgid2)
