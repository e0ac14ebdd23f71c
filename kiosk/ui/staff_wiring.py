"""Joins the staff panel to the visitors' screens: which package is shown, and the panel itself.

The visitors see ``--content``, else the version published in the content store, else the bundled
demo. The staff panel (built by :func:`kiosk.ui.staff_panel.create_staff_panel`) publishes into
the store; its content switcher puts a newly published version on screen at the next idle reset
(never mid-visit), through the root view-model's reset hooks. A ``--content`` folder stays until
staff publish or roll back while the kiosk runs.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject

from kiosk.content.loader import load_exhibition
from kiosk.paths import AppPaths, bundled_demo_dir
from kiosk.settings import Settings
from kiosk.ui.kiosk_state import KioskState

log = logging.getLogger(__name__)


def shown_content(settings: Settings, paths: AppPaths) -> tuple[Path, str | None]:
    """The package folder to show and its store version id (None for ``--content`` or the demo)."""
    if settings.content_dir is not None:
        return settings.content_dir, None
    try:
        from kiosk.content.store import ContentStore, StoreError

        version = ContentStore.for_data_dir(paths.data_dir).active()
    except (ImportError, OSError) as error:
        log.debug("no content store: %s", error)
        version = None
    except StoreError as error:
        log.error("the published version cannot be shown, showing the demo: %s", error)
        version = None
    if version is None:
        return bundled_demo_dir(), None
    return version.package_dir, version.id


def attach_staff_panel(
    state: KioskState,
    settings: Settings,
    paths: AppPaths,
    displayed_id: str | None,
    player: QObject | None,
    parent: QObject,
    record_visits: bool = True,
    preview_player: Callable[[QObject], None] | None = None,
) -> QObject | None:
    """Build the staff panel, hang it off ``state.staff``, and let publishes reach the screens.

    Settings the staff change take effect at once: the idle rules, the welcome loop, the demo
    badge, the offered languages, the time zone; the visitor defaults (language, motion, volume)
    from the next idle reset.
    ``record_visits``: the visitors' moves go into the statistics the panel shows (not for a
    screenshot).
    ``preview_player``: gives the staff preview a player of its own (see ``create_staff_panel``).
    """
    from kiosk.analytics.events import VisitorStats
    from kiosk.content.store import ContentStore
    from kiosk.staff.inbox import Inbox
    from kiosk.ui.inbox_watch import InboxWatcher
    from kiosk.ui.live_settings import LiveSettings
    from kiosk.ui.staff_panel import create_staff_panel
    from kiosk.ui.visit_recorder import watch_stories, watch_visits

    live = LiveSettings(settings, parent)
    live.changed.connect(lambda: state.apply_settings(live.current))
    set_limits = getattr(player, "set_volume_limits", None)
    if set_limits is not None:
        live.changed.connect(
            lambda: set_limits(live.current.volume_default, live.current.volume_max)
        )

    def show(folder: Path) -> None:
        exhibition = load_exhibition(folder, settings.default_language).exhibition
        if exhibition is None:
            log.error("the published package %s cannot be shown", folder)
            return
        state.set_exhibition(exhibition)
        show_in_player = getattr(player, "show_exhibition", None)
        if show_in_player is not None:
            show_in_player(exhibition)

    try:
        stats = VisitorStats.for_settings(paths.data_dir, settings)
        store = ContentStore.for_data_dir(paths.data_dir)
        inbox = Inbox.from_settings(settings, store)
        panel = create_staff_panel(
            settings,
            paths,
            live=live,
            store=store,
            stats=stats,
            inbox=inbox,
            show_content=show,
            displayed_id=displayed_id,
            exhibition=lambda: state.exhibition,
            preview_player=preview_player,
            parent=parent,
        )
    except (OSError, sqlite3.Error) as error:
        # A read-only or full data folder must not take the visitors' screens down with it.
        log.error("the staff panel is unavailable until the data folder can be written: %s", error)
        return None
    state.set_staff(panel)
    if record_visits:
        visits = watch_visits(state, stats)
        if player is not None:
            watch_stories(visits, player)
    # The visit on screen ends with the kiosk (an event, then the file closed cleanly).
    parent.destroyed.connect(lambda *_args: stats.close())
    switcher = panel.section("switcher")
    # A preview open when the kiosk stops releases its player before the process goes.
    parent.destroyed.connect(lambda *_args: switcher.end_preview())  # type: ignore[attr-defined]
    # Runs before the reset takes the visitor back to the attract loop, so the next visitor
    # meets the newly published exhibition.
    state.reset_hooks.append(switcher.apply_pending)  # type: ignore[attr-defined]

    def inbox_outcome(outcome: object) -> None:
        panel.section("import").show_inbox_outcome(outcome)  # type: ignore[attr-defined]
        switcher.notify_published()  # type: ignore[attr-defined]

    InboxWatcher(lambda: live.current, store, inbox_outcome, parent, inbox=inbox).start()
    return panel
