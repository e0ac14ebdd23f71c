"""Building the items of an exhibition (artists, stories, events, organisations) from manifests.

Each builder returns the item, or None when an error makes it unusable: a broken story hides only
that story, a broken artist only that artist. Problems go to the shared ``Problems`` sink.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kiosk.content.fields import Section
from kiosk.content.manifest import KeyPath
from kiosk.content.model import Artist, Event, Organisation, PartOfDay, Story, StoryKind
from kiosk.content.report import Severity

VIDEO_SUFFIXES = frozenset({".mp4", ".m4v", ".webm", ".mkv", ".mov"})
AUDIO_SUFFIXES = frozenset({".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".wav", ".flac"})
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp"})
TRANSCRIPT_SUFFIXES = frozenset({".md", ".txt", ".vtt", ".srt"})

# How many characters fit where each text is shown at 1920x1080 with the largest text step.
LIMITS = {
    "name": 40,
    "title": 70,
    "subtitle": 140,
    "instrument": 40,
    "origin": 40,
    "summary": 280,
    "bio": 1500,
    "text": 900,
    "place": 80,
    "address": 120,
    "date_text": 40,
    "intro": 900,
    "credits": 1200,
}

PARTS_OF_DAY = {
    "morning": PartOfDay.MORNING,
    "matin": PartOfDay.MORNING,
    "afternoon": PartOfDay.AFTERNOON,
    "après-midi": PartOfDay.AFTERNOON,
    "apres-midi": PartOfDay.AFTERNOON,
    "evening": PartOfDay.EVENING,
    "soir": PartOfDay.EVENING,
    "all_day": PartOfDay.ALL_DAY,
    "journée": PartOfDay.ALL_DAY,
    "journee": PartOfDay.ALL_DAY,
}
STORY_KINDS = {"video": "video", "vidéo": "video", "audio": "audio"}
ROLES = ("organiser", "venue", "programme", "partner", "funder", "support")

ARTIST_KEYS = (
    "id", "name", "example", "order", "town", "portrait", "photos",
    "instrument", "origin", "bio",
)  # fmt: skip
STORY_KEYS = (
    "id", "kind", "media", "title", "summary", "captions", "transcripts",
    "audio_description",
)  # fmt: skip
EVENT_KEYS = (
    "id", "date", "end_date", "start", "end", "part_of_day", "place", "address",
    "title", "text", "map", "date_text", "tentative",
)  # fmt: skip
ORGANISATION_KEYS = ("id", "name", "role", "text", "logo", "website")


def _suffix_check(
    section: Section, key: str | KeyPath, path: Path | None, allowed: frozenset[str]
) -> bool:
    if path is None:
        return False
    if path.suffix.lower() in allowed:
        return True
    _ = section._
    section.report(
        Severity.ERROR,
        "file.format",
        key,
        _("The file type {suffix} cannot be used here.").format(suffix=path.suffix or "?"),
        _("Use one of: {allowed}.").format(allowed=", ".join(sorted(allowed))),
        path.name,
    )
    return False


def build_story(section: Section) -> Story | None:
    """A story, or None when its id, media or title is unusable."""
    errors_before = section.sink.error_count()
    section.unknown_keys(STORY_KEYS)
    story_id = section.identifier("id")
    media = section.file("media", required=True)
    kind_name = section.choice("kind", STORY_KINDS)
    if media is not None and kind_name is None:
        kind_name = "video" if media.suffix.lower() in VIDEO_SUFFIXES else "audio"
    allowed = VIDEO_SUFFIXES if kind_name == "video" else AUDIO_SUFFIXES
    if media is not None and kind_name == "audio":
        allowed = AUDIO_SUFFIXES | VIDEO_SUFFIXES  # an audio story may come as .mp4/.webm
    _suffix_check(section, "media", media, allowed)
    title = section.text("title", required=True, max_chars=LIMITS["title"])
    summary = section.text("summary", max_chars=LIMITS["summary"])
    captions = section.file_map("captions")
    for language, path in list(captions.items()):
        if not _suffix_check(section, ("captions", language), path, frozenset({".vtt", ".srt"})):
            del captions[language]
    transcripts = section.file_map("transcripts")
    for language, path in list(transcripts.items()):
        if not _suffix_check(section, ("transcripts", language), path, TRANSCRIPT_SUFFIXES):
            del transcripts[language]
    description = section.file("audio_description")
    _suffix_check(section, "audio_description", description, AUDIO_SUFFIXES)
    if section.sink.error_count() > errors_before or media is None or not story_id:
        return None
    return Story(
        id=story_id,
        kind=StoryKind(kind_name or "video"),
        title=title,
        media=media,
        summary=summary,
        captions=captions,
        transcripts=transcripts,
        audio_description=description,
    )


def build_artist(section: Section, folder_id: str) -> Artist | None:
    """An artist without stories, or None when its name, id or pictures are unusable."""
    section.unknown_keys(ARTIST_KEYS)
    errors_before = section.sink.error_count()
    artist_id = section.identifier("id", default=folder_id)
    name = section.string("name", required=True, max_chars=LIMITS["name"])
    # Only a bad id or name hides the artist; a bad picture or text hides only itself.
    unusable = section.sink.error_count() > errors_before or not artist_id
    section.integer("order")
    portrait = section.file("portrait")
    _suffix_check(section, "portrait", portrait, IMAGE_SUFFIXES)
    photos = tuple(
        photo
        for photo in section.files("photos")
        if _suffix_check(section, "photos", photo, IMAGE_SUFFIXES)
    )
    instrument = section.text("instrument", max_chars=LIMITS["instrument"])
    origin = section.text("origin", max_chars=LIMITS["origin"])
    bio = section.text("bio", max_chars=LIMITS["bio"], sidecar="bio.{language}.md")
    town = section.string("town", max_chars=LIMITS["place"])
    example = section.boolean("example")
    if unusable:
        return None
    if portrait is not None and portrait.suffix.lower() not in IMAGE_SUFFIXES:
        portrait = None
    return Artist(
        id=artist_id,
        name=name,
        instrument=instrument,
        origin=origin,
        town=town,
        bio=bio,
        portrait=portrait,
        photos=photos,
        example=example,
    )


def artist_order(section: Section) -> int:
    value = section.data.get("order")
    return value if isinstance(value, int) and not isinstance(value, bool) else 1_000_000


def _partial_date(section: Section) -> date | None:
    """A date written as "2022" or "2022-06" (only the year or month is known)."""
    value = section.data.get("date")
    if isinstance(value, str) and section.data.get("date_text") is not None:
        parts = value.strip().split("-")
        if 1 <= len(parts) <= 2 and all(part.isdigit() for part in parts):
            year = int(parts[0])
            month = int(parts[1]) if len(parts) == 2 else 1
            if 1900 <= year <= 2200 and 1 <= month <= 12:
                return date(year, month, 1)
    return None


def build_event(section: Section) -> Event | None:
    """A programme entry, or None when its id, date or title is unusable."""
    _ = section._
    errors_before = section.sink.error_count()
    section.unknown_keys(EVENT_KEYS)
    event_id = section.identifier("id")
    day = _partial_date(section) or section.day("date", required=True)
    end_day = section.day("end_date")
    start = section.clock("start")
    end = section.clock("end")
    part_name = section.choice("part_of_day", PARTS_OF_DAY)
    title = section.text("title", required=True, max_chars=LIMITS["title"])
    text = section.text("text", max_chars=LIMITS["text"])
    place = section.string("place", max_chars=LIMITS["place"])
    address = section.string("address", max_chars=LIMITS["address"])
    date_text = section.text("date_text", max_chars=LIMITS["date_text"])
    map_image = section.file("map")
    _suffix_check(section, "map", map_image, IMAGE_SUFFIXES)
    tentative = section.boolean("tentative")
    if day is not None and end_day is not None and end_day < day:
        section.error(
            "event.dates",
            "end_date",
            _("The event ends before it starts."),
            _("Check 'date' and 'end_date'."),
        )
    if start is not None and end is not None and end <= start and end_day is None:
        section.error(
            "event.times",
            "end",
            _("The event ends before it starts."),
            _("Check 'start' and 'end'."),
        )
    if section.sink.error_count() > errors_before or day is None or not event_id:
        return None
    return Event(
        id=event_id,
        day=day,
        title=title,
        place=place,
        address=address,
        text=text,
        start=start,
        end=end,
        part_of_day=PartOfDay(part_name) if part_name else None,
        end_day=end_day,
        map_image=map_image,
        date_text=date_text,
        tentative=tentative,
    )


def build_organisation(section: Section) -> Organisation | None:
    _ = section._
    errors_before = section.sink.error_count()
    section.unknown_keys(ORGANISATION_KEYS)
    organisation_id = section.identifier("id")
    name = section.string("name", required=True, max_chars=LIMITS["title"])
    role = section.choice("role", {role: role for role in ROLES}) or "partner"
    text = section.text("text", max_chars=LIMITS["text"])
    logo = section.file("logo")
    _suffix_check(section, "logo", logo, IMAGE_SUFFIXES)
    website = section.string("website")
    if section.sink.error_count() > errors_before or not organisation_id:
        return None
    return Organisation(organisation_id, name, role, text, logo, website)
