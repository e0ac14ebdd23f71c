"""Placeholders inside translatable text: finding them, so they survive translation.

A placeholder is anything the program fills in after translation: ``{name}`` (str.format),
``%s`` / ``%(name)s`` (printf style), Qt's ``%1`` and ``%n``, plus markup tags. Translators may
move them but must not change, add or drop them; the checks and the pseudo-locale rely on
:func:`split` to tell them apart from words.
"""

from __future__ import annotations

import re
from collections import Counter

PLACEHOLDER_RE = re.compile(
    r"""
    \{\{ | \}\}                                       # escaped braces, kept as they are
    | \{[^{}\s]*\}                                    # str.format: {name}, {0}, {count:d}
    | %\([^)]+\)[#0\- +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]   # %(name)s
    | %L?\d+ | %L?n                                   # Qt: %1, %L1, %n
    | %[#0\- +]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]      # %s, %d, %.1f, %%
    | <[^<>]+>                                        # markup tags such as <b>
    | &[a-zA-Z]+;                                     # HTML entities
    """,
    re.VERBOSE,
)

# Tokens that are formatting syntax but not values the program supplies.
_NOT_COUNTED = frozenset({"{{", "}}", "%%"})


def split(text: str) -> list[tuple[bool, str]]:
    """``text`` cut into ``(is_placeholder, piece)`` pairs, in order."""
    pieces: list[tuple[bool, str]] = []
    position = 0
    for match in PLACEHOLDER_RE.finditer(text):
        if match.start() > position:
            pieces.append((False, text[position : match.start()]))
        pieces.append((True, match.group()))
        position = match.end()
    if position < len(text):
        pieces.append((False, text[position:]))
    return pieces


def placeholders(text: str) -> Counter[str]:
    """The placeholders of ``text`` with how often each occurs (order does not matter)."""
    return Counter(
        piece
        for is_placeholder, piece in split(text)
        if is_placeholder and piece not in _NOT_COUNTED
    )
