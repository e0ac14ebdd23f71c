"""Completeness checks on the shipped catalogues: what a translator still has to do.

A shipped language must have every message translated, nothing fuzzy, nothing empty, and the
same placeholders as the English source (``{name}``, ``%s``, ``%1``...), since a dropped or
renamed placeholder either crashes ``str.format`` or shows the visitor raw braces. A named
placeholder may be used more or fewer times than in English (a sentence may need the name
once instead of twice); an unnamed one (``%s``, ``{}``) must keep its count, as the arguments
are taken in order. In a plural
entry, a form that stands for exactly one number (Arabic "one" and "two", for instance) may
leave the count out: "فنانان" already says "two artists".
"""

from __future__ import annotations

import gettext
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from kiosk.i18n.placeholders import placeholders

# Unnamed placeholders are filled in order, so their number matters: "{}", "%s", "%d"...
_UNNAMED = re.compile(r"^(\{(:[^}]*)?\}|%[#0\- +]*\d*(\.\d+)?[diouxXeEfFgGcrsa])$")

# Numbers tried to find which plural forms stand for a single number.
_SAMPLE_NUMBERS = range(0, 1001)


@dataclass(frozen=True)
class Problem:
    """One entry a translator must fix.

    Attributes:
        path: the ``.po`` file.
        line: the entry's line in that file (0 when the entry is missing altogether).
        msgid: the English source text.
        reason: what is wrong, in plain words.
    """

    path: Path
    line: int
    msgid: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}: {self.msgid!r}"


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=locale, abort_invalid=True)


def single_number_forms(catalog: Catalog) -> set[int]:
    """Indexes of the plural forms that only one number (in 0..1000) selects."""
    choose = gettext.c2py(catalog.plural_expr)
    hits = Counter(choose(n) for n in _SAMPLE_NUMBERS)
    return {form for form, count in hits.items() if count == 1}


def _ids(message: Message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, list | tuple) else (message.id,)


def _strings(message: Message) -> tuple[str, ...]:
    string = message.string
    return tuple(string) if isinstance(string, list | tuple) else (string or "",)


def message_problems(message: Message, catalog: Catalog, single_forms: set[int]) -> list[str]:
    """What is wrong with one entry (empty when it is fine)."""
    if message.fuzzy:
        return ["fuzzy (needs review)"]
    ids, strings = _ids(message), _strings(message)
    if not all(strings) or not strings:
        return ["untranslated"]
    if not message.pluralizable:
        if comparable(ids[0]) != comparable(strings[0]):
            return [f"placeholders differ from the source ({_show(ids[0], strings[0])})"]
        return []
    if len(strings) != catalog.num_plurals:
        return [f"{len(strings)} plural forms, the header says {catalog.num_plurals}"]
    expected = set(placeholders(ids[0])) | set(placeholders(ids[-1]))
    problems = []
    for form, string in enumerate(strings):
        found = set(placeholders(string))
        fits = found <= expected if form in single_forms else found == expected
        if not fits:
            problems.append(f"placeholders of plural form {form} differ ({_show(ids[-1], string)})")
    return problems


def comparable(text: str) -> Counter[str]:
    """The placeholders of ``text`` as the checks compare them: named ones by presence."""
    return Counter(
        {
            token: count if _UNNAMED.match(token) else 1
            for token, count in placeholders(text).items()
        }
    )


def _show(source: str, translation: str) -> str:
    return f"source {sorted(placeholders(source))}, translation {sorted(placeholders(translation))}"


def catalogue_problems(po_path: Path, template: Catalog | None = None) -> list[Problem]:
    """Every problem in one ``.po`` file; with ``template``, entries it lacks count too."""
    catalog = read_catalog(po_path)
    single_forms = single_number_forms(catalog)
    problems: list[Problem] = []
    for message in catalog:
        if not message.id:
            continue
        for reason in message_problems(message, catalog, single_forms):
            problems.append(Problem(po_path, message.lineno or 0, _ids(message)[0], reason))
    if template is not None:
        for message in template:
            if message.id and catalog.get(message.id, message.context) is None:
                problems.append(Problem(po_path, 0, _ids(message)[0], "missing from the file"))
    return problems
