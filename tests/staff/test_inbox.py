"""The inbox imports a package written slowly, file by file, once and only when complete."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from kiosk.content.store import ContentStore
from kiosk.staff.inbox import Inbox, InboxOutcome, OutcomeKind, folder_digest

QUIET_S = 30.0
EXHIBITION_TOML = """\
[exhibition]
id = "inbox-test"
default_language = "fr"
languages = ["fr"]

[exhibition.title]
fr = "Exposition arrivée par la boîte de dépôt"
"""


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def inbox(tmp_path: Path, clock: FakeClock) -> Inbox:
    folder = tmp_path / "inbox"
    folder.mkdir()
    store = ContentStore(tmp_path / "data" / "content")
    return Inbox(
        folder,
        store,
        tmp_path / "data" / "inbox.json",
        quiet_s=QUIET_S,
        clock=clock,
        publish=True,
        language="en",
    )


def _wait(inbox: Inbox, clock: FakeClock, seconds: float, step: float = 5.0) -> list[InboxOutcome]:
    """Poll every ``step`` seconds of fake time, as the kiosk's timer would."""
    outcomes = []
    end = clock.now + seconds
    while clock.now < end:
        clock.now += step
        outcome = inbox.poll()
        if outcome is not None:
            outcomes.append(outcome)
    return outcomes


def _write_like_syncthing(
    folder: Path, relative: str, data: bytes, inbox: Inbox, clock: FakeClock
) -> list[InboxOutcome]:
    """Write into a temporary name in slow chunks, then rename, polling all along."""
    target = folder / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".syncthing.{target.name}.tmp")
    outcomes: list[InboxOutcome] = []
    with open(temporary, "wb") as handle:
        for start in range(0, len(data), 64_000):
            handle.write(data[start : start + 64_000])
            handle.flush()
            outcomes += _wait(inbox, clock, 20.0)  # a slow link: longer than... nothing yet
    outcomes += _wait(inbox, clock, 60.0)  # a stalled transfer: quiet, but a temp file is there
    os.replace(temporary, target)
    return outcomes


def test_a_package_written_slowly_is_imported_once_only_when_complete(
    inbox: Inbox, clock: FakeClock
) -> None:
    folder = inbox.folder
    outcomes: list[InboxOutcome] = []
    # The manifest first (the worst case), then media files, each slowly.
    outcomes += _write_like_syncthing(
        folder, "exhibition.toml", EXHIBITION_TOML.encode(), inbox, clock
    )
    outcomes += _wait(inbox, clock, 10.0)  # a short pause between files: not quiet long enough
    for index in range(3):
        outcomes += _write_like_syncthing(
            folder, f"media/part-{index}.bin", os.urandom(200_000), inbox, clock
        )
        outcomes += _wait(inbox, clock, 10.0)
    assert outcomes == [], "imported before the package was complete"

    outcomes += _wait(inbox, clock, QUIET_S + 10.0)
    outcomes += _wait(inbox, clock, 600.0)  # the kiosk keeps polling: no second import

    assert [outcome.kind for outcome in outcomes] == [OutcomeKind.IMPORTED]
    active = inbox.store.active()
    assert active is not None and active.id == outcomes[0].version_id
    assert active.digest == folder_digest(folder)
    assert {record.path for record in active.files} == {
        "exhibition.toml",
        "media/part-0.bin",
        "media/part-1.bin",
        "media/part-2.bin",
    }
    assert len(inbox.store.versions()) == 1


def test_same_content_rewritten_is_not_imported_again_but_new_content_is(
    inbox: Inbox, clock: FakeClock
) -> None:
    (inbox.folder / "exhibition.toml").write_text(EXHIBITION_TOML, "utf-8")
    assert len(_wait(inbox, clock, 60.0)) == 1

    # Syncthing re-writes the same bytes (new modification time): same content, no import.
    (inbox.folder / "exhibition.toml").write_text(EXHIBITION_TOML, "utf-8")
    os.utime(inbox.folder / "exhibition.toml", (1, 1))
    assert _wait(inbox, clock, 120.0) == []

    (inbox.folder / "note.txt").write_text("nouvelle version", "utf-8")
    second = _wait(inbox, clock, 120.0)
    assert [outcome.kind for outcome in second] == [OutcomeKind.IMPORTED]
    assert len(inbox.store.versions()) == 2


def test_an_invalid_package_is_reported_once_and_not_retried(
    inbox: Inbox, clock: FakeClock
) -> None:
    (inbox.folder / "exhibition.toml").write_text("[exhibition\n", "utf-8")

    outcomes = _wait(inbox, clock, 300.0)

    assert [outcome.kind for outcome in outcomes] == [OutcomeKind.INVALID]
    assert any("exhibition.toml" in line for line in outcomes[0].problems)
    assert inbox.store.active() is None
    last = inbox.last_outcome()  # what the staff panel shows, also after a restart
    assert last is not None and last.kind is OutcomeKind.INVALID


def test_inbox_remembers_handled_content_after_a_restart(inbox: Inbox, clock: FakeClock) -> None:
    (inbox.folder / "exhibition.toml").write_text(EXHIBITION_TOML, "utf-8")
    assert len(_wait(inbox, clock, 60.0)) == 1

    restarted = Inbox(inbox.folder, inbox.store, inbox.state_file, quiet_s=QUIET_S, clock=clock)
    assert _wait(restarted, clock, 120.0) == []


def test_watch_polls_off_the_loop_and_reports_outcomes(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "exhibition.toml").write_text(EXHIBITION_TOML, "utf-8")
    inbox = Inbox(folder, ContentStore(tmp_path / "content"), tmp_path / "inbox.json", quiet_s=0)

    async def scenario() -> list[InboxOutcome]:
        received: list[InboxOutcome] = []
        task = asyncio.create_task(inbox.watch(0.01, received.append))
        for _ in range(500):
            if received:
                break
            await asyncio.sleep(0.01)
        task.cancel()
        return received

    received = asyncio.run(scenario())
    assert [outcome.kind for outcome in received] == [OutcomeKind.IMPORTED]


def test_inbox_comes_from_the_settings(tmp_path: Path) -> None:
    from kiosk.settings import Settings

    store = ContentStore(tmp_path / "content")
    assert Inbox.from_settings(Settings(data_dir=tmp_path), store) is None
    inbox = Inbox.from_settings(Settings(data_dir=tmp_path, inbox_dir=tmp_path / "in"), store)
    assert inbox is not None and inbox.folder == tmp_path / "in"
    assert inbox.state_file == tmp_path / "inbox-state.json"


def test_syncthing_housekeeping_does_not_delay_the_import(inbox: Inbox, clock: FakeClock) -> None:
    (inbox.folder / "exhibition.toml").write_text(EXHIBITION_TOML, "utf-8")
    versions = inbox.folder / ".stversions"
    versions.mkdir()
    outcomes: list[InboxOutcome] = []
    for index in range(10):  # Syncthing keeps writing old copies in its own folder
        (versions / f"old-{index}.toml").write_text(str(index), "utf-8")
        outcomes += _wait(inbox, clock, 10.0)

    assert [outcome.kind for outcome in outcomes] == [OutcomeKind.IMPORTED]
    active = inbox.store.active()
    assert active is not None and [r.path for r in active.files] == ["exhibition.toml"]
