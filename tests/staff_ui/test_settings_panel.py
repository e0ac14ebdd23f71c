"""Settings changed on the panel: saved into the config file (keeping the rest), applied at once."""

from __future__ import annotations

import dataclasses
import tomllib
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.analytics.events import VisitorStats
from kiosk.navigation import Route
from kiosk.paths import AppPaths
from kiosk.settings import Settings, load_settings
from kiosk.ui.staff_config_file import update_config_text
from tests.staff_ui.conftest import PIN
from tests.staff_ui.harness import StaffScreen


def test_saved_settings_reach_the_file_and_apply_without_restart(
    screen: StaffScreen, settings: Settings, qtbot: QtBot
) -> None:
    config = settings.config_file
    assert config is not None
    screen.enter_pin(PIN)
    screen.tap("staffTab_settings")
    screen.tap("stepUp_idle_timeout_s")
    assert screen.text("value_idle_timeout_s") == "100 s"
    screen.tap("toggle_demo_badge")
    screen.tap("offer_ar")
    live = screen.panel.live
    with qtbot.waitSignal(live.changed, timeout=2000):
        screen.tap("saveSettings")
    assert screen.item("settingsMessage").isVisible()

    assert live.current.idle_timeout_s == 100
    assert live.current.demo_badge is False
    assert live.current.languages == ("fr", "en", "es", "de")
    reloaded = load_settings()
    assert (reloaded.idle_timeout_s, reloaded.demo_badge, reloaded.languages) == (
        100,
        False,
        ("fr", "en", "es", "de"),
    )
    text = config.read_text("utf-8")
    assert text.startswith("# Written by the technician\n")
    assert reloaded.staff_pin_hash == settings.staff_pin_hash
    assert "timeout_s = 100" in text  # the key stays in its [idle] section


def test_visits_after_a_time_zone_change_count_for_the_new_zone_s_day(
    make_screen: Callable[..., StaffScreen], paths: AppPaths, qtbot: QtBot
) -> None:
    # 02:30 UTC on 3 November: still the evening of the 2nd in Martinique, already the 3rd in Paris.
    moment = datetime(2026, 11, 3, 2, 30, tzinfo=UTC)
    stats = VisitorStats.for_data_dir(paths.data_dir, clock=lambda: moment)
    screen = make_screen(stats=stats)
    screen.enter_pin(PIN)
    screen.tap("staffTab_settings")
    screen.tap("timezone_America/Martinique")
    with qtbot.waitSignal(screen.panel.live.changed, timeout=2000):
        screen.tap("saveSettings")

    stats.start_session("fr")
    assert stats.query("SELECT day FROM events") == [("2026-11-02",)]
    stats.close()


def test_default_language_cannot_be_withdrawn(screen: StaffScreen) -> None:
    screen.enter_pin(PIN)
    screen.tap("staffTab_settings")
    screen.tap("offer_en")
    assert screen.item("offer_en").property("checked") is True
    assert screen.item("settingsMessage").isVisible()
    assert not screen.item("saveSettings").isEnabled()


def test_panel_leaves_by_itself_without_touch(
    make_screen: Callable[..., StaffScreen], settings: Settings, qtbot: QtBot
) -> None:
    # The file format allows 30 s at least; the rule is the same with 1 s.
    screen = make_screen(settings=dataclasses.replace(settings, staff_timeout_s=1))
    screen.enter_pin(PIN)
    assert screen.panel.property("unlocked") is True
    qtbot.waitUntil(lambda: screen.state.page == "attract", timeout=5000)
    assert screen.panel.property("unlocked") is False


def test_pin_pad_left_alone_gives_way_to_the_visitors(
    make_screen: Callable[..., StaffScreen], settings: Settings, qtbot: QtBot
) -> None:
    # A child opened the pad with the hidden gesture and walked away: no PIN is typed.
    screen = make_screen(settings=dataclasses.replace(settings, staff_timeout_s=1))
    assert screen.item("staffPinPad").isVisible()
    qtbot.waitUntil(lambda: screen.state.page == "attract", timeout=5000)


def test_panel_locks_when_the_page_goes_away(screen: StaffScreen, qtbot: QtBot) -> None:
    screen.enter_pin(PIN)
    screen.state.reset_session()  # an idle reset while the panel is open
    qtbot.waitUntil(lambda: screen.state.page == "attract", timeout=2000)
    assert screen.panel.property("unlocked") is False
    screen.state.show_route(Route("staff"))
    qtbot.waitUntil(lambda: screen.find("staffPinPad") is not None, timeout=2000)
    assert screen.item("staffPinPad").isVisible()
    assert not screen.item("staffSections").isVisible()


def test_config_update_keeps_comments_sections_and_arrays(tmp_path: Path) -> None:
    text = (
        "# kiosk of the Maison de Quartier\n"
        'mode = "kiosk"\n'
        "languages = [\n"
        '  "fr",\n'
        '  "en",\n'
        "]\n"
        "\n"
        "[staff]\n"
        "timeout_s = 300\n"
    )
    updated = update_config_text(
        text, {"languages": ["fr", "ar"], "staff_timeout_s": 120, "demo_badge": False}
    )
    data = tomllib.loads(updated)
    assert data["languages"] == ["fr", "ar"]
    assert data["staff"]["timeout_s"] == 120
    assert data["demo_badge"] is False  # added as a top-level key, before the first section
    assert data["mode"] == "kiosk"
    assert updated.startswith("# kiosk of the Maison de Quartier\n")


def test_saving_without_a_config_file_writes_the_one_the_kiosk_reads(
    make_screen: Callable[..., StaffScreen],
    settings: Settings,
    isolated_kiosk_dirs: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    # A kiosk started with KIOSK_CONFIG naming a file that did not exist yet: what staff save
    # goes there, where the next start reads it, not into the user's own folder.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user-config"))
    wanted = isolated_kiosk_dirs / "config.toml"
    wanted.unlink()
    monkeypatch.setenv("KIOSK_CONFIG", str(wanted))
    screen = make_screen(settings=dataclasses.replace(settings, config_file=None))
    screen.enter_pin(PIN)
    screen.tap("staffTab_settings")
    screen.tap("stepUp_idle_timeout_s")
    with qtbot.waitSignal(screen.panel.live.changed, timeout=2000):
        screen.tap("saveSettings")

    assert load_settings().idle_timeout_s == 100
    assert "timeout_s = 100" in wanted.read_text("utf-8")
    assert not (tmp_path / "user-config").exists()
