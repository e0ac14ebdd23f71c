"""``python -m benchmarks.run --quick|--full``: runs every measurement and writes the results.

Measurements run one after the other (never two at once: they would measure each other), each
in its own child processes, under one private Xvfb display. One that fails or whose part of the
kiosk is missing gives null figures with the reason; the others go on. ``--only`` picks some by
name (``startup,taps``) for day-to-day work.
"""

from __future__ import annotations

import argparse
import dataclasses
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks import generate, idle, importing, interaction, report, startup
from benchmarks.budgets import Outcome, rounded
from benchmarks.procs import GENERATED, REPO, Display, xvfb


@dataclass(frozen=True)
class Mode:
    name: str
    startup_repeats: int
    taps: int
    media_taps: int
    idle_s: float
    navigations: int
    plays: int
    import_package: str
    import_repeats: int
    leak_visits: int
    skipped: tuple[str, ...] = ()


# Full mode fits `make bench` in 10 minutes on 2 shared cores with software GL: each navigation
# waits for its frame (about 0.1 s here), so the memory walk is shortened from the 5,000
# navigations and 200 plays to 600 and 30; `--navigations 5000 --plays 200` runs the long one
# (about 15 minutes).
MODES = {
    "quick": Mode(
        "quick", 1, 20, 3, 30.0, 60, 3, "import-quick", 1, 10, ("leaks", "import_frames")
    ),
    "full": Mode("full", 4, 200, 12, 60.0, 600, 30, "import-1gb", 1, 10),
    # For the harness's own test: everything once, as small as it gets.
    "smoke": Mode("smoke", 1, 3, 1, 1.0, 10, 1, "import-smoke", 1, 2),
}


@dataclass(frozen=True)
class Context:
    mode: Mode
    display: Display
    scale_package: Path
    import_package: Path


Measurement = Callable[[Context], Outcome]


def _startup(ctx: Context) -> Outcome:
    return startup.measure_startup(
        ctx.display, ctx.mode.startup_repeats, ctx.scale_package, ctx.mode.name != "quick"
    )


def _taps(ctx: Context) -> Outcome:
    return interaction.measure_taps(ctx.display, ctx.mode.taps)


def _media(ctx: Context) -> Outcome:
    return interaction.measure_media(ctx.display, ctx.mode.media_taps)


def _idle(ctx: Context) -> Outcome:
    return idle.measure_idle(ctx.display, ctx.mode.idle_s)


def _memory(ctx: Context) -> Outcome:
    return interaction.measure_memory(ctx.display, ctx.mode.navigations, ctx.mode.plays)


def _leaks(ctx: Context) -> Outcome:
    return interaction.measure_route_leaks(ctx.display, ctx.mode.leak_visits)


def _import(ctx: Context) -> Outcome:
    return importing.measure_import(ctx.import_package, ctx.mode.import_repeats)


def _import_frames(ctx: Context) -> Outcome:
    return interaction.measure_import_frames(ctx.display, ctx.import_package)


def _package(ctx: Context) -> Outcome:
    dist = REPO / "dist" / "kiosk"
    if not dist.is_dir():
        return Outcome.unavailable(["package.size_mb"], "no build in dist/kiosk (make package)")
    used = subprocess.run(["du", "-sb", str(dist)], capture_output=True, text=True, check=True)
    return Outcome(values={"package.size_mb": rounded(int(used.stdout.split()[0]) / 1e6, 1)})


MEASUREMENTS: dict[str, tuple[Measurement, tuple[str, ...]]] = {
    "startup": (
        _startup,
        (
            "startup.kiosk_s",
            "startup.floor_s",
            "startup.ratio",
            "startup.browser_s",
            "startup.browser_ratio",
            "scale.startup_s",
            "scale.startup_ratio",
            "scale.rss_mb",
            "scale.rss_ratio",
            "package.startup_s",
            "package.startup_ratio",
        ),
    ),
    "taps": (_taps, ("tap_to_frame_ms.p50", "tap_to_frame_ms.p95")),
    "media": (_media, ("media_first_frame_ms.p50", "media_first_frame_ms.p95")),
    "idle": (_idle, ("idle_cpu_percent",)),
    "memory": (_memory, ("rss_mb.steady", "rss_mb.growth")),
    "leaks": (_leaks, ("rss_kb.per_visit_max",)),
    "import": (_import, ("import.seconds", "import.baseline_s", "import.ratio")),
    "import_frames": (_import_frames, ("import.frame_gap_ms.max",)),
    "package": (_package, ("package.size_mb",)),
}


