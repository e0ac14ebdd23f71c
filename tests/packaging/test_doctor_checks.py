"""The machine checks of ``kiosk doctor`` (kiosk/doctor_checks_system.py), on real parts."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from kiosk.doctor_checks_system import (
    Check,
    check_audio_levels,
    check_clock,
    check_config,
    check_vlc_decode,
    connected_screens,
    display_reachable,
    system_checks,
    touchscreens,
)
from kiosk.settings import Settings, load_settings
from tests.conftest import XServer

INPUT_DEVICES = """\
I: Bus=0011 Vendor=0002 Product=0007 Version=01b1
N: Name="SynPS/2 Synaptics TouchPad"
P: Phys=isa0060/serio1/input0
H: Handlers=mouse0 event6
B: PROP=5
B: EV=b
B: KEY=e520 10000 0 0 0 0
B: ABS=660800011000003

I: Bus=0003 Vendor=222a Product=0001 Version=0110
N: Name="ILITEK ILITEK-TP"
P: Phys=usb-0000:00:14.0-3/input0
H: Handlers=mouse1 event11
B: PROP=2
B: EV=1b
B: KEY=400 0 0 0 0 0
B: ABS=3273800000000003

I: Bus=0011 Vendor=0001 Product=0001 Version=ab41
N: Name="AT Translated Set 2 keyboard"
B: PROP=0
B: EV=120013
"""


def english(text: str) -> str:
    return text


def test_a_touchscreen_is_told_apart_from_a_touchpad_and_a_keyboard() -> None:
    assert touchscreens(INPUT_DEVICES) == ["ILITEK ILITEK-TP"]


def test_no_input_device_means_no_touchscreen() -> None:
    assert touchscreens("") == []


def test_connected_screens_are_read_from_the_kernel(tmp_path: Path) -> None:
    for connector, status in (("card0-HDMI-A-1", "connected"), ("card0-DP-1", "disconnected")):
        (tmp_path / connector).mkdir()
        (tmp_path / connector / "status").write_text(status + "\n", "ascii")
    assert connected_screens(tmp_path) == ["HDMI-A-1"]


@pytest.mark.parametrize(
    ("now", "ok"),
    [
        (datetime(2026, 3, 14, 15, 0), True),
        (datetime(1970, 1, 1, 0, 0), False),  # a dead RTC battery
        (datetime(2099, 1, 1, 0, 0), False),
    ],
)
def test_an_implausible_clock_is_a_needed_failure(now: datetime, ok: bool) -> None:
    check = check_clock(Settings(), english, now=now)
    assert (check.ok, check.needed) == (ok, True)
    assert check.detail.startswith(now.strftime("%Y-%m-%d")) or "timedatectl" in check.detail


def test_a_broken_config_file_is_reported_with_its_line(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('mode = "kiosk"\nidle_timeout_s = 5\n', "utf-8")
    settings = Settings(mode="kiosk", config_file=config)
    check = check_config(settings, english)
    assert not check.ok and check.needed
    assert f"{config}:2" in check.detail and "idle_timeout_s" in check.detail


def test_a_kiosk_without_config_file_gets_a_warning() -> None:
    check = check_config(Settings(mode="kiosk"), english)
    assert (check.ok, check.needed) == (False, False)


def test_the_bundled_sample_decodes_through_libvlc() -> None:
    check = check_vlc_decode(Settings(), english)
    assert check.ok, check.detail
    assert "libvlc 3." in check.detail


def test_a_file_libvlc_cannot_decode_fails_the_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged = tmp_path / "damaged.mp4"
    damaged.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(4000))
    monkeypatch.setenv("KIOSK_DOCTOR_MEDIA", str(damaged))
    check = check_vlc_decode(Settings(), english)
    assert not check.ok and check.needed
    assert "decoded 0 pictures" in check.detail


def test_ffmpeg_found_means_stories_get_even_loudness(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ffmpeg = tmp_path / "ffmpeg"  # found on the PATH, as the loudness measure looks for it
    ffmpeg.write_text("#!/bin/sh\n")
    ffmpeg.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    check = check_audio_levels(Settings(), english)
    assert check.ok, check.detail
    assert str(ffmpeg) in check.detail


def test_without_ffmpeg_the_technician_is_told_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a machine where ffmpeg was never installed
    check = check_audio_levels(Settings(), english)
    assert (check.ok, check.needed) == (False, False)  # a warning: the kiosk still plays
    assert "apt install ffmpeg" in check.detail


def test_every_check_reports_and_a_crashing_one_does_not_hide_the_others(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import kiosk.doctor_checks_system as checks

    def broken(settings: Settings, _: object) -> Check:
        raise ValueError("boom")

    monkeypatch.setattr(checks, "check_fonts", broken)
    results = system_checks(load_settings())
    names = [check.name for check in results]
    assert names == [
        "config",
        "clock",
        "disk-space",
        "fonts",
        "display",
        "touchscreen",
        "vlc-decode",
        "audio-levels",
    ]
    fonts = results[names.index("fonts")]
    assert not fonts.ok and "boom" in fonts.detail
    assert results[names.index("disk-space")].ok


def test_a_display_counts_only_when_its_server_answers(xvfb: XServer) -> None:
    assert display_reachable({"DISPLAY": xvfb.display}) == xvfb.display
    assert display_reachable({"DISPLAY": ":987"}) is None  # set, but nobody listens
    assert display_reachable({}) is None
