"""Opening the staff panel with the on-screen PIN pad, by touch."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from tests.staff_ui.conftest import PIN
from tests.staff_ui.harness import StaffScreen


def test_right_pin_on_the_pad_opens_the_panel(screen: StaffScreen) -> None:
    assert screen.item("staffPinPad").isVisible()
    assert not screen.item("staffSections").isVisible()
    for digit in PIN:
        screen.tap(f"pinKey_{digit}")
    # Dots, never digits: one dot per digit typed.
    dots = [child for child in screen.item("pinDots").childItems() if child.width() > 0]
    assert len(dots) == len(PIN)
    screen.tap("pinKey_ok")
    assert screen.panel.property("unlocked") is True
    assert screen.item("staffSections").isVisible()
    assert not screen.item("staffPinPad").isVisible()
    assert screen.item("staffTab_content").isVisible()


def test_wrong_pins_show_the_delay_and_rest_the_keys(
    screen: StaffScreen, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    screen.enter_pin("1111")
    assert "Wrong PIN" in screen.text("pinMessage")
    assert not screen.item("pinCountdown").isVisible()
    screen.enter_pin("1112")
    screen.enter_pin("1113")
    # The third wrong PIN costs a delay: the countdown shows it and the keys rest.
    assert screen.item("pinCountdown").isVisible()
    assert "2 s" in screen.text("pinCountdown")
    assert not screen.item("pinKey_5").isEnabled()
    assert not screen.item("pinKey_ok").isEnabled()
    assert screen.panel.property("unlocked") is False
    assert screen.item("staffPinPad").isVisible()
    for secret in ("1111", "1112", "1113", PIN):
        assert secret not in caplog.text


def test_pad_opens_again_after_the_delay(screen: StaffScreen, qtbot: QtBot) -> None:
    for wrong in ("1111", "1112", "1113"):
        screen.enter_pin(wrong)
    # The keys come back by themselves when the countdown ends.
    qtbot.waitUntil(lambda: screen.item("pinKey_2").isEnabled(), timeout=5000)
    assert not screen.item("pinCountdown").isVisible()
    screen.enter_pin(PIN)
    assert screen.panel.property("unlocked") is True


def test_page_says_so_calmly_when_no_panel_is_attached(
    make_screen: Callable[..., StaffScreen],
) -> None:
    screen = make_screen(attach_panel=False)
    assert screen.item("staffUnavailable").isVisible()
    assert screen.find("staffPinPad") is None
