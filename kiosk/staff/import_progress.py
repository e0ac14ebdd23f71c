"""The import's progress line as staff read it: megabytes copied, speed and time left.

No Qt here: the staff panel's import section (:mod:`kiosk.ui.staff_import`) shows these lines.
"""

from __future__ import annotations

from kiosk.content.importer import ImportProgress
from kiosk.i18n.catalog import gettext_for


def describe_duration(seconds: float, language: str) -> str:
    """ "12 s" or "3 min" for a time left."""
    _ = gettext_for(language).gettext
    if seconds < 90:
        return _("{seconds} s").format(seconds=max(0, round(seconds)))
    return _("{minutes} min").format(minutes=round(seconds / 60))


def describe_progress(report: ImportProgress, language: str) -> str:
    """One line such as "12.5 of 40.0 MB · 8.1 MB/s · 4 s left" (no time left until known)."""
    _ = gettext_for(language).gettext
    done = f"{report.bytes_done / 1e6:.1f}"
    total = f"{report.bytes_total / 1e6:.1f}"
    speed = f"{report.mb_per_s:.1f}"
    if report.seconds_left is None:
        return _("{done} of {total} MB · {speed} MB/s").format(done=done, total=total, speed=speed)
    return _("{done} of {total} MB · {speed} MB/s · {left} left").format(
        done=done,
        total=total,
        speed=speed,
        left=describe_duration(report.seconds_left, language),
    )
