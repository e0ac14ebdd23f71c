"""Arbitrary manifests and paths: the loader never crashes and never accepts a path outside."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.loader import build_exhibition, load_exhibition
from kiosk.content.manifest import KeyLines
from kiosk.content.problems import Problems
from kiosk.content.safe_paths import UnsafePathError, resolve_inside
from kiosk.content.scaffold import create_package
from kiosk.content.validate import validate_package

# Pieces staff (or a broken editor) might write: real keys, odd values, path tricks.
KEYS = st.sampled_from(
    ["id", "name", "media", "portrait", "photos", "title", "date", "start", "languages",
     "default_language", "kind", "captions", "fr", "en", "order", "part_of_day", "logo"]
)  # fmt: skip
PATHS = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        ["../x", "/etc/passwd", "a/../../b", "C:\\x", "\\\\srv\\x", "~/x", "a\x00b", ".", "",
         "portrait.jpg", "photos/photo-1.jpg", "link", "link/..", "./././portrait.jpg"]
    ),
)  # fmt: skip
SCALARS = st.one_of(
    PATHS, st.integers(), st.booleans(), st.floats(allow_nan=False), st.just("2021-11-02")
)


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    escaped = str(value).encode("unicode_escape").decode("ascii").replace('"', '\\"')
    return f'"{escaped}"'


LINES = st.one_of(
    st.builds(lambda k, v: f"{k} = {toml_value(v)}", KEYS, SCALARS),
    st.builds(lambda k, v: f"{k} = [{toml_value(v)}]", KEYS, SCALARS),
    st.builds(lambda k, v: f"{k} = {{ fr = {toml_value(v)} }}", KEYS, SCALARS),
    st.sampled_from(["[artist]", "[[story]]", "[story.title]", "[[event]]", "[exhibition]",
                     "[exhibition.title]", "[[organisation]]", "[attract]", "[story.captions]"]),
    st.text(max_size=30),
)  # fmt: skip
DOCUMENTS = st.lists(LINES, max_size=25).map("\n".join)
FILES = st.sampled_from(
    ["exhibition.toml", "programme.toml", "about.toml", "artists/artiste-exemple/artist.toml"]
)


# Each example gets its own folder inside the test's tmp_path (the fixture is shared by examples).
SHARED_TMP = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One valid package, copied for each example (cheaper than drawing its pictures again)."""
    root = tmp_path_factory.mktemp("template") / "p"
    create_package(root)
    return root


@settings(max_examples=150, deadline=None, suppress_health_check=SHARED_TMP)
@given(name=FILES, document=DOCUMENTS)
def test_arbitrary_manifests_never_crash_the_loader(
    tmp_path: Path, template: Path, name: str, document: str
) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as tmp:
        root = Path(tmp) / "p"
        shutil.copytree(template, root)
        (root / "link").symlink_to("/etc")
        (root / name).write_text(document, "utf-8")
        result = load_exhibition(root)
        exhibition = result.exhibition
        if exhibition is None:
            assert result.problems
            return
        base = root.resolve()
        files = [*exhibition.attract_images]
        for artist in exhibition.artists:
            files += [*artist.photos, *([artist.portrait] if artist.portrait else [])]
            for story in artist.stories:
                files += [story.media, *story.captions.values(), *story.transcripts.values()]
        files += [o.logo for o in exhibition.organisations if o.logo]
        for path in files:
            assert path.resolve().is_relative_to(base), path


@settings(max_examples=300, deadline=None, suppress_health_check=SHARED_TMP)
@given(value=PATHS)
def test_arbitrary_paths_are_inside_or_refused(tmp_path: Path, value: str) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as tmp:
        root = Path(tmp) / "p"
        (root / "photos").mkdir(parents=True)
        (root / "portrait.jpg").write_bytes(b"x")
        (root / "photos" / "photo-1.jpg").write_bytes(b"x")
        (root / "link").symlink_to("/etc")
        try:
            path = resolve_inside(root, value)
        except UnsafePathError:
            return
        assert path.is_relative_to(root.resolve())
        assert path.is_file()


@settings(max_examples=200, deadline=None)
@given(document=st.text(max_size=300))
def test_line_finder_accepts_any_text(document: str) -> None:
    lines = KeyLines(document)
    line = lines.line_of(("artist", "name"))
    assert line is None or 1 <= line <= max(1, len(document.splitlines()))


def test_raw_bytes_never_crash_the_builder(tmp_path: Path) -> None:
    root = tmp_path / "p"
    create_package(root)
    for blob in (b"\x00" * 10, bytes(range(256)), b"[a]\n" * 5000, b"a = [" * 2000):
        (root / "exhibition.toml").write_bytes(blob)
        sink = Problems(root)
        assert build_exhibition(root, sink) is None
        assert sink.items
    shutil.rmtree(root)


@settings(max_examples=60, deadline=None, suppress_health_check=SHARED_TMP)
@given(name=FILES, document=DOCUMENTS)
def test_arbitrary_manifests_never_crash_the_validator(
    tmp_path: Path, template: Path, name: str, document: str
) -> None:
    with tempfile.TemporaryDirectory(dir=tmp_path) as tmp:
        root = Path(tmp) / "p"
        shutil.copytree(template, root)
        (root / name).write_text(document, "utf-8")
        report = validate_package(root, "en")
        assert all(problem.message for problem in report)
