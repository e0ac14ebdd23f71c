"""The one place that imports python-vlc.

python-vlc calls ``sys.exit(1)`` at import time when ``PYTHON_VLC_LIB_PATH`` points at a library
that does not load, and raises various errors when libvlc is absent. A kiosk without libvlc must
still start (stories are shown as unavailable) and ``kiosk doctor`` must still report, so every
module gets the binding through :func:`load_vlc`, which turns all of that into ``None`` plus a
sentence saying why.
"""

from __future__ import annotations

import logging
import os
from functools import lru_cache
from types import ModuleType

log = logging.getLogger(__name__)


class LibvlcUnavailableError(RuntimeError):
    """libvlc cannot be used on this machine; the message says why, for technicians."""


@lru_cache(maxsize=1)
def _load() -> tuple[ModuleType | None, str]:
    try:
        import vlc
    except (ImportError, OSError, NotImplementedError, AttributeError, SystemExit):
        where = os.environ.get("PYTHON_VLC_LIB_PATH")
        reason = f"{where} does not load" if where else "install libvlc5 and vlc-plugin-base"
        log.error("libvlc cannot be loaded: %s", reason)
        return None, f"libvlc cannot be loaded: {reason}"
    return vlc, ""


def load_vlc() -> ModuleType | None:
    """The ``vlc`` module, or None when libvlc cannot be loaded here."""
    return _load()[0]


def unavailable_reason() -> str:
    """Why :func:`load_vlc` returned None (empty when libvlc loads)."""
    return _load()[1]


def require_vlc() -> ModuleType:
    """The ``vlc`` module, or :class:`LibvlcUnavailableError` naming the reason."""
    module, reason = _load()
    if module is None:
        raise LibvlcUnavailableError(reason)
    return module
