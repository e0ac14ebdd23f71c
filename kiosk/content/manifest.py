"""Reading one TOML manifest of a package, and finding the line of any key in it.

``tomllib`` gives values but no line numbers; staff need "artist.toml, line 12". ``KeyLines``
scans the text once and remembers where each key (and each ``[[array]]`` entry) is written. It is
deliberately forgiving: when it cannot place a key it gives the line of the nearest parent.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

KeyPath = tuple[str | int, ...]

_HEADER = re.compile(r"^\s*(\[\[?)\s*([^\[\]]+?)\s*\]\]?\s*(?:#.*)?$")
_KEY = re.compile(
    r"""^\s*((?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[A-Za-z0-9_-]+|"[^"]*"|'[^']*'))*)\s*=\s*(.*)$"""
)
_INLINE_KEY = re.compile(r"""(?:^|[{,])\s*([A-Za-z0-9_-]+|"[^"]*")\s*=""")
_TOML_ERROR_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
MAX_MANIFEST_BYTES = 1_000_000


def _split_key(text: str) -> list[str]:
    parts = re.findall(r""""[^"]*"|'[^']*'|[^.\s]+""", text)
    return [part.strip("\"'") for part in parts]


def format_key(path: KeyPath) -> str:
    """``("story", 1, "captions", "fr")`` -> ``story[2].captions.fr`` (entries counted from 1)."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text


class KeyLines:
    """Line numbers of the keys written in a TOML text."""

    def __init__(self, text: str) -> None:
        self._lines: dict[KeyPath, int] = {}
        self._text_lines = text.splitlines()
        self._scan()

    def _scan(self) -> None:
        arrays: dict[tuple[str, ...], int] = {}
        header: KeyPath = ()
        in_multiline: str | None = None
        for number, line in enumerate(self._text_lines, start=1):
            if in_multiline is not None:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            if match := _HEADER.match(line):
                names = _split_key(match.group(2))
                if match.group(1) == "[[":
                    arrays[tuple(names)] = arrays.get(tuple(names), -1) + 1
                header = self._with_indexes(names, arrays)
                self._lines.setdefault(header, number)
                continue
            if match := _KEY.match(line):
                full = (*header, *_split_key(match.group(1)))
                self._lines.setdefault(full, number)
                value = match.group(2)
                if value.lstrip().startswith("{"):
                    for inline in _INLINE_KEY.finditer(value):
                        self._lines.setdefault((*full, inline.group(1).strip('"')), number)
                for quote in ('"""', "'''"):
                    if value.count(quote) % 2 == 1:
                        in_multiline = quote

    @staticmethod
    def _with_indexes(names: list[str], arrays: dict[tuple[str, ...], int]) -> KeyPath:
        path: list[str | int] = []
        for position, name in enumerate(names):
            path.append(name)
            index = arrays.get(tuple(names[: position + 1]))
            if index is not None:
                path.append(index)
        return tuple(path)

    def line_of(self, path: KeyPath, value: str | None = None) -> int | None:
        """Line of ``path`` (or of its nearest written parent); with ``value``, the line that
        holds that string at or after the key (for entries of a multi-line array)."""
        for length in range(len(path), 0, -1):
            line = self._lines.get(path[:length])
            if line is not None:
                if value:
                    return self._find_value(line, value) or line
                return line
        return None

    def _find_value(self, start: int, value: str) -> int | None:
        quoted = (f'"{value}"', f"'{value}'")
        for number in range(start, min(start + 200, len(self._text_lines) + 1)):
            if any(q in self._text_lines[number - 1] for q in quoted):
                return number
        return None


@dataclass
class TomlFile:
    """A manifest that was read and parsed, or why it could not be.

    Attributes:
        rel: path relative to the package, with ``/`` separators.
        data: the parsed TOML (empty when ``error`` is set).
        error_kind: ``missing``, ``unreadable``, ``encoding``, ``syntax``, ``too_large`` or "".
        error_line: where the reading failed, when known.
    """

    path: Path
    rel: str
    data: dict[str, Any] = field(default_factory=dict)
    lines: KeyLines = field(default_factory=lambda: KeyLines(""))
    error_kind: str = ""
    error_line: int | None = None
    error_detail: str = ""

    def line_of(self, path: KeyPath, value: str | None = None) -> int | None:
        return self.lines.line_of(path, value)


def read_toml(path: Path, rel: str) -> TomlFile:
    """Read ``path`` as UTF-8 TOML; never raises for bad content, it records the reason."""
    try:
        if not path.is_file():
            return TomlFile(path, rel, error_kind="missing")
        if path.stat().st_size > MAX_MANIFEST_BYTES:
            return TomlFile(path, rel, error_kind="too_large")
        raw = path.read_bytes()
    except (OSError, ValueError) as error:
        return TomlFile(path, rel, error_kind="unreadable", error_detail=str(error))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        bad_line = raw[: error.start].count(b"\n") + 1
        return TomlFile(path, rel, error_kind="encoding", error_line=bad_line)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        detail = str(error)
        match = _TOML_ERROR_LINE.search(detail)
        line = int(match.group(1)) if match else None
        detail = _TOML_ERROR_LINE.sub("", detail).strip()
        return TomlFile(path, rel, error_kind="syntax", error_line=line, error_detail=detail)
    except RecursionError:
        return TomlFile(path, rel, error_kind="syntax", error_detail="nested too deeply")
    return TomlFile(path, rel, data=data, lines=KeyLines(text))
