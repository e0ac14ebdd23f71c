"""Blocking staff work (hashing a version, exporting statistics) run off the UI thread.

The kiosk runs Qt on a qasync event loop: work handed to :meth:`Background.run` goes to an
executor and its result comes back on the loop's thread, where view-models may touch Qt objects.
Without a running asyncio loop (``kiosk screenshot``, a plain test) the work runs at once on the
caller's thread, so the panel still works, only less smoothly.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from typing import TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


BACKGROUND_NICENESS = 10


def _lower_thread_priority() -> None:
    """Let the UI thread win the CPU over a long copy when the machine is busy (Linux: a
    thread's niceness is its own; elsewhere the default priority is kept)."""
    if sys.platform.startswith("linux"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), BACKGROUND_NICENESS)
        except OSError as error:
            log.debug("background thread priority unchanged: %s", error)


def background_executor() -> ThreadPoolExecutor:
    """One low-priority worker thread for staff imports and exports (one at a time anyway)."""
    return ThreadPoolExecutor(
        max_workers=1, thread_name_prefix="staff-work", initializer=_lower_thread_priority
    )


def running_loop() -> asyncio.AbstractEventLoop | None:
    """The asyncio loop driving Qt (qasync), or None when there is none."""
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class Background:
    """Runs one blocking function at a time per call site, reporting back on the loop's thread.

    Attributes:
        executor: where the work runs (None: the loop's default thread pool).
    """

    def __init__(self, executor: Executor | None = None) -> None:
        self.executor = executor
        self._pending: set[asyncio.Future[object]] = set()

    def run(
        self,
        work: Callable[[], T],
        done: Callable[[T], None],
        failed: Callable[[Exception], None],
    ) -> None:
        """Call ``work`` in the executor, then ``done(result)`` or ``failed(error)``."""
        loop = running_loop()
        if loop is None:
            try:
                result = work()
            except Exception as error:  # handed to the view-model, which shows it to staff
                failed(error)
            else:
                done(result)
            return
        future: asyncio.Future[T] = loop.run_in_executor(self.executor, work)
        self._pending.add(future)  # type: ignore[arg-type]

        def finished(completed: asyncio.Future[T]) -> None:
            self._pending.discard(completed)  # type: ignore[arg-type]
            if completed.cancelled():
                return
            error = completed.exception()
            if error is None:
                done(completed.result())
            elif isinstance(error, Exception):
                failed(error)
            else:  # KeyboardInterrupt and friends are not the panel's business
                log.error("background work ended abnormally: %r", error)

        future.add_done_callback(finished)

    @property
    def busy(self) -> bool:
        return bool(self._pending)
