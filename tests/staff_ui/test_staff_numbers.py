"""Sizes and dates in the version list are written the way the staff's language writes them."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from kiosk.content.importer import import_package_sync
from kiosk.content.store import MANIFEST_NAME
from tests.staff_ui.conftest import PIN, copy_demo
from tests.staff_ui.harness import StaffScreen

# The version's size line and import time, for a version imported on 27 November 2026 at 21:59
# UTC (22:59 in Saint-Denis), as a reader of each language expects them.
EXPECTED = {
    "fr": (r"\d+,\d Mo, \d+ fichiers", "27/11/2026 22:59"),
    "de": (r"\d+,\d MB, \d+ Dateien", "27.11.26, 22:59"),
    "en": (r"\d+\.\d MB, \d+ files", "27/11/2026, 22:59"),
}


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_the_version_list_speaks_the_panel_language(
    screen: StaffScreen, tmp_path: Path, language: str
) -> None:
    version = import_package_sync(copy_demo(tmp_path / "expo", "Exposition"), screen.store).version
    # The import time is the clock's; set it to a known moment, as if imported then.
    manifest = screen.store.versions_dir / version.id / MANIFEST_NAME
    data = json.loads(manifest.read_text("utf-8"))
    data["created"] = "2026-11-27T21:59:00+00:00"
    manifest.write_text(json.dumps(data), "utf-8")
    live = screen.panel.live
    live.update(dataclasses.replace(live.current, default_language=language))
    screen.enter_pin(PIN)
    versions = screen.panel.property("versions")
    versions.refresh()
    (row,) = versions.property("versions")
    size_pattern, created = EXPECTED[language]
    assert re.fullmatch(size_pattern, row["sizeText"]), row["sizeText"]
    assert row["created"] == created
