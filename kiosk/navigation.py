"""Where the visitor is: a stack of pages, with no Qt in it.

A route is a page name plus an optional argument (an artist or story id). The stack always has
the attract loop or the home page at its bottom, so "back" and "home" are always defined.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

PAGES = (
    "attract",
    "home",
    "exhibition",
    "artist",
    "story",
    "programme",
    "about",
    "accessibility",
    "staff",
)
PAGES_WITH_ARGUMENT = frozenset({"artist", "story"})
# No visitor is there: the idle countdown sleeps and no visit is counted.
DORMANT_PAGES = frozenset({"attract", "staff"})


class UnknownPageError(ValueError):
    """A page name that the kiosk does not have, or a page missing its argument."""


@dataclass(frozen=True)
class Route:
    page: str
    argument: str = ""

    @classmethod
    def parse(cls, text: str) -> Route:
        """``"artist:exemple-1"`` -> Route("artist", "exemple-1"); checks the page exists."""
        page, _, argument = text.partition(":")
        if page not in PAGES:
            raise UnknownPageError(f"unknown page {page!r}; pages: {', '.join(PAGES)}")
        if page in PAGES_WITH_ARGUMENT and not argument:
            raise UnknownPageError(f"page {page!r} needs an id, as in {page}:<id>")
        return cls(page, argument)

    def __str__(self) -> str:
        return f"{self.page}:{self.argument}" if self.argument else self.page


class Navigation:
    """The visitor's path through the pages."""

    def __init__(self, start: Route | None = None) -> None:
        self._stack: list[Route] = [start or Route("attract")]

    @property
    def current(self) -> Route:
        return self._stack[-1]

    @property
    def depth(self) -> int:
        return len(self._stack)

    def open(self, route: Route) -> bool:
        """Go to ``route``; returns False when already there (a double tap changes nothing)."""
        if route == self.current:
            return False
        if route.page == "home":
            self._stack = [Route("home")]
        elif route.page == "attract":
            self._stack = [Route("attract")]
        else:
            self._stack.append(route)
        return True

    def back(self) -> bool:
        """One step back; the home page is the floor once a visitor has started."""
        if len(self._stack) > 1:
            self._stack.pop()
            return True
        if self.current.page not in ("home", "attract"):
            self._stack = [Route("home")]
            return True
        return False

    def reset(self) -> None:
        self._stack = [Route("attract")]


class NavigationLock:
    """Lets one navigation through per short window.

    Two fingers landing on two buttons (a child and a parent, a palm on the glass) must take the
    visitor to one page, not two: the first tap wins, taps within ``hold_s`` of it are ignored.
    ``hold_s`` is short enough that a deliberate second tap is never lost.
    """

    def __init__(self, hold_s: float = 0.3, clock: Callable[[], float] = time.monotonic) -> None:
        self.hold_s = hold_s
        self._clock = clock
        self._last: float | None = None

    def acquire(self) -> bool:
        """True when a navigation may happen now (and starts a new hold)."""
        now = self._clock()
        if self._last is not None and now - self._last < self.hold_s:
            return False
        self._last = now
        return True

    def release(self) -> None:
        """Forget the hold (an idle reset or a programmatic jump is not a visitor's tap)."""
        self._last = None
