"""A Babel extractor for QML: finds ``qsTr``, ``qsTranslate`` and the ``QT_*_NOOP`` markers.

Babel's JavaScript extractor reads QML well but drops non-literal arguments, so it cannot tell
``qsTr("%n artists", "", count)`` (a plural) from ``qsTr("%n artists", "")``. This one counts
the arguments itself, on Babel's JavaScript tokens, and maps each call onto gettext:

- ``qsTr(text)`` -> msgid ``text``; a non-empty second argument (Qt's disambiguation) becomes
  the msgctxt; a third argument (``n``) makes the message plural (msgid = msgid_plural = text,
  as Qt has one source text for all numbers).
- ``qsTranslate(context, text, disambiguation, n)``: the Qt context is ignored (one flat
  catalogue), the rest as for ``qsTr``.
- ``QT_TR_NOOP(text)``, ``QT_TRANSLATE_NOOP(context, text)``: marked for later ``qsTr(variable)``.

Comments starting with ``//:`` (Qt's convention) or ``TRANSLATORS:`` just above a call reach the
translator. The function names yielded (``gettext``, ``ngettext``, ``pgettext``, ``npgettext``)
are resolved against the same keyword specs as Python's. The tokenizer is our own, small one:
Babel's JavaScript tokenizer is deprecated as a public API.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from typing import IO, Any, NamedTuple

# Qt function -> index of the source text among its arguments.
QML_FUNCTIONS: dict[str, int] = {
    "qsTr": 0,
    "qsTranslate": 1,
    "QT_TR_NOOP": 0,
    "QT_TRANSLATE_NOOP": 1,
}

ExtractResult = tuple[int, str, str | tuple[str, ...], list[str]]

_TOKEN_RE = re.compile(
    r"""
    (?P<linecomment>//[^\n]*)
    | (?P<multilinecomment>/\*.*?\*/)
    | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)
    | (?P<name>[A-Za-z_$][\w$]*)
    | (?P<number>\d[\w.]*)
    | (?P<space>\s+)
    | (?P<operator>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPE_RE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\n|.)", re.DOTALL)
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    "b": "\b",
    "f": "\f",
    "v": "\v",
    "0": "\0",
    "\n": "",
}


class Token(NamedTuple):
    type: str
    value: str
    lineno: int


def tokenize(source: str) -> Iterator[Token]:
    """QML/JavaScript tokens: strings, names, comments, one-character operators."""
    line = 1
    for match in _TOKEN_RE.finditer(source):
        kind = match.lastgroup or "operator"
        value = match.group()
        if kind != "space":
            yield Token(kind, value, line)
        line += value.count("\n")


def _unescape(match: re.Match[str]) -> str:
    escape = match.group(1)
    if escape.startswith("u{"):
        return chr(int(escape[2:-1], 16))
    if escape[0] in "ux" and len(escape) > 1:
        return chr(int(escape[1:], 16))
    return _SIMPLE_ESCAPES.get(escape, escape)


def unquote_string(literal: str) -> str | None:
    """The text of a JavaScript string literal; None for a template with ``${...}`` in it."""
    body = literal[1:-1]
    if literal.startswith("`") and "${" in body:
        return None
    return _ESCAPE_RE.sub(_unescape, body)


def _arguments(tokens: list[Token], start: int) -> tuple[list[list[Token]], int]:
    """The arguments of the call whose "(" is at ``start``, split at top-level commas."""
    depth = 0
    arguments: list[list[Token]] = [[]]
    index = start
    while index < len(tokens):
        token = tokens[index]
        if token.type == "operator" and token.value in "([{":
            depth += 1
            if depth > 1:
                arguments[-1].append(token)
        elif token.type == "operator" and token.value in ")]}":
            depth -= 1
            if depth == 0:
                return [argument for argument in arguments if argument], index
            arguments[-1].append(token)
        elif depth == 1 and token.type == "operator" and token.value == ",":
            arguments.append([])
        elif token.type not in ("linecomment", "multilinecomment"):
            arguments[-1].append(token)
        index += 1
    return [argument for argument in arguments if argument], index


def _literal(argument: list[Token]) -> str | None:
    """The text of a string literal (or of literals joined with "+"), else None."""
    parts: list[str] = []
    for position, token in enumerate(argument):
        if position % 2 == 0 and token.type == "string":
            text = unquote_string(token.value)
            if text is None:
                return None
            parts.append(text)
        elif position % 2 == 1 and token.type == "operator" and token.value == "+":
            continue
        else:
            return None
    return "".join(parts) if parts and len(argument) % 2 == 1 else None


def _comment(token: Token, comment_tags: Collection[str]) -> str | None:
    text = token.value
    if token.type == "linecomment" and text.startswith("//:"):
        return text[3:].strip()
    body = text.lstrip("/*").rstrip("*/").strip()
    for tag in comment_tags:
        if body.startswith(tag):
            return body
    return None


def extract_qml(
    fileobj: IO[bytes],
    keywords: Mapping[str, Any],
    comment_tags: Collection[str],
    options: Mapping[str, Any],
) -> Iterator[ExtractResult]:
    """Babel extraction method for ``.qml`` files (see the module docstring for the mapping)."""
    source = fileobj.read().decode(str(options.get("encoding", "utf-8")))
    tokens = list(tokenize(source))
    comments: dict[int, str] = {}
    for index, token in enumerate(tokens):
        if token.type in ("linecomment", "multilinecomment"):
            text = _comment(token, comment_tags)
            if text is not None:
                end_line = token.lineno + token.value.count("\n")
                comments[end_line] = text
            continue
        if token.type != "name" or token.value not in QML_FUNCTIONS:
            continue
        if index + 1 >= len(tokens) or tokens[index + 1].value != "(":
            continue
        text_index = QML_FUNCTIONS[token.value]
        arguments, _end = _arguments(tokens, index + 1)
        if len(arguments) <= text_index:
            continue
        text = _literal(arguments[text_index])
        if text is None:
            continue  # qsTr(variable): the string was marked elsewhere with QT_TR_NOOP
        is_noop = token.value.endswith("_NOOP")
        extra = arguments[text_index + 1 :] if not is_noop else []
        context = _literal(extra[0]) if extra else None
        plural = len(extra) >= 2
        notes = [comments[line] for line in (token.lineno - 1, token.lineno) if line in comments]
        if plural and context:
            yield token.lineno, "npgettext", (context, text, text), notes
        elif plural:
            yield token.lineno, "ngettext", (text, text), notes
        elif context:
            yield token.lineno, "pgettext", (context, text), notes
        else:
            yield token.lineno, "gettext", text, notes
