"""``kiosk content new``: a small valid package with one example artist, ready to edit.

The pictures are drawn with Pillow; the story's video and its captions are copied from the bundled
demo exhibition, so nothing needs ffmpeg at run time. Every text says what to put in its place.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image, ImageDraw

from kiosk.paths import bundled_demo_dir

DEMO_ARTIST = Path("artists") / "artiste-exemple-1"

EXHIBITION_TOML = """\
# Le fichier principal de l'exposition. Voir docs/content-guide.md.
[exhibition]
id = "mon-exposition"
default_language = "fr"
languages = ["fr", "en"]

[exhibition.title]
fr = "Titre de l'exposition"
en = "Title of the exhibition"

[exhibition.subtitle]
fr = "Une ligne sous le titre (lieu, association)"
en = "One line under the title (venue, association)"

[exhibition.intro]
fr = "Quelques phrases qui présentent l'exposition aux visiteurs."
en = "A few sentences introducing the exhibition to visitors."

[attract]
images = ["attract/accueil.jpg"]
"""

ARTIST_TOML = """\
# Une fiche par artiste : artists/<identifiant>/artist.toml. Chemins relatifs à ce dossier.
[artist]
name = "Artiste exemple"
example = true
order = 1
portrait = "portrait.jpg"
photos = ["photos/photo-1.jpg"]

[artist.instrument]
fr = "Instrument"
en = "Instrument"

[artist.origin]
fr = "Origine"
en = "Origin"

[artist.bio]
fr = "Ici, la biographie de l'artiste, écrite avec lui ou elle."
en = "The artist's biography goes here, written with them."

[[story]]
id = "artiste-exemple-video"
kind = "video"
media = "stories/video.mp4"

[story.title]
fr = "Titre de l'histoire"
en = "Title of the story"

[story.summary]
fr = "Une phrase qui dit de quoi parle cette histoire."
en = "One sentence saying what this story is about."

[story.captions]
fr = "stories/video.fr.vtt"
en = "stories/video.en.vtt"
"""

PROGRAMME_TOML = """\
# Le programme : une entrée [[event]] par rendez-vous. Exemple (retirez les # pour l'utiliser) :
#
# [[event]]
# id = "visite"
# date = 2021-11-02          # année-mois-jour, sans guillemets
# part_of_day = "afternoon"  # ou start = 14:30:00 si l'heure est connue
# place = "Nom du lieu"
# address = "Adresse"
# [event.title]
# fr = "Titre"
# en = "Title"
"""

ABOUT_TOML = """\
# La page « À propos » : un texte et les organisations ([[organisation]]).
[about.text]
fr = "Qui a fait cette exposition, avec qui, avec quel soutien."
en = "Who made this exhibition, with whom, with what support."

[[organisation]]
id = "mon-association"
name = "Nom de l'association"
role = "organiser"

[organisation.text]
fr = "Une phrase sur l'association."
en = "One sentence about the association."
"""


class ScaffoldError(Exception):
    """The folder cannot be created (exists and is not empty, or cannot be written)."""


def _picture(path: Path, size: tuple[int, int], label: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, (184, 74, 28))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, size[0], size[1] // 6), fill=(20, 20, 20))
    draw.text((20, 20), label, fill=(255, 255, 255), font_size=max(16, size[0] // 20))
    image.save(path, "JPEG", quality=80)


def create_package(folder: Path, demo_dir: Path | None = None) -> None:
    """Write a new package in ``folder`` (which must not exist or be empty).

    Raises:
        ScaffoldError: the folder is not empty, or the demo media to copy are missing.
        OSError: the folder cannot be written.
    """
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ScaffoldError(f"{folder} exists and is not empty")
    source = (demo_dir or bundled_demo_dir()) / DEMO_ARTIST / "stories"
    media = [source / name for name in ("video.mp4", "video.fr.vtt", "video.en.vtt")]
    missing = [str(path) for path in media if not path.is_file()]
    if missing:
        raise ScaffoldError(f"demo media missing: {', '.join(missing)}")
    artist = folder / "artists" / "artiste-exemple"
    (artist / "stories").mkdir(parents=True, exist_ok=True)
    (folder / "exhibition.toml").write_text(EXHIBITION_TOML, "utf-8")
    (folder / "programme.toml").write_text(PROGRAMME_TOML, "utf-8")
    (folder / "about.toml").write_text(ABOUT_TOML, "utf-8")
    (artist / "artist.toml").write_text(ARTIST_TOML, "utf-8")
    _picture(folder / "attract" / "accueil.jpg", (1280, 720), "Image d'accueil / Welcome picture")
    _picture(artist / "portrait.jpg", (800, 1000), "Portrait")
    _picture(artist / "photos" / "photo-1.jpg", (1200, 800), "Photo")
    for path in media:
        shutil.copyfile(path, artist / "stories" / path.name)
