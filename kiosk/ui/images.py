"""Image URLs for QML: screens never decode a camera-sized photo.

Pictures go through the content pipeline's renditions (``kiosk.content.images.rendition``), cached
at the size a screen needs. When a rendition cannot be made, the original file is shown (QML still
bounds the decode with ``sourceSize``) and the reason is logged.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QUrl

from kiosk.content.images import rendition
from kiosk.log_once import log_once

log = logging.getLogger(__name__)

PORTRAIT_PX = 640
PHOTO_PX = 1920
LOGO_PX = 400


def _missing(path: Path) -> bool:
    """True when the picture is gone (a pulled disk, an emptied folder): logged once per folder,
    since every page view asks again and the log must stay readable."""
    if path.is_file():
        return False
    message = "pictures missing in %s (folder removed or emptied?): they are hidden"
    log_once(log, logging.ERROR, ("pictures", path.parent), message, path.parent)
    return True


def image_url(path: Path | None, cache_dir: Path | None, max_px: int) -> str:
    """A ``file://`` URL for ``path`` scaled to at most ``max_px``; "" when there is no image
    (none given, or the file has gone: QML shows no picture rather than a broken one)."""
    if path is None or _missing(path):
        return ""
    shown = path
    if cache_dir is not None:
        try:
            shown = rendition(path, cache_dir, max_px)
        except (OSError, ValueError) as error:
            log.warning("showing %s unscaled: %s", path, error)
            shown = path
    return QUrl.fromLocalFile(str(shown)).toString()
