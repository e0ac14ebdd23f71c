"""The package validator: everything the loader checks, then the files themselves.

``validate_package`` reads the manifests through the same code as the kiosk (so it reports exactly
what the kiosk would hide), then opens every picture with Pillow, probes every audio and video file
with libvlc, parses every caption file, and scans the folder for links leading outside and for
device files. It only reads: the package is never modified.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from kiosk.content.images import MAX_PIXELS, inspect_image
from kiosk.content.loader import build_exhibition
from kiosk.content.manifest import TomlFile
from kiosk.content.media_checks import StoryChecker
from kiosk.content.model import Exhibition
from kiosk.content.problems import Problems, Reference
from kiosk.content.report import Report, Severity
from kiosk.content.safe_paths import relative_name

MAX_SCANNED_ENTRIES = 50_000
SMALL_PORTRAIT_PX = 600


class PackageValidator:
    """One validation run over one package."""

    def __init__(self, root: Path, language: str) -> None:
        self.root = root
        self.sink = Problems(root, language)
        self._ = self.sink.gettext

    def run(self) -> Report:
        _ = self._
        if not self.root.is_dir():
            message = (
                _("{folder} is a file, not a folder.")
                if self.root.exists()
                else _("The folder {folder} does not exist.")
            )
            self.sink.add(
                Severity.ERROR, "package.missing", "", None, "",
                message.format(folder=str(self.root)),
                _("Give the path of the content package folder (the one holding "
                  "exhibition.toml)."),
            )  # fmt: skip
        else:
            exhibition = build_exhibition(self.root, self.sink)
            self._scan_tree()
            if exhibition is not None:
                self._check_images(exhibition)
                StoryChecker(exhibition, self.sink).run()
                self._check_overall(exhibition)
        return Report(str(self.root), self.sink.language, list(self.sink.items))

    # -- the folder itself ----------------------------------------------------------------------

    def _scan_tree(self) -> None:
        """Links leading outside and device files are refused even when no manifest names them:
        an import copies the whole folder."""
        _ = self._
        base = self.root.resolve()
        count = 0
        for folder, dirs, files in os.walk(self.root, followlinks=False):
            for name in [*dirs, *files]:
                count += 1
                if count > MAX_SCANNED_ENTRIES:
                    return
                path = Path(folder) / name
                if os.path.normpath(path) in self.sink.named:
                    continue
                rel = path.relative_to(self.root).as_posix()
                try:
                    mode = os.lstat(path).st_mode
                    if stat.S_ISLNK(mode):
                        if not path.resolve().is_relative_to(base):
                            self.sink.add(
                                Severity.ERROR, "path.outside", rel, None, "",
                                _("This is a link to {target}, outside the package.").format(
                                    target=str(path.resolve())
                                ),
                                _("Copy the real file into the package instead of a link."),
                            )  # fmt: skip
                    elif not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
                        self.sink.add(
                            Severity.ERROR, "path.special", rel, None, "",
                            _("This is a device, a pipe or a socket, not a file."),
                            _("Remove it from the package."),
                        )  # fmt: skip
                except (OSError, RuntimeError):
                    continue

    # -- pictures -------------------------------------------------------------------------------

    def _image_problem(self, path: Path, fault: str, width: int, height: int) -> tuple[str, str]:
        _ = self._
        name = relative_name(self.root, path)
        texts = {
            "empty": (
                _("The picture {name} is empty (0 bytes).").format(name=name),
                _("Copy it again from the original."),
            ),
            "not_image": (
                _("The file {name} is not a picture.").format(name=name),
                _("Name a JPEG, PNG or WebP picture here."),
            ),
            "format": (
                _("The picture {name} is in a format the kiosk does not show.").format(name=name),
                _("Save it again as JPEG (photos) or PNG (logos, drawings)."),
            ),
            "too_many_pixels": (
                _(
                    "The picture {name} is {width} × {height} pixels; the kiosk accepts up to "
                    "{limit} megapixels."
                ).format(name=name, width=width, height=height, limit=MAX_PIXELS // 1_000_000),
                _("Reduce it to at most 6000 pixels on its long side."),
            ),
            "bomb": (
                _(
                    "The picture {name} would take a huge amount of memory to open "
                    "(a 'decompression bomb'): it cannot be used."
                ).format(name=name),
                _("Export the picture again from a photo editor."),
            ),
            "truncated": (
                _("The picture {name} is incomplete (cut off).").format(name=name),
                _("Copy it again from the original."),
            ),
            "unreadable": (
                _("The picture {name} cannot be read.").format(name=name),
                _("Open it in a photo editor and save it again as JPEG or PNG."),
            ),
        }
        return texts[fault]

    def _check_images(self, exhibition: Exhibition) -> None:
        _ = self._
        pictures: list[tuple[Path, bool]] = [(p, False) for p in exhibition.attract_images]
        for artist in exhibition.artists:
            if artist.portrait is not None:
                pictures.append((artist.portrait, True))
            pictures.extend((photo, False) for photo in artist.photos)
        pictures.extend((e.map_image, False) for e in exhibition.programme if e.map_image)
        pictures.extend((o.logo, False) for o in exhibition.organisations if o.logo)
        checked: set[Path] = set()
        for path, is_portrait in pictures:
            if path in checked:
                continue
            checked.add(path)
            check = inspect_image(path)
            where = self.sink.references.get(
                path, Reference(relative_name(self.root, path), None, "")
            )
            if check.fault:
                message, hint = self._image_problem(path, check.fault, check.width, check.height)
                self.sink.add(
                    Severity.ERROR, f"image.{check.fault}", where.manifest, where.line,
                    where.key, message, hint,
                )  # fmt: skip
            elif is_portrait and max(check.width, check.height) < SMALL_PORTRAIT_PX:
                self.sink.add(
                    Severity.WARNING, "image.small", where.manifest, where.line, where.key,
                    _("The portrait {name} is only {width} × {height} pixels: it will look "
                      "blurry.").format(
                        name=relative_name(self.root, path), width=check.width,
                        height=check.height,
                    ),
                    _("Use a picture at least 800 pixels high."),
                )  # fmt: skip

    # -- the whole ------------------------------------------------------------------------------

    def _check_overall(self, exhibition: Exhibition) -> None:
        _ = self._
        if not exhibition.artists:
            self.sink.add(
                Severity.WARNING, "exhibition.no_artists", "artists", None, "",
                _("No artist can be shown."),
                _("Add a folder per artist under artists/, each with an artist.toml."),
            )  # fmt: skip
        for artist in exhibition.artists:
            doc = self.sink.artist_manifests.get(artist.id)
            manifest = doc.rel if doc else f"artists/{artist.id}/artist.toml"

            def line(*key: str, doc: TomlFile | None = doc) -> int | None:
                return doc.line_of(key) if doc else None

            if artist.example and not exhibition.demo:
                self.sink.add(
                    Severity.WARNING, "artist.example", manifest, line("artist", "example"),
                    "artist.example",
                    _("{name} is marked as an example: visitors will see it labelled so.").format(
                        name=artist.name
                    ),
                    _("Replace the example texts and media, then remove 'example = true'."),
                )  # fmt: skip
            portrait_reported = any(
                p.file == manifest and p.field == "artist.portrait" for p in self.sink.items
            )
            if artist.portrait is None and not portrait_reported:
                self.sink.add(
                    Severity.WARNING, "artist.no_portrait", manifest, line("artist"),
                    "artist.portrait",
                    _("{name} has no portrait: a neutral picture will be shown.").format(
                        name=artist.name
                    ),
                    _('Add portrait = "portrait.jpg" and the picture.'),
                )  # fmt: skip
            if not artist.stories:
                self.sink.add(
                    Severity.WARNING, "artist.no_stories", manifest, line("artist"), "story",
                    _("{name} has no story that can be played.").format(name=artist.name),
                    _("Add a [[story]] with a video or audio file."),
                )  # fmt: skip


def validate_package(root: Path, language: str = "fr") -> Report:
    """Check a content package; errors block publishing, warnings do not. Never writes to it."""
    return PackageValidator(Path(root), language).run()
