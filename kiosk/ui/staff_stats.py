"""Visitor statistics for the staff panel: the data behind three bar charts, and CSV export.

Reads :mod:`kiosk.analytics.aggregates` (sessions per day, languages, top stories) over the
last ``period_days`` and gives QML rows with a ``fraction`` (value / largest value) so the bars
are drawn with plain rectangles. Export writes every event as CSV onto a stick (or a chosen
folder), off the UI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable

from kiosk.analytics.aggregates import export_csv, languages, sessions_per_day, top_stories
from kiosk.analytics.events import VisitorStats
from kiosk.content.model import Exhibition
from kiosk.i18n.catalog import gettext_for
from kiosk.i18n.languages import LANGUAGES
from kiosk.ui.staff_tasks import Background

QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

log = logging.getLogger(__name__)

DEFAULT_PERIOD_DAYS = 30
TOP_STORIES = 8


def with_fractions(rows: list[dict[str, Any]], key: str = "count") -> list[dict[str, Any]]:
    """Add ``fraction``: each value divided by the largest (1.0 for the longest bar)."""
    largest = max((float(row[key]) for row in rows), default=0.0)
    return [{**row, "fraction": float(row[key]) / largest if largest else 0.0} for row in rows]


def story_title_lookup(
    exhibition: Callable[[], Exhibition], language: Callable[[], str]
) -> Callable[[str], str]:
    """Titles for the story ids the statistics record ("artist-id/story-id" or "story-id"):
    "Artist — Story" from the exhibition on screen; the id itself when it is not there."""

    def title(story_id: str) -> str:
        shown = exhibition()
        for artist in shown.artists:
            for story in artist.stories:
                if story_id in (story.id, f"{artist.id}/{story.id}"):
                    text = story.title.get(language(), shown.default_language)
                    return f"{artist.name} — {text}" if text else artist.name
        return story_id

    return title


def export_file_name(today: date) -> str:
    return f"statistiques-kiosque-{today:%Y-%m-%d}.csv"


@QmlElement
@QmlUncreatable("StaffStats is created by the staff panel")
class StaffStats(QObject):  # type: ignore[operator]
    """Chart rows and export.

    Attributes:
        stats: the event log.
        story_title: the title of a story id in the staff member's language (the id if unknown).
        export_roots: where an export may go (the sticks mounted now).
        today: the kiosk's local date (injectable for tests and ``--now``).
    """

    changed = Signal()

    def __init__(
        self,
        stats: VisitorStats,
        background: Background,
        language: Callable[[], str],
        export_roots: Callable[[], list[Path]],
        story_title: Callable[[str], str] = str,
        today: Callable[[], date] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.stats = stats
        self.background = background
        self.language = language
        self.export_roots = export_roots
        self.story_title = story_title
        self.today = today or (lambda: stats.clock().astimezone(stats.timezone).date())
        self.period_days = DEFAULT_PERIOD_DAYS
        self._days: list[dict[str, Any]] = []
        self._languages: list[dict[str, Any]] = []
        self._stories: list[dict[str, Any]] = []
        self._total = 0
        self._targets: list[dict[str, str]] = []
        self._message = ""
        self._message_kind = ""
        self._exporting = False

    def _(self, text: str) -> str:
        return gettext_for(self.language()).gettext(text)

    @Slot()
    def refresh(self) -> None:
        """Re-read the charts' data (a few small SQL queries) and the export targets."""
        since = (self.today() - timedelta(days=self.period_days - 1)).isoformat()
        days = sessions_per_day(self.stats, since)
        self._total = sum(count for _day, count in days)
        self._days = with_fractions(
            [{"day": day, "label": f"{day[8:10]}/{day[5:7]}", "count": n} for day, n in days]
        )
        self._languages = with_fractions(
            [
                {
                    "code": code,
                    "name": LANGUAGES[code].native_name if code in LANGUAGES else code,
                    "count": count,
                }
                for code, count in languages(self.stats, since)
            ]
        )
        self._stories = with_fractions(
            [
                {
                    "story": story.story,
                    "title": self.story_title(story.story),
                    "count": story.plays,
                    "completion": round(story.completion * 100),
                }
                for story in top_stories(self.stats, TOP_STORIES, since)
            ]
        )
        self._targets = [
            {"name": root.name or str(root), "path": str(root)}
            for root in self.export_roots()
            if root.is_dir()
        ]
        self.changed.emit()

    def _get_days(self) -> list[dict[str, Any]]:
        return self._days

    days = Property(list, _get_days, notify=changed)  # type: ignore[arg-type]

    def _get_languages(self) -> list[dict[str, Any]]:
        return self._languages

    languages = Property(list, _get_languages, notify=changed)  # type: ignore[arg-type]

    def _get_stories(self) -> list[dict[str, Any]]:
        return self._stories

    stories = Property(list, _get_stories, notify=changed)  # type: ignore[arg-type]

    def _get_total(self) -> int:
        return self._total

    totalSessions = Property(int, _get_total, notify=changed)  # type: ignore[arg-type]

    def _get_period(self) -> int:
        return self.period_days

    periodDays = Property(int, _get_period, notify=changed)  # type: ignore[arg-type]

    def _get_targets(self) -> list[dict[str, str]]:
        return self._targets

    exportTargets = Property(list, _get_targets, notify=changed)  # type: ignore[arg-type]

    def _get_message(self) -> str:
        return self._message

    message = Property(str, _get_message, notify=changed)  # type: ignore[arg-type]

    def _get_message_kind(self) -> str:
        return self._message_kind

    messageKind = Property(str, _get_message_kind, notify=changed)  # type: ignore[arg-type]

    def _get_exporting(self) -> bool:
        return self._exporting

    exporting = Property(bool, _get_exporting, notify=changed)  # type: ignore[arg-type]

    @Slot(str)
    def exportTo(self, folder: str) -> None:
        """Write every event as CSV into ``folder`` (one of :attr:`exportTargets`)."""
        allowed = {item["path"] for item in self._targets}
        if self._exporting or folder not in allowed:
            return
        output = Path(folder) / export_file_name(self.today())
        self._exporting = True
        self._message, self._message_kind = self._("Writing the statistics…"), ""
        self.changed.emit()

        def done(count: int) -> None:
            self._exporting = False
            self._message_kind = "ok"
            self._message = self._(
                "{count} events written to {file}. You can remove the USB stick."
            ).format(count=count, file=str(output))
            self.changed.emit()

        def failed(error: Exception) -> None:
            self._exporting = False
            self._message_kind = "error"
            reason = error.strerror if isinstance(error, OSError) and error.strerror else error
            self._message = self._(
                "The statistics could not be written to {file}: {reason}"
            ).format(file=str(output), reason=str(reason))
            log.warning("statistics export to %s failed: %s", output, error)
            self.changed.emit()

        self.background.run(lambda: export_csv(self.stats, output), done, failed)
