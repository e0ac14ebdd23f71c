"""``python -m kiosk.i18n.tools``: extract, merge and compile the catalogues (make translations).

``update`` does the whole round: extract the strings of the Python code (``_``, ``gettext``,
``ngettext``, ``N_``, ``pgettext``, ``npgettext``) and of the QML files (``qsTr``...) into
``translations/kiosk.pot``, merge it into every language's ``kiosk.po``, fill the English
catalogue with the ids themselves (English is the source), and compile the ``.mo`` files.

It is idempotent: a file is only rewritten when its content changes, and the
``POT-Creation-Date`` only moves when the set of strings does, so running it twice, or on a
tree where nothing changed, leaves git clean. Locations are written without line numbers
(``#: kiosk/ui/qml/pages/Home.qml``), so that editing code does not churn every catalogue.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from kiosk import __version__
from kiosk.i18n.catalog import DOMAIN
from kiosk.i18n.checks import catalogue_problems
from kiosk.i18n.languages import SOURCE_LANGUAGE, Language, load_languages
from kiosk.i18n.qml_extract import extract_qml
from kiosk.paths import source_root

KEYWORDS: dict[str, tuple[object, ...] | None] = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "N_": None,
    "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
}
COMMENT_TAGS = ("TRANSLATORS:",)
SOURCE_FOLDERS = ("kiosk",)
WIDTH = 76
HEADER = """\
# Kiosk « Les musiciens africains racontent leur 93 », Afrisson.
# Message ids are English; update with `make translations`.
# How to translate: docs/translations.md
#"""


def _sources(root: Path) -> list[Path]:
    files = [
        path
        for folder in SOURCE_FOLDERS
        for pattern in ("*.py", "*.qml")
        for path in (root / folder).rglob(pattern)
        if "__pycache__" not in path.parts
    ]
    return sorted(files, key=lambda path: path.relative_to(root).as_posix())


def extract_messages(root: Path) -> Catalog:
    """Every translatable string of the code and QML under ``root``, in file order."""
    catalog = Catalog(
        project="kiosk",
        version=__version__,
        copyright_holder="Afrisson",
        header_comment=HEADER,
        charset="utf-8",
    )
    for path in _sources(root):
        method = extract_qml if path.suffix == ".qml" else "python"
        relative = path.relative_to(root).as_posix()
        with path.open("rb") as file:
            for lineno, message, comments, context in extract(
                method,  # type: ignore[arg-type]
                file,
                keywords=KEYWORDS,  # type: ignore[arg-type]
                comment_tags=COMMENT_TAGS,
                strip_comment_tags=True,
            ):
                catalog.add(
                    message, locations=[(relative, lineno)], auto_comments=comments, context=context
                )
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(
        buffer, catalog, width=WIDTH, include_lineno=False, ignore_obsolete=True, sort_output=False
    )
    return buffer.getvalue()


def _replace_if_changed(path: Path, content: bytes) -> bool:
    """Write ``content`` to ``path`` atomically unless it is already there; True if written."""
    if path.exists() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_bytes(content)
    os.replace(temporary, path)
    return True


def write_template(root: Path, template: Catalog) -> bool:
    """Write ``kiosk.pot``, keeping its creation date unless the strings changed."""
    path = root / "translations" / f"{DOMAIN}.pot"
    if path.exists():
        with path.open("rb") as file:
            template.creation_date = read_po(file).creation_date
        if _po_bytes(template) == path.read_bytes():
            return False
    template.creation_date = datetime.now(UTC).replace(second=0, microsecond=0)
    return _replace_if_changed(path, _po_bytes(template))


def po_path(root: Path, code: str) -> Path:
    return root / "translations" / code / "LC_MESSAGES" / f"{DOMAIN}.po"


def new_catalogue(language: Language, template: Catalog) -> Catalog:
    """An empty catalogue for ``language`` with its plural rule, ready for a translator."""
    catalog = Catalog(
        locale=language.code,
        project="kiosk",
        version=__version__,
        copyright_holder="Afrisson",
        header_comment=HEADER,
        creation_date=template.creation_date,
        revision_date=template.creation_date,
        last_translator="Afrisson",
        language_team=f"{language.native_name}",
        fuzzy=False,
        charset="utf-8",
    )
    if language.plural_forms:
        catalog.mime_headers = [("Plural-Forms", language.plural_forms)]
    return catalog


_FORMAT_FLAGS = frozenset({"python-format", "python-brace-format"})


