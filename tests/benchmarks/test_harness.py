"""The benchmark harness still runs end to end on a tiny input (no timing is asserted here).

The budgets live in ``benchmarks/budgets.py`` and are judged by ``make bench``; this test only
keeps the machinery from rotting: inputs are generated, the child processes start and report,
and ``results.json`` / ``results.md`` carry every key, a number or null with a reason.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from benchmarks import browser, generate
from benchmarks.budgets import KEYS, Budget, Outcome, median, p95, percentile, ratio
from benchmarks.report import build_results, markdown
from kiosk.content.loader import load_exhibition

REPO = Path(__file__).resolve().parents[2]


def test_statistics_follow_the_usual_definitions() -> None:
    samples = [float(n) for n in range(1, 101)]
    assert median(samples) == 50.5
    assert p95(samples) == pytest.approx(95.05)
    assert percentile([3.0], 0.99) == 3.0
    assert ratio(3.0, 1.5) == 2.0
    assert ratio(None, 1.0) is None
    assert ratio(1.0, 0.0) is None


def test_a_missed_budget_is_said_plainly_and_a_missing_figure_gives_its_reason() -> None:
    outcome = Outcome(values={"startup.ratio": 3.1, "idle_cpu_percent": 1.0})
    outcome.merge(Outcome.unavailable(["package.size_mb"], "no build in dist/kiosk"))
    results = build_results(outcome, "test", "Platform: test.", 1.0)
    assert set(KEYS) <= set(results)
    assert results["meta"]["verdicts"]["startup.ratio"] == "MISSED"
    assert results["meta"]["verdicts"]["idle_cpu_percent"] == "met"
    assert results["meta"]["verdicts"]["package.size_mb"] == "not measured"
    table = markdown(results)
    assert "**MISSED**" in table
    assert "no build in dist/kiosk" in table
    assert Budget("x", 2.0).met(None) is None


def test_generated_packages_are_valid_exhibitions(tmp_path: Path) -> None:
    scale = generate.generate_scale(tmp_path / "scale", artists=3, photos=4)
    loaded = load_exhibition(scale)
    assert loaded.exhibition is not None
    assert len(loaded.exhibition.artists) == 3
    assert len(list(scale.rglob("*.jpg"))) - len(list((scale / "attract").glob("*.jpg"))) == 15
    heavy = generate.generate_import(tmp_path / "import", megabytes=2, per_artist_mb=1)
    videos = sorted(heavy.glob("artists/artiste-lourd-*/stories/video.mp4"))
    assert len(videos) == 2
    assert all(video.stat().st_size > 1024 * 1024 for video in videos)
    assert load_exhibition(heavy).exhibition is not None


def test_the_browser_page_shows_the_demo_title(tmp_path: Path) -> None:
    page = browser.prepare_page(tmp_path)
    with (REPO / "assets" / "demo" / "exhibition.toml").open("rb") as handle:
        title = tomllib.load(handle)["exhibition"]["title"]["fr"]
    text = page.read_text("utf-8")
    assert title.replace("'", "&#x27;") in text
    assert (tmp_path / "attract.jpg").is_file()


@pytest.mark.timeout(300)
def test_the_harness_runs_end_to_end_on_a_tiny_input(tmp_path: Path) -> None:
    env = dict(os.environ)
    env.pop("QT_QUICK_BACKEND", None)
    finished = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.run",
            "--smoke",
            "--only",
            "startup,taps,idle,import",
            "--out",
            str(tmp_path / "out"),
            "--generated",
            str(tmp_path / "generated"),
        ],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=280,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr[-2000:]
    results = json.loads((tmp_path / "out" / "results.json").read_text("utf-8"))
    assert set(KEYS) <= set(results)
    notes = results["meta"]["notes"]
    for key in ("startup.kiosk_s", "startup.floor_s", "tap_to_frame_ms.p50", "idle_cpu_percent"):
        assert results[key] is not None, notes.get(key)
    assert results["import.ratio"] is not None, notes.get("import.ratio")
    assert results["scale.startup_ratio"] is not None, notes.get("scale.startup_ratio")
    for key in KEYS:
        assert results[key] is not None or notes.get(key), f"{key} is null without a reason"
    assert "| Figure | Value | Budget | Verdict |" in (tmp_path / "out" / "results.md").read_text()
