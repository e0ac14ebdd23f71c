"""The staff PIN: a salted scrypt hash in the configuration, and a gate that slows guessing.

Stored form (config key ``staff_pin_hash``): ``scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>``.
The PIN itself is never stored, never logged and never kept longer than one call.

:class:`PinGate` is the policy behind the on-screen PIN pad: the first 3 wrong PINs cost
nothing, then each further wrong PIN imposes a doubling wait (2 s, 4 s, 8 s... at most
60 s) during which entries are refused unchecked; the 10th wrong PIN locks the pad for
15 minutes. The clock is injectable so that tests and the UI's countdown use the same time.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from kiosk.content.atomic import write_atomic
from kiosk.i18n.catalog import gettext_for

log = logging.getLogger(__name__)

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
# Bounds on parameters read from a config file, so a hand-edited hash cannot freeze the kiosk.
MAX_N = 2**20
MAX_R = 16
MAX_P = 4
MAX_MEMORY_BYTES = 64 * 2**20
MIN_DIGITS = 4
MAX_DIGITS = 12

FREE_FAILURES = 3
FIRST_DELAY_S = 2.0
MAX_DELAY_S = 60.0
LOCKOUT_FAILURES = 10
LOCKOUT_S = 15 * 60.0


class PinPolicyError(ValueError):
    """A new PIN that cannot be used; the message is for staff, in their language."""


def check_new_pin(pin: str, language: str = "fr") -> None:
    """Raise :class:`PinPolicyError` unless ``pin`` is 4 to 12 digits (the PIN pad has digits)."""
    _ = gettext_for(language).gettext
    if not (pin.isascii() and pin.isdigit() and MIN_DIGITS <= len(pin) <= MAX_DIGITS):
        raise PinPolicyError(
            _("The PIN must be {low} to {high} digits.").format(low=MIN_DIGITS, high=MAX_DIGITS)
        )


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * r * n + 2**20, dklen=HASH_BYTES
    )


def hash_pin(pin: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """The storable hash of ``pin`` with a fresh random salt."""
    salt = secrets.token_bytes(SALT_BYTES)
    digest = _scrypt(pin, salt, n, r, p)
    return f"scrypt${n}${r}${p}${salt.hex()}${digest.hex()}"


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches ``stored``; compared in constant time; False for a bad hash."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return False
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt, expected = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError:
        return False
    if not (1 < n <= MAX_N and n & (n - 1) == 0 and 0 < r <= MAX_R and 0 < p <= MAX_P):
        return False
    if 128 * n * r > MAX_MEMORY_BYTES:
        return False
    if not salt or len(expected) != HASH_BYTES:
        return False
    return hmac.compare_digest(_scrypt(pin, salt, n, r, p), expected)


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    WAIT = "wait"  # refused unchecked: still inside the delay after a wrong PIN
    LOCKED = "locked"
    NOT_SET = "not_set"


@dataclass(frozen=True)
class Attempt:
    """What the PIN pad shows after an entry.

    Attributes:
        outcome: accepted, rejected, wait, locked, or not_set (no PIN configured).
        wait_s: seconds before the next entry is checked (0 when none).
        failures: consecutive wrong PINs so far.
    """

    outcome: Outcome
    wait_s: float = 0.0
    failures: int = 0

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.ACCEPTED


def delay_after(failures: int) -> float:
    """Seconds to wait after ``failures`` consecutive wrong PINs."""
    if failures >= LOCKOUT_FAILURES:
        return LOCKOUT_S
    if failures < FREE_FAILURES:
        return 0.0
    return float(min(FIRST_DELAY_S * 2.0 ** (failures - FREE_FAILURES), MAX_DELAY_S))


class PinGate:
    """Checks PINs against the stored hash, with delays and a lockout against guessing.

    Attributes:
        stored_hash: the ``staff_pin_hash`` setting ("" when no PIN is set: the gate refuses).
        clock: monotonic seconds (``time.monotonic`` by default).
        state_file: where failures and the end of a wait are kept, so that switching the kiosk
            off and on does not reset a lockout (``<data_dir>/staff-pin.json``); None: memory only.
        wall_clock: seconds since the epoch, to carry a wait across a restart.
    """

    def __init__(
        self,
        stored_hash: str,
        clock: Callable[[], float] = time.monotonic,
        *,
        state_file: Path | None = None,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.stored_hash = stored_hash
        self.clock = clock
        self.state_file = state_file
        self.wall_clock = wall_clock
        self.failures = 0
        self._blocked_until = 0.0
        self._load()

    def _load(self) -> None:
        if self.state_file is None:
            return
        try:
            data = json.loads(self.state_file.read_text("utf-8"))
            failures, until = int(data["failures"]), float(data["blocked_until_epoch"])
        except (OSError, ValueError, KeyError, TypeError):
            return
        self.failures = max(0, min(failures, LOCKOUT_FAILURES))
        # Never longer than the policy allows, even if the wall clock jumped.
        remaining = min(max(0.0, until - self.wall_clock()), delay_after(self.failures))
        self._blocked_until = self.clock() + remaining

    def _save(self) -> None:
        if self.state_file is None:
            return
        until = self.wall_clock() + self.seconds_to_wait()
        data = {"failures": self.failures, "blocked_until_epoch": until}
        try:
            self.state_file.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.state_file, json.dumps(data).encode())
        except OSError as error:
            log.warning("staff PIN state not saved (%s)", error)

    def set_hash(self, stored_hash: str) -> None:
        """Take a new hash (settings changed) without forgetting the failures counted."""
        self.stored_hash = stored_hash

    def seconds_to_wait(self) -> float:
        """Seconds until an entry will be checked again (for the pad's countdown)."""
        return max(0.0, self._blocked_until - self.clock())

    @property
    def locked(self) -> bool:
        return self.failures >= LOCKOUT_FAILURES and self.seconds_to_wait() > 0

    def check(self, pin: str) -> Attempt:
        """Check one entry from the PIN pad."""
        if not self.stored_hash:
            return Attempt(Outcome.NOT_SET)
        wait = self.seconds_to_wait()
        if wait > 0:
            outcome = Outcome.LOCKED if self.failures >= LOCKOUT_FAILURES else Outcome.WAIT
            return Attempt(outcome, wait, self.failures)
        if self.failures >= LOCKOUT_FAILURES:  # the lockout is over: a fresh series begins
            self.failures = 0
        if verify_pin(pin, self.stored_hash):
            self.failures = 0
            self._blocked_until = 0.0
            self._save()
            log.info("staff PIN accepted")
            return Attempt(Outcome.ACCEPTED)
        self.failures += 1
        delay = delay_after(self.failures)
        self._blocked_until = self.clock() + delay
        self._save()
        if self.failures >= LOCKOUT_FAILURES:
            log.warning(
                "staff PIN pad locked for %d minutes after %d wrong PINs",
                int(LOCKOUT_S // 60),
                self.failures,
            )
            return Attempt(Outcome.LOCKED, delay, self.failures)
        log.warning("wrong staff PIN (%d in a row)", self.failures)
        return Attempt(Outcome.REJECTED, delay, self.failures)
