"""The validator on hand-written manifests: bad paths, bad text files, bad TOML, duplicate ids,
missing translations. Each problem names the file, the line and the field."""

from __future__ import annotations

import os
from pathlib import Path

from PIL import Image

from kiosk.content.loader import load_exhibition
from kiosk.content.report import Problem, Report, Severity
from kiosk.content.validate import validate_package
from tests.content.conftest import ARTIST, edit, line_of

MANIFEST = f"{ARTIST.as_posix()}/artist.toml"


def only(report: Report, code: str) -> Problem:
    found = [problem for problem in report if problem.code == code]
    assert len(found) == 1, f"expected one {code}, got {report.problems}"
    return found[0]


def test_parent_path_in_manifest_is_refused_at_its_line(package: Path) -> None:
    edit(package / MANIFEST, 'portrait = "portrait.jpg"', 'portrait = "../../../etc/passwd"')
    problem = only(validate_package(package, "en"), "path.parent")
    assert problem.severity is Severity.ERROR
    assert (problem.file, problem.field) == (MANIFEST, "artist.portrait")
    assert problem.line == line_of(package / MANIFEST, "portrait =")
    assert ".." in problem.message


def test_absolute_path_in_a_list_is_refused_at_its_own_line(package: Path) -> None:
    edit(
        package / MANIFEST,
        'photos = ["photos/photo-1.jpg"]',
        'photos = [\n  "photos/photo-1.jpg",\n  "/etc/hostname",\n]',
    )
    problem = only(validate_package(package, "en"), "path.absolute")
    assert problem.field == "artist.photos[2]"
    assert problem.line == line_of(package / MANIFEST, '"/etc/hostname"')


