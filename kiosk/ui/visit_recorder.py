"""Feeds the visitor statistics from the live window: the view-models' and the player's signals.

The thin Qt side of :class:`kiosk.analytics.visit_log.VisitLog`, which decides what a visit is.
Each write is one small SQLite INSERT on the GUI thread (see kiosk/analytics/events.py).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from kiosk.analytics.events import VisitorStats
from kiosk.analytics.visit_log import VisitLog
from kiosk.media.player_states import PlayerState
from kiosk.ui.kiosk_state import KioskState


def watch_visits(state: KioskState, stats: VisitorStats) -> VisitLog:
    """Record every visit shown by ``state`` into ``stats``; the player joins with
    :func:`watch_stories`."""
    log = VisitLog(stats)

    def on_page() -> None:
        route = state.navigation.current
        log.page_shown(route.page, route.argument, str(state.language))

    state.pageChanged.connect(on_page)
    state.languageChanged.connect(lambda: log.language_shown(str(state.language)))
    # Before the other hooks close the player: the story on screen still counts for this visit.
    state.reset_hooks.insert(0, log.visitor_left)
    return log


def watch_stories(log: VisitLog, player: QObject) -> None:
    """Count the stories ``player`` plays: which one, how far, out of how long."""

    def on_story() -> None:
        log.story_opened(str(player.property("storyId") or ""))

    def on_progress() -> None:
        state = str(player.property("state"))
        log.story_progress(
            float(player.property("position") or 0.0),
            float(player.property("duration") or 0.0),
            playing=state == PlayerState.PLAYING,
        )
        if state == PlayerState.ENDED:
            log.story_ended()

    player.storyChanged.connect(on_story)  # type: ignore[attr-defined]
    player.stateChanged.connect(on_progress)  # type: ignore[attr-defined]
    player.positionChanged.connect(on_progress)  # type: ignore[attr-defined]
