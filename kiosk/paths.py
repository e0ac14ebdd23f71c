"""Where the kiosk keeps its files: configuration, data, logs and cache.

Nothing here is computed at import time: ``AppPaths.resolve`` is called once at start-up
with the settings, so tests and technicians can point every folder elsewhere.
"""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from kiosk import APP_NAME

SITE_CONFIG_FILE = Path("/etc/kiosk/config.toml")


def source_root() -> Path:
    """The folder holding ``assets/`` and ``translations/``: the checkout or the frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


@functools.lru_cache(maxsize=8192)
def kept_path(folder: Path, name: str) -> Path:
    """``folder / name``, built once and kept, for paths looked up again on every page view.

    Python 3.11's pathlib interns each part of a new path. An interned string that dies leaves a
    used slot in the interpreter's table of interned strings, which grows (and stays resident)
    as those slots run out: rebuilding the same picture paths from fresh strings on every visit
    added about 30,000 slots an hour of the soak and a 1.5 MB step at its 28th minute
    (docs/reliability.md). A kept path keeps its parts alive, so asking again adds nothing.
    """
    return folder / name


def bundled_demo_dir() -> Path:
    """The demo exhibition shipped with the kiosk."""
    return source_root() / "assets" / "demo"


def default_config_candidates() -> list[Path]:
    """Config files looked for when neither ``--config`` nor ``KIOSK_CONFIG`` is given."""
    return [platformdirs.user_config_path(APP_NAME) / "config.toml", SITE_CONFIG_FILE]


@dataclass(frozen=True)
class AppPaths:
    """The folders the kiosk writes to.

    Attributes:
        data_dir: content versions, statistics database, staff state.
        log_dir: rotating log and native crash reports.
        cache_dir: image renditions and other rebuildable files.
    """

    data_dir: Path
    log_dir: Path
    cache_dir: Path

    @classmethod
    def resolve(
        cls,
        data_dir: Path | None = None,
        log_dir: Path | None = None,
        cache_dir: Path | None = None,
    ) -> AppPaths:
        """Fill in platform defaults for the folders not set explicitly."""
        return cls(
            data_dir=data_dir or platformdirs.user_data_path(APP_NAME),
            log_dir=log_dir or platformdirs.user_log_path(APP_NAME),
            cache_dir=cache_dir or platformdirs.user_cache_path(APP_NAME),
        )

    def ensure(self) -> None:
        """Create the folders; raises OSError with the failing path when one cannot be made."""
        for folder in (self.data_dir, self.log_dir, self.cache_dir):
            os.makedirs(folder, exist_ok=True)