def test_symlink_leading_outside_is_refused(package: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.jpg"
    Image.new("RGB", (800, 1000)).save(outside)
    portrait = package / ARTIST / "portrait.jpg"
    portrait.unlink()
    portrait.symlink_to(outside)
    report = validate_package(package, "en")
    named = only(report, "path.outside")
    assert named.severity is Severity.ERROR
    assert {(p.file, p.field) for p in report if p.code == "path.outside"} == {
        (MANIFEST, "artist.portrait")
    }
    assert named.line == line_of(package / MANIFEST, "portrait =")


def test_unnamed_symlink_leading_outside_is_still_found(package: Path) -> None:
    os.symlink("/etc", package / "etc-link")
    problem = only(validate_package(package, "en"), "path.outside")
    assert problem.file == "etc-link"
    assert "/etc" in problem.message


def test_missing_file_says_so(package: Path) -> None:
    (package / ARTIST / "photos" / "photo-1.jpg").unlink()
    problem = only(validate_package(package, "en"), "path.missing")
    assert problem.field == "artist.photos[1]"


def test_invalid_utf8_manifest_gives_the_line(package: Path) -> None:
    manifest = package / MANIFEST
    lines = manifest.read_bytes().split(b"\n")
    lines[4] = lines[4] + b" # caf\xe9"
    manifest.write_bytes(b"\n".join(lines))
    report = validate_package(package, "en")
    problem = only(report, "toml.encoding")
    assert (problem.file, problem.line, problem.severity) == (MANIFEST, 5, Severity.ERROR)
    assert "UTF-8" in problem.message


def test_invalid_toml_gives_the_line(package: Path) -> None:
    edit(package / "exhibition.toml", 'fr = "Titre de l\'exposition"', 'fr = "Titre sans fin')
    problem = only(validate_package(package, "en"), "toml.syntax")
    assert problem.file == "exhibition.toml"
    assert problem.line == line_of(package / "exhibition.toml", 'fr = "Titre sans fin')


def test_duplicate_story_id_is_reported_on_the_second(package: Path) -> None:
    second = package / "artists" / "second"
    second.mkdir()
    text = (package / MANIFEST).read_text("utf-8").replace("Artiste exemple", "Second")
    (second / "artist.toml").write_text(text, "utf-8")
    for name in ("portrait.jpg", "photos", "stories"):
        source = package / ARTIST / name
        if source.is_dir():
            os.symlink(source, second / name)  # links inside the package are fine
        else:
            (second / name).write_bytes(source.read_bytes())
    report = validate_package(package, "en")
    problem = only(report, "id.duplicate")
    assert problem.file in {"artists/second/artist.toml", MANIFEST}
    assert problem.field == "story[1].id"
    assert problem.line == line_of(package / problem.file, 'id = "artiste-exemple-video"')
    assert "artiste-exemple-video" in problem.message


def test_duplicate_event_id_is_reported_with_its_line(package: Path) -> None:
    event = '[[event]]\nid = "visite"\ndate = 2021-11-02\n[event.title]\nfr = "A"\nen = "A"\n'
    (package / "programme.toml").write_text(event + "\n" + event, "utf-8")
    problem = only(validate_package(package, "en"), "id.duplicate")
    assert (problem.file, problem.field, problem.line) == ("programme.toml", "event[2].id", 9)


def test_missing_translation_names_the_fallback_language(package: Path) -> None:
    edit(package / MANIFEST, 'en = "Title of the story"\n', "")
    report = validate_package(package, "en")
    problem = only(report, "text.translation_missing")
    assert problem.severity is Severity.WARNING
    assert (problem.file, problem.field) == (MANIFEST, "story[1].title.en")
    assert problem.line == line_of(package / MANIFEST, "[story.title]")
    assert "fr" in problem.message
    assert report.publishable


def test_missing_required_name_hides_the_artist_with_a_clear_error(package: Path) -> None:
    edit(package / MANIFEST, 'name = "Artiste exemple"\n', "")
    problem = only(validate_package(package, "en"), "field.missing")
    assert (problem.file, problem.field) == (MANIFEST, "artist.name")
    assert "name" in problem.message


def test_impossible_date_is_reported(package: Path) -> None:
    (package / "programme.toml").write_text(
        '[[event]]\nid = "a"\ndate = "2021-02-30"\n[event.title]\nfr = "A"\nen = "A"\n', "utf-8"
    )
    problem = only(validate_package(package, "en"), "field.date")
    assert (problem.file, problem.line, problem.field) == ("programme.toml", 3, "event[1].date")


def test_event_ending_before_it_starts_is_an_error(package: Path) -> None:
    (package / "programme.toml").write_text(
        '[[event]]\nid = "a"\ndate = 2021-11-02\nstart = 14:00:00\nend = 10:00:00\n'
        '[event.title]\nfr = "A"\nen = "A"\n',
        "utf-8",
    )
    problem = only(validate_package(package, "en"), "event.times")
    assert (problem.line, problem.field) == (5, "event[1].end")


def test_text_too_long_for_its_place_is_a_warning(package: Path) -> None:
    edit(package / MANIFEST, 'fr = "Titre de l\'histoire"', f'fr = "{"x" * 200}"')
    problem = only(validate_package(package, "en"), "text.too_long")
    assert problem.severity is Severity.WARNING
    assert problem.field == "story[1].title.fr"
    assert "200" in problem.message


def test_misspelt_field_is_a_warning(package: Path) -> None:
    edit(package / MANIFEST, "order = 1", "order = 1\nportait = 'portrait.jpg'")
    problem = only(validate_package(package, "en"), "field.unknown")
    assert (problem.field, problem.severity) == ("artist.portait", Severity.WARNING)


def test_invalid_id_is_explained(package: Path) -> None:
    edit(package / MANIFEST, 'id = "artiste-exemple-video"', 'id = "Ma Vidéo"')
    problem = only(validate_package(package, "en"), "field.id")
    assert problem.field == "story[1].id"
    assert "Ma Vidéo" in problem.message


def test_missing_exhibition_file_is_one_clear_error(tmp_path: Path) -> None:
    report = validate_package(tmp_path, "en")
    assert [(p.code, p.file) for p in report] == [("toml.missing", "exhibition.toml")]


def test_missing_file_with_other_capitals_names_the_real_file(package: Path) -> None:
    (package / ARTIST / "portrait.jpg").rename(package / ARTIST / "Portrait.JPG")
    problem = only(validate_package(package, "en"), "path.missing")
    assert problem.field == "artist.portrait"
    assert "Portrait.JPG" in problem.hint


def test_package_path_that_is_a_file_is_explained(tmp_path: Path) -> None:
    (tmp_path / "exhibition.toml").write_text("", "utf-8")
    report = validate_package(tmp_path / "exhibition.toml", "en")
    assert [p.code for p in report] == ["package.missing"]
    assert "not a folder" in report.problems[0].message


def test_artist_folder_without_manifest_is_only_a_warning(package: Path) -> None:
    (package / "artists" / "brouillon").mkdir()
    report = validate_package(package, "en")
    problem = only(report, "artist.no_manifest")
    assert (problem.file, problem.severity) == ("artists/brouillon", Severity.WARNING)
    assert report.publishable


def test_invalid_language_code_is_an_error_at_its_line(package: Path) -> None:
    edit(package / "exhibition.toml", 'languages = ["fr", "en"]', 'languages = ["fr", "English"]')
    problem = only(validate_package(package, "en"), "field.language")
    assert (problem.file, problem.field) == ("exhibition.toml", "exhibition.languages")
    assert problem.line == line_of(package / "exhibition.toml", "languages =")


def test_pipe_named_as_portrait_is_refused_once_at_its_line(package: Path) -> None:
    portrait = package / ARTIST / "portrait.jpg"
    portrait.unlink()
    os.mkfifo(portrait)
    report = validate_package(package, "en")
    problem = only(report, "path.not_file")
    assert (problem.file, problem.field) == (MANIFEST, "artist.portrait")
    assert "path.special" not in report.codes()


def test_biography_may_come_from_a_markdown_file(package: Path) -> None:
    edit(package / MANIFEST, 'en = "The artist\'s biography goes here, written with them."\n', "")
    (package / ARTIST / "bio.en.md").write_text('A long biography, with "quotes".\n', "utf-8")
    report = validate_package(package, "en")
    assert "text.translation_missing" not in report.codes()
    exhibition = load_exhibition(package).exhibition
    assert exhibition is not None
    assert exhibition.artists[0].bio.get("en") == 'A long biography, with "quotes".'


def test_biography_written_twice_is_a_warning_naming_the_file(package: Path) -> None:
    (package / ARTIST / "bio.fr.md").write_text("Autre texte", "utf-8")
    problem = only(validate_package(package, "en"), "text.twice")
    assert problem.field == "artist.bio.fr"
    assert f"{ARTIST.as_posix()}/bio.fr.md" in problem.message


def test_biography_file_not_in_utf8_gives_its_line(package: Path) -> None:
    (package / ARTIST / "bio.en.md").write_bytes("Line one\nCaf\xe9\n".encode("latin-1"))
    problem = only(validate_package(package, "en"), "text.encoding")
    assert (problem.file, problem.line) == (f"{ARTIST.as_posix()}/bio.en.md", 2)
