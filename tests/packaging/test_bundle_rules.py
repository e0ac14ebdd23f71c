"""What goes into the frozen build: VLC plugins, Qt trimming, encoder stubs, the archive.

These run without building (the build itself is tests/packaging/test_build.py, marked slow);
the Windows paths are checked here too, since no Windows machine is available.
"""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "packaging"))

import archive  # noqa: E402
import stubs  # noqa: E402
import trim  # noqa: E402
import vlc_bundle  # noqa: E402


@pytest.mark.parametrize(
    ("platform", "expected"),
    [
        ("linux", "codec/libavcodec_plugin.so"),
        ("win32", "codec/libavcodec_plugin.dll"),
        ("darwin", "codec/libavcodec_plugin.dylib"),
    ],
)
def test_plugin_names_follow_each_platform(platform: str, expected: str) -> None:
    assert vlc_bundle.plugin_file("codec/avcodec", platform) == expected


def test_the_machine_vlc_provides_every_required_plugin() -> None:
    vlc = vlc_bundle.find_vlc("linux")
    chosen = {
        f"{path.parent.name}/{path.name}" for path in vlc_bundle.select_plugins(vlc.plugins_dir)
    }
    for module in vlc_bundle.REQUIRED_PLUGINS:
        assert vlc_bundle.plugin_file(module, "linux") in chosen
    assert len(chosen) < 120  # a selection, not the ~400 plugins of a full VLC


def test_a_vlc_without_a_required_plugin_stops_the_build(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="access/filesystem"):
        vlc_bundle.select_plugins(tmp_path, "linux")


def test_windows_vlc_is_found_in_its_install_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vlc_dir = tmp_path / "VideoLAN" / "VLC"
    (vlc_dir / "plugins" / "codec").mkdir(parents=True)
    (vlc_dir / "libvlc.dll").write_bytes(b"MZ")
    (vlc_dir / "plugins" / "codec" / "libavcodec_plugin.dll").write_bytes(b"MZ")
    monkeypatch.delenv("KIOSK_VLC_DIR", raising=False)
    monkeypatch.setenv("PROGRAMFILES", str(tmp_path))
    found = vlc_bundle.find_vlc("win32")
    assert found.libvlc == vlc_dir / "libvlc.dll"
    assert found.libvlccore == vlc_dir / "libvlccore.dll"
    assert found.plugins_dir == vlc_dir / "plugins"
    plugins = vlc_bundle.select_plugins(found.plugins_dir, "win32", ("codec/avcodec",))
    assert plugins == [vlc_dir / "plugins" / "codec" / "libavcodec_plugin.dll"]


def test_windows_without_vlc_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KIOSK_VLC_DIR", raising=False)
    monkeypatch.setenv("PROGRAMFILES", "/nonexistent")
    monkeypatch.setenv("PROGRAMFILES(X86)", "/nonexistent")
    with pytest.raises(FileNotFoundError, match="install VLC 3"):
        vlc_bundle.find_vlc("win32")


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/qml/QtQuick/Layouts/qmldir", True),
        ("PySide6/Qt/qml/QtQuick/Controls/Basic/Button.qml", True),
        ("PySide6/Qt/qml/QtQuick/Controls/Material/Button.qml", False),
        ("PySide6/Qt/qml/QtQuick/VirtualKeyboard/qmldir", False),
        ("PySide6/Qt/qml/QtWayland/Compositor/qmldir", False),
        ("PySide6/Qt/lib/libQt6WebEngineCore.so.6", False),
        ("PySide6/Qt/lib/libQt6Quick.so.6", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),  # qasync imports QtWidgets
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        ("PySide6/Qt/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/translations/qtbase_fr.qm", True),
        ("PySide6/Qt/translations/qtbase_ja.qm", False),
        ("babel/locale-data/fr_FR.dat", True),
        ("babel/locale-data/ar_001.dat", True),
        ("babel/locale-data/ja.dat", False),
        ("libavcodec.so.59", True),
        ("kiosk/ui/qml/Main.qml", True),
    ],
)
def test_the_build_keeps_what_the_kiosk_uses_and_nothing_else(dest: str, kept: bool) -> None:
    assert trim.keep(dest) is kept


