"""The real command line, run as a staff member would: exit codes, readable output, no traceback."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.content.conftest import ARTIST, DEMO, edit, line_of

Run = Callable[..., subprocess.CompletedProcess[str]]


def assert_no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr + result.stdout


def test_demo_package_validates_with_exit_0(run_kiosk: Run) -> None:
    result = run_kiosk("content", "validate", str(DEMO), "--lang", "en")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 error(s), 0 warning(s)" in result.stdout


def test_new_package_validates_with_exit_0(run_kiosk: Run, tmp_path: Path) -> None:
    target = tmp_path / "x"
    created = run_kiosk("content", "new", str(target))
    assert created.returncode == 0, created.stderr
    result = run_kiosk("content", "validate", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (target / ARTIST / "artist.toml").is_file()


def test_new_refuses_a_folder_that_is_not_empty(run_kiosk: Run, tmp_path: Path) -> None:
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "notes.txt").write_text("keep me", "utf-8")
    result = run_kiosk("content", "new", str(tmp_path / "busy"))
    assert result.returncode == 1
    assert "not empty" in result.stderr
    assert (tmp_path / "busy" / "notes.txt").read_text("utf-8") == "keep me"
    assert_no_traceback(result)


def test_invalid_toml_exits_1_naming_file_and_line(run_kiosk: Run, package: Path) -> None:
    manifest = package / ARTIST / "artist.toml"
    edit(manifest, "order = 1", "order = = 1")
    result = run_kiosk("content", "validate", str(package), "--lang", "en")
    assert result.returncode == 1
    line = line_of(manifest, "order = = 1")
    assert f"{ARTIST.as_posix()}/artist.toml:{line}" in result.stdout
    assert_no_traceback(result)


def test_truncated_video_exits_1_naming_the_story_line(run_kiosk: Run, package: Path) -> None:
    video = package / ARTIST / "stories" / "video.mp4"
    video.write_bytes(video.read_bytes()[:5000])
    result = run_kiosk("content", "validate", str(package), "--lang", "en")
    assert result.returncode == 1
    line = line_of(package / ARTIST / "artist.toml", "media =")
    assert f"{ARTIST.as_posix()}/artist.toml:{line} [story[1].media]" in result.stdout
    assert "error" in result.stderr
    assert_no_traceback(result)


def test_symlink_outside_exits_1(run_kiosk: Run, package: Path) -> None:
    (package / "secret").symlink_to("/etc/hostname")
    result = run_kiosk("content", "validate", str(package), "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["publishable"] is False
    assert {"severity": "error", "code": "path.outside", "file": "secret"}.items() <= data[
        "problems"
    ][0].items()
    assert_no_traceback(result)


def test_json_report_lists_every_field(run_kiosk: Run, package: Path) -> None:
    edit(package / ARTIST / "artist.toml", 'en = "Title of the story"\n', "")
    result = run_kiosk("content", "validate", str(package), "--json", "--lang", "en")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    missing = [p for p in data["problems"] if p["code"] == "text.translation_missing"]
    assert missing[0]["field"] == "story[1].title.en"
    assert set(missing[0]) == {"severity", "code", "file", "line", "field", "message", "hint"}


def test_missing_folder_exits_1_without_traceback(run_kiosk: Run, tmp_path: Path) -> None:
    result = run_kiosk("content", "validate", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert_no_traceback(result)


def test_french_report_names_the_same_file_and_line(run_kiosk: Run, package: Path) -> None:
    (package / "exhibition.toml").write_text("[exhibition\n", "utf-8")
    english = run_kiosk("content", "validate", str(package), "--lang", "en")
    french = run_kiosk("content", "validate", str(package), "--lang", "fr")
    assert english.returncode == french.returncode == 1
    assert "exhibition.toml:1" in english.stdout
    assert "exhibition.toml:1" in french.stdout
