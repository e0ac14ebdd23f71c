"""``kiosk screenshot`` renders a page offscreen into a PNG that shows the real content."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import DEMO, ocr_text


def screenshot(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "screenshot", "--content", str(DEMO), *arguments],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("page", ["attract", "home"])
def test_page_screenshot_is_full_hd_and_shows_the_exhibition_title(
    tmp_path: Path, page: str
) -> None:
    output = tmp_path / f"{page}.png"
    result = screenshot(
        tmp_path, "--page", page, "--lang", "fr", "--size", "1920x1080", str(output)
    )
    assert result.returncode == 0, result.stderr
    with Image.open(output) as image:
        assert image.format == "PNG"
        assert image.size == (1920, 1080)
    words = ocr_text(output)
    assert "musiciens africains racontent leur 93" in words


def test_portrait_size_is_honoured(tmp_path: Path) -> None:
    output = tmp_path / "portrait.png"
    result = screenshot(tmp_path, "--page", "home", "--size", "1080x1920", str(output))
    assert result.returncode == 0, result.stderr
    with Image.open(output) as image:
        assert image.size == (1080, 1920)


def test_unknown_page_is_a_usage_error_naming_the_pages(tmp_path: Path) -> None:
    result = screenshot(tmp_path, "--page", "kitchen", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "unknown page 'kitchen'" in result.stderr
    assert "programme" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_bad_size_is_a_usage_error(tmp_path: Path) -> None:
    result = screenshot(tmp_path, "--page", "home", "--size", "huge", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "WIDTHxHEIGHT" in result.stderr
