"""The view-model QML binds the story player to: state, time, controls, the story shown.

It wraps the Qt-free :class:`kiosk.media.player.Player`. libvlc reports from its own threads; the
player calls ``wakeup`` there, which only emits a signal queued to this object's thread, where the
events are applied. Position is read at 10 Hz while a story plays and handed to the captions
(``player.captions``, :mod:`kiosk.ui.captions_model`), which look up the cue of the moment. Every
visible sentence comes from the catalogue in the visitor's language.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Property, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtQml import QmlElement, QmlUncreatable
from PySide6.QtQuick import QQuickItem

from kiosk.content.model import Exhibition, Story, StoryKind
from kiosk.media.frames import FrameBuffer
from kiosk.media.loudness import LoudnessCache
from kiosk.media.messages import error_sentence
from kiosk.media.player import Player, PlayerState
from kiosk.ui.captions_model import CaptionsModel
from kiosk.ui.images import PORTRAIT_PX, image_url
from kiosk.ui.pyside_fixes import pin_bool_singletons
from kiosk.ui.video_item import VideoItem

QML_IMPORT_NAME = "Kiosk.Media"
QML_IMPORT_MAJOR_VERSION = 1

POSITION_INTERVAL_MS = 100
# libvlc opens a local file in well under a second; far longer means it is stuck on a bad file.
LOADING_TIMEOUT_MS = 15_000

log = logging.getLogger(__name__)

# The player emits a signal per video frame: without this, PySide6 6.12 on Python 3.11 exhausts
# the reference count of True within minutes (see kiosk.ui.pyside_fixes).
pin_bool_singletons()


@QmlElement
@QmlUncreatable("PlayerModel is created by the application")
class PlayerModel(QObject):  # type: ignore[operator]
    """The story player as QML sees it.

    Attributes:
        player: the Qt-free state machine.
        frames: where the video item reads the pictures from.
    """

    stateChanged = Signal()
    positionChanged = Signal()
    durationChanged = Signal()
    volumeChanged = Signal()
    languageChanged = Signal()
    storyChanged = Signal()
    audioDescriptionChanged = Signal()
    frameReady = Signal()
    firstFrameShown = Signal(float)  # relayed from the video item: perf_counter() when painted
    _wake = Signal()

    def __init__(
        self,
        player: Player,
        frames: FrameBuffer,
        *,
        default_language: str = "fr",
        exhibition: Exhibition | None = None,
        loudness: LoudnessCache | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.player = player
        self.loudness = loudness
        self.frames = frames
        self.exhibition = exhibition
        self._default_language = default_language
        self._story: Story | None = None
        self._prepare_after_close: Story | None = None
        self._captions = CaptionsModel(default_language, self)
        self._position_s = 0.0
        self._video: VideoItem | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POSITION_INTERVAL_MS)
        self._timer.timeout.connect(self.refresh_position)
        self._wake.connect(self._on_wake, Qt.ConnectionType.QueuedConnection)
        player.set_wakeup(self._wake.emit)
        player.add_listener(self._on_state)
        frames.set_listener(self.frameReady.emit)

    # -- from the player -------------------------------------------------------------------

    @Slot()
    def _on_wake(self) -> None:
        self.player.pump()

    def _on_state(self, state: PlayerState) -> None:
        if state == PlayerState.LOADING:
            generation = self.player.generation
            QTimer.singleShot(
                LOADING_TIMEOUT_MS, self, lambda: self.player.give_up_loading(generation)
            )
        if state == PlayerState.PLAYING:
            self._timer.start()
        else:
            self._timer.stop()
        self.refresh_position()
        self.durationChanged.emit()
        self.stateChanged.emit()

    def refresh_position(self) -> None:
        """Read the position and look up the caption of the moment (10 times a second)."""
        self._show_position(self.player.position_s())

    def _show_position(self, position: float) -> None:
        if position != self._position_s:
            self._position_s = position
            self.positionChanged.emit()
        self._captions.follow(position)

    def show_exhibition(self, exhibition: Exhibition) -> None:
        """The visitors' screens switched to ``exhibition`` (a publish, at the idle reset): its
        stories were measured at import, after this player read the loudness file, so read it
        again (a small JSON file, once per switch)."""
        self.exhibition = exhibition
        if self.loudness is not None:
            self.loudness.reload()

    # -- opening a story -------------------------------------------------------------------

    def open_story(self, story: Story) -> None:
        """Show ``story`` and start it (the visitor tapped it)."""
        self._story = story
        self._captions.load(story)
        self._position_s = 0.0
        self.storyChanged.emit()
        gain = self.loudness.gain_db(story.media) if self.loudness is not None else 0.0
        self.player.open(story.media, story.audio_description, gain_db=gain)
        if self.player.audio_description:
            self.player.set_audio_description(True)

    @Slot(str)
    def prepareArtist(self, artist_id: str) -> None:
        """The visitor is looking at an artist: get their first story ready to start at once
        (the first video: a picture to show; else the first story). If a story page is still
        closing, this waits for it to close."""
        artist = self.exhibition.artist(artist_id) if self.exhibition is not None else None
        story = artist.first_story() if artist is not None else None
        if story is None:
            self.dropPrepared()
            return
        if self._story is not None:
            self._prepare_after_close = story
        else:
            self.player.prepare(story.media, story.audio_description)

    @Slot()
    def dropPrepared(self) -> None:
        """The visitor went elsewhere: release the story made ready for them."""
        self._prepare_after_close = None
        self.player.drop_prepared()

    @Slot(str, result=bool)
    def openStoryById(self, story_id: str) -> bool:
        """Open a story of the current exhibition; False (and a log line) when it is unknown."""
        found = self.exhibition.story(story_id) if self.exhibition is not None else None
        if found is None:
            log.error("story %r is not in the exhibition", story_id)
            return False
        self.open_story(found[1])
        return True

    @Slot()
    def close(self) -> None:
        """The visitor left the story page: stop and forget it."""
        self.player.close()
        self._story = None
        self._captions.load(None)  # no cue of the story left to show, nor to look up
        self.storyChanged.emit()
        waiting, self._prepare_after_close = self._prepare_after_close, None
        if waiting is not None:
            self.player.prepare(waiting.media, waiting.audio_description)

    @Slot(QQuickItem)
    def showVideoIn(self, area: QQuickItem) -> None:
        """Show the video's picture filling ``area`` (the story page's video area).

        One picture item for the kiosk's lifetime, moved from page to page rather than declared
        in QML: see :mod:`kiosk.ui.video_item`.
        """
        if self._video is None:
            self._video = VideoItem(self)
        self._video.show_in(area)

    @Slot(QQuickItem)
    def hideVideoFrom(self, area: QQuickItem) -> None:
        """``area`` is going: the picture leaves it first, so it does not go with it."""
        if self._video is not None and self._video.parentItem() is area:
            self._video.show_in(None)

    # -- controls --------------------------------------------------------------------------

    @Slot()
    def togglePlay(self) -> None:
        self.player.toggle()

    @Slot()
    def play(self) -> None:
        self.player.play()

    @Slot()
    def pause(self) -> None:
        self.player.pause()

    @Slot()
    def replay(self) -> None:
        self.player.replay()

    @Slot(float)
    def seek(self, position_s: float) -> None:
        self.player.seek(position_s)
        # libvlc applies a seek asynchronously; show the target at once so the bar follows.
        duration = self.player.duration_s()
        target = max(0.0, min(position_s, duration) if duration > 0 else position_s)
        self._show_position(target)

    @Slot(float)
    def skip(self, delta_s: float) -> None:
        self.seek(self.player.position_s() + delta_s)

    @Slot(int)
    def selectCue(self, index: int) -> None:
        """Tapping a transcript line plays from there (untimed paragraphs do nothing)."""
        start_s = self._captions.cue_start(index)
        if start_s is not None:
            self.seek(start_s)

    @Slot()
    def resetForNewVisitor(self) -> None:
        """Volume, captions and audio description back to their defaults (idle reset)."""
        self.player.reset_preferences()
        self._captions.reset()
        self.volumeChanged.emit()
        self.audioDescriptionChanged.emit()

    def shutdown(self) -> None:
        """Release libvlc before Qt and Python go (called by the application)."""
        self._timer.stop()
        if self._video is not None:
            self._video.show_in(None)
        self.frames.set_listener(None)
        self.player.shutdown()

    # -- properties ------------------------------------------------------------------------

    def _state(self) -> str:
        return self.player.state.value

    state = Property(str, _state, notify=stateChanged)  # type: ignore[arg-type]

    def _available(self) -> bool:
        return self.player.available

    available = Property(bool, _available, constant=True)  # type: ignore[arg-type]

    def _error_kind(self) -> str:
        return self.player.error.value if self.player.error else ""

    errorKind = Property(str, _error_kind, notify=stateChanged)  # type: ignore[arg-type]

    def _error_text(self) -> str:
        return error_sentence(self.player.error, self._captions.visitor_language)

    errorText = Property(str, _error_text, notify=stateChanged)  # type: ignore[arg-type]

    def _position(self) -> float:
        return self._position_s

    position = Property(float, _position, notify=positionChanged)  # type: ignore[arg-type]

    def _duration(self) -> float:
        return self.player.duration_s()

    duration = Property(float, _duration, notify=durationChanged)  # type: ignore[arg-type]

    def _volume(self) -> int:
        return self.player.volume

    @Slot(int)
    def setVolume(self, percent: int) -> None:
        self.player.set_volume(percent)
        self.volumeChanged.emit()

    volume = Property(int, _volume, setVolume, notify=volumeChanged)  # type: ignore[arg-type]

    def _volume_max(self) -> int:
        return self.player.volume_max

    volumeMax = Property(int, _volume_max, notify=volumeChanged)  # type: ignore[arg-type]

    def set_volume_limits(self, default: int, maximum: int) -> None:
        """Staff changed the volume settings: the maximum applies at once (a playing story gets
        quieter if needed), the default from the next visitor."""
        self.player.volume_max = max(0, min(100, maximum))
        self.player.volume_default = max(0, min(self.player.volume_max, default))
        self.player.set_volume(self.player.volume)  # clamps to the new maximum
        self.volumeChanged.emit()

    def _get_language(self) -> str:
        return self._captions.visitor_language

    @Slot(str)
    def setLanguage(self, language: str) -> None:
        """The visitor's language: captions and messages follow it."""
        if language == self._captions.visitor_language:
            return
        if self._captions.set_language(language):
            self.refresh_position()
        self.languageChanged.emit()
        self.stateChanged.emit()  # the error sentence is translated too

    language = Property(str, _get_language, setLanguage, notify=languageChanged)  # type: ignore[arg-type]

    def _captions_model(self) -> QObject:
        return self._captions

    # Declared as QObject: Python reading it through QObject.property() has no converter for
    # the subclass; QML still sees a CaptionsModel.
    captions = Property(QObject, _captions_model, constant=True)  # type: ignore[arg-type]

    def _is_video(self) -> bool:
        return self._story is not None and self._story.kind == StoryKind.VIDEO

    isVideo = Property(bool, _is_video, notify=storyChanged)  # type: ignore[arg-type]

    def _story_id(self) -> str:
        return self._story.id if self._story else ""

    storyId = Property(str, _story_id, notify=storyChanged)  # type: ignore[arg-type]

    def _title(self) -> str:
        return (
            self._story.title.get(self._captions.visitor_language, self._default_language)
            if self._story
            else ""
        )

    title = Property(str, _title, notify=storyChanged)  # type: ignore[arg-type]

    def _portrait(self) -> str:
        return image_url(self._artist_portrait(), None, PORTRAIT_PX)

    portrait = Property(str, _portrait, notify=storyChanged)  # type: ignore[arg-type]

    def _artist_portrait(self) -> Path | None:
        if self._story is None or self.exhibition is None:
            return None
        found = self.exhibition.story(self._story.id)
        return found[0].portrait if found else None

    def _has_audio_description(self) -> bool:
        return self._story is not None and self._story.audio_description is not None

    hasAudioDescription = Property(bool, _has_audio_description, notify=storyChanged)  # type: ignore[arg-type]

    def _get_audio_description(self) -> bool:
        return self.player.audio_description

    @Slot(bool)
    def setAudioDescriptionOn(self, enabled: bool) -> None:
        self.player.set_audio_description(enabled)
        self.audioDescriptionChanged.emit()

    audioDescriptionOn = Property(  # type: ignore[arg-type]
        bool, _get_audio_description, setAudioDescriptionOn, notify=audioDescriptionChanged
    )
