"""The import's progress line as staff read it: megabytes copied, speed and time left.

No Qt here: the staff panel's import section (:mod:`kiosk.ui.staff_import`) shows these lines.
"""

from __future__ import annotations

from kiosk.content.importer import ImportProgress
from kiosk.i18n.catalog import gettext_for
from kiosk.i18n.formatting import LocaleFormatter


def describe_duration(seconds: float, language: str) -> str:
    """ "12 s" or "3 min" for a time left."""
    _ = gettext_for(language).gettext
    if seconds < 90:
        return _("{seconds} s").format(seconds=max(0, round(seconds)))
    return _("{minutes} min").format(minutes=round(seconds / 60))


def describe_progress(report: ImportProgress, language: str) -> str:
    """One line such as "12,5 sur 40,0 Mo · 8,1 Mo/s · encore 4 s" (no time left until known)."""
    _ = gettext_for(language).gettext
    number = LocaleFormatter(language).decimal
    done = number(report.bytes_done / 1e6)
    total = number(report.bytes_total / 1e6)
    speed = number(report.mb_per_s)
    if report.seconds_left is None:
        return _("{done} of {total} MB · {speed} MB/s").format(done=done, total=total, speed=speed)
    return _("{done} of {total} MB · {speed} MB/s · {left} left").format(
        done=done,
        total=total,
        speed=speed,
        left=describe_duration(report.seconds_left, language),
    )
