"""Captions on screen: the cue of the moment, in the visitor's language, following a switch.

The page is real QML rendered offscreen; time is the fake backend's clock, so the test decides
which moment of the story is on screen.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.media.fake_backend import FakeBackend, FakeClock
from kiosk.media.player import Player
from kiosk.ui.kiosk_state import KioskState
from kiosk.ui.player_model import PlayerModel
from tests.media.screen import (
    CAPTIONS,
    close_page,
    exhibition_with,
    item,
    show_page,
    story,
    write_captions,
)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def page(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> Iterator[tuple[KioskState, PlayerModel, object]]:
    media = tmp_path / "story.mp4"
    media.write_bytes(b"fake video")
    exhibition = exhibition_with(story(media, write_captions(tmp_path)), tmp_path)
    backend = FakeBackend(clock, durations={media: 4.0})
    model = PlayerModel(Player(backend), backend.frames, exhibition=exhibition)
    kiosk = KioskState(exhibition, language="fr", languages=("fr", "en", "ar"), kiosk_mode=False)
    kiosk.open("story", "arrivee")
    view = show_page("pages/StoryPage", {"kiosk": kiosk, "player": model}, (1280, 720))
    qtbot.waitUntil(lambda: model.state == "playing")
    yield kiosk, model, view
    close_page(view)
    model.shutdown()


def at(model: PlayerModel, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds - clock.now_s)
    model.refresh_position()


def test_the_cue_for_the_current_time_is_on_screen_in_the_visitors_language(
    page: tuple[KioskState, PlayerModel, object], clock: FakeClock
) -> None:
    _, model, view = page
    at(model, clock, 2.5)
    caption = item(view, "captionText")  # type: ignore[arg-type]
    assert model.captions.text == CAPTIONS["fr"][1]
    assert caption.property("text") == CAPTIONS["fr"][1]
    assert caption.isVisible()


def test_switching_the_visitors_language_switches_the_captions(
    page: tuple[KioskState, PlayerModel, object], clock: FakeClock, qtbot: QtBot
) -> None:
    kiosk, model, view = page
    at(model, clock, 0.5)
    kiosk.setLanguage("en")
    caption = item(view, "captionText")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: caption.property("text") == CAPTIONS["en"][0])
    assert model.captions.shownLanguage == "en"
    assert model.captions.notice == ""


def test_a_language_without_captions_falls_back_with_a_label_saying_which(
    page: tuple[KioskState, PlayerModel, object], clock: FakeClock, qtbot: QtBot
) -> None:
    kiosk, model, view = page
    at(model, clock, 0.5)
    kiosk.setLanguage("ar")
    notice = item(view, "captionNotice")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: notice.isVisible())
    assert model.captions.shownLanguage == "fr"
    assert "الفرنسية" in notice.property("text")  # "French", as Arabic writes it
    assert item(view, "captionText").property("text") == CAPTIONS["fr"][0]  # type: ignore[arg-type]


def test_captions_can_be_turned_off_and_come_back_for_the_next_visitor(
    page: tuple[KioskState, PlayerModel, object], clock: FakeClock
) -> None:
    _, model, view = page
    at(model, clock, 0.5)
    model.captions.setOn(False)
    assert item(view, "captionText").property("text") == ""  # type: ignore[arg-type]
    model.resetForNewVisitor()
    assert item(view, "captionText").property("text") == CAPTIONS["fr"][0]  # type: ignore[arg-type]
