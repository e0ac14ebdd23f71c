"""Memory the kiosk frees goes back to the system (see kiosk/memory_tuning.py).

Each story makes and drops picture buffers of megabytes; with glibc's default policy they end
up kept by the process after the first few, and a kiosk that runs for months slowly grows.
Measured in a fresh interpreter, the way the kiosk allocates: a large block freed first (which
raises glibc's threshold), then forty 2 MB buffers with small allocations between them.
"""

from __future__ import annotations

import os
import sys

import pytest

from tests.conftest import run_python

# The C allocator seen from Python, and the process's resident memory.
ALLOCATOR = """
import ctypes
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.malloc.argtypes = (ctypes.c_size_t,)
libc.free.argtypes = (ctypes.c_void_p,)
MB = 1 << 20

def rss_mb():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 / MB
"""

PROGRAM = (
    ALLOCATOR
    + """
import sys
from kiosk.memory_tuning import return_large_blocks
if sys.argv[1] == "tuned":
    assert return_large_blocks()

first = libc.malloc(4 * MB)
ctypes.memset(first, 1, 4 * MB)
libc.free(first)
buffers, small = [], []
for _ in range(40):
    buffer = libc.malloc(2 * MB)
    ctypes.memset(buffer, 1, 2 * MB)
    buffers.append(buffer)
    small.append(libc.malloc(64))
before = rss_mb()
for buffer in buffers:
    libc.free(buffer)
print(before - rss_mb())
"""
)


def run_fresh(program: str, *args: str) -> str:
    """What ``program`` prints, run in a fresh interpreter (an allocator nobody has tuned yet)."""
    # glibc's own knobs in the environment would tune the "plain" runs too.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MALLOC_", "GLIBC_TUNABLES"))}
    done = run_python(program, *args, env=env)
    assert done.returncode == 0, done.stderr
    return done.stdout


def returned_mb(mode: str) -> float:
    return float(run_fresh(PROGRAM, mode))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator only")
def test_freed_video_sized_buffers_go_back_to_the_system() -> None:
    # 80 MB freed: with the kiosk's setting nearly all of it leaves the process.
    assert returned_mb("tuned") > 70


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator only")
def test_without_the_setting_glibc_keeps_them() -> None:
    # The reason the setting exists: should glibc change its default, this test says so.
    assert returned_mb("plain") < 10


TRIM_PROGRAM = (
    ALLOCATOR
    + """
from kiosk.memory_tuning import give_back_free_memory

# 60 MB in 16 KB blocks (below the mmap threshold: from the heap), one in eight kept: the
# freed ones sit between live blocks, where glibc cannot shrink the heap by itself.
blocks = [libc.malloc(16 * 1024) for _ in range(3840)]
for block in blocks:
    ctypes.memset(block, 1, 16 * 1024)
for index, block in enumerate(blocks):
    if index % 8:
        libc.free(block)
before = rss_mb()
assert give_back_free_memory()
print(before - rss_mb())
"""
)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator only")
def test_memory_freed_between_live_blocks_goes_back_at_the_idle_reset() -> None:
    assert float(run_fresh(TRIM_PROGRAM)) > 40  # of the 52 MB freed


ARENA_PROGRAM = """
import ctypes, re, sys, tempfile, threading
from kiosk.memory_tuning import tune_allocator
if sys.argv[1] == "tuned":
    tune_allocator()
libc = ctypes.CDLL("libc.so.6")
libc.malloc.restype = ctypes.c_void_p
libc.fopen.restype = ctypes.c_void_p
libc.fopen.argtypes = (ctypes.c_char_p, ctypes.c_char_p)
libc.malloc_info.argtypes = (ctypes.c_int, ctypes.c_void_p)
libc.fclose.argtypes = (ctypes.c_void_p,)

# Eight threads alive at once, each allocating, the way libvlc's decoders and Qt's threads do.
started, release = threading.Barrier(9), threading.Event()
def worker():
    libc.malloc(1024)
    started.wait()
    release.wait()
threads = [threading.Thread(target=worker) for _ in range(8)]
for thread in threads:
    thread.start()
started.wait()
with tempfile.NamedTemporaryFile(suffix=".xml") as report:
    stream = libc.fopen(report.name.encode(), b"w")
    libc.malloc_info(0, stream)
    libc.fclose(stream)
    print(len(re.findall(r'<heap nr="', open(report.name).read())))
release.set()
"""


def arenas_in_use(mode: str) -> int:
    return int(run_fresh(ARENA_PROGRAM, mode))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator only")
def test_threads_started_after_start_up_share_two_heaps() -> None:
    # Each heap keeps its own free pages: the kiosk's many short-lived threads share two.
    assert arenas_in_use("tuned") <= 2


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator only")
def test_without_the_cap_each_thread_gets_its_own_heap() -> None:
    assert arenas_in_use("plain") > 2
