"""The command-line contract: exit codes and the messages a technician reads."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

from kiosk import __version__


def kiosk(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *arguments],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )


def test_without_a_display_run_says_so_in_one_line_and_exits_1() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    result = kiosk(env=env)
    assert result.returncode == 1
    message = [line for line in result.stderr.splitlines() if line.startswith("kiosk:")]
    assert len(message) == 1
    assert "no display found" in message[0]
    assert "kiosk screenshot" in message[0]


def test_unknown_command_or_flag_is_a_usage_error() -> None:
    assert kiosk("dance").returncode == 2
    assert kiosk("run", "--fly").returncode == 2


def test_version_is_printed() -> None:
    result = kiosk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"kiosk {__version__}"


def test_version_is_the_one_the_package_is_built_with() -> None:
    # The build names its archive after pyproject.toml; the kiosk reports kiosk/__init__.py's.
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    assert tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"] == __version__


def test_configuration_error_exits_1_naming_file_line_and_key(tmp_path) -> None:  # type: ignore[no-untyped-def]
    config = tmp_path / "config.toml"
    config.write_text('mode = "kiosk"\nvolume_max = 300\n', "utf-8")
    result = kiosk("--config", str(config), "doctor")
    assert result.returncode == 1
    assert f"{config}:2: key 'volume_max'" in result.stderr
