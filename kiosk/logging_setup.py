"""Logging: stderr plus a rotating file in the log folder, with Qt's own messages routed in.

Qt warnings become ``logging`` records of the ``qt`` logger so they land in the same file a
technician reads, and so tests can fail on unexpected ones.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

LOG_FILE_NAME = "kiosk.log"
LOG_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
MAX_LOG_BYTES = 2 * 1024 * 1024
LOG_BACKUPS = 5


def configure_logging(log_dir: Path, level: str = "INFO") -> Path:
    """Send records to stderr and to ``log_dir/kiosk.log`` (rotated); returns the file path."""
    log_file = log_dir / LOG_FILE_NAME
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
        handler.close()
    formatter = logging.Formatter(LOG_FORMAT)
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setFormatter(formatter)
    root.addHandler(stderr)
    try:
        rotating = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError as error:
        # A read-only log folder must not stop the exhibition: keep stderr, say why.
        logging.getLogger(__name__).warning("cannot write the log file %s: %s", log_file, error)
    else:
        rotating.setFormatter(formatter)
        root.addHandler(rotating)
    root.setLevel(level)
    return log_file


def install_qt_message_handler() -> None:
    """Route qDebug/qWarning/qCritical into the ``qt`` logger."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_logger = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(message_type: QtMsgType, context: object, message: str) -> None:
        qt_logger.log(levels.get(message_type, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)
