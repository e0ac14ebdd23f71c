"""``make screenshots``: every page in every shipped language, as ``kiosk screenshot`` draws it.

Landscape (1920x1080) for every page and language, portrait (1080x1920) for the main pages, all
on the bundled demo package at a fixed kiosk time so "now" and "next" show on the programme.
Each picture comes from its own ``kiosk screenshot`` process (two at a time: the build machines
have two cores), then is re-saved by Pillow with PNG optimisation at full size.

Usage: ``python -m kiosk.tools.screenshots OUT_DIR [--jobs N] [--lang LL ...]``
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from kiosk.content.loader import load_exhibition
from kiosk.i18n.languages import shipped_codes
from kiosk.paths import bundled_demo_dir

LANDSCAPE = (1920, 1080)
PORTRAIT = (1080, 1920)
# The first day of the demo programme, mid-morning, kiosk-local time.
DEMO_NOW = "2021-11-02T10:30"
PORTRAIT_PAGES = ("attract", "home", "exhibition", "artist", "story", "programme")
TIMEOUT_S = 120


@dataclass(frozen=True)
class Shot:
    """One picture to take: the route, the language, the size and where it goes."""

    route: str
    name: str
    language: str
    size: tuple[int, int]
    output: Path


def demo_routes(content: Path) -> dict[str, str]:
    """Page name -> route, with the demo's first artist and first story for the detail pages."""
    exhibition = load_exhibition(content).exhibition
    routes = {"attract": "attract", "home": "home", "exhibition": "exhibition"}
    if exhibition is not None and exhibition.artists:
        artist = next((a for a in exhibition.artists if a.stories), exhibition.artists[0])
        routes["artist"] = f"artist:{artist.id}"
        if artist.stories:
            routes["story"] = f"story:{artist.stories[0].id}"
    routes.update(programme="programme", about="about", accessibility="accessibility")
    if (
        Path(__file__).resolve().parent.parent / "ui" / "qml" / "pages" / "StaffPage.qml"
    ).is_file():
        routes["staff"] = "staff"
    return routes


def plan(out_dir: Path, languages: Sequence[str], routes: dict[str, str]) -> list[Shot]:
    shots = [
        Shot(route, name, language, LANDSCAPE, out_dir / "landscape" / language / f"{name}.png")
        for language in languages
        for name, route in routes.items()
    ]
    shots += [
        Shot(route, name, language, PORTRAIT, out_dir / "portrait" / language / f"{name}.png")
        for language in languages
        for name, route in routes.items()
        if name in PORTRAIT_PAGES
    ]
    return shots


def take(shot: Shot, content: Path, environ: dict[str, str]) -> str | None:
    """Run ``kiosk screenshot`` for one shot; None on success, else what went wrong."""
    shot.output.parent.mkdir(parents=True, exist_ok=True)
    command = [
        sys.executable, "-m", "kiosk", "screenshot",
        "--page", shot.route, "--lang", shot.language,
        "--size", f"{shot.size[0]}x{shot.size[1]}",
        "--content", str(content), "--now", DEMO_NOW, str(shot.output),
    ]  # fmt: skip
    try:
        result = subprocess.run(
            command, env=environ, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        return f"{shot.output}: timed out after {TIMEOUT_S} s"
    if result.returncode != 0:
        return f"{shot.output}: {result.stderr.strip() or result.returncode}"
    # A QML warning means something on the page is broken even if a picture was written.
    warnings = [line for line in result.stderr.splitlines() if " WARNING " in line]
    if warnings:
        return f"{shot.output}: " + "; ".join(warnings)
    with Image.open(shot.output) as image:
        image.load()
        if image.size != shot.size:
            return f"{shot.output}: {image.size} instead of {shot.size}"
        image.convert("RGB").save(shot.output, "PNG", optimize=True)
    return None


def write_index(out_dir: Path, shots: list[Shot]) -> Path:
    """``README.md`` beside the pictures: a table per orientation, pages down, languages across."""
    languages = list(dict.fromkeys(shot.language for shot in shots))
    lines = [
        "# Screenshots",
        "",
        "Made by `make screenshots` (`python -m kiosk.tools.screenshots docs/screenshots`):",
        "each picture is one `kiosk screenshot` of the bundled demo package, with the kiosk",
        f"clock set to {DEMO_NOW} so the programme shows what is on now and next.",
        "Do not edit by hand.",
    ]
    for title, size in (("Landscape 1920x1080", LANDSCAPE), ("Portrait 1080x1920", PORTRAIT)):
        chosen = [shot for shot in shots if shot.size == size and shot.output.exists()]
        if not chosen:
            continue
        lines += ["", f"## {title}", "", "| page | " + " | ".join(languages) + " |"]
        lines.append("|---" * (len(languages) + 1) + "|")
        for name in dict.fromkeys(shot.name for shot in chosen):
            cells = []
            for language in languages:
                match = [s for s in chosen if s.name == name and s.language == language]
                rel = match[0].output.relative_to(out_dir).as_posix() if match else ""
                cells.append(f"[{language}]({rel})" if rel else "")
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
    index = out_dir / "README.md"
    index.write_text("\n".join(lines) + "\n", "utf-8")
    return index


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kiosk.tools.screenshots")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--lang", action="append", help="only these languages (repeatable)")
    parser.add_argument("--content", type=Path, default=None, help="content package folder")
    parser.add_argument("--skip", action="append", default=[], help="leave out this page")
    args = parser.parse_args(argv)
    content = args.content or bundled_demo_dir()
    languages = args.lang or list(shipped_codes())
    routes = {k: v for k, v in demo_routes(content).items() if k not in args.skip}
    shots = plan(args.out_dir, languages, routes)
    with tempfile.TemporaryDirectory(prefix="kiosk-screenshots-") as scratch:
        environ = dict(os.environ)
        for name in ("DATA", "LOG", "CACHE"):
            environ[f"KIOSK_{name}_DIR"] = str(Path(scratch) / name.lower())
        environ["QT_QPA_PLATFORM"] = "offscreen"
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            failures = [f for f in pool.map(lambda s: take(s, content, environ), shots) if f]
    for failure in failures:
        print(f"screenshots: {failure}", file=sys.stderr)
    write_index(args.out_dir, shots)
    total = sum(shot.output.stat().st_size for shot in shots if shot.output.exists())
    print(
        f"screenshots: {len(shots) - len(failures)} of {len(shots)} written, {total / 1e6:.1f} MB"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
