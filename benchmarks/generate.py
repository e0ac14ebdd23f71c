"""Generates the big inputs of the benchmarks into ``benchmarks/generated/`` (git-ignored).

- ``scale/``: the demo exhibition grown to 1,000 artists and 5,000 images (a portrait and four
  photos each, every image a distinct file), each artist with the demo's video and audio stories
  (hard links: the start-up does not read media, and 2,000 copies would only fill the disk).
- ``import-1gb/`` (``import-quick/`` for ``--quick``): the demo exhibition plus artists whose
  video is the demo clip followed by an MP4 ``free`` box of random bytes, a valid file that
  players skip through, so the package weighs what staff would bring on a stick.

``python -m benchmarks.generate [--quick] [--force]``. A stamp file remembers what was made, so
running it again costs nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import struct
from pathlib import Path

from benchmarks.procs import DEMO, GENERATED

TEMPLATE_ARTIST = "artiste-exemple-1"
SCALE_ARTISTS = 1000
IMPORT_FULL_MB = 1024
IMPORT_QUICK_MB = 200
IMPORT_ARTIST_MB = 128
STAMP = ".generated.json"


def _stamped(target: Path, params: dict[str, object]) -> bool:
    stamp = target / STAMP
    return stamp.is_file() and json.loads(stamp.read_text("utf-8")) == params


def _base(target: Path) -> Path:
    """A fresh copy of the demo without its example artists."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(DEMO, target, ignore=shutil.ignore_patterns("artists"))
    (target / "artists").mkdir()
    return target


def _artist_manifest(new_id: str, name: str, order: int, photos: int) -> str:
    text = (DEMO / "artists" / TEMPLATE_ARTIST / "artist.toml").read_text("utf-8")
    text = text.replace(TEMPLATE_ARTIST, new_id).replace("Artiste exemple 1", name)
    text = text.replace("order = 1\n", f"order = {order}\n")
    listed = ", ".join(f'"photos/photo-{n}.jpg"' for n in range(1, photos + 1))
    lines = [
        f"photos = [{listed}]" if line.startswith("photos = [") else line
        for line in text.splitlines()
    ]
    return "\n".join(lines) + "\n"


def _unique_copy(source: Path, target: Path, tag: str) -> None:
    """The same picture with a few bytes after its end marker, so every file is distinct."""
    target.write_bytes(source.read_bytes() + f"\n{tag}\n".encode())


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def generate_scale(target: Path, artists: int = SCALE_ARTISTS, photos: int = 4) -> Path:
    """An exhibition with ``artists`` artists and ``artists * (photos + 1)`` images."""
    params: dict[str, object] = {"kind": "scale", "artists": artists, "photos": photos}
    if _stamped(target, params):
        return target
    _base(target)
    template = DEMO / "artists" / TEMPLATE_ARTIST
    pictures = [*sorted((template / "photos").glob("*.jpg")), template / "portrait.jpg"]
    for number in range(1, artists + 1):
        artist_id = f"artiste-genere-{number:04d}"
        folder = target / "artists" / artist_id
        (folder / "photos").mkdir(parents=True)
        (folder / "stories").mkdir()
        manifest = _artist_manifest(artist_id, f"Artiste généré {number:04d}", number, photos)
        (folder / "artist.toml").write_text(manifest, "utf-8")
        _unique_copy(pictures[-1], folder / "portrait.jpg", artist_id)
        for index in range(1, photos + 1):
            source = pictures[(number + index) % (len(pictures) - 1)]
            _unique_copy(source, folder / "photos" / f"photo-{index}.jpg", f"{artist_id}-{index}")
        for story_file in (template / "stories").iterdir():
            _link_or_copy(story_file, folder / "stories" / story_file.name)
    (target / STAMP).write_text(json.dumps(params), "utf-8")
    return target


def _padded_video(source: Path, target: Path, megabytes: int, rng: random.Random) -> None:
    """The clip, then one top-level ``free`` box: the boxes still add up to the file size."""
    payload = megabytes * 1024 * 1024
    with target.open("wb") as out:
        out.write(source.read_bytes())
        out.write(struct.pack(">I4s", 8 + payload, b"free"))
        block = 4 * 1024 * 1024
        written = 0
        while written < payload:
            size = min(block, payload - written)
            out.write(rng.randbytes(size))
            written += size


def generate_import(target: Path, megabytes: int, per_artist_mb: int = IMPORT_ARTIST_MB) -> Path:
    """A valid package of about ``megabytes`` MiB: the demo plus heavy generated artists."""
    params: dict[str, object] = {"kind": "import", "mb": megabytes, "per_artist": per_artist_mb}
    if _stamped(target, params):
        return target
    _base(target)
    shutil.copytree(DEMO / "artists", target / "artists", dirs_exist_ok=True)
    template = DEMO / "artists" / TEMPLATE_ARTIST
    rng = random.Random(93)
    count = max(1, round(megabytes / per_artist_mb))
    for number in range(1, count + 1):
        artist_id = f"artiste-lourd-{number:02d}"
        folder = target / "artists" / artist_id
        shutil.copytree(template, folder, ignore=shutil.ignore_patterns("video.mp4"))
        manifest = _artist_manifest(artist_id, f"Artiste lourd {number:02d}", 10 + number, 3)
        (folder / "artist.toml").write_text(manifest, "utf-8")
        _padded_video(
            template / "stories" / "video.mp4",
            folder / "stories" / "video.mp4",
            megabytes // count,
            rng,
        )
    (target / STAMP).write_text(json.dumps(params), "utf-8")
    return target


def generate_all(quick: bool) -> dict[str, Path]:
    made = {"scale": generate_scale(GENERATED / "scale")}
    if quick:
        made["import"] = generate_import(GENERATED / "import-quick", IMPORT_QUICK_MB)
    else:
        made["import"] = generate_import(GENERATED / "import-1gb", IMPORT_FULL_MB)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate")
    parser.add_argument("--quick", action="store_true", help="a 200 MB import package")
    parser.add_argument("--force", action="store_true", help="make everything again")
    args = parser.parse_args(argv)
    if args.force and GENERATED.exists():
        shutil.rmtree(GENERATED)
    for name, path in generate_all(args.quick).items():
        print(f"{name}: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
