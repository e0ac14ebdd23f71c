"""Which parts of VLC go into the frozen kiosk, and where they come from on the build machine.

The kiosk plays a handful of documented formats (MP4/MKV/Ogg/WAV/MP3 files carrying H.264,
AAC, MP3, Opus, Vorbis, FLAC or PCM) through libvlc's frame callbacks, so it needs a few dozen
of VLC's ~400 plugins. Everything else (streaming, encoders, GUIs, Lua, services discovery)
only costs size and start-up time. The list is written once, by module name, and turned into
file names for Linux, Windows and macOS, so that the same spec builds on each.

Imported by ``packaging/kiosk.spec`` and by the packaging tests; no PyInstaller import here.
"""

from __future__ import annotations

import ctypes.util
import glob
import os
import sys
from dataclasses import dataclass
from pathlib import Path

# Module names as ``<category>/<name>``; the file is lib<name>_plugin.<ext>. Names missing on
# a given build machine are skipped (VLC builds differ), except those in REQUIRED_PLUGINS.
PLUGINS: tuple[str, ...] = (
    # Reading local files, with the read-ahead caches VLC inserts by default.
    "access/filesystem",
    "access/idummy",
    "access/imem",
    "access/access_imem",
    "stream_filter/prefetch",
    "stream_filter/cache_read",
    "stream_filter/cache_block",
    "stream_filter/skiptags",
    # Containers of the documented formats.
    "demux/mp4",
    "demux/mkv",
    "demux/ogg",
    "demux/wav",
    "demux/es",
    "demux/flacsys",
    "demux/h26x",
    "demux/subtitle",
    # Decoders: avcodec for H.264 (and AAC as a fallback), dedicated audio decoders first.
    "codec/avcodec",
    "codec/faad",
    "codec/mpg123",
    "codec/opus",
    "codec/vorbis",
    "codec/flac",
    "codec/araw",
    "codec/lpcm",
    "codec/subsdec",
    "codec/webvtt",
    "codec/substx3g",
    "codec/ddummy",
    "codec/edummy",
    # Packetizers: demuxers hand elementary streams through these.
    "packetizer/packetizer_copy",
    "packetizer/packetizer_h264",
    "packetizer/packetizer_hevc",
    "packetizer/packetizer_mpeg4audio",
    "packetizer/packetizer_mpeg4video",
    "packetizer/packetizer_mpegaudio",
    "packetizer/packetizer_flac",
    "packetizer/packetizer_a52",
    # Audio out: PulseAudio/PipeWire, plain ALSA, WASAPI/DirectSound on Windows, a silent
    # output for machines without sound (doctor, tests), and callbacks.
    "audio_output/pulse",
    "audio_output/alsa",
    "audio_output/adummy",
    "audio_output/amem",
    "audio_output/mmdevice",
    "audio_output/directsound",
    "audio_output/waveout",
    "audio_output/auhal",
    # Audio filters: format conversion, resampling, channel mixing, volume normalisation.
    "audio_filter/audio_format",
    "audio_filter/normvol",
    "audio_filter/ugly_resampler",
    "audio_filter/speex_resampler",
    "audio_filter/samplerate",
    "audio_filter/trivial_channel_mixer",
    "audio_filter/simple_channel_mixer",
    "audio_filter/remap",
    "audio_filter/mono",
    "audio_filter/scaletempo",
    "audio_filter/gain",
    "audio_mixer/float_mixer",
    "audio_mixer/integer_mixer",
    # Video: decoded frames reach the kiosk through vmem (video callbacks) in RV32.
    "video_output/vmem",
    "video_output/vdummy",
    "video_chroma/swscale",
    "video_chroma/chain",
    "video_chroma/i420_rgb",
    "video_chroma/i420_rgb_sse2",
    "video_chroma/i420_rgb_mmx",
    "video_chroma/rv32",
    "video_chroma/yuy2_i420",
    "video_chroma/yuy2_i422",
    "video_chroma/i422_i420",
    "video_chroma/i420_nv12",
    "video_chroma/i420_10_p010",
    "video_chroma/grey_yuv",
    "video_chroma/yuvp",
    "video_filter/blend",
    "video_filter/scale",
    "video_filter/deinterlace",
    "text_renderer/tdummy",
    # Logging to the kiosk's handler.
    "logger/console_logger",
    "misc/logger",
)

