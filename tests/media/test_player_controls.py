"""The player's touch controls on the real story page (offscreen), with the fake backend.

Each test taps or drags like a finger would and checks what the visitor would notice: the story
pauses, jumps, gets louder but never above the staff's maximum, a transcript line plays from
there, a broken file gives a calm card.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QAccessible
from PySide6.QtQuick import QQuickView
from pytestqt.qtbot import QtBot

from kiosk.content.model import StoryKind
from kiosk.media.fake_backend import FakeBackend, FakeClock
from kiosk.media.player import Player
from kiosk.ui.kiosk_state import KioskState
from kiosk.ui.player_model import PlayerModel
from kiosk.ui.video_item import VideoItem
from tests.media.screen import (
    CAPTIONS,
    close_page,
    drag_along,
    exhibition_with,
    item,
    items_named,
    show_page,
    story,
    tap,
    write_captions,
    write_long_captions,
)

DURATION_S = 60.0
Page = tuple[PlayerModel, QQuickView, FakeBackend]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def open_page(qtbot: QtBot, tmp_path: Path, clock: FakeClock) -> Iterator[Callable[..., Page]]:
    opened: list[tuple[PlayerModel, QQuickView]] = []

    def open_(
        kind: StoryKind = StoryKind.VIDEO,
        exists: bool = True,
        available: bool = True,
        description: bool = False,
        cues: int = 0,
    ) -> Page:
        media = tmp_path / ("story.mp4" if kind == StoryKind.VIDEO else "story.ogg")
        if exists:
            media.write_bytes(b"fake")
        described = tmp_path / "description.ogg" if description else None
        if described is not None:
            described.write_bytes(b"fake")
        captions = write_long_captions(tmp_path, cues) if cues else write_captions(tmp_path)
        exhibition = exhibition_with(story(media, captions, kind, described), tmp_path)
        backend = FakeBackend(clock, durations={media: DURATION_S})
        player = Player(backend if available else None, volume_default=70, volume_max=90)
        model = PlayerModel(player, backend.frames, exhibition=exhibition)
        kiosk = KioskState(exhibition, language="fr", languages=("fr", "en"), kiosk_mode=False)
        kiosk.open("story", "arrivee")
        view = show_page("pages/StoryPage", {"kiosk": kiosk, "player": model}, (1280, 720))
        qtbot.waitExposed(view)
        opened.append((model, view))
        return model, view, backend

    yield open_
    for model, view in opened:
        close_page(view)
        model.shutdown()


def test_the_story_starts_when_the_page_opens_and_the_big_button_pauses_it(
    open_page: Callable[..., Page], qtbot: QtBot
) -> None:
    model, view, _ = open_page()
    qtbot.waitUntil(lambda: model.state == "playing")
    tap(view, "playPauseButton")
    qtbot.waitUntil(lambda: model.state == "paused")
    tap(view, "playPauseButton")
    qtbot.waitUntil(lambda: model.state == "playing")


def test_dragging_the_time_line_jumps_to_where_the_finger_is_released(
    open_page: Callable[..., Page], qtbot: QtBot
) -> None:
    model, view, backend = open_page()
    qtbot.waitUntil(lambda: model.state == "playing")
    drag_along(view, "scrubBar", 0.1, 0.75)
    assert backend.position_s() == pytest.approx(0.75 * DURATION_S, abs=0.05 * DURATION_S)
    assert model.position == pytest.approx(backend.position_s())


def test_back_and_forward_buttons_move_ten_seconds(
    open_page: Callable[..., Page], qtbot: QtBot, clock: FakeClock
) -> None:
    model, view, backend = open_page()
    qtbot.waitUntil(lambda: model.state == "playing")
    clock.advance(15.0)
    tap(view, "backButton")
    assert backend.position_s() == pytest.approx(5.0)
    tap(view, "forwardButton")
    assert backend.position_s() == pytest.approx(15.0)


def test_volume_up_stops_at_the_staff_maximum(open_page: Callable[..., Page], qtbot: QtBot) -> None:
    model, view, backend = open_page()
    qtbot.waitUntil(lambda: model.state == "playing")
    for _ in range(5):
        tap(view, "volumeUpButton")
    assert model.volume == 90
    assert backend.volume == 90
    model.resetForNewVisitor()
    assert backend.volume == 70


def test_the_end_is_shown_and_replay_starts_again(
    open_page: Callable[..., Page], qtbot: QtBot, clock: FakeClock
) -> None:
    model, view, _ = open_page()
    qtbot.waitUntil(lambda: model.state == "playing")
    clock.advance(DURATION_S)
    qtbot.waitUntil(lambda: model.state == "ended")
    tap(view, "replayButton")
    qtbot.waitUntil(lambda: model.state == "playing")
    assert model.position == 0.0


def test_tapping_a_transcript_line_plays_the_audio_story_from_there(
    open_page: Callable[..., Page], qtbot: QtBot
) -> None:
    model, view, backend = open_page(StoryKind.AUDIO)
    qtbot.waitUntil(lambda: model.state == "playing")
    transcript = item(view, "transcript")
    assert transcript.isVisible()
    assert item(view, "videoItem").isVisible() is False
    lines = items_named(transcript, "transcriptLine")
    assert [line.property("text") for line in lines] == CAPTIONS["fr"]
    tap(view, lines[1])
    assert backend.position_s() == pytest.approx(2.0)
    qtbot.waitUntil(lambda: model.captions.currentIndex == 1)


def test_a_missing_file_gives_a_calm_card_and_no_controls_to_press(
    open_page: Callable[..., Page], qtbot: QtBot
) -> None:
    model, view, _ = open_page(exists=False)
    card = item(view, "playerErrorText")
    qtbot.waitUntil(card.isVisible)
    assert card.property("text") == model.errorText != ""
    assert not item(view, "playerControls").isVisible()


def test_without_libvlc_the_page_says_stories_are_unavailable(
    open_page: Callable[..., Page], qtbot: QtBot
) -> None:
    model, view, _ = open_page(available=False)
    card = item(view, "playerErrorText")
    qtbot.waitUntil(card.isVisible)
    assert model.errorKind == "unavailable"
    assert card.property("text") == model.errorText != ""


def test_every_control_is_a_named_touch_target_of_at_least_64_px(
    open_page: Callable[..., Page], qtbot: QtBot
) -> None:
    model, view, _ = open_page()
    qtbot.waitUntil(lambda: model.state == "playing")
    for name in (
        "playPauseButton",
        "backButton",
        "forwardButton",
        "replayButton",
        "scrubBar",
        "volumeDownButton",
        "volumeUpButton",
        "captionsButton",
    ):
        control = item(view, name)
        assert control.width() >= 64 and control.height() >= 64, name
        accessible = QAccessible.queryAccessibleInterface(control)
        assert accessible is not None and accessible.text(QAccessible.Text.Name), name


def test_the_transcript_keeps_the_line_being_heard_in_view(
    open_page: Callable[..., Page], qtbot: QtBot, clock: FakeClock
) -> None:
    model, view, _ = open_page(StoryKind.AUDIO, cues=40)
    qtbot.waitUntil(lambda: model.state == "playing")
    clock.advance(35.2)
    model.refresh_position()
    transcript = item(view, "transcript")
    lines = items_named(transcript, "transcriptLine")
    heard = [line for line in lines if line.property("text") == "Phrase numéro 35"]
    assert heard, "the line being heard was never scrolled to"
    line = heard[0]
    top = line.mapToItem(transcript, QPointF(0, 0)).y()
    assert top >= 0 and top + line.height() <= transcript.height() + 1
    assert model.captions.currentIndex == 35


def test_audio_description_can_be_chosen_when_the_story_has_one(
    open_page: Callable[..., Page], qtbot: QtBot
) -> None:
    model, view, backend = open_page(description=True)
    qtbot.waitUntil(lambda: model.state == "playing")
    tap(view, "audioDescriptionButton")
    assert backend.audio_description
    assert model.audioDescriptionOn
    model.resetForNewVisitor()
    assert not backend.audio_description


def test_no_audio_description_button_without_a_description(
    open_page: Callable[..., Page], qtbot: QtBot
) -> None:
    model, view, _ = open_page()
    qtbot.waitUntil(lambda: model.state == "playing")
    assert not item(view, "audioDescriptionButton").isVisible()


def test_story_after_story_shows_the_one_video_picture_and_leaves_nothing_behind(
    qtbot: QtBot, tmp_path: Path, clock: FakeClock
) -> None:
    # The kiosk opens hundreds of stories a day. PySide6 never frees the Python half of an item
    # QML makes from a Python type, so the picture is one item moved in and out of each page.
    media = tmp_path / "story.mp4"
    media.write_bytes(b"fake")
    exhibition = exhibition_with(story(media, write_captions(tmp_path)), tmp_path)
    backend = FakeBackend(clock, durations={media: DURATION_S})
    model = PlayerModel(Player(backend), backend.frames, exhibition=exhibition)
    kiosk = KioskState(exhibition, language="fr", languages=("fr",), kiosk_mode=False)
    pictures = []
    for _ in range(5):
        kiosk.open("story", "arrivee")
        view = show_page("pages/StoryPage", {"kiosk": kiosk, "player": model}, (1280, 720))
        qtbot.waitExposed(view)
        picture = item(view, "videoItem")
        area = picture.parentItem()
        qtbot.waitUntil(lambda laid_out=area: laid_out.width() > 600)
        assert picture.isVisible()
        assert (picture.width(), picture.height()) == (area.width(), area.height())
        pictures.append(picture)
        close_page(view)
        assert picture.parentItem() is None  # off the screen, not destroyed with the page
        kiosk.open("home")
    assert all(picture is pictures[0] for picture in pictures)
    gc.collect()
    alive = [o for o in gc.get_objects() if isinstance(o, VideoItem) and o._player is model]
    assert len(alive) == 1
    model.shutdown()
