"""``kiosk stats export OUT.csv``: the visitor statistics as a CSV file for a spreadsheet."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.analytics.aggregates import export_csv
from kiosk.analytics.events import VisitorStats
from kiosk.i18n.catalog import gettext_for
from kiosk.paths import AppPaths
from kiosk.settings import Settings


def open_stats(settings: Settings) -> VisitorStats:
    """The kiosk's statistics database, as configured (data folder, time zone, retention)."""
    paths = AppPaths.resolve(settings.data_dir, settings.log_dir, settings.cache_dir)
    return VisitorStats.for_settings(paths.data_dir, settings)


def export_command(args: argparse.Namespace, settings: Settings) -> int:
    """Export every recorded event; exit 1 with a clear message when the file cannot be written."""
    _ = gettext_for(settings.default_language).gettext
    output = Path(args.output)
    stats = open_stats(settings)
    try:
        count = export_csv(stats, output)
    except OSError as error:
        print(
            _("The statistics could not be written to {file}: {reason}").format(
                file=str(output), reason=error.strerror or str(error)
            ),
            file=sys.stderr,
        )
        return 1
    finally:
        stats.close()
    print(_("{count} events exported to {file}.").format(count=count, file=str(output)))
    return 0
