"""Which QML file (under ``qml/pages``) shows each page of :mod:`kiosk.navigation`."""

from __future__ import annotations

PAGE_COMPONENTS = {
    "attract": "AttractPage",
    "home": "HomePage",
    "exhibition": "ExhibitionPage",
    "artist": "ArtistPage",
    "story": "StoryPage",
    "programme": "ProgrammePage",
    "about": "AboutPage",
    "accessibility": "AccessibilityPage",
    "staff": "StaffPage",
}
