"""``kiosk doctor`` passes on a working machine and names what is missing otherwise."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import DEMO, XServer


def doctor(*arguments: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "doctor", "--content", str(DEMO), *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_doctor_passes_on_the_test_machine(xvfb: XServer) -> None:
    result = doctor(env=xvfb.env())
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert any(line.startswith("[  ok] libvlc: version 3.") for line in lines), lines
    assert any(line.startswith("[  ok] Qt platform:") for line in lines), lines
    assert not any("FAIL" in line for line in lines)


def test_doctor_fails_with_a_clear_line_when_libvlc_is_unavailable(xvfb: XServer) -> None:
    env = dict(xvfb.env(), PYTHON_VLC_LIB_PATH="/nonexistent/libvlc.so.5")
    result = doctor(env=env)
    assert result.returncode == 1
    failing = [line for line in result.stdout.splitlines() if "FAIL" in line]
    expected = "[FAIL] libvlc: libvlc cannot be loaded: /nonexistent/libvlc.so.5 does not load"
    assert expected in failing
    # Every failure is about the media library: nothing else is blamed.
    assert all("vlc" in line.lower() for line in failing), failing


def test_doctor_json_is_machine_readable() -> None:
    result = doctor("--json")
    report = json.loads(result.stdout)
    assert report["ok"] is (result.returncode == 0)
    names = {check["name"] for check in report["checks"]}
    assert {"libvlc", "Qt platform", "content", "data folder", "log folder"} <= names


def test_doctor_reports_an_unwritable_data_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    env = dict(os.environ, KIOSK_DATA_DIR=str(blocked / "data"))
    result = doctor(env=env)
    assert result.returncode == 1
    assert any(line.startswith("[FAIL] data folder:") for line in result.stdout.splitlines())
