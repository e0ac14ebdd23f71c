"""The machine checks of ``kiosk doctor``: what a technician verifies before leaving the venue.

``system_checks(settings)`` returns one :class:`Check` per item: libvlc and its plugins decode
a bundled sample (picture and sound), the Qt platform plugin is there, a screen or display
server, a touchscreen (a warning only: a mouse works too), the bundled fonts, free disk space,
write access to the kiosk's folders, a plausible clock (the programme page depends on it) and
the configuration file. Every check works from the frozen build as from a checkout, needs no
window and never raises: a failure is a Check with ``ok=False`` and a detail saying what to do.
``needed`` marks what makes the kiosk unusable (``kiosk doctor`` then exits 1).
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.i18n.catalog import gettext_for
from kiosk.paths import AppPaths, source_root
from kiosk.settings import Settings, SettingsError, read_config_file

SAMPLE_ENV = "KIOSK_DOCTOR_MEDIA"
MIN_FREE_MB = 200
LOW_FREE_MB = 1000
EARLIEST_YEAR = 2024
LATEST_YEAR = 2040
INPUT_PROP_DIRECT = 0x01
ABS_X = 0x00
ABS_MT_POSITION_X = 0x35
ENOUGH_FRAMES = 30
ENOUGH_AUDIO_BYTES = 44100 * 4

Translate = Callable[[str], str]


@dataclass(frozen=True)
class Check:
    """One line of the doctor's report.

    Attributes:
        name: a stable identifier (``vlc-decode``, ``clock``...), also used in ``--json``.
        ok: the check passed.
        needed: the kiosk cannot serve visitors when this fails (doctor exits 1).
        detail: what was found, and when it failed what to do, in the staff language.
    """

    name: str
    ok: bool
    needed: bool
    detail: str


def system_checks(settings: Settings) -> list[Check]:
    """Every machine check, in the order a technician would fix them."""
    _ = gettext_for(settings.default_language).gettext
    checks: list[tuple[str, Callable[[Settings, Translate], Check]]] = [
        ("config", check_config),
        ("clock", check_clock),
        ("disk-space", check_disk_space),
        ("fonts", check_fonts),
        ("display", check_display),
        ("touchscreen", check_touchscreen),
        ("vlc-decode", check_vlc_decode),
        ("audio-levels", check_audio_levels),
    ]
    results = []
    for name, check in checks:
        try:
            results.append(check(settings, _))
        except Exception as error:  # a broken check must not hide the others
            detail = _("The check itself failed: {error}").format(error=error)
            results.append(Check(name, False, True, detail))
    return results


def check_config(settings: Settings, _: Translate) -> Check:
    if settings.config_file is None:
        detail = _("No configuration file: built-in defaults are used.")
        return Check("config", not settings.kiosk_mode, False, detail)
    try:
        read_config_file(settings.config_file)
    except SettingsError as error:
        return Check("config", False, True, str(error))
    mode = settings.mode
    detail = _("{path} is valid (mode {mode}).").format(path=settings.config_file, mode=mode)
    return Check("config", True, True, detail)


def check_clock(settings: Settings, _: Translate, now: datetime | None = None) -> Check:
    now = now or datetime.now(ZoneInfo(settings.timezone))
    synced = Path("/run/systemd/timesync/synchronized").exists()
    shown = now.strftime("%Y-%m-%d %H:%M")
    if not EARLIEST_YEAR <= now.year <= LATEST_YEAR:
        detail = _(
            "The clock says {now}: set the date (timedatectl set-time) or connect the "
            "machine to the network once; the programme page depends on it."
        ).format(now=shown)
        return Check("clock", False, True, detail)
    if synced:
        detail = _("{now} ({zone}), synchronised over the network.")
    else:
        detail = _("{now} ({zone}); not known to be synchronised over the network.")
    return Check("clock", True, True, detail.format(now=shown, zone=settings.timezone))


def _folders(settings: Settings) -> AppPaths:
    return AppPaths.resolve(settings.data_dir, settings.log_dir, settings.cache_dir)


def _existing(path: Path) -> Path:
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def check_disk_space(settings: Settings, _: Translate) -> Check:
    data_dir = _existing(_folders(settings).data_dir)
    free_mb = shutil.disk_usage(data_dir).free // 1_000_000
    detail = _("{free} MB free for {folder}.").format(free=free_mb, folder=data_dir)
    if free_mb < MIN_FREE_MB:
        hint = _(
            "Delete old content versions (staff panel, 'Content' tab, 'Delete' button) or logs."
        )
        return Check("disk-space", False, True, f"{detail} {hint}")
    return Check("disk-space", free_mb >= LOW_FREE_MB, False, detail)


def _is_font(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) in (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf")


def check_fonts(settings: Settings, _: Translate) -> Check:
    folder = source_root() / "assets" / "fonts"
    files = sorted(folder.glob("*.[ot]tf")) if folder.is_dir() else []
    broken = [path.name for path in files if not _is_font(path)]
    has_arabic = any("Arabic" in path.name for path in files)
    if not files or broken or not has_arabic:
        detail = _("Bundled fonts missing or damaged in {folder}: reinstall the kiosk.").format(
            folder=folder
        )
        return Check("fonts", False, True, detail)
    detail = _("{count} bundled fonts, Latin and Arabic.").format(count=len(files))
    return Check("fonts", True, True, detail)


def connected_screens(drm: Path = Path("/sys/class/drm")) -> list[str]:
    """Connector names (HDMI-A-1...) with a screen plugged in, from the kernel."""
    screens = []
    for status in sorted(drm.glob("card*-*/status")):
        if status.read_text(encoding="ascii", errors="replace").strip() == "connected":
            screens.append(status.parent.name.split("-", 1)[1])
    return screens


def compositor_running(proc: Path = Path("/proc")) -> bool:
    for comm in proc.glob("[0-9]*/comm"):
        try:
            if comm.read_text(encoding="utf-8").strip() in ("cage", "Xwayland"):
                return True
        except OSError:
            continue
    return False


def display_reachable(environ: Mapping[str, str]) -> str | None:
    """The display server named by the environment, if one answers on its socket."""
    wayland = environ.get("WAYLAND_DISPLAY")
    if wayland:
        runtime = Path(environ.get("XDG_RUNTIME_DIR", "/run/user/0"), wayland)
        if _answers(str(runtime)):
            return wayland
    display = environ.get("DISPLAY", "")
    number = display.split(":")[-1].split(".")[0] if display.startswith(":") else ""
    if number.isdigit():
        x_socket = f"/tmp/.X11-unix/X{number}"
        if _answers("\0" + x_socket) or _answers(x_socket):
            return display
    return None


def _answers(address: str) -> bool:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.settimeout(2)
        try:
            sock.connect(address)
        except OSError:
            return False
    return True


def check_display(settings: Settings, _: Translate) -> Check:
    if sys.platform.startswith("win"):
        return Check("display", True, True, _("Windows desktop."))
    screens = connected_screens()
    server = display_reachable(os.environ)
    cage = compositor_running()
    if screens:
        detail = _("Screen connected: {screens}.").format(screens=", ".join(screens))
    elif server:
        detail = _("Display server {display}.").format(display=server)
    else:
        detail = _("No screen connected and no display server: plug the screen in (HDMI).")
        return Check("display", False, True, detail)
    if settings.kiosk_mode and not cage:
        detail += " " + _("The cage compositor is not running: systemctl status kiosk.")
    return Check("display", True, True, detail)


def _bits(mask: str) -> int:
    """A /proc/bus/input/devices bitmap ('1 0 3', most significant word first) as an int."""
    value = 0
    for word in mask.split():
        value = (value << 64) | int(word, 16)
    return value


def touchscreens(devices: str) -> list[str]:
    """Names of direct-touch devices (touchscreens, not touchpads) in /proc/bus/input/devices."""
    found = []
    for block in devices.split("\n\n"):
        name, props, absolute = "", 0, 0
        for line in block.splitlines():
            if line.startswith("N: Name="):
                name = line.split("=", 1)[1].strip().strip('"')
            elif line.startswith("B: PROP="):
                props = _bits(line.split("=", 1)[1])
            elif line.startswith("B: ABS="):
                absolute = _bits(line.split("=", 1)[1])
        has_position = absolute >> ABS_X & 1 or absolute >> ABS_MT_POSITION_X & 1
        if props >> INPUT_PROP_DIRECT & 1 and has_position:
            found.append(name)
    return found


def check_touchscreen(settings: Settings, _: Translate) -> Check:
    devices = Path("/proc/bus/input/devices")
    names = touchscreens(devices.read_text(encoding="utf-8")) if devices.is_file() else []
    if not names:
        detail = _("No touchscreen found: check its USB cable (a mouse also works, for testing).")
        return Check("touchscreen", False, False, detail)
    return Check("touchscreen", True, False, _("Touchscreen: {name}.").format(name=names[0]))


def check_audio_levels(settings: Settings, _: Translate) -> Check:
    """ffmpeg measures each story's loudness at import (kiosk/media/loudness.py); without it the
    kiosk still works, but stories imported on this machine play at their own level."""
    found = shutil.which("ffmpeg")
    if found is None:
        detail = _(
            "ffmpeg is not installed: stories imported on this machine will play at their own "
            "loudness. Install it: sudo apt install ffmpeg."
        )
        return Check("audio-levels", False, False, detail)
    detail = _("ffmpeg ({path}): imported stories are brought to the same loudness.")
    return Check("audio-levels", True, False, detail.format(path=found))


def sample_media() -> Path:
    override = os.environ.get(SAMPLE_ENV)
    if override:
        return Path(override)
    return source_root() / "packaging" / "samples" / "decode-check.mp4"


def check_vlc_decode(settings: Settings, _: Translate) -> Check:
    sample = sample_media()
    if not sample.is_file():
        detail = _("Sample file {path} missing: reinstall the kiosk.").format(path=sample)
        return Check("vlc-decode", False, True, detail)
    try:
        frames, audio_bytes, library = decode_sample(sample)
    except (OSError, NameError, AttributeError, RuntimeError) as error:
        detail = _("libvlc cannot be loaded ({error}): reinstall the kiosk.").format(error=error)
        return Check("vlc-decode", False, True, detail)
    if frames == 0 or audio_bytes == 0:
        detail = _(
            "libvlc ({library}) decoded {frames} pictures and {bytes} bytes of sound from "
            "{path}: its plugins are incomplete; reinstall the kiosk."
        ).format(library=library, frames=frames, bytes=audio_bytes, path=sample.name)
        return Check("vlc-decode", False, True, detail)
    detail = _("libvlc {library} decoded pictures and sound of {path}.").format(
        library=library, path=sample.name
    )
    return Check("vlc-decode", True, True, detail)


def decode_sample(sample: Path, timeout_s: float = 15.0) -> tuple[int, int, str]:
    """Play ``sample`` into memory (no window, no sound card): (pictures, sound bytes, libvlc)."""
    import ctypes

    from kiosk.media.libvlc_loader import require_vlc

    vlc = require_vlc()  # python-vlc may sys.exit() on import; this raises instead

    width, height = 160, 90
    buffer = ctypes.create_string_buffer(width * height * 4)
    counts = {"frames": 0, "audio": 0}
    done = threading.Event()

    @vlc.CallbackDecorators.VideoLockCb  # type: ignore[misc]
    def lock(opaque: object, planes: object) -> None:
        planes[0] = ctypes.cast(buffer, ctypes.c_void_p)  # type: ignore[index]

    def enough() -> None:
        # Two seconds of pictures and one of sound prove the whole chain; no need to wait
        # for the end of a long file.
        if counts["frames"] >= ENOUGH_FRAMES and counts["audio"] >= ENOUGH_AUDIO_BYTES:
            done.set()

    @vlc.CallbackDecorators.VideoDisplayCb  # type: ignore[misc]
    def display(opaque: object, picture: object) -> None:
        counts["frames"] += 1
        enough()

    @vlc.CallbackDecorators.AudioPlayCb  # type: ignore[misc]
    def play(opaque: object, samples: object, count: int, pts: int) -> None:
        counts["audio"] += count * 4
        enough()

    instance = vlc.Instance(["--quiet", "--no-xlib", "--no-video-title-show", "--no-spu"])
    if instance is None:
        raise RuntimeError("libvlc_new failed (plugins not found)")
    player = instance.media_player_new()
    try:
        player.video_set_callbacks(lock, None, display, None)
        player.video_set_format("RV32", width, height, width * 4)
        player.audio_set_callbacks(play, None, None, None, None, None)
        player.audio_set_format("S16N", 44100, 2)
        events = player.event_manager()
        for event in (
            vlc.EventType.MediaPlayerEndReached,
            vlc.EventType.MediaPlayerEncounteredError,
        ):
            events.event_attach(event, lambda _event: done.set())
        player.set_media(instance.media_new_path(str(sample)))
        player.play()
        deadline = time.monotonic() + timeout_s
        while not done.is_set() and time.monotonic() < deadline:
            done.wait(0.05)
        player.stop()
    finally:
        player.release()
        instance.release()
    version = vlc.libvlc_get_version().decode(errors="replace").split()[0]
    where = loaded_from("libvlc.so") or getattr(vlc.dll, "_name", "") or "?"
    return counts["frames"], counts["audio"], f"{version} ({where})"


def loaded_from(name: str, maps: Path = Path("/proc/self/maps")) -> str | None:
    """The file a shared library mapped in this process comes from (Linux), to show whether
    the kiosk uses its bundled libvlc or the machine's."""
    try:
        lines = maps.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    for line in lines:
        path = line.split(maxsplit=5)[-1] if line.count(" ") >= 5 else ""
        if Path(path).name.startswith(name):
            return path
    return None
