"""The usual alternative, as a baseline: headless Chromium rendering the demo's attract screen.

A static HTML page shows what the kiosk's first frame shows (the first attract photo, the title,
the subtitle and the invitation, at 1920x1080, with the same Noto fonts), built from the demo's
``exhibition.toml``. Chromium runs headless with a new profile and every network feature off;
the time runs from spawn to its "bytes written to file" line (the screenshot is on disk), which
is kinder to the browser than waiting for it to exit.
"""

from __future__ import annotations

import html
import shutil
import time
import tomllib
from pathlib import Path

from benchmarks.procs import DEMO, spawn, stop, tail, wait_for_line

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--hide-scrollbars",
    "--window-size=1920,1080",
)
WRITTEN = "written to file"
TIMEOUT_S = 60.0


def chromium_path() -> Path | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def prepare_page(folder: Path, package: Path = DEMO) -> Path:
    """Write ``index.html`` (and a copy of the first attract image) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    with (package / "exhibition.toml").open("rb") as handle:
        manifest = tomllib.load(handle)
    exhibition = manifest.get("exhibition", {})
    language = exhibition.get("default_language", "fr")
    title = exhibition.get("title", {}).get(language, "")
    subtitle = exhibition.get("subtitle", {}).get(language, "")
    images = manifest.get("attract", {}).get("images", [])
    background = ""
    if images and (package / images[0]).is_file():
        shutil.copyfile(package / images[0], folder / "attract.jpg")
        background = "background-image: url('attract.jpg');"
    page = PAGE.format(
        lang=html.escape(language),
        title=html.escape(title),
        subtitle=html.escape(subtitle),
        background=background,
        invitation=html.escape("Touchez l'écran pour commencer"),
    )
    target = folder / "index.html"
    target.write_text(page, "utf-8")
    return target


def screenshot_start(chromium: Path, page: Path, profile_root: Path):  # type: ignore[no-untyped-def]
    """One cold start of the browser; returns a :class:`benchmarks.startup.Start`."""
    from benchmarks.startup import Start

    profile_root.mkdir(parents=True, exist_ok=True)
    profile = profile_root / f"profile-{time.monotonic_ns()}"
    output = profile_root / "shot.png"
    command = [
        str(chromium),
        *FLAGS,
        f"--user-data-dir={profile}",
        f"--screenshot={output}",
        page.as_uri(),
    ]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(profile_root), "LANG": "C.UTF-8"}
    started = time.monotonic()
    process = spawn(command, env, cwd=profile_root)
    try:
        seen, lines = wait_for_line(process, WRITTEN, TIMEOUT_S)
    finally:
        stop(process)
        shutil.rmtree(profile, ignore_errors=True)
    if seen is None:
        return Start(None, reason=f"chromium wrote no screenshot: {tail(lines)}")
    return Start(seen.at - started)


PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
  html, body {{ margin: 0; width: 1920px; height: 1080px; overflow: hidden;
    background: #14161a; color: #f4efe6; font-family: "Noto Sans", sans-serif; }}
  .photo {{ position: absolute; inset: 0; {background} background-size: cover;
    background-position: center; opacity: 0.55; }}
  .fade {{ position: absolute; inset: 0;
    background: linear-gradient(to bottom, transparent, #14161a); }}
  .text {{ position: absolute; left: 64px; right: 64px; bottom: 64px; }}
  h1 {{ font-size: 72px; margin: 0 0 24px 0; }}
  p {{ font-size: 28px; color: #c9c2b6; margin: 0 0 24px 0; }}
  .invite {{ display: inline-block; padding: 0 64px; height: 96px; line-height: 96px;
    border-radius: 48px; background: #e8a33d; color: #14161a; font-size: 40px;
    font-weight: bold; }}
</style>
</head>
<body>
  <div class="photo"></div>
  <div class="fade"></div>
  <div class="text">
    <h1>{title}</h1>
    <p>{subtitle}</p>
    <div class="invite">{invitation}</div>
  </div>
</body>
</html>
"""
