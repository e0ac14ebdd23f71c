"""The static "hors service" screen systemd shows when the kiosk keeps failing.

Built by packaging/kiosk.spec as a second, tiny program next to ``kiosk``
(``/opt/kiosk/kiosk-out-of-order``) and started by ``kiosk-out-of-order.service`` through the
kiosk unit's ``OnFailure=``. It uses QtGui only (no QML, no libvlc, no content, no data
folder), so whatever broke the kiosk is unlikely to break it too. It draws one message in every
shipped language on a calm background and waits; a technician restarts the kiosk with
``systemctl restart kiosk`` once the cause is fixed (see docs/install.md).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPainter,
    QPaintEvent,
    QRasterWindow,
)

from kiosk.i18n.catalog import gettext_for
from kiosk.paths import source_root

LANGUAGES = ("fr", "en", "ar", "es", "de")


def messages() -> list[str]:
    """One line per language, French first, without repeating identical translations."""
    lines: list[str] = []
    for language in LANGUAGES:
        _ = gettext_for(language).gettext
        line = _("This kiosk is out of order for the moment. Please ask the reception desk.")
        if line not in lines:
            lines.append(line)
    return lines


class OutOfOrderWindow(QRasterWindow):
    """A full-screen window painting the message; nothing to touch, nothing to animate."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self._lines = lines
        self.setTitle("kiosk")

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(QRect(0, 0, self.width(), self.height()), QColor("#1d1b2e"))
        painter.setPen(QColor("#f4efe6"))
        font = QFont()
        font.setPixelSize(max(18, self.height() // 24))
        painter.setFont(font)
        margin = self.width() * 0.08
        area = QRectF(margin, margin, self.width() - 2 * margin, self.height() - 2 * margin)
        flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags), "\n\n".join(self._lines))
        painter.end()


def load_fonts() -> None:
    """The kiosk's own fonts (Latin and Arabic): a bare kiosk image may have none."""
    for font in sorted((source_root() / "assets" / "fonts").glob("*.[ot]tf")):
        QFontDatabase.addApplicationFont(str(font))


def main() -> int:
    app = QGuiApplication(sys.argv)
    load_fonts()
    window = OutOfOrderWindow(messages())
    # cage makes every window full screen; a bare X server needs the size given.
    window.setGeometry(app.primaryScreen().geometry())
    window.showFullScreen()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
