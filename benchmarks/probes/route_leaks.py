"""Which page keeps memory: resident memory per visit of each page, there and back home.

``python -m benchmarks.probes.ui_driver leaks --content DIR --out R.json --count N``: for each
page, 5 visits to warm up, then N visits (page, then home), each waiting for its frame; the
growth divided by N is what one visit leaves behind. A page that keeps nothing shows a few KB.
"""

from __future__ import annotations

import argparse
from typing import Any

from benchmarks.probes.frames import pump
from benchmarks.probes.tasks import Driver, rss_mb

WARM_UP_VISITS = 5


def run_route_leaks(driver: Driver, args: argparse.Namespace) -> dict[str, Any]:
    # Stories are left to the memory walk's plays: here, what page changes alone keep.
    routes = [r for r in driver.routes() if r != "home" and not r.startswith("story:")]
    per_visit_kb: dict[str, float] = {}
    for route in routes:
        for _ in range(WARM_UP_VISITS):
            driver.go(route)
            driver.go("home")
        pump(0.5)
        before = rss_mb()
        for _ in range(args.count):
            driver.go(route)
            driver.go("home")
        pump(0.5)
        per_visit_kb[route] = round((rss_mb() - before) / args.count * 1000, 1)
    return {"per_visit_kb": per_visit_kb, "visits": args.count}
