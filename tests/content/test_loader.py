"""Loading packages for the screens: the full demo, and broken items hiding only themselves."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.loader import load_exhibition
from kiosk.content.model import PartOfDay, StoryKind
from tests.content.conftest import ARTIST, DEMO, edit

LANGUAGES = ("fr", "en", "ar", "es", "de")


def test_demo_loads_three_labelled_example_artists_in_order() -> None:
    result = load_exhibition(DEMO)
    exhibition = result.exhibition
    assert exhibition is not None and result.problems == ()
    assert exhibition.demo is True
    assert exhibition.languages == LANGUAGES
    assert [a.name for a in exhibition.artists] == [f"Artiste exemple {n}" for n in (1, 2, 3)]
    for artist in exhibition.artists:
        assert artist.example
        assert artist.portrait is not None and artist.portrait.is_file()
        assert len(artist.photos) >= 2
        assert artist.bio.languages() == frozenset(LANGUAGES)
        assert "Contenu de démonstration" in artist.bio.get("fr")


def test_demo_stories_have_captions_and_transcripts_in_five_languages() -> None:
    exhibition = load_exhibition(DEMO).exhibition
    assert exhibition is not None
    for artist in exhibition.artists:
        kinds = {story.kind: story for story in artist.stories}
        video, audio = kinds[StoryKind.VIDEO], kinds[StoryKind.AUDIO]
        assert set(video.captions) == set(LANGUAGES)
        assert set(audio.transcripts) == set(LANGUAGES)
        assert video.media.suffix == ".mp4" and video.media.is_file()
        assert all(path.is_file() for path in video.captions.values())


def test_demo_programme_invents_no_time() -> None:
    exhibition = load_exhibition(DEMO).exhibition
    assert exhibition is not None
    events = {event.id: event for event in exhibition.programme}
    assert all(event.start is None and event.end is None for event in events.values())
    workshop = events["atelier-laboratoires-communicateurs-urbains"]
    assert (workshop.day.isoformat(), workshop.end_day and workshop.end_day.isoformat()) == (
        "2021-11-02",
        "2021-11-03",
    )
    session = events["session-espace-congres"]
    assert session.part_of_day is PartOfDay.MORNING
    assert session.address == "16 rue Jean Rey, 75015 Paris"
    assert "2 ou 3 novembre" in session.date_text.get("fr")
    assert events["visite-maison-de-quartier"].part_of_day is PartOfDay.AFTERNOON
    seminar = events["seminaire-seine-saint-denis-2022"]
    assert seminar.tentative and seminar.approximate
    assert "printemps 2022" in seminar.date_text.get("fr")
    assert [e.id for e in exhibition.programme][-1] == seminar.id


def test_demo_about_page_lists_the_organisations_of_the_source() -> None:
    exhibition = load_exhibition(DEMO).exhibition
    assert exhibition is not None
    roles = {o.id: o.role for o in exhibition.organisations}
    assert roles["afrisson"] == "organiser"
    assert roles["maison-de-quartier-pierre-semard"] == "venue"
    assert {k for k, v in roles.items() if v == "partner"} == {"cglu", "onu-habitat", "icmpd"}
    assert {k for k, v in roles.items() if v == "funder"} == {"ue-dg-near", "ddc"}
    assert "appel-a-agir-2021" in roles
    assert all(o.logo is not None and o.logo.is_file() for o in exhibition.organisations)


def test_broken_story_hides_only_that_story(package: Path) -> None:
    manifest = package / ARTIST / "artist.toml"
    manifest.write_text(
        manifest.read_text("utf-8")
        + '\n[[story]]\nid = "cassee"\nmedia = "stories/absente.mp4"\n'
        + '[story.title]\nfr = "Cassée"\nen = "Broken"\n',
        "utf-8",
    )
    result = load_exhibition(package)
    assert result.exhibition is not None
    (artist,) = result.exhibition.artists
    assert [story.id for story in artist.stories] == ["artiste-exemple-video"]
    assert any("story[2].media" in line for line in result.problems)


def test_broken_artist_hides_only_that_artist(package: Path) -> None:
    broken = package / "artists" / "cassee"
    broken.mkdir()
    (broken / "artist.toml").write_text("[artist\nname = 'x'\n", "utf-8")
    result = load_exhibition(package)
    assert result.exhibition is not None
    assert [a.id for a in result.exhibition.artists] == ["artiste-exemple"]
    assert any("artists/cassee/artist.toml:1" in line for line in result.problems)


def test_bad_picture_keeps_the_artist_without_it(package: Path) -> None:
    edit(package / ARTIST / "artist.toml", 'portrait = "portrait.jpg"', 'portrait = "/etc/x.jpg"')
    exhibition = load_exhibition(package).exhibition
    assert exhibition is not None
    assert exhibition.artists[0].portrait is None
    assert exhibition.artists[0].stories


def test_unreadable_exhibition_file_gives_no_exhibition_and_a_reason(tmp_path: Path) -> None:
    (tmp_path / "exhibition.toml").write_bytes(b"\xff\xfe[exhibition]")
    result = load_exhibition(tmp_path)
    assert result.exhibition is None
    assert result.problems and "exhibition.toml:1" in result.problems[0]


def test_artists_follow_their_order_field(package: Path) -> None:
    first = package / "artists" / "zz-premier"
    first.mkdir()
    (first / "artist.toml").write_text('[artist]\nname = "Premier"\norder = 0\n', "utf-8")
    exhibition = load_exhibition(package).exhibition
    assert exhibition is not None
    assert [a.id for a in exhibition.artists] == ["zz-premier", "artiste-exemple"]


def test_header_only_gives_the_attract_loop_what_it_shows_and_nothing_else() -> None:
    # What `kiosk run` reads before its first frame; the rest follows right after.
    whole = load_exhibition(DEMO).exhibition
    header = load_exhibition(DEMO, header_only=True).exhibition
    assert whole is not None and header is not None
    assert (header.title, header.subtitle, header.languages) == (
        whole.title,
        whole.subtitle,
        whole.languages,
    )
    assert header.attract_images == whole.attract_images and header.attract_images
    assert header.artists == () and header.programme == () and header.organisations == ()


def test_header_only_still_refuses_an_unreadable_exhibition_file(tmp_path: Path) -> None:
    (tmp_path / "exhibition.toml").write_text("[exhibition\n", "utf-8")
    result = load_exhibition(tmp_path, header_only=True)
    assert result.exhibition is None
    assert any("exhibition.toml" in line for line in result.problems)
