"""`kiosk content import|list|rollback` as a technician types them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import MakePackage

from kiosk.cli import main


@pytest.fixture(autouse=True)
def kiosk_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "config.toml"
    config.write_text("", "utf-8")
    for name in ("DATA", "LOG", "CACHE"):
        monkeypatch.setenv(f"KIOSK_{name}_DIR", str(tmp_path / name.lower()))
    monkeypatch.setenv("KIOSK_CONFIG", str(config))
    monkeypatch.setenv("KIOSK_DEFAULT_LANGUAGE", "en")  # the assertions read English messages


def test_import_publish_list_and_rollback(
    make_package: MakePackage, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["content", "import", str(make_package("a")), "--publish"]) == 0
    first = capsys.readouterr()
    assert "Copying" in first.err and "published" in first.out
    assert main(["content", "import", str(make_package("b", tag="b")), "--publish"]) == 0
    capsys.readouterr()

    assert main(["content", "list"]) == 0
    listing = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [row[1] for row in listing] == ["active", "previous"]
    assert listing[0][-1] == "verified"

    assert main(["content", "rollback"]) == 0
    capsys.readouterr()
    main(["content", "list"])
    rows = {
        row[0]: row[1]
        for row in (line.split("\t") for line in capsys.readouterr().out.splitlines())
    }
    assert rows[listing[1][0]] == "active"
    assert rows[listing[0][0]] == "previous"


def test_import_without_publish_keeps_the_active_version(
    make_package: MakePackage, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["content", "import", str(make_package("a")), "--publish"])
    main(["content", "import", str(make_package("b", tag="b"))])
    capsys.readouterr()
    main(["content", "list"])
    states = [line.split("\t")[1] for line in capsys.readouterr().out.splitlines()]
    assert states == ["preview", "active"]


def test_import_of_a_missing_folder_fails_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["content", "import", str(tmp_path / "nowhere")]) == 1
    assert "exhibition.toml" in capsys.readouterr().err


def test_list_says_when_the_active_version_is_damaged(
    make_package: MakePackage, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["content", "import", str(make_package()), "--publish"])
    damaged = next((tmp_path / "data" / "content" / "versions").glob("*/package/media/file-00.bin"))
    damaged.write_bytes(b"changed")
    capsys.readouterr()

    assert main(["content", "list"]) == 1
    captured = capsys.readouterr()
    assert "DAMAGED" in captured.out and "media/file-00.bin" in captured.err


def test_rollback_with_nothing_to_go_back_to_fails_clearly(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["content", "rollback"]) == 1
    assert "no previous version" in capsys.readouterr().err