def run_measurements(ctx: Context, names: list[str], log: Callable[[str], None]) -> Outcome:
    total = Outcome()
    for name in names:
        measure, keys = MEASUREMENTS[name]
        started = time.monotonic()
        log(f"{name}...")
        try:
            outcome = measure(ctx)
        except Exception as error:  # one broken measurement must not sink the others
            outcome = Outcome.unavailable(keys, f"{name} failed: {type(error).__name__}: {error}")
        total.merge(outcome)
        shown = {k: v for k, v in outcome.values.items() if k in keys}
        log(f"{name} done in {time.monotonic() - started:.0f} s: {shown}")
    return total


def prepare_inputs(
    mode: Mode, names: list[str], generated: Path, log: Callable[[str], None]
) -> tuple[Path, Path]:
    """Generate the big packages (once; a stamp keeps them) the chosen measurements need."""
    target = generated / mode.import_package
    scale = generated / ("scale-smoke" if mode.name == "smoke" else "scale")
    if "startup" in names:
        log(f"generating {scale.name} if needed...")
        generate.generate_scale(scale, artists=10 if mode.name == "smoke" else 1000)
    if {"import", "import_frames"} & set(names):
        size = {"import-smoke": 2, "import-quick": 200, "import-1gb": 1024}[mode.import_package]
        per_artist = 1 if mode.name == "smoke" else generate.IMPORT_ARTIST_MB
        log(f"generating {target.name} ({size} MB) if needed...")
        generate.generate_import(target, size, per_artist)
    return scale, target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run")
    speed = parser.add_mutually_exclusive_group()
    speed.add_argument("--quick", action="store_true", help="day-to-day run, under 2 minutes")
    speed.add_argument("--full", action="store_true", help="the reference run (make bench)")
    speed.add_argument("--smoke", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--only", help="comma-separated: " + ",".join(MEASUREMENTS))
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks")
    parser.add_argument("--navigations", type=int, help="memory walk length (default by mode)")
    parser.add_argument("--plays", type=int, help="video plays in the memory walk")
    parser.add_argument("--generated", type=Path, default=GENERATED, help="generated inputs")
    parser.add_argument("--offscreen", action="store_true", help="no Xvfb (for the smoke test)")
    args = parser.parse_args(argv)
    mode = MODES["full" if args.full else "smoke" if args.smoke else "quick"]
    if args.navigations is not None or args.plays is not None:
        mode = dataclasses.replace(
            mode,
            navigations=args.navigations if args.navigations is not None else mode.navigations,
            plays=args.plays if args.plays is not None else mode.plays,
        )
    names = (
        args.only.split(",") if args.only else [n for n in MEASUREMENTS if n not in mode.skipped]
    )
    unknown = [name for name in names if name not in MEASUREMENTS]
    if unknown:
        parser.error(f"unknown measurement(s): {', '.join(unknown)}")
    began = time.monotonic()

    def log(text: str) -> None:
        print(f"[bench {time.monotonic() - began:5.0f} s] {text}", file=sys.stderr, flush=True)

    if not args.offscreen and shutil.which("Xvfb") is None:
        print("benchmarks: Xvfb is needed (apt-get install xvfb)", file=sys.stderr)
        return 1
    scale, package = prepare_inputs(mode, names, args.generated, log)
    with xvfb(use=not args.offscreen) as display:
        platform_text = (
            f"Platform: Xvfb {display.name} 1920x1080x24, Qt xcb with Mesa llvmpipe (software GL)."
            if display.name
            else "Platform: Qt offscreen."
        )
        outcome = run_measurements(Context(mode, display, scale, package), names, log)
    results = report.build_results(outcome, mode.name, platform_text, time.monotonic() - began)
    json_path, md_path = report.write(results, args.out)
    log(f"wrote {json_path} and {md_path}")
    print(report.markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