REQUIRED_PLUGINS: frozenset[str] = frozenset(
    {
        "access/filesystem",
        "demux/mp4",
        "codec/avcodec",
        "audio_output/adummy",
        "video_output/vmem",
        "video_chroma/swscale",
    }
)


@dataclass(frozen=True)
class VlcInstall:
    """A VLC installation on the build machine.

    Attributes:
        libvlc: the libvlc shared library (libvlc.so.5, libvlc.dll, libvlc.dylib).
        libvlccore: libvlccore next to it.
        plugins_dir: the folder holding ``<category>/lib<name>_plugin.<ext>``.
        extra_libs: helper libraries some plugins load from the VLC folder (libvlc_pulse).
        cache_gen: ``vlc-cache-gen`` when the installation has it, to write plugins.dat.
    """

    libvlc: Path
    libvlccore: Path
    plugins_dir: Path
    extra_libs: tuple[Path, ...]
    cache_gen: Path | None


def plugin_suffix(platform: str = sys.platform) -> str:
    if platform.startswith("win"):
        return "_plugin.dll"
    if platform == "darwin":
        return "_plugin.dylib"
    return "_plugin.so"


def plugin_file(module: str, platform: str = sys.platform) -> str:
    """``codec/avcodec`` -> ``codec/libavcodec_plugin.so`` (or ``.dll``, ``.dylib``)."""
    category, name = module.split("/")
    return f"{category}/lib{name}{plugin_suffix(platform)}"


def select_plugins(
    plugins_dir: Path, platform: str = sys.platform, modules: tuple[str, ...] = PLUGINS
) -> list[Path]:
    """The plugin files to bundle; raises FileNotFoundError naming a missing required one."""
    chosen: list[Path] = []
    for module in modules:
        path = plugins_dir / plugin_file(module, platform)
        if path.is_file():
            chosen.append(path)
        elif module in REQUIRED_PLUGINS:
            raise FileNotFoundError(f"VLC plugin {module} is missing: {path}")
    return chosen


def _linux_libvlc() -> Path | None:
    override = os.environ.get("KIOSK_VLC_LIB")
    if override:
        return Path(override)
    candidates = glob.glob("/usr/lib/*/libvlc.so.5") + glob.glob("/usr/lib*/libvlc.so.5")
    candidates += glob.glob("/usr/local/lib/libvlc.so.5")
    if candidates:
        return Path(candidates[0])
    found = ctypes.util.find_library("vlc")
    return Path(found) if found and os.path.isabs(found) else None


def _windows_vlc_dir() -> Path | None:
    override = os.environ.get("KIOSK_VLC_DIR")
    if override:
        return Path(override)
    for base in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
        if base and (Path(base) / "VideoLAN" / "VLC" / "libvlc.dll").is_file():
            return Path(base) / "VideoLAN" / "VLC"
    return None


def find_vlc(platform: str = sys.platform) -> VlcInstall:
    """Locate libvlc, libvlccore and the plugins; KIOSK_VLC_LIB / KIOSK_VLC_DIR override."""
    if platform.startswith("win"):
        folder = _windows_vlc_dir()
        if folder is None:
            raise FileNotFoundError("VLC not found: install VLC 3 (64-bit) or set KIOSK_VLC_DIR")
        cache_gen = folder / "vlc-cache-gen.exe"
        return VlcInstall(
            libvlc=folder / "libvlc.dll",
            libvlccore=folder / "libvlccore.dll",
            plugins_dir=folder / "plugins",
            extra_libs=(),
            cache_gen=cache_gen if cache_gen.is_file() else None,
        )
    libvlc = _linux_libvlc()
    if libvlc is None or not libvlc.exists():
        raise FileNotFoundError("libvlc.so.5 not found: install libvlc5 or set KIOSK_VLC_LIB")
    libdir = libvlc.parent
    vlc_dir = libdir / "vlc"
    cache_gen = vlc_dir / "vlc-cache-gen"
    return VlcInstall(
        libvlc=libvlc,
        libvlccore=libdir / "libvlccore.so.9",
        plugins_dir=vlc_dir / "plugins",
        extra_libs=tuple(sorted(vlc_dir.glob("libvlc_*.so.*"))),
        cache_gen=cache_gen if cache_gen.is_file() else None,
    )
