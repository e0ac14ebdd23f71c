"""Which pictures the welcome loop cycles through."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.model import Artist, Exhibition, LocalizedText


def exhibition(artists: int, attract_images: tuple[Path, ...] = ()) -> Exhibition:
    return Exhibition(
        root=Path("/expo"),
        id="expo",
        title=LocalizedText({"fr": "Expo"}),
        default_language="fr",
        languages=("fr",),
        attract_images=attract_images,
        artists=tuple(
            Artist(
                id=f"a{n}",
                name=f"Artiste {n}",
                instrument=LocalizedText(),
                origin=LocalizedText(),
                town="",
                bio=LocalizedText(),
                # Every third musician has no portrait yet.
                portrait=None if n % 3 == 0 else Path(f"/expo/a{n}.jpg"),
            )
            for n in range(artists)
        ),
    )


def test_the_pictures_the_package_names_come_first() -> None:
    named = (Path("/expo/affiche.jpg"), Path("/expo/salle.jpg"))
    assert exhibition(5, named).welcome_pictures() == named


def test_without_named_pictures_the_loop_shows_the_musicians_portraits() -> None:
    assert exhibition(4).welcome_pictures() == (Path("/expo/a1.jpg"), Path("/expo/a2.jpg"))


def test_a_thousand_musicians_give_a_dozen_portraits() -> None:
    pictures = exhibition(1000).welcome_pictures()
    assert len(pictures) == 12
    assert pictures[0] == Path("/expo/a1.jpg")
