"""Fixtures for the content store tests: small content packages generated in tmp_path."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.content.store import ContentStore

EXHIBITION_TOML = """\
[exhibition]
id = "test-exhibition"
default_language = "fr"
languages = ["fr", "en"]

[exhibition.title]
fr = "Exposition de test {tag}"
en = "Test exhibition {tag}"
"""

MakePackage = Callable[..., Path]


def write_package(
    root: Path, *, tag: str = "a", files: int = 3, size: int = 20_000, data: bytes | None = None
) -> Path:
    """A package whose file bytes differ with ``tag`` (or are ``data`` when given)."""
    (root / "media").mkdir(parents=True, exist_ok=True)
    (root / "exhibition.toml").write_text(EXHIBITION_TOML.format(tag=tag), "utf-8")
    for index in range(files):
        body = data if data is not None else os.urandom(size)
        (root / "media" / f"file-{index:02d}.bin").write_bytes(body)
    return root


@pytest.fixture
def make_package(tmp_path: Path) -> MakePackage:
    def make(name: str = "pkg", **options: object) -> Path:
        return write_package(tmp_path / "sources" / name, **options)  # type: ignore[arg-type]

    return make


@pytest.fixture
def store(tmp_path: Path) -> ContentStore:
    return ContentStore(tmp_path / "data" / "content")
