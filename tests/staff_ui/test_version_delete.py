"""Deleting an old exhibition version by touch, to free the disk, never the protected ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.content.importer import import_package_sync
from kiosk.content.store import VersionState
from tests.staff_ui.conftest import PIN, copy_demo
from tests.staff_ui.harness import StaffScreen
from tests.staff_ui.test_content_flow import wait


@pytest.fixture
def three_versions(screen: StaffScreen, tmp_path: Path) -> tuple[str, str, str]:
    """(older, previous, active): three exhibitions imported and published in turn."""
    ids = [
        import_package_sync(
            copy_demo(tmp_path / f"expo-{n}", f"Exposition {n}"), screen.store, publish=True
        ).version.id
        for n in (1, 2, 3)
    ]
    older, previous, active = ids
    assert screen.store.get(older).state is VersionState.ARCHIVED
    assert (screen.store.previous_id(), screen.store.active_id()) == (previous, active)
    return older, previous, active


def listed(screen: StaffScreen) -> list[str]:
    return [row["versionId"] for row in screen.panel.property("versions").property("versions")]


def stored(screen: StaffScreen) -> list[str]:
    return [version.id for version in screen.store.versions()]


def delete_button_shown(screen: StaffScreen, version_id: str) -> bool:
    button = screen.find(f"delete_{version_id}")
    return button is not None and button.isVisible()


def test_only_the_older_version_has_a_delete_button(
    screen: StaffScreen, three_versions: tuple[str, str, str]
) -> None:
    older, previous, active = three_versions
    screen.enter_pin(PIN)
    assert sorted(listed(screen)) == sorted(three_versions)
    assert delete_button_shown(screen, older)
    # Hidden, not greyed out: nothing on screen invites deleting what visitors rely on.
    assert not delete_button_shown(screen, previous)
    assert not delete_button_shown(screen, active)


def test_deleting_the_older_version_by_touch_removes_it(
    screen: StaffScreen, three_versions: tuple[str, str, str], qtbot: QtBot
) -> None:
    older, previous, active = three_versions
    screen.enter_pin(PIN)
    screen.tap(f"delete_{older}")
    assert screen.item("staffConfirm").isVisible()
    question = screen.text("confirmText")
    assert older in question and "cannot be restored" in question
    assert older in stored(screen)  # nothing happens before "Confirm"

    screen.tap("confirmYes")
    versions = screen.panel.property("versions")
    wait(qtbot, lambda: not versions.property("busy") and versions.property("messageKind"))
    assert versions.property("messageKind") == "ok", versions.property("message")
    message = screen.text("messageText", "versionsMessage")
    assert older in message and "deleted" in message
    assert sorted(stored(screen)) == sorted([previous, active])
    assert older not in listed(screen)
    wait(qtbot, lambda: screen.find(f"version_{older}") is None)
    # The visitors' version and the way back are untouched.
    assert (screen.store.active_id(), screen.store.previous_id()) == (active, previous)
    assert screen.store.verify(active).ok and screen.store.verify(previous).ok


def test_cancelling_keeps_the_version(
    screen: StaffScreen, three_versions: tuple[str, str, str]
) -> None:
    older = three_versions[0]
    screen.enter_pin(PIN)
    screen.tap(f"delete_{older}")
    screen.tap("confirmNo")
    assert not screen.item("staffConfirm").isVisible()
    assert older in stored(screen) and older in listed(screen)
    assert screen.store.verify(older).ok
    assert delete_button_shown(screen, older)


def test_a_refusal_from_the_store_is_shown_not_a_crash(
    screen: StaffScreen, three_versions: tuple[str, str, str], qtbot: QtBot
) -> None:
    older = three_versions[0]
    screen.enter_pin(PIN)
    screen.tap(f"delete_{older}")
    # Gone behind the panel's back (a technician's shell, another import's pruning).
    shutil.rmtree(screen.store.versions_dir / older)
    screen.tap("confirmYes")
    versions = screen.panel.property("versions")
    wait(qtbot, lambda: versions.property("messageKind") == "error")
    message = screen.text("messageText", "versionsMessage")
    assert f"The version {older} was not deleted" in message
    assert older not in listed(screen)
    assert not versions.property("busy")
