"""The exhibition kiosk of the Maison de Quartier Pierre Sémard (Saint-Denis).

The package is laid out as a Qt-free core (``content``, ``analytics``, ``session``,
``staff.pin``, ``i18n`` formatting) with thin Qt adapters in ``ui`` and ``media``.
"""

from importlib import metadata

try:
    __version__ = metadata.version("kiosk")
except metadata.PackageNotFoundError:  # running from a source tree or a frozen build
    __version__ = "0.1.0"

APP_NAME = "kiosk"
