"""What a visit is, in statistics: the visitor screens' moves turned into VisitorStats events.

The screens report plain facts (a page was shown, the language changed, the story player moved
on, the visitor left); :class:`VisitLog` decides what they mean for the anonymous event log:

- a visit starts when a visitor page is shown after the attract loop (the first touch), in the
  language on screen then; the staff page is not a visit, and ends one left open;
- every visitor page shown is one ``page`` event, an artist's page also one ``artist`` event;
- a ``language`` event only when a visitor changes it during a visit, not when the idle reset
  puts the default back;
- a story counts once it has really played, when the visitor leaves it (or it ends, or the
  visit ends): how far they got and how long it is;
- the idle reset ends the visit (``idle_reset`` then ``session_end``).

No Qt here: ``kiosk/ui/visit_recorder.py`` connects the window's signals to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.analytics.events import VisitorStats
from kiosk.navigation import DORMANT_PAGES


@dataclass
class _StoryWatched:
    story_id: str
    duration_s: float = 0.0
    furthest_s: float = 0.0
    played: bool = False


class VisitLog:
    """Turns what the visitor screens show into visitor statistics events."""

    def __init__(self, stats: VisitorStats) -> None:
        self.stats = stats
        self._language = ""
        self._story: _StoryWatched | None = None

    # -- pages and language -------------------------------------------------------------------

    def page_shown(self, page: str, argument: str, language: str) -> None:
        """A page is on screen (``argument``: the artist's or story's id, or empty)."""
        if page in DORMANT_PAGES:
            self.story_left()
            self.stats.end_session(page)
            return
        if self.stats.session is None:
            self._language = language
            self.stats.start_session(language)
        self.stats.page_viewed(page)
        if page == "artist" and argument:
            self.stats.artist_viewed(argument)

    def language_shown(self, language: str) -> None:
        """The screens now speak ``language``; only a visitor's own choice is an event."""
        if self.stats.session is None or language == self._language:
            return
        self._language = language
        self.stats.language_chosen(language)

    def visitor_left(self) -> None:
        """The idle reset: the visit is over."""
        self.story_left()
        self.stats.idle_reset()

    # -- the story player ---------------------------------------------------------------------

    def story_opened(self, story_id: str) -> None:
        """The player holds ``story_id`` now (empty: none); the one before is counted."""
        if self._story is not None and self._story.story_id == story_id:
            return
        self.story_left()
        self._story = _StoryWatched(story_id) if story_id else None

    def story_progress(self, position_s: float, duration_s: float, playing: bool) -> None:
        """Where the story is; ``playing``: its sound or picture is going."""
        story = self._story
        if story is None:
            return
        story.played = story.played or playing
        if duration_s > 0:
            story.duration_s = duration_s
        story.furthest_s = max(story.furthest_s, position_s)

    def story_ended(self) -> None:
        """The story played to its end."""
        story = self._story
        if story is not None and story.played:
            story.furthest_s = max(story.furthest_s, story.duration_s)

    def story_left(self) -> None:
        """The story is closed, or the visit ends: count it if it played."""
        story, self._story = self._story, None
        if story is not None and story.played:
            self.stats.story_played(story.story_id, story.furthest_s, story.duration_s)
