"""Runs the staff inbox inside the kiosk: a poll every few seconds, off the GUI thread.

:class:`kiosk.staff.inbox.Inbox` knows when a package in the inbox folder is complete and
imports it once; this module gives it a clock and a thread in the running kiosk, and hands each
outcome to the staff panel (its import section shows it; a publish reaches the visitors' screens
at the next idle reset, as a publish from the panel does). The folder is the ``inbox_dir``
setting as it stands at each poll, so staff changing it takes effect without a restart.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from kiosk.content.store import ContentStore
from kiosk.settings import Settings
from kiosk.staff.inbox import Inbox, InboxOutcome
from kiosk.ui.background import run_in_thread

log = logging.getLogger(__name__)

POLL_INTERVAL_MS = 5000


class InboxWatcher(QObject):
    """Polls the configured inbox (if any) one step at a time; never two polls at once."""

    def __init__(
        self,
        settings: Callable[[], Settings],
        store: ContentStore,
        on_outcome: Callable[[InboxOutcome], None],
        parent: QObject,
        interval_ms: int = POLL_INTERVAL_MS,
        inbox: Inbox | None = None,
        **inbox_options: Any,
    ) -> None:
        """``inbox``: the one already made for these settings, if any; ``inbox_options`` go to
        :meth:`Inbox.from_settings` (``quiet_s``, ``publish``) when the folder changes."""
        super().__init__(parent)
        self.inbox_options = inbox_options
        self.settings = settings
        self.store = store
        self.on_outcome = on_outcome
        self.inbox = inbox
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._poll)

    def start(self) -> None:
        self._timer.start()

    def _current_inbox(self) -> Inbox | None:
        settings = self.settings()
        folder = self.inbox.folder if self.inbox is not None else None
        if settings.inbox_dir != folder:
            self.inbox = Inbox.from_settings(settings, self.store, **self.inbox_options)
            if self.inbox is not None:
                log.info("inbox: watching %s", self.inbox.folder)
        return self.inbox

    def _poll(self) -> None:
        inbox = self._current_inbox()
        if inbox is None:
            self._timer.start()
            return

        def step() -> InboxOutcome | None:
            try:
                return inbox.poll()
            except OSError as error:  # a stick pulled out, a folder made unreadable
                log.warning("inbox: %s unreadable: %s", inbox.folder, error)
                return None

        run_in_thread(step, self._done, self, "inbox")

    def _done(self, outcome: InboxOutcome | None) -> None:
        if outcome is not None:
            self.on_outcome(outcome)
        self._timer.start()
