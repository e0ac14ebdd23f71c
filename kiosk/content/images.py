"""Pictures: checking that a file is a usable image, and screen-sized renditions in a cache.

Staff copy photos straight from cameras (50 megapixels, turned by an EXIF tag) or from the web
(anything). ``inspect_image`` tells what is wrong without ever crashing: an unknown format, a
file cut off, a "decompression bomb" (tiny on disk, gigantic once decoded). ``rendition`` makes
the upright, screen-sized copy the screens load, once, into a cache keyed by the file's content,
so the kiosk never decodes a 50-megapixel photo while a visitor waits.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import struct
import tempfile
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from kiosk.content.model import Exhibition
from kiosk.paths import kept_path

log = logging.getLogger(__name__)

ALLOWED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})
# Above this the image is refused: decoding it would take seconds and hundreds of MB.
MAX_PIXELS = 40_000_000
RENDITION_VERSION = "1"
THUMBNAIL_PX = 480
SCREEN_PX = 1920


@dataclass(frozen=True)
class ImageCheck:
    """The verdict on one picture.

    Attributes:
        fault: "" when usable; otherwise ``empty``, ``not_image``, ``format``, ``too_many_pixels``,
            ``bomb``, ``truncated`` or ``unreadable``.
        format: Pillow's format name (``JPEG``...), "" when unknown.
        width, height: stored size in pixels (before EXIF rotation), 0 when unknown.
    """

    fault: str = ""
    format: str = ""
    width: int = 0
    height: int = 0
    detail: str = ""

    @property
    def megapixels(self) -> float:
        return self.width * self.height / 1_000_000


def _png_size(path: Path) -> tuple[int, int]:
    """Width and height from a PNG header, read without Pillow (which refuses huge ones)."""
    with open(path, "rb") as handle:
        head = handle.read(24)
    if head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR":
        width, height = struct.unpack(">II", head[16:24])
        return int(width), int(height)
    return 0, 0


def inspect_image(path: Path, *, decode: bool = True) -> ImageCheck:
    """Open (and with ``decode``, fully decode at reduced size) one picture; never raises for
    bad content."""
    try:
        if path.stat().st_size == 0:
            return ImageCheck("empty")
    except OSError as error:
        return ImageCheck("unreadable", detail=str(error))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                fmt = image.format or ""
                width, height = image.size
                if fmt not in ALLOWED_FORMATS:
                    return ImageCheck("format", fmt, width, height)
                if width * height > MAX_PIXELS:
                    return ImageCheck("too_many_pixels", fmt, width, height)
                if decode:
                    if fmt == "JPEG":
                        # Decoding at 1/8 scale still reads every byte: a cut-off file is found
                        # at a fraction of the cost.
                        image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                    image.load()
                return ImageCheck("", fmt, width, height)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        width, height = _png_size(path)
        return ImageCheck("too_many_pixels", "", width, height)
    except UnidentifiedImageError:
        return ImageCheck("not_image")
    except ValueError as error:
        # Pillow refuses text chunks that inflate past its limit: a decompression bomb.
        if "Decompressed" in str(error) or "too large" in str(error).lower():
            return ImageCheck("bomb", detail=str(error))
        return ImageCheck("unreadable", detail=str(error))
    except OSError as error:
        if "truncated" in str(error).lower() or "broken" in str(error).lower():
            return ImageCheck("truncated", detail=str(error))
        return ImageCheck("unreadable", detail=str(error))
    except (SyntaxError, struct.error, EOFError, MemoryError) as error:
        return ImageCheck("truncated", detail=str(error))


def content_key(path: Path) -> str:
    """SHA-256 of the file's bytes: the same photo under two names is converted once.

    Remembered per (path, size, modification time), so showing a photo again does not read
    50 MB to hash it; a replaced file has another size or time and is hashed afresh.
    """
    info = path.stat()
    return _hash_file(str(path), info.st_size, info.st_mtime_ns)


@functools.lru_cache(maxsize=4096)
def _hash_file(path: str, size: int, mtime_ns: int) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def rendition(path: Path, cache_dir: Path, max_px: int = SCREEN_PX) -> Path:
    """An upright copy of ``path`` no larger than ``max_px`` on its long side, from the cache.

    JPEG is used for opaque pictures, PNG for pictures with transparency (logos). The first call
    for a given content and size writes the file (atomically); later calls only hash the file.

    Raises:
        ValueError: the picture is not usable (see :func:`inspect_image`).
        OSError: the cache cannot be written.
    """
    key = content_key(path)
    folder = kept_path(cache_dir, key[:2])  # asked on every page view: see kept_path
    for suffix in (".jpg", ".png"):
        cached = kept_path(folder, f"{key}-{max_px}-v{RENDITION_VERSION}{suffix}")
        if cached.is_file():
            return cached
    check = inspect_image(path, decode=False)
    if check.fault:
        raise ValueError(f"{path}: {check.fault}")
    with Image.open(path) as image:
        if image.format == "JPEG":
            image.draft("RGB", (max_px, max_px))
        upright = ImageOps.exif_transpose(image)
        has_alpha = upright.mode in ("RGBA", "LA", "PA") or "transparency" in upright.info
        upright = upright.convert("RGBA" if has_alpha else "RGB")
        upright.thumbnail((max_px, max_px), Image.Resampling.LANCZOS)
        suffix = ".png" if has_alpha else ".jpg"
        target = folder / f"{key}-{max_px}-v{RENDITION_VERSION}{suffix}"
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=suffix)
        try:
            with os.fdopen(handle, "wb") as stream:
                if has_alpha:
                    upright.save(stream, "PNG", optimize=True)
                else:
                    upright.save(stream, "JPEG", quality=85, optimize=True, progressive=True)
            os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    return target


def thumbnail(path: Path, cache_dir: Path) -> Path:
    """A small rendition for lists and grids."""
    return rendition(path, cache_dir, THUMBNAIL_PX)


def exhibition_pictures(exhibition: Exhibition) -> list[Path]:
    """Every picture an exhibition shows, each once, in screen order."""
    pictures: list[Path] = [*exhibition.attract_images]
    for artist in exhibition.artists:
        pictures += [*([artist.portrait] if artist.portrait else []), *artist.photos]
    pictures += [event.map_image for event in exhibition.programme if event.map_image]
    pictures += [o.logo for o in exhibition.organisations if o.logo]
    return list(dict.fromkeys(pictures))


def prepare_renditions(
    pictures: Iterable[Path], cache_dir: Path, sizes: Iterable[int] = (SCREEN_PX, THUMBNAIL_PX)
) -> dict[tuple[Path, int], Path]:
    """Make (or find) the renditions of every picture, e.g. after an import or at start-up, so
    no screen waits for a decode. A picture that cannot be used is logged and left out."""
    made: dict[tuple[Path, int], Path] = {}
    for picture in pictures:
        for size in sizes:
            try:
                made[(picture, size)] = rendition(picture, cache_dir, size)
            except (ValueError, OSError, Image.DecompressionBombError) as error:
                log.warning("no rendition of %s at %d px: %s", picture, size, error)
                break
    return made
