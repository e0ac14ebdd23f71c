"""A small, complete content package for screen tests, written into a temporary folder.

Two artists (one marked as an example) with portraits, photos and stories, a programme with a
timed event, a morning-only event and a date-only event, and organisations with logos. Pictures
are drawn with Pillow; media files only need to exist (the screen tests use the fake player).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

ARTISTS = {
    "awa": ("Awa Test-Kouyaté", "kora", "كورا", (190, 80, 40)),
    "ibrahim": ("Ibrahim Test-Traoré", "balafon", "بالافون", (40, 110, 160)),
}
EXHIBITION = """
[exhibition]
id = "test-expo"
demo = true
default_language = "fr"
languages = ["fr", "en", "ar", "es", "de"]

[exhibition.title]
fr = "Musiciens du 93 (essai)"
en = "Musicians of the 93 (test)"
ar = "موسيقيو الـ93 (تجربة)"
es = "Músicos del 93 (prueba)"
de = "Musiker des 93 (Test)"

[attract]
images = ["attract/one.jpg", "attract/two.jpg"]
"""
PROGRAMME = """
[[event]]
id = "concert"
date = 2021-11-02
start = "14:00"
end = "16:00"
place = "Maison de Quartier Pierre Sémard"
address = "Saint-Denis"
map = "maps/plan.png"
title = { fr = "Concert d'essai", en = "Test concert", ar = "حفلة تجريبية" }

[[event]]
id = "atelier"
date = 2021-11-02
part_of_day = "morning"
place = "Espace Congrès"
title = { fr = "Atelier du matin", en = "Morning workshop", ar = "ورشة الصباح" }

[[event]]
id = "visite"
date = 2021-11-03
title = { fr = "Visite libre", en = "Open visit", ar = "زيارة حرة" }
"""
# The exhibition's own texts, for a second package (the shared one has neither).
INTRO_AND_CREDITS = """
[exhibition.intro]
fr = "Présentation d'essai : des musiciens racontent leur quartier."
ar = "تقديم تجريبي: موسيقيون يروون حكاية حيّهم."

[exhibition.credits]
fr = "Crédits d'essai : l'association Afrisson."
ar = "شكر تجريبي: جمعية أفريسون."
"""
ABOUT = """
[about]
text = { fr = "Une exposition d'essai.", en = "A test exhibition.", ar = "معرض تجريبي." }

[[organisation]]
id = "afrisson"
name = "Afrisson"
role = "organiser"
logo = "logos/afrisson.png"
text = { fr = "L'association.", en = "The association.", ar = "الجمعية." }

[[organisation]]
id = "mc2cm"
name = "MC2CM"
role = "partner"
logo = "logos/mc2cm.png"
"""


def _picture(path: Path, colour: tuple[int, int, int], size: tuple[int, int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.ellipse((w // 4, h // 6, 3 * w // 4, h // 2), fill=(240, 220, 190))
    image.save(path)


def _artist_toml(artist_id: str, name: str, fr: str, ar: str, example: bool, order: int) -> str:
    return f"""
[artist]
id = "{artist_id}"
name = "{name}"
example = {str(example).lower()}
order = {order}
town = "Saint-Denis"
portrait = "portrait.jpg"
photos = ["photos/1.jpg", "photos/2.jpg"]
instrument = {{ fr = "{fr}", en = "{fr}", ar = "{ar}" }}
origin = {{ fr = "Mali", en = "Mali", ar = "مالي" }}
bio = {{ fr = "Biographie de {name}.", en = "Biography of {name}.", ar = "سيرة {name}." }}

[[story]]
id = "{artist_id}-story"
kind = "video"
media = "stories/story.mp4"
[story.title]
fr = "Mon 93 ({artist_id})"
en = "My 93 ({artist_id})"
ar = "الـ93 خاصتي ({artist_id})"
"""


def write_package(root: Path, exhibition_extra: str = "") -> Path:
    """Write the package into ``root`` and return it; ``exhibition_extra`` ends exhibition.toml."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "exhibition.toml").write_text(EXHIBITION + exhibition_extra, "utf-8")
    (root / "programme.toml").write_text(PROGRAMME, "utf-8")
    (root / "about.toml").write_text(ABOUT, "utf-8")
    _picture(root / "attract" / "one.jpg", (120, 60, 30), (640, 360))
    _picture(root / "attract" / "two.jpg", (30, 60, 120), (640, 360))
    _picture(root / "logos" / "afrisson.png", (250, 250, 250), (200, 100))
    _picture(root / "logos" / "mc2cm.png", (250, 250, 250), (200, 100))
    _picture(root / "maps" / "plan.png", (230, 225, 210), (800, 400))
    for index, (artist_id, (name, fr, ar, colour)) in enumerate(ARTISTS.items()):
        folder = root / "artists" / artist_id
        _picture(folder / "portrait.jpg", colour, (300, 400))
        _picture(folder / "photos" / "1.jpg", colour, (640, 480))
        _picture(folder / "photos" / "2.jpg", colour[::-1], (640, 480))
        (folder / "stories").mkdir(parents=True, exist_ok=True)
        (folder / "stories" / "story.mp4").write_bytes(b"not decoded by the fake player")
        (folder / "artist.toml").write_text(
            _artist_toml(artist_id, name, fr, ar, example=index == 0, order=index + 1), "utf-8"
        )
    # More musicians than one screen holds, so the grid scrolls.
    for number in range(1, 7):
        folder = root / "artists" / f"extra-{number}"
        _picture(folder / "portrait.jpg", (90 + 20 * number, 70, 60), (300, 400))
        (folder / "artist.toml").write_text(
            f'[artist]\nid = "extra-{number}"\nname = "Musician {number}"\n'
            f'portrait = "portrait.jpg"\norder = {10 + number}\n',
            "utf-8",
        )
    return root
