"""Turns a content package folder into an :class:`~kiosk.content.model.Exhibition`.

Minimal first version (walking skeleton): reads ``exhibition.toml`` only. The content issue
replaces it with the full loader and validator, keeping ``load_exhibition``'s signature.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.content.model import Exhibition, LocalizedText


class ContentError(Exception):
    """The package cannot be shown at all (missing or unreadable ``exhibition.toml``)."""


@dataclass(frozen=True)
class LoadResult:
    exhibition: Exhibition | None
    problems: tuple[str, ...] = field(default_factory=tuple)


def _text(value: object) -> LocalizedText:
    if isinstance(value, dict):
        return LocalizedText({str(k): str(v) for k, v in value.items()})
    return LocalizedText({"fr": str(value)}) if value else LocalizedText()


def load_exhibition(root: Path) -> LoadResult:
    manifest = root / "exhibition.toml"
    try:
        data = tomllib.loads(manifest.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return LoadResult(None, (f"{manifest}: {error}",))
    section = data.get("exhibition", {})
    languages = tuple(section.get("languages", ["fr"]))
    attract = data.get("attract", {})
    exhibition = Exhibition(
        root=root.resolve(),
        id=str(section.get("id", root.name)),
        title=_text(section.get("title", "")),
        subtitle=_text(section.get("subtitle", "")),
        default_language=str(section.get("default_language", languages[0])),
        languages=languages,
        demo=bool(section.get("demo", False)),
        attract_images=tuple((root / p).resolve() for p in attract.get("images", [])),
    )
    return LoadResult(exhibition)
