"""Cold start of the frozen build against the same kiosk run from source.

Times ``kiosk screenshot --page attract`` (a new process that starts Qt, loads the QML and
renders one page offscreen, then exits) with the frozen ``dist/kiosk/kiosk`` and with
``python -m kiosk``, interleaved so that a busy neighbour weighs on both alike, after one
discarded warm-up run of each (page cache warm: "cold" means a new process). Prints the
medians and their ratio (frozen / source; below 1 the build starts faster).

    .venv/bin/python packaging/bench_frozen_start.py [--build dist/kiosk] [--runs 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def time_start(command: list[str], env: dict[str, str], output: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [*command, "screenshot", "--page", "attract", str(output)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return time.perf_counter() - started


def measure(build: Path, runs: int) -> dict[str, float | list[float]]:
    commands = {"frozen": [str(build / "kiosk")], "source": [sys.executable, "-m", "kiosk"]}
    times: dict[str, list[float]] = {"frozen": [], "source": []}
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as scratch:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        for name in ("data", "log", "cache"):
            env[f"KIOSK_{name.upper()}_DIR"] = str(Path(scratch) / name)
        env.pop("LD_LIBRARY_PATH", None)
        output = Path(scratch) / "attract.png"
        for command in commands.values():  # warm-up, discarded
            time_start(command, env, output)
        for _ in range(runs):
            for label, command in commands.items():
                times[label].append(time_start(command, env, output))
    frozen = statistics.median(times["frozen"])
    source = statistics.median(times["source"])
    return {
        "frozen_median_s": round(frozen, 3),
        "source_median_s": round(source, 3),
        "ratio_frozen_over_source": round(frozen / source, 3),
        "frozen_runs_s": [round(value, 3) for value in times["frozen"]],
        "source_runs_s": [round(value, 3) for value in times["source"]],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, default=ROOT / "dist" / "kiosk")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if not (args.build / "kiosk").is_file():
        print(f"bench: no build in {args.build}: run `make package` first", file=sys.stderr)
        return 1
    result = measure(args.build, args.runs)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(
            f"cold start, screenshot --page attract, median of {args.runs}: "
            f"frozen {result['frozen_median_s']} s, source {result['source_median_s']} s, "
            f"ratio {result['ratio_frozen_over_source']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
