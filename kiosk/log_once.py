"""Log a problem once per thing it is about.

A pulled disk makes every page view and every new visitor meet the same missing files; the
log a technician reads must say it once, not thousands of times a day. The memory of what was
said is bounded, so a kiosk running for months does not grow it without end.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable

MAX_REMEMBERED = 4096

_said: set[Hashable] = set()


def log_once(
    logger: logging.Logger, level: int, key: Hashable, message: str, *args: object
) -> bool:
    """Log ``message`` unless something was already logged for ``key``; True when it was logged."""
    if key in _said:
        return False
    if len(_said) >= MAX_REMEMBERED:
        _said.clear()
    _said.add(key)
    logger.log(level, message, *args, stacklevel=2)
    return True
