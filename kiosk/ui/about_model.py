"""The about page's content: the exhibition's text and its organisations grouped by role.

No Qt here; the root view-model hands the result to QML as plain lists. Roles come from the
content package (organiser, venue, programme, partner, funder, support) and are shown in that
order with a translated heading.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.content.model import Exhibition, Organisation
from kiosk.i18n.catalog import gettext_for
from kiosk.ui.images import LOGO_PX, image_url
from kiosk.ui.localized import text_and_notice

ROLE_ORDER = ("organiser", "venue", "programme", "partner", "funder", "support")


def role_heading(role: str, language: str) -> str:
    _ = gettext_for(language).gettext
    headings = {
        "organiser": _("Organised by"),
        "venue": _("Venue"),
        "programme": _("Programme"),
        "partner": _("Partners"),
        "funder": _("Funded by"),
        "support": _("With the support of"),
    }
    return headings.get(role, role)


def _organisation(
    organisation: Organisation, language: str, default: str, cache_dir: Path | None
) -> dict[str, str]:
    text, notice = text_and_notice(organisation.text, language, default)
    return {
        "id": organisation.id,
        "name": organisation.name,
        "text": text,
        "textNotice": notice,
        "logo": image_url(organisation.logo, cache_dir, LOGO_PX),
        "website": organisation.website,
    }


def about_groups(
    exhibition: Exhibition, language: str, cache_dir: Path | None = None
) -> list[dict[str, Any]]:
    """Organisations grouped by role, in ``ROLE_ORDER`` then any other role, file order inside."""
    default = exhibition.default_language
    roles = [role for role in ROLE_ORDER if any(o.role == role for o in exhibition.organisations)]
    roles += sorted({o.role for o in exhibition.organisations} - set(ROLE_ORDER))
    return [
        {
            "role": role,
            "heading": role_heading(role, language),
            "organisations": [
                _organisation(organisation, language, default, cache_dir)
                for organisation in exhibition.organisations
                if organisation.role == role
            ],
        }
        for role in roles
    ]
