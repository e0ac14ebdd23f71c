"""The exhibition as the kiosk sees it: frozen dataclasses, no Qt, no I/O.

The loader (``kiosk.content.loader``) builds these from a content package folder; the screens
read them through view-models. Every path here is absolute and already checked to stay inside
the package.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, time
from enum import StrEnum
from pathlib import Path


@dataclass(frozen=True)
class LocalizedText:
    """One text in several languages, with the fallback rule the visitor sees.

    Attributes:
        values: language code -> text; empty strings are treated as missing.
    """

    values: Mapping[str, str] = field(default_factory=dict)

    def resolve(self, language: str, default_language: str = "fr") -> tuple[str, str]:
        """Text and the language it is really in: visitor's, then default, then any."""
        for candidate in (language, default_language):
            text = self.values.get(candidate, "")
            if text.strip():
                return text, candidate
        for candidate, text in self.values.items():
            if text.strip():
                return text, candidate
        return "", language

    def get(self, language: str, default_language: str = "fr") -> str:
        return self.resolve(language, default_language)[0]

    def languages(self) -> frozenset[str]:
        return frozenset(code for code, text in self.values.items() if text.strip())

    def __bool__(self) -> bool:
        return bool(self.languages())


class StoryKind(StrEnum):
    VIDEO = "video"
    AUDIO = "audio"


@dataclass(frozen=True)
class Story:
    """A musician's story: a video or an audio file with its captions and transcripts.

    Attributes:
        captions: language -> WebVTT/SRT file shown over the video (or as the transcript).
        transcripts: language -> plain text or Markdown file for audio stories.
        audio_description: optional second audio file describing the images.
    """

    id: str
    kind: StoryKind
    title: LocalizedText
    media: Path
    summary: LocalizedText = field(default_factory=LocalizedText)
    captions: Mapping[str, Path] = field(default_factory=dict)
    transcripts: Mapping[str, Path] = field(default_factory=dict)
    audio_description: Path | None = None
    duration_s: float | None = None


@dataclass(frozen=True)
class Artist:
    """A musician of the exhibition. ``example`` marks demonstration content."""

    id: str
    name: str
    instrument: LocalizedText
    origin: LocalizedText
    town: str
    bio: LocalizedText
    portrait: Path | None
    photos: tuple[Path, ...] = ()
    stories: tuple[Story, ...] = ()
    example: bool = False

    def first_story(self) -> Story | None:
        """The story an artist page offers first: the first video (its picture draws the eye),
        else the first story."""
        videos = [story for story in self.stories if story.kind == StoryKind.VIDEO]
        candidates = videos or list(self.stories)
        return candidates[0] if candidates else None


class PartOfDay(StrEnum):
    MORNING = "morning"
    AFTERNOON = "afternoon"
    EVENING = "evening"
    ALL_DAY = "all_day"


@dataclass(frozen=True)
class Event:
    """One entry of the visit programme. Times are optional: the source may only give a part of
    the day, or nothing at all; the kiosk never invents one."""

    id: str
    day: date
    title: LocalizedText
    place: str = ""
    address: str = ""
    text: LocalizedText = field(default_factory=LocalizedText)
    start: time | None = None
    end: time | None = None
    part_of_day: PartOfDay | None = None
    end_day: date | None = None
    map_image: Path | None = None
    # When the source gives only an approximate date ("fin du printemps 2022"): the screens show
    # ``date_text`` instead of ``day``, which is then only a sort key (first day of the period).
    date_text: LocalizedText = field(default_factory=LocalizedText)
    # Announced but not confirmed ("being considered"): the screens say so.
    tentative: bool = False

    @property
    def approximate(self) -> bool:
        """True when ``day`` is only a sort key and ``date_text`` must be shown instead."""
        return bool(self.date_text)


@dataclass(frozen=True)
class Organisation:
    """An organisation on the about page; ``role`` groups them (organiser, venue, partner...)."""

    id: str
    name: str
    role: str
    text: LocalizedText = field(default_factory=LocalizedText)
    logo: Path | None = None
    # Shown as text only (the kiosk is offline): lets visitors note where to learn more.
    website: str = ""


@dataclass(frozen=True)
class Exhibition:
    """A whole content package, ready to show.

    Attributes:
        root: the package folder.
        languages: languages the content is written in, default first.
        demo: true for the bundled demonstration package (shows the « démonstration » badge).
        attract_images: pictures cycled on the welcome loop.
    """

    root: Path
    id: str
    title: LocalizedText
    default_language: str
    languages: tuple[str, ...]
    subtitle: LocalizedText = field(default_factory=LocalizedText)
    intro: LocalizedText = field(default_factory=LocalizedText)
    credits: LocalizedText = field(default_factory=LocalizedText)
    demo: bool = False
    attract_images: tuple[Path, ...] = ()
    artists: tuple[Artist, ...] = ()
    programme: tuple[Event, ...] = ()
    about_text: LocalizedText = field(default_factory=LocalizedText)
    organisations: tuple[Organisation, ...] = ()

    def artist(self, artist_id: str) -> Artist | None:
        return next((artist for artist in self.artists if artist.id == artist_id), None)

    def welcome_pictures(self, portraits: int = 12) -> tuple[Path, ...]:
        """The welcome loop's pictures; the musicians' first portraits when the package names
        none (a dozen is plenty for a loop, and keeps start-up quick with a thousand)."""
        if self.attract_images:
            return self.attract_images
        found = (artist.portrait for artist in self.artists if artist.portrait is not None)
        return tuple(itertools.islice(found, portraits))

    def stories(self) -> Iterator[tuple[Artist, Story]]:
        for artist in self.artists:
            for story in artist.stories:
                yield artist, story

    def story(self, story_id: str) -> tuple[Artist, Story] | None:
        return next(((a, s) for a, s in self.stories() if s.id == story_id), None)
