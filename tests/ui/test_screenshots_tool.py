"""`make screenshots`: which pictures it plans, and one real `kiosk screenshot` through it."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image

from kiosk.paths import bundled_demo_dir
from kiosk.tools.screenshots import LANDSCAPE, PORTRAIT, Shot, demo_routes, plan, take, write_index

LANGUAGES = ("fr", "en", "ar", "es", "de")


def test_every_page_in_every_language_and_the_main_pages_in_portrait(tmp_path: Path) -> None:
    routes = demo_routes(bundled_demo_dir())
    assert {"attract", "home", "exhibition", "artist", "story", "programme", "about"} <= set(routes)
    assert routes["artist"].startswith("artist:") and routes["story"].startswith("story:")
    shots = plan(tmp_path, LANGUAGES, routes)
    landscape = {(s.name, s.language) for s in shots if s.size == LANDSCAPE}
    portrait = {(s.name, s.language) for s in shots if s.size == PORTRAIT}
    assert landscape == {(name, code) for name in routes for code in LANGUAGES}
    assert {(name, "ar") for name in ("home", "exhibition", "artist", "programme")} <= portrait


def test_one_page_is_drawn_by_kiosk_screenshot_at_full_size(tmp_path: Path) -> None:
    shot = Shot("home", "home", "ar", LANDSCAPE, tmp_path / "landscape" / "ar" / "home.png")
    environ = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    assert take(shot, bundled_demo_dir(), environ) is None
    with Image.open(shot.output) as image:
        assert image.size == LANDSCAPE
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000) or []
        assert len(colours) > 50  # a real page, not a blank frame
    index = write_index(tmp_path, [shot]).read_text("utf-8")
    assert "[ar](landscape/ar/home.png)" in index
