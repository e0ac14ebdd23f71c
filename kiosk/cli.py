"""The ``kiosk`` command line: parses arguments, builds settings, dispatches to a command.

Exit codes: 0 success, 1 the input or the machine is at fault (a clear message on stderr),
2 usage. Each command lives with the part it belongs to; this module only wires them, importing
them lazily so that ``kiosk content validate`` does not pay for Qt start-up.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kiosk import __version__
from kiosk.settings import (
    KNOWN_LANGUAGES,
    Settings,
    SettingsError,
    load_settings,
    load_settings_or_defaults,
)

EXIT_OK = 0
EXIT_FAULT = 1
EXIT_USAGE = 2

Command = Callable[[argparse.Namespace, Settings], int]

COMMANDS = frozenset({"run", "screenshot", "doctor", "content", "stats", "staff"})
PAGES_HELP = (
    "attract, home, exhibition, artist:<id>, story:<id>, programme, about, accessibility, staff"
)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected WIDTHxHEIGHT such as 1920x1080, got {text!r}"
        ) from None
    if not (320 <= width <= 7680 and 320 <= height <= 7680):
        raise argparse.ArgumentTypeError(f"size out of range (320 to 7680 pixels): {text!r}")
    return width, height


def _command(target: str) -> Command:
    """A command given as 'module:function', imported only when it runs."""

    def run(args: argparse.Namespace, settings: Settings) -> int:
        module_name, function_name = target.split(":")
        function: Command = getattr(importlib.import_module(module_name), function_name)
        return function(args, settings)

    return run


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kiosk",
        description="Exhibition kiosk « Les musiciens africains racontent leur 93 ».",
    )
    parser.add_argument("--version", action="version", version=f"kiosk {__version__}")
    parser.add_argument("--config", type=Path, help="configuration file (TOML)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    run = commands.add_parser("run", help="start the kiosk (default)")
    _add_run_options(run)
    run.set_defaults(handler=_command("kiosk.app:run_command"))

    shot = commands.add_parser("screenshot", help="render one page offscreen to a PNG file")
    shot.add_argument("--page", required=True, help=PAGES_HELP)
    shot.add_argument("--lang", choices=KNOWN_LANGUAGES, default=None)
    shot.add_argument("--size", type=_size, default=(1920, 1080), help="WIDTHxHEIGHT")
    shot.add_argument("--content", type=Path, help="content package folder")
    shot.add_argument("--now", help="simulated date and time (ISO 8601)")
    shot.add_argument("--config", type=Path, default=argparse.SUPPRESS)
    shot.add_argument("output", type=Path, metavar="OUT.png")
    shot.set_defaults(handler=_command("kiosk.screenshot:screenshot_command"))

    doctor = commands.add_parser("doctor", help="check this machine")
    doctor.add_argument("--json", action="store_true", help="machine-readable output")
    doctor.add_argument("--content", type=Path, help="content package folder to check")
    doctor.set_defaults(handler=_command("kiosk.doctor:doctor_command"))

    _add_content_commands(commands)

    stats = commands.add_parser("stats", help="visitor statistics").add_subparsers(
        dest="stats_command", metavar="ACTION", required=True
    )
    export = stats.add_parser("export", help="export statistics as CSV")
    export.add_argument("output", type=Path, metavar="OUT.csv")
    export.set_defaults(handler=_command("kiosk.analytics.commands:export_command"))

    staff = commands.add_parser("staff", help="staff access").add_subparsers(
        dest="staff_command", metavar="ACTION", required=True
    )
    set_pin = staff.add_parser("set-pin", help="set the staff PIN (asked twice, never shown)")
    set_pin.set_defaults(handler=_command("kiosk.staff.commands:set_pin_command"))
    return parser


def _add_run_options(run: argparse.ArgumentParser) -> None:
    run.add_argument("--content", type=Path, help="content package folder to show")
    run.add_argument("--kiosk", action="store_true", help="full screen and locked down")
    run.add_argument("--lang", choices=KNOWN_LANGUAGES, help="default language")
    run.add_argument("--now", help="simulated date and time (ISO 8601), for demos and tests")
    run.add_argument("--config", type=Path, default=argparse.SUPPRESS)


def _add_content_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    content = commands.add_parser("content", help="exhibition content").add_subparsers(
        dest="content_command", metavar="ACTION", required=True
    )
    validate = content.add_parser("validate", help="check a content package")
    validate.add_argument("folder", type=Path, metavar="DIR")
    validate.add_argument("--json", action="store_true", help="machine-readable report")
    validate.add_argument("--lang", choices=("fr", "en"), default="fr", help="report language")
    validate.set_defaults(handler=_command("kiosk.content.commands:validate_command"))

    new = content.add_parser("new", help="scaffold a valid package with one example artist")
    new.add_argument("folder", type=Path, metavar="DIR")
    new.set_defaults(handler=_command("kiosk.content.commands:new_command"))

    import_ = content.add_parser("import", help="copy, verify and store a package as a version")
    import_.add_argument("folder", type=Path, metavar="DIR")
    import_.add_argument("--publish", action="store_true", help="make it active at once")
    import_.set_defaults(handler=_command("kiosk.staff.commands:import_command"))

    listing = content.add_parser("list", help="list stored content versions")
    listing.set_defaults(handler=_command("kiosk.staff.commands:list_command"))

    rollback = content.add_parser("rollback", help="go back to the previous version")
    rollback.set_defaults(handler=_command("kiosk.staff.commands:rollback_command"))


def _flags(args: argparse.Namespace) -> dict[str, object]:
    flags: dict[str, object] = {}
    if getattr(args, "kiosk", False):
        flags["mode"] = "kiosk"
    if getattr(args, "content", None) is not None and args.command in ("run", "screenshot"):
        flags["content_dir"] = args.content
    if getattr(args, "lang", None) and args.command in ("run", "screenshot"):
        flags["default_language"] = args.lang
    if getattr(args, "now", None):
        flags["now"] = args.now
    return flags


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``kiosk`` and ``python -m kiosk``."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["_qt-probe"]:  # hidden: the doctor's child process
        from kiosk.doctor import qt_probe_main

        return qt_probe_main(arguments[1:])
    # `kiosk` alone, or `kiosk --kiosk`, means `kiosk run`.
    if not COMMANDS & set(arguments) and not {"-h", "--help", "--version"} & set(arguments):
        arguments = ["run", *arguments]
    try:
        args = build_parser().parse_args(arguments)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        load = load_settings_or_defaults if args.command == "run" else load_settings
        settings = load(getattr(args, "config", None), _flags(args))
    except SettingsError as error:
        print(f"kiosk: configuration error: {error}", file=sys.stderr)
        return EXIT_FAULT
    handler: Command = args.handler
    try:
        return handler(args, settings)
    except KeyboardInterrupt:
        return 130
