"""Killing the importer (SIGKILL) at random moments never leaves a mix of two exhibitions.

Each round starts ``python -m kiosk content import DIR --publish`` in a subprocess, kills it
after a random delay spread over the duration of a full import (start-up, copy, validation,
storing, publishing), then asks ``kiosk content list`` (another subprocess) what is active and
checks that the active version is intact and is exactly one of the two source packages.
``KIOSK_KILL_POINTS`` raises the number of kills (the benchmark target uses more).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import write_package

from kiosk.content.atomic import hash_file
from kiosk.content.store import ContentStore, FileRecord, content_digest

KILLS = int(os.environ.get("KIOSK_KILL_POINTS", "20"))
SEED = 20211102

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX-only"),
]


def _source_digest(root: Path) -> str:
    records = []
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        size, sha256 = hash_file(path)
        records.append(FileRecord(path.relative_to(root).as_posix(), size, sha256))
    return content_digest(records)


def _kiosk(*args: str, env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _active_from_list(env: dict[str, str]) -> str:
    listing = subprocess.run(
        [sys.executable, "-m", "kiosk", "content", "list"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert listing.returncode == 0, listing.stderr
    active = [line.split("\t") for line in listing.stdout.splitlines() if "\tactive\t" in line]
    assert len(active) == 1, listing.stdout
    assert active[0][-1] == "verified", listing.stdout
    return active[0][0]


def test_sigkill_at_random_points_never_leaves_a_mix(tmp_path: Path) -> None:
    # Two packages with the same file names and different bytes: a mix would show.
    packages = {
        name: write_package(tmp_path / name, tag=name, files=30, size=5_000_000)
        for name in ("a", "b")
    }
    digests = {name: _source_digest(path) for name, path in packages.items()}
    env = {
        **os.environ,
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
        "KIOSK_LOG_DIR": str(tmp_path / "log"),
        "KIOSK_CACHE_DIR": str(tmp_path / "cache"),
        "KIOSK_CONFIG": str(tmp_path / "config.toml"),
        "KIOSK_DEFAULT_LANGUAGE": "en",  # progress and list output are parsed in English
    }
    (tmp_path / "config.toml").write_text("", "utf-8")
    store = ContentStore(tmp_path / "data" / "content")

    # A first, complete import times the phases: kills are spread from the copy's start
    # to the end of the import (copy, validation, storing, publishing).
    started = time.monotonic()
    first = _kiosk("content", "import", str(packages["a"]), "--publish", env=env)
    copy_start_s = 0.0
    assert first.stderr is not None
    for line in first.stderr:
        if line.startswith(b"Copying") and not copy_start_s:
            copy_start_s = time.monotonic() - started
    assert first.wait(timeout=120) == 0
    full_import_s = time.monotonic() - started

    rng = random.Random(SEED)
    kills, rounds, phases = 0, 0, {}
    while kills < KILLS and rounds < KILLS * 3:
        rounds += 1
        active_before = store.active_id()
        assert active_before is not None
        target = "b" if store.get(active_before).digest == digests["a"] else "a"
        process = _kiosk("content", "import", str(packages[target]), "--publish", env=env)
        time.sleep(rng.uniform(copy_start_s, full_import_s))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            kills += 1
        process.wait(timeout=60)
        stderr = process.stderr.read().decode() if process.stderr else ""
        last = stderr.strip().splitlines()[-1].split(" ")[0] if stderr.strip() else "start-up"
        phases[last] = phases.get(last, 0) + 1

        active_after = _active_from_list(env)
        version = store.get(active_after)
        # The previous version intact, or the new one complete: never a mix.
        assert active_after == active_before or version.digest == digests[target]
        assert version.digest in digests.values()
        assert _source_digest(version.package_dir) == version.digest
        for stored in store.versions():
            assert store.verify(stored.id).ok, stored.id

    print(
        f"\nfull import {full_import_s:.2f} s, copy from {copy_start_s:.2f} s; "
        f"{kills} kills in {rounds} rounds; last progress line at kill: {phases}"
    )
    assert kills >= KILLS
