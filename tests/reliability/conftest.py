"""Figures the reliability suites report, shown in pytest's terminal summary.

A test calls the ``reliability_report`` fixture with one line (seed, event count, memory growth,
soak slope...). The lines appear in a "reliability figures" section at the end of every run,
``-q`` and without ``-s`` included, whether the test passed or failed, so a failing seed can be
replayed from the output alone.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

REPORT_KEY = pytest.StashKey[list[str]]()


def _lines(config: pytest.Config) -> list[str]:
    return config.stash.setdefault(REPORT_KEY, [])


@pytest.fixture
def reliability_report(request: pytest.FixtureRequest) -> Callable[[str], None]:
    """Record one line for the terminal summary, prefixed with the test's name."""
    lines = _lines(request.config)
    name = request.node.name

    def report(line: str) -> None:
        lines.append(f"{name}: {line}")

    return report


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, config: pytest.Config
) -> None:
    lines = _lines(config)
    if not lines:
        return
    terminalreporter.section("reliability figures")
    for line in lines:
        terminalreporter.write_line(line)
