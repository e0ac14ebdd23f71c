"""Saving the settings staff change into the TOML config file, keeping everything else in it.

There is no TOML writer in the standard library, and a technician's comments and layout must
survive: the file is edited line by line. A key already present (flat, or inside a one-level
``[section]`` as :func:`kiosk.settings.read_config_file` accepts) has its line replaced; a new key
is added before the first section, where it stays a top-level key. The result is checked by
reading it back with the kiosk's own parser before it replaces the file atomically.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.content.atomic import write_atomic
from kiosk.settings import PARSERS, read_config_file

_SECTION = re.compile(r"^\s*\[([^\[\]]+)\]\s*(#.*)?$")
_KEY = re.compile(r"^(\s*)([\"']?)([A-Za-z0-9_\-]+)\2\s*=\s*(.*)$")


def toml_value(value: Any) -> str:
    """A TOML literal for the kinds of values the staff panel edits."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(item) for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False)  # a JSON string is a TOML basic string


def _setting_name(section: str, key: str) -> str:
    """The setting a key stands for, following :func:`kiosk.settings._flatten`."""
    if not section:
        return key
    return key if key in PARSERS else f"{section}_{key}"


def update_config_text(text: str, changes: Mapping[str, Any]) -> str:
    """``text`` with the values of ``changes`` (setting name -> value) written in."""
    lines = text.splitlines()
    out: list[str] = []
    written: set[str] = set()
    section = ""
    first_section_at: int | None = None
    skipping_array = False
    for line in lines:
        if skipping_array:  # the rest of a multi-line array we replaced
            skipping_array = "]" not in line
            continue
        header = _SECTION.match(line)
        if header:
            section = header.group(1).strip()
            if first_section_at is None:
                first_section_at = len(out)
            out.append(line)
            continue
        match = _KEY.match(line)
        name = _setting_name(section, match.group(3)) if match else ""
        if match and name in changes and name not in written:
            indent, quote, key, rest = match.groups()
            out.append(f"{indent}{quote}{key}{quote} = {toml_value(changes[name])}")
            written.add(name)
            skipping_array = rest.lstrip().startswith("[") and "]" not in rest
            continue
        out.append(line)
    missing = [f"{name} = {toml_value(changes[name])}" for name in changes if name not in written]
    if missing:
        at = first_section_at if first_section_at is not None else len(out)
        block = missing + ([""] if first_section_at is not None else [])
        out[at:at] = block
    return "\n".join(out) + "\n"


def save_settings(config_file: Path, changes: Mapping[str, Any]) -> None:
    """Write ``changes`` into ``config_file`` (created when missing), checked, atomically.

    Raises :class:`kiosk.settings.SettingsError` when the result would not load (the file is
    then left as it was) and OSError when it cannot be written.
    """
    try:
        text = config_file.read_text("utf-8")
    except FileNotFoundError:
        text = ""
    updated = update_config_text(text, changes)
    config_file.parent.mkdir(parents=True, exist_ok=True)
    check = config_file.with_name(f".{config_file.name}.check")
    try:
        check.write_text(updated, "utf-8")
        read_config_file(check)
    finally:
        check.unlink(missing_ok=True)
    write_atomic(config_file, updated.encode("utf-8"))
