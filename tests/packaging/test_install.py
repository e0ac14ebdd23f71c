"""install.sh / uninstall.sh in a dry-install folder, and the systemd units they install."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.settings import load_settings

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
DOCS = REPO / "docs" / "install.md"


def fake_build(folder: Path, marker: str) -> Path:
    """A stand-in for dist/kiosk: what install.sh copies does not matter here, only where."""
    (folder / "_internal").mkdir(parents=True)
    for name in ("kiosk", "kiosk-out-of-order"):
        program = folder / name
        program.write_text(f"#!/bin/sh\necho {marker}\n", "utf-8")
        program.chmod(0o755)
    return folder


def install(root: Path, build: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(LINUX / "install.sh"), "--root", str(root), "--build", str(build)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def documented_paths() -> set[str]:
    """Every absolute path in the first column of docs/install.md's layout tables."""
    text = DOCS.read_text("utf-8")
    return set(re.findall(r"^\|\s*`(/[^`]+)`", text, re.MULTILINE))


@pytest.fixture
def installed(tmp_path: Path) -> Path:
    root = tmp_path / "root"
    result = install(root, fake_build(tmp_path / "build-1", "version-1"))
    assert result.returncode == 0, result.stderr
    return root


def test_every_path_the_documentation_names_is_installed(installed: Path) -> None:
    paths = documented_paths() - {"/opt/kiosk.previous/"}  # only after an upgrade
    assert len(paths) >= 12, paths
    missing = [path for path in sorted(paths) if not os.path.lexists(installed / path.lstrip("/"))]
    assert missing == []
    assert os.readlink(installed / "usr" / "local" / "bin" / "kiosk") == "/opt/kiosk/kiosk"
    assert (installed / "opt" / "kiosk" / "install.md").read_text("utf-8") == DOCS.read_text(
        "utf-8"
    )


def test_the_installed_config_starts_the_kiosk_locked_with_system_folders(
    installed: Path,
) -> None:
    config = installed / "etc" / "kiosk" / "config.toml"
    settings = load_settings(config, environ={})
    assert settings.kiosk_mode
    assert settings.data_dir == Path("/var/lib/kiosk")
    assert settings.log_dir == Path("/var/log/kiosk")
    assert config.stat().st_mode & 0o777 == 0o640


def test_a_dedicated_user_without_login_owns_the_data_folders(installed: Path) -> None:
    passwd = (installed / "etc" / "passwd").read_text("utf-8")
    user = next(line.split(":") for line in passwd.splitlines() if line.startswith("kiosk:"))
    assert user[5:] == ["/var/lib/kiosk", "/usr/sbin/nologin"]
    groups = (installed / "etc" / "group").read_text("utf-8")
    assert re.search(r"^video:.*\bkiosk\b", groups, re.MULTILINE)
    assert re.search(r"^input:.*\bkiosk\b", groups, re.MULTILINE)
    for folder in ("var/lib/kiosk", "var/log/kiosk", "var/cache/kiosk"):
        assert (installed / folder).stat().st_uid == int(user[2])


def test_an_upgrade_keeps_settings_content_and_statistics(installed: Path, tmp_path: Path) -> None:
    config = installed / "etc" / "kiosk" / "config.toml"
    config.write_text('mode = "kiosk"\nidle_timeout_s = 120\n', "utf-8")
    content = installed / "var" / "lib" / "kiosk" / "content" / "v3" / "exhibition.toml"
    content.parent.mkdir(parents=True)
    content.write_text("[exhibition]\n", "utf-8")
    stats = installed / "var" / "lib" / "kiosk" / "stats.sqlite3"
    stats.write_bytes(b"SQLite format 3\0")

    result = install(installed, fake_build(tmp_path / "build-2", "version-2"))

    assert result.returncode == 0, result.stderr
    assert "idle_timeout_s = 120" in config.read_text("utf-8")
    assert content.read_text("utf-8") == "[exhibition]\n"
    assert stats.read_bytes() == b"SQLite format 3\0"
    assert "version-2" in (installed / "opt" / "kiosk" / "kiosk").read_text("utf-8")
    assert "version-1" in (installed / "opt" / "kiosk.previous" / "kiosk").read_text("utf-8")


