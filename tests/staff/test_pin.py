"""The staff PIN: scrypt with a salt, constant-time check, delays, lockout, never logged."""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import pytest

from kiosk.staff.pin import (
    LOCKOUT_S,
    Outcome,
    PinGate,
    PinPolicyError,
    check_new_pin,
    hash_pin,
    verify_pin,
)

PIN = "73915408"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin(PIN)


def test_right_pin_opens(stored: str) -> None:
    assert PinGate(stored, FakeClock()).check(PIN).ok


def test_hash_is_scrypt_with_a_random_salt(stored: str) -> None:
    scheme, n, r, p, salt, digest = stored.split("$")
    assert scheme == "scrypt" and int(n) >= 2**14 and len(bytes.fromhex(salt)) >= 16
    expected = hashlib.scrypt(
        PIN.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
    )
    assert expected.hex() == digest
    assert hash_pin(PIN) != stored  # a fresh salt each time
    assert PIN not in stored


def test_wrong_pin_and_damaged_hashes_are_refused(stored: str) -> None:
    assert not verify_pin("73915409", stored)
    assert not verify_pin(PIN, "")
    assert not verify_pin(PIN, stored.replace("scrypt", "md5"))
    assert not verify_pin(PIN, "scrypt$1073741824$8$1$00$00")  # would eat gigabytes: refused


def test_delays_grow_after_three_failures(stored: str) -> None:
    clock = FakeClock()
    gate = PinGate(stored, clock)

    first_three = [gate.check("0000") for _ in range(3)]
    assert [a.outcome for a in first_three] == [Outcome.REJECTED] * 3
    assert [a.wait_s for a in first_three] == [0, 0, 2.0]

    # During the delay even the right PIN is not checked.
    assert gate.check(PIN).outcome is Outcome.WAIT
    clock.now += 2.0
    assert gate.check("1111").wait_s == 4.0
    clock.now += 4.0
    assert gate.check("2222").wait_s == 8.0
    clock.now += 8.0
    assert gate.check(PIN).ok
    assert gate.failures == 0


def test_lockout_after_ten_failures_lasts_fifteen_minutes(stored: str) -> None:
    clock = FakeClock()
    gate = PinGate(stored, clock)
    attempt = None
    for _ in range(10):
        clock.now += gate.seconds_to_wait()
        attempt = gate.check("9999")
    assert attempt is not None and attempt.outcome is Outcome.LOCKED
    assert attempt.wait_s == LOCKOUT_S == 15 * 60
    assert gate.locked

    clock.now += LOCKOUT_S - 1
    assert gate.check(PIN).outcome is Outcome.LOCKED
    clock.now += 1
    assert gate.check(PIN).ok


def test_no_pin_configured_means_the_pad_stays_closed() -> None:
    assert PinGate("", FakeClock()).check("0000").outcome is Outcome.NOT_SET


def test_new_pins_must_be_four_to_twelve_digits() -> None:
    check_new_pin("0472")
    for bad in ("123", "12ab", "1234567890123", "١٢٣٤"):
        with pytest.raises(PinPolicyError):
            check_new_pin(bad, "en")


def test_pin_is_never_logged(stored: str, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    clock = FakeClock()
    gate = PinGate(stored, clock)
    for guess in ("55501234", "55509876", "55504321", PIN):
        clock.now += gate.seconds_to_wait()
        gate.check(guess)
    assert caplog.records  # the attempts are logged...
    for text in ("55501234", "55509876", "55504321", PIN):
        assert text not in caplog.text  # ...but never what was typed


def test_switching_the_kiosk_off_and_on_does_not_end_a_lockout(stored: str, tmp_path: Path) -> None:
    state = tmp_path / "staff-pin.json"
    clock, wall = FakeClock(), FakeClock()
    gate = PinGate(stored, clock, state_file=state, wall_clock=wall)
    for _ in range(10):
        clock.now += gate.seconds_to_wait()
        wall.now = clock.now
        gate.check("9999")
    wall.now += 60  # restarted one minute later: the monotonic clock starts again

    restarted = PinGate(stored, FakeClock(), state_file=state, wall_clock=wall)

    assert restarted.check(PIN).outcome is Outcome.LOCKED
    assert restarted.seconds_to_wait() == LOCKOUT_S - 60
    assert PIN not in state.read_text("utf-8")
