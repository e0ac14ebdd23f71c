"""The bundled demonstration exhibition: publishable as shipped, small, and clearly labelled."""

from __future__ import annotations

import tomllib

from kiosk.content.validate import validate_package
from tests.content.conftest import DEMO

MAX_DEMO_BYTES = 15 * 1024 * 1024


def test_demo_validates_without_errors_or_warnings() -> None:
    report = validate_package(DEMO, "en")
    assert report.problems == [], report.to_text()


def test_demo_stays_under_15_mb() -> None:
    total = sum(path.stat().st_size for path in DEMO.rglob("*") if path.is_file())
    assert total < MAX_DEMO_BYTES


def test_demo_is_marked_as_demonstration_content() -> None:
    data = tomllib.loads((DEMO / "exhibition.toml").read_text("utf-8"))
    assert data["exhibition"]["demo"] is True
    assert data["exhibition"]["id"] == "musiciens-africains-93"
    for manifest in sorted((DEMO / "artists").glob("*/artist.toml")):
        artist = tomllib.loads(manifest.read_text("utf-8"))["artist"]
        assert artist["example"] is True
        assert artist["name"].startswith("Artiste exemple ")


def test_demo_programme_writes_no_clock_time() -> None:
    events = tomllib.loads((DEMO / "programme.toml").read_text("utf-8"))["event"]
    assert len(events) == 4
    assert not [e for e in events if "start" in e or "end" in e]
