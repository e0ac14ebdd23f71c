"""A child who opens the staff PIN pad by chance must not leave the kiosk stuck on it.

Five quick taps in the hidden corner open the PIN pad: a child drumming on the screen does it
(the random-touch suite did, with seed 4139067172). Nobody types a PIN and the child walks away;
the next visitor must find the attract loop again, not a keypad. The visitor countdown does not
run on the staff page; the staff panel's own timeout must cover the locked PIN pad too.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest

from tests.reliability.conftest import STAFF_TIMEOUT_S
from tests.reliability.monkey_driver import Driver


def corner_taps(driver: Driver, taps: int) -> None:
    driver.wait_for_page("attract", 1)
    QTest.touchEvent(driver.window, driver.device).press(
        0, QPoint(400, 400), driver.window
    ).commit()
    QTest.touchEvent(driver.window, driver.device).release(
        0, QPoint(400, 400), driver.window
    ).commit()
    driver.wait_for_page("home", 2)
    corner = next(
        item
        for item in _items(driver.window.contentItem())
        if item.objectName() == "staffCorner" and item.isVisible()
    )
    centre = corner.mapToScene(QPointF(corner.width() / 2, corner.height() / 2)).toPoint()
    for _ in range(taps):
        QTest.touchEvent(driver.window, driver.device).press(0, centre, driver.window).commit()
        QTest.touchEvent(driver.window, driver.device).release(0, centre, driver.window).commit()
        driver.qtbot.wait(10)


def _items(root: QQuickItem) -> Iterator[QQuickItem]:
    yield root
    for child in root.childItems():
        yield from _items(child)


def test_a_pin_pad_opened_by_chance_gives_way_to_the_attract_loop(
    kiosk_window: Callable[[], Driver],
) -> None:
    driver = kiosk_window()
    corner_taps(driver, 5)
    assert driver.shell.state.page == "staff"
    assert not driver.shell.state.property("staff").property("unlocked")
    started = time.monotonic()
    driver.wait_for_page("attract", STAFF_TIMEOUT_S + 3)
    assert driver.shell.state.page == "attract", (
        f"still on the PIN pad {time.monotonic() - started:.0f} s later "
        f"(staff timeout {STAFF_TIMEOUT_S} s)"
    )
