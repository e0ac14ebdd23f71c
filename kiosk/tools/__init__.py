"""Developer tools run with ``python -m kiosk.tools.<name>`` (screenshots for the docs)."""
