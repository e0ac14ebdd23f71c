"""Fixtures for the content tests: a fresh valid package per test, and ways to break it.

Every broken file is made here, in the test's own folder (no committed bad binaries): cut-off
MP4s, renamed PNGs, decompression bombs, links leading outside.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.content.scaffold import create_package

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "assets" / "demo"
ARTIST = Path("artists") / "artiste-exemple"


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A valid package with one example artist (``kiosk content new``)."""
    root = tmp_path / "package"
    create_package(root)
    return root


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of a text file (fails loudly if it is not there)."""
    text = path.read_text("utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), "utf-8")


def line_of(path: Path, needle: str) -> int:
    """1-based line of the first line containing ``needle``."""
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def make_clip(path: Path, source: str, *options: str) -> Path:
    """A short H.264 clip from an ffmpeg test source (``testsrc2=...``, ``color=...``)."""
    subprocess.run(
        ["ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", source, "-c:v", "libx264",
         "-preset", "ultrafast", "-pix_fmt", "yuv420p", *options, str(path)],
        check=True,
    )  # fmt: skip
    return path


@pytest.fixture
def run_kiosk(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """The real command line, as a staff member runs it."""

    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        return subprocess.run(
            [sys.executable, "-m", "kiosk", *arguments],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=tmp_path,
            env=env,
            check=False,
        )

    return run
