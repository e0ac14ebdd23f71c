"""How the C library hands memory back: large blocks always go straight back to the system.

glibc serves blocks above a threshold with their own ``mmap`` and returns them on ``free``, but
by default it raises that threshold each time such a block is freed, so after the first few
videos libvlc's picture buffers and Qt's frame images (megabytes each, made and dropped on every
story) come from the heap instead, which keeps them: resident memory grew by 5 to 25 MB every
30 plays in the benchmark's memory walk. A fixed threshold stops the drift: measured here, the
same walk grows by 1 to 2 MB and the kiosk sits 45 MB lower after visiting every page.

Smaller blocks freed in the middle of the heap stay with the process until something asks glibc
to give their pages back: :func:`give_back_free_memory` does, at each idle reset, when nobody is
looking (about 1 ms; 6-7 MB handed back after a visit in the benchmark's driver).

Each new thread also gets its own heap ("arena") from glibc, up to eight per core, and each arena
keeps its own free pages. libvlc starts fresh decoder and output threads for every story and Qt
has its own; :func:`limit_arenas` caps them at two. The cap leaves arenas already made, and glibc
ignores it once it has fixed its own limit (after eight arenas), so :func:`tune_allocator` sets it
first thing, before Qt or libvlc start a thread: set when the player was created, an hour's soak
still found seven arenas mapped and the floor rising 5 MB/h.

One cache of Python's own goes too: :func:`drop_module_sources`, the module sources a run from
source keeps for nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import linecache
import logging
import sys

log = logging.getLogger(__name__)

M_MMAP_THRESHOLD = -3  # mallopt parameter numbers, from glibc's malloc.h
M_ARENA_MAX = -8
MMAP_THRESHOLD_BYTES = 256 * 1024
MALLOC_ARENAS = 2


@functools.cache
def _glibc() -> ctypes.CDLL | None:
    # Looked up once: find_library runs ldconfig in a child process, and each CDLL makes new
    # ctypes classes that only a full collection frees (the soak saw six of them a minute).
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


def tune_allocator() -> None:
    """Everything below, once, at the very start of the process (before Qt and libvlc)."""
    return_large_blocks()
    limit_arenas()


def _mallopt(parameter: int, value: int) -> bool | None:
    # None where there is no glibc (musl and others have no mallopt: their own policy).
    libc = _glibc()
    mallopt = getattr(libc, "mallopt", None) if libc is not None else None
    if mallopt is None:
        return None
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    return bool(mallopt(parameter, value) == 1)


def return_large_blocks() -> bool:
    """Fix glibc's mmap threshold; False where there is no glibc (then nothing changes)."""
    applied = _mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES)
    if applied is False:
        log.warning("the C library refused a fixed mmap threshold; memory may drift upwards")
    return bool(applied)


def limit_arenas(count: int = MALLOC_ARENAS) -> bool:
    """Cap glibc's malloc arenas; False where there is no glibc.

    Effective only before the process has many threads (see the module's docstring). Measured in
    a fresh process after 50 stories: 119 MB resident with the default (16 arenas on two cores),
    85 MB with two. Calling it again is harmless.
    """
    applied = _mallopt(M_ARENA_MAX, count)
    if applied is False:
        log.warning("the C library refused an arena cap; memory may drift upwards")
    return bool(applied)


def drop_module_sources() -> None:
    """Forget the module sources that PySide6's import hook read (a run from source only).

    PySide6 reads the source of each module imported after it, through ``inspect``, to see
    whether the module uses its ``__feature__`` switches (``shibokensupport``'s
    ``_mod_uses_pyside``), and ``linecache`` keeps every line: 8.6 MB for the kiosk and its
    libraries, read by nothing afterwards. A traceback reads its lines from the file again. A
    packaged build has no sources to read, so there this frees nothing.
    """
    linecache.clearcache()


def give_back_free_memory() -> bool:
    """Hand the heap's free pages back to the system (glibc's ``malloc_trim``); False where
    there is no glibc."""
    libc = _glibc()
    trim = getattr(libc, "malloc_trim", None) if libc is not None else None
    if trim is None:
        return False
    trim.argtypes = (ctypes.c_size_t,)
    trim.restype = ctypes.c_int
    trim(0)
    return True