def test_uninstall_keeps_data_unless_purged(installed: Path) -> None:
    uninstall = ["bash", str(LINUX / "uninstall.sh"), "--root", str(installed)]
    subprocess.run(uninstall, check=True, capture_output=True, timeout=60)
    assert not (installed / "opt" / "kiosk").exists()
    assert not (installed / "etc" / "systemd" / "system" / "kiosk.service").exists()
    assert (installed / "etc" / "kiosk" / "config.toml").exists()
    assert (installed / "var" / "lib" / "kiosk").is_dir()

    subprocess.run([*uninstall, "--purge"], check=True, capture_output=True, timeout=60)
    assert not (installed / "var" / "lib" / "kiosk").exists()
    assert not (installed / "etc" / "kiosk").exists()
    assert "kiosk:" not in (installed / "etc" / "passwd").read_text("utf-8")


def test_install_refuses_without_a_build(tmp_path: Path) -> None:
    result = install(tmp_path / "root", tmp_path / "nothing")
    assert result.returncode == 1
    assert "no build found" in result.stderr


def verify(unit_dir: Path, *units: str) -> subprocess.CompletedProcess[str]:
    if shutil.which("systemd-analyze") is None:
        pytest.fail("systemd-analyze is missing: `make package` installs `systemd`")
    return subprocess.run(
        ["systemd-analyze", "verify", *units],
        cwd=unit_dir,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_systemd_accepts_the_installed_units_without_a_warning(
    installed: Path, tmp_path: Path
) -> None:
    """systemd-analyze checks syntax, values and that every command exists; cage and the
    kiosk are looked for inside the dry install (a stand-in cage, which this machine lacks)."""
    cage = installed / "usr" / "bin" / "cage"
    cage.parent.mkdir(parents=True, exist_ok=True)
    cage.write_text("#!/bin/sh\n", "utf-8")
    cage.chmod(0o755)
    units = tmp_path / "units"
    units.mkdir()
    names = ("kiosk.service", "kiosk-out-of-order.service")
    for name in names:
        text = (installed / "etc" / "systemd" / "system" / name).read_text("utf-8")
        text = text.replace("/usr/bin/cage", str(cage))
        text = text.replace("/opt/kiosk/", f"{installed}/opt/kiosk/")
        (units / name).write_text(text, "utf-8")

    result = verify(units, *names)

    assert result.returncode == 0, result.stderr
    assert result.stderr.strip() == "" and result.stdout.strip() == ""


def test_systemd_reports_a_broken_unit(tmp_path: Path) -> None:
    """The check above can fail: the real unit names cage, absent from this machine."""
    broken = tmp_path / "kiosk.service"
    text = (LINUX / "kiosk.service").read_text("utf-8").replace("/usr/bin/cage", "/nonexistent")
    broken.write_text(text, "utf-8")
    result = verify(tmp_path, "kiosk.service")
    assert result.returncode != 0
    assert "/nonexistent" in result.stderr


def unit_values(path: Path) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for line in path.read_text("utf-8").splitlines():
        if "=" in line and not line.startswith(("#", ";")):
            key, value = line.split("=", 1)
            values.setdefault(key.strip(), []).append(value.strip())
    return values


def test_the_kiosk_unit_restarts_on_crash_and_freeze_then_falls_back() -> None:
    unit = unit_values(LINUX / "kiosk.service")
    assert unit["Type"] == ["notify"] and unit["NotifyAccess"] == ["all"]
    assert unit["Restart"] == ["always"]
    assert float(unit["WatchdogSec"][0]) > 2 * 5.0  # the default ping period is 5 s / 2
    assert unit["OnFailure"] == ["kiosk-out-of-order.service"]
    assert int(unit["StartLimitBurst"][0]) >= 3
    assert unit["ExecStart"][0].startswith("/usr/bin/cage ")
    assert "/opt/kiosk/kiosk run --kiosk" in unit["ExecStart"][0]
    assert "QT_QPA_PLATFORM=xcb" in unit["Environment"]
    out_of_order = unit_values(LINUX / "kiosk-out-of-order.service")
    assert "kiosk.service" in out_of_order["Conflicts"][0]
    assert out_of_order["ExecStart"][0].endswith("/opt/kiosk/kiosk-out-of-order")
