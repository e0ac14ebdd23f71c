"""The exhibition kiosk of the Maison de Quartier Pierre Sémard (Saint-Denis).

The package is laid out as a Qt-free core (``content``, ``analytics``, ``session``,
``staff.pin``, ``i18n`` formatting) with thin Qt adapters in ``ui`` and ``media``.
"""

# Kept equal to pyproject.toml's (tests/foundation/test_cli.py checks); a constant, because
# reading the installed metadata cost 30 ms of every start.
__version__ = "0.1.0"

APP_NAME = "kiosk"
