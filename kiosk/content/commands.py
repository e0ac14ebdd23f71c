"""``kiosk content validate`` and ``kiosk content new``: thin command-line wrappers.

Exit codes follow the CLI contract: 0 publishable / created, 1 errors in the package or the
machine (a clear message, never a traceback).
"""

from __future__ import annotations

import argparse
import logging
import sys

from kiosk.content.scaffold import ScaffoldError, create_package
from kiosk.content.validate import validate_package
from kiosk.i18n.catalog import gettext_for
from kiosk.settings import Settings

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAULT = 1


def validate_command(args: argparse.Namespace, settings: Settings) -> int:
    """Print the report of ``args.folder`` (text or ``--json``); 0 when publishable."""
    language = getattr(args, "lang", None) or "fr"
    _ = gettext_for(language).gettext
    try:
        report = validate_package(args.folder, language)
    except Exception as error:  # the staff member must get a sentence, never a traceback
        log.exception("validation of %s failed", args.folder)
        print(
            _("kiosk: the package could not be checked ({error}).").format(error=error),
            file=sys.stderr,
        )
        return EXIT_FAULT
    print(report.to_json() if args.json else report.to_text())
    if not report.publishable:
        print(
            _("kiosk: {count} error(s) in {folder}.").format(
                count=len(report.errors), folder=str(args.folder)
            ),
            file=sys.stderr,
        )
        return EXIT_FAULT
    return EXIT_OK


def new_command(args: argparse.Namespace, settings: Settings) -> int:
    """Create a package with one example artist in ``args.folder``."""
    gettext = gettext_for(settings.default_language).gettext
    try:
        create_package(args.folder)
    except ScaffoldError as error:
        print(
            gettext("kiosk: cannot create the package: {reason}.").format(reason=error),
            file=sys.stderr,
        )
        return EXIT_FAULT
    except OSError as error:
        print(
            gettext("kiosk: cannot write {folder}: {reason}.").format(
                folder=str(args.folder), reason=error.strerror or error
            ),
            file=sys.stderr,
        )
        return EXIT_FAULT
    print(
        gettext(
            "Package created in {folder}. Edit the .toml files, replace the pictures and "
            "media, then run: kiosk content validate {folder}"
        ).format(folder=str(args.folder))
    )
    return EXIT_OK
