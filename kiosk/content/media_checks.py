"""The validator's checks of stories: audio and video files, captions and transcripts.

Problems about a file are reported on the manifest line that names it (so the staff member knows
which story is concerned), except caption syntax errors, which point into the caption file itself.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from kiosk.content.captions import CaptionError, Cue, parse_captions
from kiosk.content.model import Exhibition, Story, StoryKind
from kiosk.content.probe import (
    EXPECTED_KINDS,
    MP4_CONTAINERS,
    MediaInfo,
    ProbeUnavailableError,
    mp4_fault,
    probe_media,
    sniff,
)
from kiosk.content.problems import Problems, Reference
from kiosk.content.report import Severity

MAX_SMOOTH_WIDTH = 1920
MAX_SMOOTH_HEIGHT = 1080
MAX_SMOOTH_BITRATE_BPS = 12_000_000
CUE_END_TOLERANCE_S = 0.5
KIND_NAMES = {"png": "PNG", "jpeg": "JPEG", "gif": "GIF", "pdf": "PDF", "zip": "ZIP"}


class StoryChecker:
    """Checks every story of an exhibition; problems go to ``sink``."""

    def __init__(self, exhibition: Exhibition, sink: Problems) -> None:
        self.exhibition = exhibition
        self.sink = sink
        self._ = sink.gettext

    def _where(self, path: Path) -> Reference:
        return self.sink.references.get(path, Reference(self.sink.paths.relative(path), None, ""))

    def _report(
        self, severity: Severity, code: str, path: Path, message: str, hint: str = ""
    ) -> None:
        where = self._where(path)
        self.sink.add(severity, code, where.manifest, where.line, where.key, message, hint)

    def run(self) -> None:
        stories = [story for _artist, story in self.exhibition.stories()]
        descriptions = [s.audio_description for s in stories if s.audio_description is not None]
        media = [story.media for story in stories] + descriptions
        infos = self._probe([path for path in media if self._container_ok(path)])
        for path in descriptions:
            self._check_description(path, infos.get(path))
        for story in stories:
            info = infos.get(story.media)
            if info is not None:
                self._check_decoded(story, info)
            duration = info.duration_s if info is not None and info.parsed else None
            self._check_captions(story, duration)
            self._check_transcripts(story)

    # -- the media file -------------------------------------------------------------------------

    def _container_ok(self, path: Path) -> bool:
        _ = self._
        name = self.sink.paths.relative(path)
        try:
            if path.stat().st_size == 0:
                self._report(
                    Severity.ERROR, "media.empty", path,
                    _("The file {name} is empty (0 bytes).").format(name=name),
                    _("Copy it again from the original."),
                )  # fmt: skip
                return False
            kind = sniff(path)
            fault = mp4_fault(path) if kind in MP4_CONTAINERS else None
        except OSError:
            self._report(
                Severity.ERROR, "media.unreadable", path,
                _("The file {name} cannot be read.").format(name=name),
                _("Check that it is a file and that the kiosk may read it."),
            )  # fmt: skip
            return False
        expected = EXPECTED_KINDS.get(path.suffix.lower(), set())
        if kind is not None and expected and kind not in expected:
            self._report(
                Severity.ERROR, "media.wrong_kind", path,
                _("The file {name} is really a {kind} file, not a {suffix} file.").format(
                    name=name, kind=KIND_NAMES.get(kind, kind.upper()), suffix=path.suffix
                ),
                _("Name the right file here, or export the media again as MP4 "
                  "(H.264 video, AAC audio)."),
            )  # fmt: skip
            return False
        if fault == "truncated":
            self._report(
                Severity.ERROR, "media.truncated", path,
                _("The file {name} is incomplete: it was cut off while being copied or "
                  "exported.").format(name=name),
                _("Copy it again from the original, and check there is enough free space."),
            )  # fmt: skip
            return False
        if fault == "no_index":
            self._report(
                Severity.ERROR, "media.no_index", path,
                _("The file {name} has no index and cannot be played.").format(name=name),
                _("Export it again from the editing software (the export did not finish)."),
            )  # fmt: skip
            return False
        return True

    def _probe(self, paths: list[Path]) -> dict[Path, MediaInfo]:
        _ = self._
        try:
            return probe_media(sorted(set(paths)))
        except ProbeUnavailableError:
            self.sink.add(
                Severity.WARNING, "media.unchecked", "", None, "",
                _("Audio and video files were not checked: libvlc is not installed here."),
                _("Install VLC (libvlc) on this computer and run the check again."),
            )  # fmt: skip
            return {}

    def _playable(self, path: Path, info: MediaInfo, needs_sound: bool) -> bool:
        """Reports a file libvlc cannot decode, or a sound file without sound."""
        _ = self._
        name = self.sink.paths.relative(path)
        if info.timed_out:
            self._report(
                Severity.WARNING, "media.slow_probe", path,
                _("The file {name} could not be checked in time.").format(name=name),
                _("Play it once on the kiosk to be sure, or check it again."),
            )  # fmt: skip
            return False
        if not info.parsed:
            self._report(
                Severity.ERROR, "media.undecodable", path,
                _("The file {name} cannot be decoded: it is damaged or in an unknown "
                  "format.").format(name=name),
                _("Convert it to MP4 (H.264 video, AAC audio), e.g. with HandBrake."),
            )  # fmt: skip
            return False
        if needs_sound and not info.has_audio:
            self._report(
                Severity.ERROR, "media.no_audio", path,
                _("The file {name} has no sound track.").format(name=name),
                _("Check that you named the right file."),
            )  # fmt: skip
        return True

    def _check_decoded(self, story: Story, info: MediaInfo) -> None:
        _ = self._
        path = story.media
        name = self.sink.paths.relative(path)
        if not self._playable(path, info, story.kind is StoryKind.AUDIO):
            return
        if story.kind is StoryKind.VIDEO and not info.has_video:
            self._report(
                Severity.WARNING, "media.no_video", path,
                _("The file {name} has no picture, but the story is a video.").format(name=name),
                _('Write kind = "audio" for an audio story, or name the video file.'),
            )  # fmt: skip
        if info.width > MAX_SMOOTH_WIDTH or info.height > MAX_SMOOTH_HEIGHT:
            self._report(
                Severity.WARNING, "media.large_picture", path,
                _("The video {name} is {width} × {height} pixels: playback may stutter on "
                  "the kiosk.").format(name=name, width=info.width, height=info.height),
                _("Export it at 1920 × 1080 or smaller."),
            )  # fmt: skip
        if info.bitrate_bps > MAX_SMOOTH_BITRATE_BPS:
            self._report(
                Severity.WARNING, "media.high_bitrate", path,
                _("The file {name} uses {rate} Mbit/s: playback may stutter.").format(
                    name=name, rate=round(info.bitrate_bps / 1e6, 1)
                ),
                _("Export it at 8 Mbit/s or less."),
            )  # fmt: skip
        if info.duration_s is None:
            self._report(
                Severity.WARNING, "media.no_duration", path,
                _("The length of {name} is unknown: the progress bar will not show.").format(
                    name=name
                ),
                _("Export it again as MP4 (H.264 video, AAC audio)."),
            )  # fmt: skip

    def _check_description(self, path: Path, info: MediaInfo | None) -> None:
        """The audio-description track must at least be a playable sound."""
        if info is not None:
            self._playable(path, info, needs_sound=True)

    # -- captions and transcripts ---------------------------------------------------------------

    def _parse(self, path: Path) -> list[Cue] | None:
        _ = self._
        try:
            return parse_captions(path)
        except CaptionError as error:
            where = self._where(path)
            texts = {
                "encoding": _("The caption file is not saved as UTF-8 text."),
                "header": _("A WebVTT caption file must start with the line WEBVTT."),
                "timing": _("This caption line is not a valid cue timing: {detail}"),
                "order": _("This caption ends before it starts."),
            }
            message = texts.get(error.kind, _("The caption file cannot be read: {detail}."))
            self.sink.add(
                Severity.ERROR,
                f"caption.{error.kind}",
                self.sink.paths.relative(path),
                error.line,
                where.key,
                message.format(detail=repr(error.excerpt) if error.excerpt else error.message),
                _("Write times as 00:01.500 --> 00:04.000 (WebVTT) and save as UTF-8."),
            )
            return None

    def _check_captions(self, story: Story, duration: float | None) -> None:
        _ = self._
        if story.kind is StoryKind.VIDEO and not story.captions:
            self._report(
                Severity.WARNING, "story.no_captions", story.media,
                _("The video story {id} has no captions: deaf and hard-of-hearing visitors "
                  "will miss what is said.").format(id=story.id),
                _("Add a .vtt caption file per language under [story.captions]."),
            )  # fmt: skip
        for path in story.captions.values():
            cues = self._parse(path)
            if cues is None:
                continue
            name = self.sink.paths.relative(path)
            if not cues:
                self._report(
                    Severity.WARNING, "caption.empty", path,
                    _("The caption file {name} has no captions.").format(name=name),
                    _("Add the captions, or remove the file from the story."),
                )  # fmt: skip
            late = [c for c in cues if duration is not None and c.start_s > duration]
            if late:
                self._report(
                    Severity.WARNING, "caption.after_end", path,
                    _("{count} caption(s) in {name} start after the end of the media "
                      "({duration} s): they will never be shown.").format(
                        count=len(late), name=name, duration=round(duration or 0, 1)
                    ),
                    _("Check the times, or whether this file belongs to this story."),
                )  # fmt: skip
        if story.captions:
            self._check_languages(story, story.captions, "captions")

    def _check_transcripts(self, story: Story) -> None:
        _ = self._
        if story.kind is StoryKind.AUDIO and not story.transcripts and not story.captions:
            self._report(
                Severity.WARNING, "story.no_transcript", story.media,
                _("The audio story {id} has no transcript: deaf and hard-of-hearing visitors "
                  "will miss it.").format(id=story.id),
                _("Add a text file per language under [story.transcripts]."),
            )  # fmt: skip
        for path in story.transcripts.values():
            if path.suffix.lower() in (".vtt", ".srt"):
                self._parse(path)
                continue
            try:
                text = path.read_bytes().decode("utf-8-sig")
            except UnicodeDecodeError:
                self._report(
                    Severity.ERROR, "transcript.encoding", path,
                    _("The transcript {name} is not saved as UTF-8 text.").format(
                        name=self.sink.paths.relative(path)
                    ),
                    _("Open it in a text editor and save it with the UTF-8 encoding."),
                )  # fmt: skip
                continue
            if not text.strip():
                self._report(
                    Severity.WARNING, "transcript.empty", path,
                    _("The transcript {name} is empty.").format(
                        name=self.sink.paths.relative(path)
                    ),
                    _("Write the transcript, or remove the file from the story."),
                )  # fmt: skip
        if story.transcripts:
            self._check_languages(story, story.transcripts, "transcripts")

    def _check_languages(self, story: Story, files: Mapping[str, Path], what: str) -> None:
        _ = self._
        present = set(files)
        default = self.exhibition.default_language
        fallback = default if default in present else sorted(present)[0]
        where = self._where(next(iter(files.values())))
        parent_key = where.key.rsplit(".", 1)[0]
        for language in self.exhibition.languages:
            if language in present:
                continue
            message = (
                _("No {language} captions for story {id}: visitors who chose {language} will "
                  "see the {fallback} captions.")
                if what == "captions"
                else _("No {language} transcript for story {id}: visitors who chose {language} "
                       "will see the {fallback} transcript.")
            )  # fmt: skip
            self.sink.add(
                Severity.WARNING,
                f"{what}.translation_missing",
                where.manifest,
                where.line,
                f"{parent_key}.{language}",
                message.format(
                    language=self.sink.language_name(language),
                    id=story.id,
                    fallback=self.sink.language_name(fallback),
                ),
                _("Add a file for {language}.").format(language=language),
            )
