"""Turns a content package folder into an :class:`~kiosk.content.model.Exhibition`.

The package layout (documented for staff in ``docs/content-guide.md``)::

    exhibition.toml          titles, languages, attract images
    artists/<id>/artist.toml one folder per artist: texts, portrait, photos, [[story]] entries
    programme.toml           [[event]] entries (optional)
    about.toml               about text and [[organisation]] entries (optional)

Only a missing or unreadable ``exhibition.toml`` stops the whole exhibition; any other broken item
hides only itself and is reported (and logged by ``load_exhibition``). The loader checks structure,
paths and files' presence; decoding images and media is the validator's deeper job.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from pathlib import Path

from kiosk.content.fields import ID_PATTERN, LANGUAGE_PATTERN, Section
from kiosk.content.items import (
    IMAGE_SUFFIXES,
    LIMITS,
    artist_order,
    build_artist,
    build_event,
    build_organisation,
    build_story,
)
from kiosk.content.manifest import TomlFile, read_toml
from kiosk.content.model import Artist, Event, Exhibition, LocalizedText, Organisation, Story
from kiosk.content.problems import Problems
from kiosk.content.report import Problem, Report, Severity

log = logging.getLogger(__name__)

EXHIBITION_FILE = "exhibition.toml"
PROGRAMME_FILE = "programme.toml"
ABOUT_FILE = "about.toml"
ARTIST_FILE = "artist.toml"
ARTISTS_DIR = "artists"
# A bound against a runaway package, well above the largest exhibition planned (the benchmarks
# load 1,000 artists).
MAX_ARTISTS = 2000


class ContentError(Exception):
    """The package cannot be shown at all (missing or unreadable ``exhibition.toml``)."""


@dataclass(frozen=True)
class LoadResult:
    """What the kiosk can show, and what was left out.

    Attributes:
        exhibition: None only when ``exhibition.toml`` itself is unusable.
        problems: one readable line per problem ("file:line [field]: message").
        report: the same problems as structured values.
    """

    exhibition: Exhibition | None
    problems: tuple[str, ...] = field(default_factory=tuple)
    report: Report | None = None


def report_unreadable(doc: TomlFile, sink: Problems) -> None:
    """Problem for a manifest that could not be read or parsed."""
    _ = sink.gettext
    texts = {
        "missing": (
            _("The file {name} is missing.").format(name=doc.rel),
            _("Create it (see the content guide), or run 'kiosk content new' for a model."),
        ),
        "too_large": (
            _("The file {name} is too large for a manifest.").format(name=doc.rel),
            _("A manifest holds only texts; keep photos and videos in separate files."),
        ),
        "unreadable": (
            _("The file {name} cannot be read.").format(name=doc.rel),
            _("Check that it is a file and that the kiosk may read it."),
        ),
        "encoding": (
            _("The file {name} is not saved as UTF-8 text.").format(name=doc.rel),
            _("Open it in a text editor and save it with the UTF-8 encoding."),
        ),
        "syntax": (
            _("The file {name} is not valid TOML ({detail}).").format(
                name=doc.rel, detail=doc.error_detail
            ),
            _("Check quotes, '=' signs and [brackets] on this line or the one before."),
        ),
    }
    message, hint = texts[doc.error_kind]
    sink.add(Severity.ERROR, f"toml.{doc.error_kind}", doc.rel, doc.error_line, "", message, hint)


def _languages(section: Section) -> tuple[tuple[str, ...], str]:
    _ = section._
    raw = section.data.get("languages", ["fr"])
    if not isinstance(raw, list) or not raw or not all(isinstance(x, str) for x in raw):
        section.error(
            "field.type",
            "languages",
            _("The list of languages is not valid."),
            _('Write the language codes in a list, e.g. languages = ["fr", "en"].'),
        )
        raw = ["fr"]
    languages = tuple(dict.fromkeys(code.strip().lower() for code in raw))
    wrong = [code for code in languages if not LANGUAGE_PATTERN.match(code)]
    if wrong:
        section.error(
            "field.language",
            "languages",
            _("{codes} is not a language code.").format(codes=", ".join(map(repr, wrong))),
            _('Use two-letter codes such as "fr", "en", "ar", "es", "de".'),
        )
        languages = tuple(code for code in languages if code not in wrong) or ("fr",)
    default = section.data.get("default_language", languages[0])
    if not isinstance(default, str) or default not in languages:
        section.error(
            "field.default_language",
            "default_language",
            _("The default language must be one of the exhibition's languages."),
            _("Write one of: {choices}.").format(choices=", ".join(languages)),
        )
        default = languages[0]
    return (default, *[code for code in languages if code != default]), default


def duplicate_texts(sink: Problems, kind: str, item_id: str) -> tuple[str, str]:
    """Message and hint for an id used twice; whole sentences, so each language can word them."""
    _ = sink.gettext
    messages = {
        "artist": _("Another artist already has the id {id}."),
        "story": _("Another story already has the id {id}."),
        "event": _("Another event already has the id {id}."),
        "organisation": _("Another organisation already has the id {id}."),
    }
    return messages[kind].format(id=item_id), _("Give each one its own id.")


def _check_unique(sections: list[tuple[Section, str]], kind: str, sink: Problems) -> set[int]:
    """Indexes of entries whose id repeats an earlier one (reported, then left out)."""
    _ = sink.gettext
    seen: set[str] = set()
    duplicates: set[int] = set()
    for index, (section, item_id) in enumerate(sections):
        if item_id and item_id in seen:
            section.error(
                "id.duplicate",
                "id",
                *duplicate_texts(sink, kind, item_id),
            )
            duplicates.add(index)
        seen.add(item_id)
    return duplicates


def _load_artists(root: Path, sink: Problems, languages: tuple[str, ...]) -> tuple[Artist, ...]:
    folder = root / ARTISTS_DIR
    if not folder.is_dir() or folder.is_symlink():
        return ()
    _ = sink.gettext
    candidates = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    built: list[tuple[int, str, Artist]] = []
    seen_artists: set[str] = set()
    seen_stories: set[str] = set()
    if len(candidates) > MAX_ARTISTS:
        log.warning(
            "%s: %d artist folders, only the first %d are shown",
            folder,
            len(candidates),
            MAX_ARTISTS,
        )
    for artist_dir in candidates[:MAX_ARTISTS]:
        rel = f"{ARTISTS_DIR}/{artist_dir.name}/{ARTIST_FILE}"
        if artist_dir.is_symlink():
            sink.add(
                Severity.ERROR, "path.outside", f"{ARTISTS_DIR}/{artist_dir.name}", None, "",
                _("This artist folder is a link; links can lead outside the package."),
                _("Copy the real folder into the package."),
            )  # fmt: skip
            continue
        doc = read_toml(artist_dir / ARTIST_FILE, rel)
        if doc.error_kind == "missing":
            # A folder left aside (old material, work in progress) is not an error.
            sink.add(
                Severity.WARNING, "artist.no_manifest", f"{ARTISTS_DIR}/{artist_dir.name}", None,
                "", _("This folder has no artist.toml: it is not shown."),
                _("Add an artist.toml (see the content guide), or move the folder out of "
                  "artists/."),
            )  # fmt: skip
            continue
        if doc.error_kind:
            report_unreadable(doc, sink)
            continue
        data = doc.data.get("artist", {})
        section = Section(doc, data if isinstance(data, dict) else {}, ("artist",), sink,
                          languages, languages[0])  # fmt: skip
        story_root = Section(doc, doc.data, (), sink, languages, languages[0])
        artist = build_artist(section, artist_dir.name)
        if artist is None:
            continue
        artist = replace(artist, stories=build_stories_of(story_root, seen_stories))
        if artist.id in seen_artists:
            section.error(
                "id.duplicate", "id",
                *duplicate_texts(sink, "artist", artist.id),
            )  # fmt: skip
            continue
        seen_artists.add(artist.id)
        sink.artist_manifests[artist.id] = doc
        built.append((artist_order(section), artist.id, artist))
    return tuple(artist for _order, _id, artist in sorted(built, key=lambda t: t[:2]))


def build_stories_of(section: Section, seen: set[str]) -> tuple[Story, ...]:
    """Stories are written as top-level ``[[story]]`` tables of artist.toml."""
    stories = []
    _ = section._
    for _index, story_section in section.tables("story"):
        story = build_story(story_section)
        if story is None:
            continue
        if story.id in seen:
            story_section.error(
                "id.duplicate", "id",
                *duplicate_texts(section.sink, "story", story.id),
            )  # fmt: skip
            continue
        seen.add(story.id)
        stories.append(story)
    return tuple(stories)


def _load_events(root: Path, sink: Problems, languages: tuple[str, ...]) -> tuple[Event, ...]:
    doc = read_toml(root / PROGRAMME_FILE, PROGRAMME_FILE)
    if doc.error_kind == "missing":
        return ()
    if doc.error_kind:
        report_unreadable(doc, sink)
        return ()
    top = Section(doc, doc.data, (), sink, languages, languages[0])
    top.unknown_keys(("event",))
    entries = list(top.tables("event"))
    events = [(section, build_event(section)) for _index, section in entries]
    duplicates = _check_unique([(s, e.id if e else "") for s, e in events], "event", sink)
    kept = [e for i, (_s, e) in enumerate(events) if e is not None and i not in duplicates]
    # Explicit order: by day, then by written order (a stable sort keeps the file's order).
    return tuple(sorted(kept, key=lambda event: event.day))


def _load_about(
    root: Path, sink: Problems, languages: tuple[str, ...]
) -> tuple[LocalizedText, tuple[Organisation, ...]]:
    doc = read_toml(root / ABOUT_FILE, ABOUT_FILE)
    if doc.error_kind == "missing":
        return LocalizedText(), ()
    if doc.error_kind:
        report_unreadable(doc, sink)
        return LocalizedText(), ()
    top = Section(doc, doc.data, (), sink, languages, languages[0])
    top.unknown_keys(("about", "organisation"))
    about = _table(doc, "about", sink, languages, languages[0])
    about.unknown_keys(("text",))
    about_text = about.text("text", max_chars=LIMITS["text"])
    entries = [(s, build_organisation(s)) for _i, s in top.tables("organisation")]
    duplicates = _check_unique([(s, o.id if o else "") for s, o in entries], "organisation", sink)
    kept = tuple(o for i, (_s, o) in enumerate(entries) if o is not None and i not in duplicates)
    return about_text, kept


def _table(
    doc: TomlFile, key: str, sink: Problems, languages: tuple[str, ...], default: str
) -> Section:
    """The top-level table ``key`` of a manifest (empty when absent or not a table)."""
    raw = doc.data.get(key, {})
    data = raw if isinstance(raw, dict) else {}
    return Section(doc, data, (key,), sink, languages, default)


def build_exhibition(root: Path, sink: Problems, *, header_only: bool = False) -> Exhibition | None:
    """Read the whole package; problems go to ``sink``.

    ``header_only`` reads ``exhibition.toml`` alone (title, languages, welcome pictures): what the
    attract loop shows while the rest of a large package loads.
    """
    doc = read_toml(root / EXHIBITION_FILE, EXHIBITION_FILE)
    if doc.error_kind:
        report_unreadable(doc, sink)
        return None
    top = Section(doc, doc.data, (), sink, ("fr",), "fr")
    top.unknown_keys(("exhibition", "attract"))
    if "exhibition" not in doc.data:
        top.missing("exhibition")
    # Languages first: every text below is checked against them.
    languages, default = _languages(_table(doc, "exhibition", sink, ("fr",), "fr"))
    section = _table(doc, "exhibition", sink, languages, default)
    section.unknown_keys(
        ("id", "demo", "default_language", "languages", "title", "subtitle", "intro", "credits")
    )
    exhibition_id = section.identifier("id", default=root.name if _valid_id(root.name) else "")
    title = section.text("title", required=True, max_chars=LIMITS["title"])
    attract = _table(doc, "attract", sink, languages, default)
    attract.unknown_keys(("images",))
    attract_images = tuple(p for p in attract.files("images") if p.suffix.lower() in IMAGE_SUFFIXES)
    exhibition = Exhibition(
        root=root.resolve(),
        id=exhibition_id or "exhibition",
        title=title,
        default_language=default,
        languages=languages,
        subtitle=section.text("subtitle", max_chars=LIMITS["subtitle"]),
        intro=section.text("intro", max_chars=LIMITS["intro"]),
        credits=section.text("credits", max_chars=LIMITS["credits"]),
        demo=section.boolean("demo"),
        attract_images=attract_images,
    )
    if header_only:
        return exhibition
    exhibition = replace(
        exhibition,
        artists=_load_artists(root, sink, languages),
        programme=_load_events(root, sink, languages),
    )
    about_text, organisations = _load_about(root, sink, languages)
    return replace(exhibition, about_text=about_text, organisations=organisations)


def _valid_id(text: str) -> bool:
    return bool(ID_PATTERN.match(text))


def load_exhibition(root: Path, language: str = "en", *, header_only: bool = False) -> LoadResult:
    """The exhibition in ``root`` with every usable item; broken items are left out and logged.

    Never raises for bad content: ``exhibition`` is None only when ``exhibition.toml`` is unusable.
    ``header_only``: see :func:`build_exhibition` (problems are then left to the full load).
    """
    sink = Problems(root, language)
    try:
        exhibition = build_exhibition(root, sink, header_only=header_only)
    except (OSError, RecursionError, ValueError) as error:
        log.exception("content package %s could not be read", root)
        sink.add(Severity.ERROR, "package.unreadable", "", None, "", str(error))
        exhibition = None
    report = Report(str(root), language, list(sink.items))
    # A header read is followed by the full load, which logs the same problems and more.
    logged = () if header_only and exhibition is not None else sink.items
    for problem in logged:
        level = logging.ERROR if problem.severity is Severity.ERROR else logging.INFO
        log.log(level, "content %s: %s: %s", root, problem.location(), problem.message)
    lines = tuple(_line(problem) for problem in sink.items)
    return LoadResult(exhibition, lines, report)


def _line(problem: Problem) -> str:
    return f"{problem.severity}: {problem.location()}: {problem.message}"
