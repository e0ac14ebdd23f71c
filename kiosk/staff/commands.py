"""Technician commands: ``kiosk content import|list|rollback`` and ``kiosk staff set-pin``.

Each is ``(args, settings) -> int`` as wired in :mod:`kiosk.cli`: 0 success, 1 the input or the
machine is at fault (a clear message on stderr). Progress goes to stderr so that stdout stays
clean for scripts. Messages speak the kiosk's default language through the catalogue.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import secrets
import sys
import time
from pathlib import Path
from typing import TextIO

from kiosk.content.importer import ImportProgress, PackageImportError, Phase, import_package_sync
from kiosk.content.store import ContentStore, StoreError, Version, VersionState
from kiosk.i18n.catalog import gettext_for
from kiosk.paths import AppPaths
from kiosk.settings import Settings, SettingsError, config_path_for_writing, read_config_file
from kiosk.staff.pin import PinPolicyError, check_new_pin, hash_pin

EXIT_OK = 0
EXIT_FAULT = 1


def _paths(settings: Settings) -> AppPaths:
    return AppPaths.resolve(settings.data_dir, settings.log_dir, settings.cache_dir)


def store_for(settings: Settings) -> ContentStore:
    """The content store under the configured data folder."""
    return ContentStore.for_data_dir(_paths(settings).data_dir, settings.default_language)


def renditions_dir(settings: Settings) -> Path:
    """Where the importer puts picture renditions: the cache the screens read them from."""
    return _paths(settings).cache_dir


class ProgressPrinter:
    """Progress lines on stderr: redrawn in place on a terminal, one line a second otherwise."""

    def __init__(self, stream: TextIO, language: str) -> None:
        self.stream = stream
        self.tty = stream.isatty()
        self._ = gettext_for(language).gettext
        self.last_line = 0.0
        self.phase: Phase | None = None

    def __call__(self, report: ImportProgress) -> None:
        _ = self._
        now = time.monotonic()
        phase_changed = report.phase is not self.phase
        self.phase = report.phase
        if not (self.tty or phase_changed or now - self.last_line >= 1.0):
            return
        self.last_line = now
        if report.phase is Phase.COPYING:
            left = "?" if report.seconds_left is None else f"{report.seconds_left:.0f}"
            line = _(
                "Copying {percent}% ({done} of {total} MB, {speed} MB/s, {left} s left)"
            ).format(
                percent=int(report.fraction * 100),
                done=f"{report.bytes_done / 1e6:.1f}",
                total=f"{report.bytes_total / 1e6:.1f}",
                speed=f"{report.mb_per_s:.1f}",
                left=left,
            )
        else:
            labels = {
                Phase.SCANNING: _("Reading the package…"),
                Phase.VALIDATING: _("Checking the package…"),
                Phase.RENDITIONS: _("Preparing the pictures for the screens…"),
                Phase.STORING: _("Storing the new version…"),
                Phase.PUBLISHING: _("Verifying and publishing…"),
                Phase.DONE: _("Done."),
            }
            line = labels.get(report.phase, str(report.phase))
        if self.tty:
            self.stream.write("\r\x1b[2K" + line + ("\n" if report.phase is Phase.DONE else ""))
        else:
            self.stream.write(line + "\n")
        self.stream.flush()


def import_command(args: argparse.Namespace, settings: Settings) -> int:
    """``kiosk content import DIR [--publish]``."""
    _ = gettext_for(settings.default_language).gettext
    store = store_for(settings)
    printer = ProgressPrinter(sys.stderr, settings.default_language)
    try:
        result = import_package_sync(
            Path(args.folder),
            store,
            publish=bool(args.publish),
            language=settings.default_language,
            progress=printer,
            cache_dir=renditions_dir(settings),
        )
    except PackageImportError as failure:
        if printer.tty:
            sys.stderr.write("\n")
        print(_("Import failed: {reason}").format(reason=failure.message), file=sys.stderr)
        return EXIT_FAULT
    for warning in result.warnings:
        print(_("Warning: {text}").format(text=warning), file=sys.stderr)
    if result.published:
        print(_("Version {id} is published.").format(id=result.version.id))
    else:
        print(
            _("Version {id} is stored; publish it from the staff panel.").format(
                id=result.version.id
            )
        )
    return EXIT_OK


def _state_label(version: Version, language: str) -> str:
    _ = gettext_for(language).gettext
    return {
        VersionState.ACTIVE: _("active"),
        VersionState.PREVIOUS: _("previous"),
        VersionState.PREVIEW: _("preview"),
        VersionState.ARCHIVED: _("archived"),
    }[version.state]


def list_command(args: argparse.Namespace, settings: Settings) -> int:
    """``kiosk content list``: one line per version; the active one is verified (hashes).

    Exit 1 when the active version is damaged, so that scripts and tests notice.
    """
    _ = gettext_for(settings.default_language).gettext
    store = store_for(settings)
    versions = store.versions()
    if not versions:
        print(_("No version stored yet: the kiosk shows the bundled demo exhibition."))
        return EXIT_OK
    status = EXIT_OK
    for version in versions:
        check = ""
        if version.state is VersionState.ACTIVE:
            result = store.verify(version.id)
            check = _("verified") if result.ok else _("DAMAGED")
            if not result.ok:
                status = EXIT_FAULT
                for problem in result.problems:
                    print(f"  {problem}", file=sys.stderr)
        print(
            "\t".join(
                [
                    version.id,
                    _state_label(version, settings.default_language),
                    _("{count} files").format(count=version.file_count),
                    f"{version.size_bytes / 1e6:.1f} MB",
                    version.source,
                    check,
                ]
            ).rstrip()
        )
    return status


def rollback_command(args: argparse.Namespace, settings: Settings) -> int:
    """``kiosk content rollback``: the previous version becomes active again."""
    _ = gettext_for(settings.default_language).gettext
    try:
        version = store_for(settings).rollback()
    except (StoreError, OSError) as error:
        print(_("Rollback failed: {reason}").format(reason=str(error)), file=sys.stderr)
        return EXIT_FAULT
    print(_("Version {id} is active again.").format(id=version.id))
    return EXIT_OK


_HEADER = re.compile(r"^\s*\[")


def _key_line(key: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")


def set_config_value(path: Path, key: str, value: str) -> None:
    """Set a string setting in a TOML config file, keeping every other line as it was.

    Replaces ``key = ...`` at the top level (or ``<rest> = ...`` inside ``[<section>]`` for
    ``<section>_<rest>`` keys, the spelling :mod:`kiosk.settings` accepts); otherwise inserts
    the key before the first table, where TOML keeps top-level keys. The result is checked with
    the settings parser before it replaces the file atomically, with the file's permissions
    kept (new files are readable by their owner only).
    """
    text = path.read_text("utf-8") if path.exists() else ""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    new_line = f"{key} = {json.dumps(value)}\n"
    section = ""
    first_header: int | None = None
    for index, line in enumerate(lines):
        if _HEADER.match(line):
            section = line.strip().strip("[]").strip()
            first_header = index if first_header is None else first_header
            continue
        if not section and _key_line(key).match(line):
            lines[index] = new_line
            break
        prefix = f"{section}_"
        if section and key.startswith(prefix) and _key_line(key[len(prefix) :]).match(line):
            lines[index] = f"{key[len(prefix) :]} = {json.dumps(value)}\n"
            break
    else:
        lines.insert(len(lines) if first_header is None else first_header, new_line)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        temporary.write_text("".join(lines), "utf-8")
        os.chmod(temporary, path.stat().st_mode & 0o7777 if path.exists() else 0o600)
        read_config_file(temporary)  # never leave a file the kiosk cannot start with
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _read_pin_twice(language: str) -> tuple[str, str]:
    _ = gettext_for(language).gettext
    if sys.stdin.isatty():
        first = getpass.getpass(_("New staff PIN (digits): "))
        second = getpass.getpass(_("The same PIN again: "))
        return first, second
    # Scripts and tests pipe the PIN twice; it is never echoed.
    return sys.stdin.readline().strip(), sys.stdin.readline().strip()


def set_pin_command(args: argparse.Namespace, settings: Settings) -> int:
    """``kiosk staff set-pin``: ask the PIN twice and store only its salted scrypt hash."""
    language = settings.default_language
    _ = gettext_for(language).gettext
    first, second = _read_pin_twice(language)
    if first != second:
        print(_("The two PINs differ; nothing was changed."), file=sys.stderr)
        return EXIT_FAULT
    try:
        check_new_pin(first, language)
    except PinPolicyError as error:
        print(str(error), file=sys.stderr)
        return EXIT_FAULT
    path = config_path_for_writing(settings)
    try:
        set_config_value(path, "staff_pin_hash", hash_pin(first))
    except (OSError, SettingsError) as error:
        print(
            _("The PIN could not be saved in {file}: {reason}").format(
                file=str(path), reason=str(error)
            ),
            file=sys.stderr,
        )
        return EXIT_FAULT
    print(_("The staff PIN is set (stored as a hash in {file}).").format(file=str(path)))
    return EXIT_OK