def test_objdump_lines_become_symbols_with_their_versions() -> None:
    output = (
        "0000000000012340 g    DF .text\t0000000000000010  JXL_0       JxlDecoderCreate\n"
        "0000000000022000 g    DO .data\t0000000000000004  Base        x265_max_bit_depth\n"
        "0000000000000000      DF *UND*\t0000000000000000  GLIBC_2.2.5 malloc\n"
    )
    assert stubs.parse_objdump(output) == [
        stubs.Symbol("JxlDecoderCreate", True, 16, "JXL_0"),
        stubs.Symbol("x265_max_bit_depth", False, 4, ""),
    ]


def objdump_symbols(library: Path) -> set[tuple[str, str]]:
    return {(symbol.name, symbol.version) for symbol in stubs.read_symbols(library)}


@pytest.mark.parametrize("soname", ["libshine.so.3", "libjxl_threads.so.0.7"])
def test_a_stub_exports_the_real_library_symbols_and_returns_zero(
    soname: str, tmp_path: Path
) -> None:
    real = Path("/usr/lib/x86_64-linux-gnu") / soname
    assert real.exists(), f"{real} comes with libavcodec59 (libvlc's dependency)"
    stub = stubs.build_stub(real, soname, tmp_path)
    assert objdump_symbols(stub) == objdump_symbols(real)
    assert stubs.needed(stub) == []
    function = next(symbol.name for symbol in stubs.read_symbols(stub) if symbol.is_function)
    loaded = ctypes.CDLL(str(stub))
    assert getattr(loaded, function)() in (0, None)
    assert stub.stat().st_size < real.stat().st_size


def test_the_runtime_hook_points_python_vlc_into_the_bundle(tmp_path: Path) -> None:
    (tmp_path / "vlc" / "plugins").mkdir(parents=True)
    (tmp_path / "libvlc.so.5").write_bytes(b"")
    code = (
        "import os, runpy, sys\n"
        f"sys._MEIPASS = {str(tmp_path)!r}\n"
        f"runpy.run_path({str(REPO / 'packaging' / 'hooks' / 'rthook_vlc.py')!r})\n"
        "print(os.environ['PYTHON_VLC_LIB_PATH'])\n"
        "print(os.environ['VLC_PLUGIN_PATH'])\n"
        "print(os.environ['PYTHON_VLC_MODULE_PATH'])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=30
    )
    assert result.stdout.split() == [
        str(tmp_path / "libvlc.so.5"),
        str(tmp_path / "vlc" / "plugins"),
        str(tmp_path / "vlc" / "plugins"),
    ]


def test_on_windows_the_runtime_hook_uses_the_vlc_folder_of_the_bundle(tmp_path: Path) -> None:
    (tmp_path / "vlc" / "plugins").mkdir(parents=True)
    (tmp_path / "vlc" / "libvlc.dll").write_bytes(b"MZ")
    code = (
        "import os, runpy, sys\n"
        f"sys._MEIPASS = {str(tmp_path)!r}\n"
        "sys.platform = 'win32'\n"
        f"runpy.run_path({str(REPO / 'packaging' / 'hooks' / 'rthook_vlc.py')!r})\n"
        "print(os.environ['PYTHON_VLC_LIB_PATH'])\n"
        "print(os.environ['PYTHON_VLC_MODULE_PATH'])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=30
    )
    assert result.stdout.split() == [
        str(tmp_path / "vlc" / "libvlc.dll"),
        str(tmp_path / "vlc" / "plugins"),
    ]


def test_the_archive_is_named_from_the_project_and_holds_build_and_installer(
    tmp_path: Path,
) -> None:
    name, version = archive.project_metadata()
    build = tmp_path / "dist" / name
    build.mkdir(parents=True)
    (build / name).write_text("#!/bin/sh\n", "utf-8")
    os.chmod(build / name, 0o755)
    target = archive.build_archive(tmp_path / "dist", tmp_path)
    assert target.name == archive.archive_name(name, version)
    assert target.name.startswith(f"{name}-{version}-linux-")
    with tarfile.open(target) as packed:
        members = {member.name: member for member in packed.getmembers()}
    top = f"{name}-{version}"
    assert members[f"{top}/{name}/{name}"].mode & 0o111
    assert f"{top}/install.sh" in members and f"{top}/kiosk.service" in members
    assert f"{top}/install.md" in members


def test_archiving_without_a_build_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert archive.main(["--dist", str(tmp_path)]) == 1
    assert "make package" in capsys.readouterr().err
