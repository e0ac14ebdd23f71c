"""The content guide for staff: in French then English, its complete example validates, and every
code the validator can report is explained in both languages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PIL import Image

from kiosk.content.safe_paths import PathFault
from kiosk.content.validate import validate_package
from tests.content.conftest import DEMO, REPO

GUIDE = REPO / "docs" / "content-guide.md"
BLOCK = re.compile(r"<!-- (example-file(?:-en)?): (\S+) -->\n```[a-z]*\n(.*?)```", re.DOTALL)
# The modules that report validation problems.
VALIDATOR = ("loader", "fields", "problems", "items", "validate", "media_checks", "captions")
DEMO_STORIES = DEMO / "artists" / "artiste-exemple-1" / "stories"


def sections() -> tuple[str, str]:
    text = GUIDE.read_text("utf-8")
    french, english = text.split("\n# English\n", 1)
    return french, english


def write_example(section: str, marker: str, root: Path) -> list[str]:
    names = []
    for kind, name, body in BLOCK.findall(section):
        if kind != marker:
            continue
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, "utf-8")
        names.append(name)
    return names


def test_guide_is_in_french_first_then_english() -> None:
    french, english = sections()
    assert "# Français" in french and "Exemple complet" in french
    assert "Complete example" in english and "Validation messages" in english
    assert "Exemple complet" not in english


@pytest.mark.parametrize(("section", "marker"), [(0, "example-file"), (1, "example-file-en")])
def test_complete_example_of_the_guide_validates(tmp_path: Path, section: int, marker: str) -> None:
    root = tmp_path / "exemple"
    written = write_example(sections()[section], marker, root)
    assert {"exhibition.toml", "artists/ana-exemple/artist.toml", "programme.toml",
            "about.toml"} <= set(written)  # fmt: skip
    # The media the guide says to add: drawn pictures, and clips from the demo package.
    for name, size in (("attract/accueil.jpg", (1280, 720)),
                       ("artists/ana-exemple/portrait.jpg", (800, 1000)),
                       ("artists/ana-exemple/photos/scene.jpg", (1200, 800))):  # fmt: skip
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", size, (90, 60, 30)).save(root / name)
    (root / "logos").mkdir()
    Image.new("RGBA", (300, 100), (0, 0, 0, 0)).save(root / "logos" / "afrisson.png")
    stories = root / "artists" / "ana-exemple" / "stories"
    shutil.copy(DEMO_STORIES / "video.mp4", stories / "video.mp4")
    shutil.copy(DEMO_STORIES / "entretien.m4a", stories / "entretien.m4a")
    report = validate_package(root, "en")
    assert report.errors == [], report.to_text()
    # The example artist is labelled as such; nothing else to warn about.
    assert report.codes() <= {"artist.example"}, report.to_text()


def all_codes() -> set[str]:
    sources = "\n".join(
        (REPO / "kiosk" / "content" / f"{module}.py").read_text("utf-8") for module in VALIDATOR
    )
    families = "toml|field|id|path|file|text|event|image|media|caption|story|transcript|artist"
    literal = re.findall(rf'"((?:{families}|exhibition|package)\.[a-z_]+)"', sources)
    dynamic = (
        [f"path.{fault}" for fault in PathFault]
        + [f"toml.{k}" for k in ("missing", "unreadable", "too_large", "encoding", "syntax")]
        + [
            f"caption.{k}"
            for k in ("encoding", "header", "timing", "order", "format", "unreadable")
        ]
        + [
            f"image.{k}"
            for k in (
                "empty",
                "not_image",
                "format",
                "too_many_pixels",
                "bomb",
                "truncated",
                "unreadable",
            )
        ]
        + ["captions.translation_missing", "transcripts.translation_missing"]
    )
    # File names and field paths look like codes: leave them out.
    not_codes = {"artist.portrait"}
    literal = [c for c in literal if not c.endswith(".toml") and c not in not_codes]
    return set(literal) | set(dynamic)


def test_every_validation_code_is_explained_in_both_languages() -> None:
    french, english = sections()
    codes = all_codes()
    assert len(codes) > 50
    assert not [c for c in codes if f"`{c}`" not in french], "missing in French"
    assert not [c for c in codes if f"`{c}`" not in english], "missing in English"
