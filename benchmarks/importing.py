"""Import speed: ``kiosk content import`` of a generated package against ``cp -r`` + ``sha256sum``.

Both sides read the same generated package (already in the page cache after a first read that
is not timed) and write to the same disk. The baseline copies the folder with ``cp -r`` and then
hashes every copied file with ``sha256sum``; the importer copies while hashing, validates,
prepares image renditions and fsyncs the new version before it counts as stored. Because ``cp``
does not fsync, the baseline followed by ``sync`` is reported too, to show what durability costs.
Runs alternate (baseline, import, baseline, import...) and the medians are compared.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.budgets import Outcome, median, ratio, rounded
from benchmarks.procs import REPO, Display, kiosk_env, scratch

TIMEOUT_S = 600.0


def _read_all(package: Path) -> int:
    """Read every file once, untimed, so that both sides start from a warm page cache."""
    total = 0
    for path in package.rglob("*"):
        if path.is_file():
            with path.open("rb") as handle:
                while chunk := handle.read(8 * 1024 * 1024):
                    total += len(chunk)
    return total


def baseline(package: Path, work: Path, synced: bool) -> float:
    target = work / "copy"
    started = time.monotonic()
    subprocess.run(["cp", "-r", str(package), str(target)], check=True)
    files = sorted(str(p) for p in target.rglob("*") if p.is_file())
    subprocess.run(["sha256sum", *files], check=True, stdout=subprocess.DEVNULL)
    if synced:
        subprocess.run(["sync", "-f", str(target)], check=True)
    elapsed = time.monotonic() - started
    shutil.rmtree(target)
    return elapsed


def kiosk_import(package: Path, work: Path) -> tuple[float | None, str]:
    home = work / "kiosk"
    env = kiosk_env(Display(""), home)
    started = time.monotonic()
    finished = subprocess.run(
        [sys.executable, "-m", "kiosk", "content", "import", str(package)],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    elapsed = time.monotonic() - started
    shutil.rmtree(home, ignore_errors=True)
    if finished.returncode != 0:
        lines = (finished.stderr or finished.stdout).strip().splitlines()
        return None, f"kiosk content import exited {finished.returncode}: {' | '.join(lines[-2:])}"
    return elapsed, ""


def measure_import(package: Path, repeats: int) -> Outcome:
    keys = ("import.seconds", "import.baseline_s", "import.ratio")
    if not (package / "exhibition.toml").is_file():
        return Outcome.unavailable(
            keys, f"no generated package in {package} (python -m benchmarks.generate)"
        )
    size = _read_all(package)
    imports: list[float] = []
    copies: list[float] = []
    synced: list[float] = []
    with scratch("import") as work:
        for _ in range(repeats):
            copies.append(baseline(package, work, synced=False))
            seconds, reason = kiosk_import(package, work)
            if seconds is None:
                return Outcome.unavailable(keys, reason)
            imports.append(seconds)
        synced.append(baseline(package, work, synced=True))
        os.sync()
    outcome = Outcome(
        values={
            "import.seconds": rounded(median(imports), 2),
            "import.baseline_s": rounded(median(copies), 2),
            "import.ratio": rounded(ratio(median(imports), median(copies))),
            "import.baseline_synced_s": rounded(median(synced), 2),
            "import.ratio_vs_synced": rounded(ratio(median(imports), median(synced))),
            "import.package_mb": rounded(size / 1e6, 1),
        },
        samples={"import.seconds": imports, "import.baseline_s": copies},
    )
    outcome.notes["import.ratio"] = (
        f"{size / 1e9:.2f} GB package; baseline = cp -r then sha256sum of the copies; "
        f"with sync the baseline takes {median(synced):.1f} s"
    )
    return outcome