def _normalise_format_flags(catalog: Catalog) -> None:
    """Format flags from the message id alone.

    Babel's fuzzy matching copies the flags of the old message it matched ("{id}" ->
    python-brace-format) onto a new id that may have no placeholder at all; left alone, the
    stale flag flips on the next run and breaks idempotence.
    """
    for message in catalog:
        if not message.id:
            continue
        message.flags -= _FORMAT_FLAGS
        if message.python_format:
            message.flags.add("python-format")
        if message.python_brace_format:
            message.flags.add("python-brace-format")


def _fill_source_language(catalog: Catalog) -> None:
    """English is the language of the ids: each message translates to itself."""
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, list | tuple):
            singular, plural = message.id[0], message.id[-1]
            message.string = tuple([singular] + [plural] * (catalog.num_plurals - 1))
        else:
            message.string = message.id
        message.flags.discard("fuzzy")
        message.previous_id = []


def update_catalogue(root: Path, language: Language, template: Catalog) -> bool:
    """Merge ``template`` into the language's ``.po``; True when the file changed."""
    path = po_path(root, language.code)
    if path.exists():
        with path.open("rb") as file:
            catalog = read_po(file, locale=language.code)
    else:
        catalog = new_catalogue(language, template)
    catalog.update(template, update_header_comment=False, update_creation_date=True)
    catalog.fuzzy = False
    _normalise_format_flags(catalog)
    if language.code == SOURCE_LANGUAGE:
        _fill_source_language(catalog)
    return _replace_if_changed(path, _po_bytes(catalog))


def compile_catalogue(root: Path, code: str) -> bool:
    """Compile the language's ``.po`` into its ``.mo`` (fuzzy entries left out)."""
    path = po_path(root, code)
    with path.open("rb") as file:
        catalog = read_po(file, locale=code)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return _replace_if_changed(path.with_suffix(".mo"), buffer.getvalue())


def update(root: Path) -> list[Path]:
    """The whole round (extract, merge, compile); the files that changed."""
    changed: list[Path] = []
    template = extract_messages(root)
    if write_template(root, template):
        changed.append(root / "translations" / f"{DOMAIN}.pot")
    template_bytes = (root / "translations" / f"{DOMAIN}.pot").read_bytes()
    for language in load_languages(root / "translations"):
        # A fresh copy for each language: Catalog.update shares Message objects with the
        # template, and filling the English catalogue would otherwise fill the others.
        template = read_po(io.BytesIO(template_bytes))
        if update_catalogue(root, language, template):
            changed.append(po_path(root, language.code))
        if compile_catalogue(root, language.code):
            changed.append(po_path(root, language.code).with_suffix(".mo"))
    return changed


def _update_command(root: Path) -> int:
    changed = update(root)
    for path in changed:
        print(f"updated {path.relative_to(root)}", file=sys.stderr)
    if not changed:
        print("catalogues already up to date", file=sys.stderr)
    for language in load_languages(root / "translations"):
        problems = catalogue_problems(po_path(root, language.code))
        if problems:
            print(
                f"{language.code}: {len(problems)} entries to translate or review", file=sys.stderr
            )
    return 0


def _check_command(root: Path) -> int:
    with (root / "translations" / f"{DOMAIN}.pot").open("rb") as file:
        template = read_po(file)
    problems = [
        problem
        for language in load_languages(root / "translations")
        for problem in catalogue_problems(po_path(root, language.code), template)
    ]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def _init_command(root: Path, code: str) -> int:
    path = po_path(root, code)
    if path.exists():
        print(f"{path} already exists; run `make translations` to update it", file=sys.stderr)
        return 1
    with (root / "translations" / f"{DOMAIN}.pot").open("rb") as file:
        template = read_po(file)
    language = Language(code, code)
    catalog = new_catalogue(language, template)
    catalog.update(template, update_creation_date=True)
    _replace_if_changed(path, _po_bytes(catalog))
    print(f"created {path}; now add a line for '{code}' to translations/languages.toml")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kiosk.i18n.tools", description=__doc__.split("\n")[0]
    )
    parser.add_argument("--root", type=Path, default=source_root(), help="project folder")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("update", help="extract, merge into every .po, compile the .mo files")
    extract_cmd = commands.add_parser("extract", help="write the template only")
    extract_cmd.add_argument("--output", type=Path, help="where to write it (default: kiosk.pot)")
    commands.add_parser("check", help="list untranslated, fuzzy or mismatched entries")
    init = commands.add_parser("init", help="start the catalogue of a new language")
    init.add_argument("code", help="language code, such as it or pt_BR")
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()
    if args.command == "update":
        return _update_command(root)
    if args.command == "check":
        return _check_command(root)
    if args.command == "init":
        return _init_command(root, args.code)
    template = extract_messages(root)
    if args.output is None:
        write_template(root, template)
    else:
        _replace_if_changed(args.output, _po_bytes(template))
    return 0


if __name__ == "__main__":
    sys.exit(main())
