"""The frozen build: built once per session with PyInstaller, then run the way a kiosk runs it.

Every frozen run happens with LD_LIBRARY_PATH unset and, where the machine allows a private
mount namespace (root or user namespaces), with the machine's copy of every library the build
bundles hidden (libvlc, libvlccore, the VLC plugins folder, libavcodec...): a build that leaned
on the machine would fail to load. /proc/<pid>/maps then shows which files were really mapped.
"""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from tests.conftest import XServer

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]  # the first test waits for the build

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "packaging" / "kiosk.spec"
DEMO_VIDEO = "assets/demo/artists/artiste-exemple-1/stories/video.mp4"
SYSTEM_LIBS = Path("/usr/lib/x86_64-linux-gnu")
SIZE_LIMIT_BYTES = 250 * 1024 * 1024


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/kiosk built from the working tree, once for the whole session.

    KIOSK_TEST_FROZEN_BUILD=dist/kiosk reuses a build made by `make package` (while iterating
    on these tests); `make test` leaves it unset and builds."""
    reuse = os.environ.get("KIOSK_TEST_FROZEN_BUILD")
    if reuse:
        return Path(reuse).resolve()
    work = tmp_path_factory.mktemp("pyinstaller")
    pyinstaller = Path(sys.executable).with_name("pyinstaller")
    result = subprocess.run(
        [str(pyinstaller), "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "build"), str(SPEC)],
        cwd=REPO, capture_output=True, text=True, timeout=1200, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-4000:]
    return work / "dist" / "kiosk"


CLONE_NEWNS = 0x00020000
MS_RDONLY, MS_BIND, MS_REC, MS_PRIVATE = 1, 4096, 16384, 1 << 18


def hide_in_child(paths: list[str]) -> Callable[[], None]:
    """A ``preexec_fn`` that, in the child only, enters a private mount namespace and puts an
    empty file over each of ``paths`` and an empty folder over VLC's plugins. Plain system
    calls: no program (mount, sh) that might itself need a hidden library."""
    libc = ctypes.CDLL(None, use_errno=True)

    def check(result: int, what: str) -> None:
        if result != 0:
            raise OSError(ctypes.get_errno(), what)

    def hide() -> None:
        check(libc.unshare(CLONE_NEWNS), "unshare")
        check(libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None), "mount --make-private")
        for path in paths:
            check(libc.mount(b"/dev/null", path.encode(), None, MS_BIND, None), path)
        plugins = str(SYSTEM_LIBS / "vlc").encode()
        check(libc.mount(b"none", plugins, b"tmpfs", MS_RDONLY, b"size=4k"), "tmpfs")

    return hide


@pytest.fixture(scope="session")
def hidden(build: Path) -> Callable[[], None] | None:
    """Hides the machine's copy of every library the build bundles; None where the machine
    forbids private mount namespaces (then /proc/<pid>/maps alone shows what was loaded).

    Except what PyInstaller's launcher itself links (zlib, part of every Linux base system):
    it loads before the bundle is known."""
    launcher = subprocess.run(
        ["objdump", "-p", str(build / "kiosk")], capture_output=True, text=True, check=True
    ).stdout
    launcher_needs = {line.split()[1] for line in launcher.splitlines() if "NEEDED" in line}
    paths = sorted(
        {
            str((SYSTEM_LIBS / library.name).resolve())
            for library in (build / "_internal").glob("*.so*")
            if (SYSTEM_LIBS / library.name).exists() and library.name not in launcher_needs
        }
    )
    assert any("libvlc.so" in path for path in paths), "libvlc is not installed system-wide?"
    hide = hide_in_child(paths)
    try:
        subprocess.run(["true"], preexec_fn=hide, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    # The proof that hiding works: the machine's libvlc is empty and its plugins are gone.
    code = (
        "import os; print(os.stat('/usr/lib/x86_64-linux-gnu/libvlc.so.5').st_size,"
        " len(os.listdir('/usr/lib/x86_64-linux-gnu/vlc')))"
    )
    probe = subprocess.run(
        [sys.executable, "-c", code], preexec_fn=hide, capture_output=True, text=True, check=True
    )
    assert probe.stdout.split() == ["0", "0"]
    return hide


@pytest.fixture(scope="session")
def frozen(build: Path) -> list[str]:
    return [str(build / "kiosk")]


def frozen_env(**extra: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "LD_LIBRARY_PATH"}
    env.update(extra)
    return env


def mapped_files(pid: int) -> set[str]:
    try:
        lines = Path(f"/proc/{pid}/maps").read_text("utf-8").splitlines()
    except OSError:
        return set()
    return {line.split(maxsplit=5)[5] for line in lines if len(line.split(maxsplit=5)) == 6}


def run_watching_maps(
    command: list[str], env: dict[str, str], hidden: Callable[[], None] | None
) -> tuple[str, set[str]]:
    """Run to the end, collecting every shared object the process mapped along the way."""
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, text=True, preexec_fn=hidden
    )
    seen: set[str] = set()
    deadline = time.monotonic() + 120
    while process.poll() is None and time.monotonic() < deadline:
        seen |= {path for path in mapped_files(process.pid) if ".so" in path}
        time.sleep(0.02)
    output, _ = process.communicate(timeout=60)
    return output, seen


def test_the_build_is_at_most_250_mb(build: Path) -> None:
    used = sum(path.lstat().st_blocks * 512 for path in build.rglob("*") if not path.is_symlink())
    print(f"dist/kiosk: {used / 1024 / 1024:.0f} MiB")
    assert used <= SIZE_LIMIT_BYTES


def test_frozen_doctor_passes_without_the_machine_libvlc(
    build: Path, frozen: list[str], hidden: Callable[[], None] | None, xvfb: XServer
) -> None:
    result = subprocess.run(
        [*frozen, "doctor", "--json"],
        env=frozen_env(DISPLAY=xvfb.display, QT_QPA_PLATFORM="xcb"),
        preexec_fn=hidden, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    report = json.loads(result.stdout)
    failed = [check for check in report["checks"] if check["needed"] and not check["ok"]]
    assert result.returncode == 0, failed
    decode = next(check for check in report["checks"] if check["name"] == "vlc-decode")
    assert f"{build}/_internal/libvlc.so.5" in decode["detail"]


def test_the_demo_video_plays_through_the_bundled_libvlc_and_plugins(
    build: Path, frozen: list[str], hidden: Callable[[], None] | None, xvfb: XServer
) -> None:
    env = frozen_env(
        DISPLAY=xvfb.display,
        QT_QPA_PLATFORM="xcb",
        KIOSK_DOCTOR_MEDIA=str(build / "_internal" / DEMO_VIDEO),
    )
    output, mapped = run_watching_maps([*frozen, "doctor", "--json"], env, hidden)
    decode = next(c for c in json.loads(output)["checks"] if c["name"] == "vlc-decode")
    assert decode["ok"], decode["detail"]
    media = {path for path in mapped if "vlc" in path or "libavcodec" in path}
    names = {Path(path).name for path in media}
    assert {"libvlc.so.5", "libvlccore.so.9", "libavcodec_plugin.so", "libmp4_plugin.so"} <= names
    assert any(name.startswith("libavcodec.so") for name in names)
    assert [path for path in media if not path.startswith(str(build))] == []


FIRST_ARTIST = sorted(path.name for path in (REPO / "assets" / "demo" / "artists").iterdir())[0]
PAGES = ("attract", "home", "exhibition", f"artist:{FIRST_ARTIST}", "programme", "about",
         "accessibility", "staff")  # fmt: skip


@pytest.mark.parametrize("page", PAGES)
def test_frozen_pages_look_exactly_like_the_source_ones(
    page: str, frozen: list[str], hidden: Callable[[], None] | None, tmp_path: Path
) -> None:
    """Every QML import, Qt plugin and font a page needs survived the trimming."""
    env = frozen_env(QT_QPA_PLATFORM="offscreen")
    shots = {}
    runs = (("frozen", frozen, hidden), ("source", [sys.executable, "-m", "kiosk"], None))
    for label, command, preexec in runs:
        shots[label] = tmp_path / f"{label}.png"
        result = subprocess.run(
            [*command, "screenshot", "--page", page, "--size", "1280x720", str(shots[label])],
            env=env, cwd=REPO, preexec_fn=preexec, capture_output=True, text=True, timeout=120,
            check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert "unavailable" not in result.stderr and "is not a type" not in result.stderr
    with Image.open(shots["frozen"]) as a, Image.open(shots["source"]) as b:
        difference = ImageChops.difference(a.convert("RGB"), b.convert("RGB")).convert("L")
        changed = sum(difference.histogram()[17:])
        assert a.size == (1280, 720)
        assert a.convert("L").getextrema()[0] != a.convert("L").getextrema()[1], "blank page"
    assert changed / (1280 * 720) < 0.001


@pytest.fixture
def out_of_order_screen(build: Path, xvfb: XServer) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [str(build / "kiosk-out-of-order")], env=frozen_env(**xvfb.env()), text=True,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    yield process
    process.kill()
    process.wait(timeout=10)


def test_the_out_of_order_screen_fills_the_display(
    out_of_order_screen: subprocess.Popen[str], xvfb: XServer, tmp_path: Path
) -> None:
    deadline = time.monotonic() + 30
    background = (0x1D, 0x1B, 0x2E)
    share = 0.0
    while time.monotonic() < deadline and share < 0.8:
        time.sleep(0.5)
        assert out_of_order_screen.poll() is None, out_of_order_screen.stderr
        with Image.open(xvfb.capture(tmp_path / "screen.png")) as screen:
            pixels = screen.convert("RGB").resize((192, 108))
            colors = dict((color, count) for count, color in pixels.getcolors(192 * 108))
            share = colors.get(background, 0) / (192 * 108)
    assert share >= 0.8  # the calm background over the whole screen, the message in its middle


def test_the_archive_installs_and_runs_from_a_dry_install(build: Path, tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "packaging"))
    import archive

    target = archive.build_archive(build.parent, tmp_path)
    with tarfile.open(target) as packed:
        packed.extractall(tmp_path / "unpacked", filter="tar")
    name, version = archive.project_metadata()
    installer = tmp_path / "unpacked" / f"{name}-{version}" / "install.sh"
    root = tmp_path / "root"
    subprocess.run(["bash", str(installer), "--root", str(root)], check=True, timeout=120)
    result = subprocess.run(
        [str(root / "opt" / "kiosk" / "kiosk"), "--version"],
        env=frozen_env(), capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert result.stdout.strip() == f"kiosk {version}"


def test_the_frozen_kiosk_runs_tells_systemd_and_is_caught_when_frozen(
    frozen: list[str], hidden: Callable[[], None] | None, xvfb: XServer, tmp_path: Path
) -> None:
    """``kiosk run`` from the build, as systemd starts it: READY=1, pings, then silence once
    the debug hook freezes its interface."""
    path = tmp_path / "notify"
    env = frozen_env(
        **xvfb.env(),
        NOTIFY_SOCKET=str(path),
        KIOSK_WATCHDOG_INTERVAL_S="0.5",
        KIOSK_DEBUG_FREEZE_AFTER_S="3",
    )
    log = tmp_path / "stderr.txt"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock, log.open("w") as stderr:
        sock.bind(str(path))
        kiosk = subprocess.Popen(
            [*frozen, "run", "--content", str(REPO / "assets" / "demo")],
            env=env, preexec_fn=hidden, stdout=subprocess.DEVNULL, stderr=stderr,
        )  # fmt: skip
        try:
            sock.settimeout(60)
            messages = [sock.recv(100).decode()]
            sock.settimeout(3.0)
            silent = False
            while not silent and len(messages) < 400:
                try:
                    messages.append(sock.recv(100).decode())
                except TimeoutError:
                    silent = True
            assert messages[0] == "READY=1"
            assert messages.count("WATCHDOG=1") >= 2
            assert silent and kiosk.poll() is None
        except (AssertionError, TimeoutError):
            print(log.read_text("utf-8")[-3000:])
            raise
        finally:
            kiosk.kill()
            kiosk.wait(timeout=10)


NOBODY = 65534


def let_nobody_through(path: Path) -> None:
    """cage refuses to run as root: the test runs it as `nobody`, who must reach ``path``.
    Grants traversal (not listing) on the test's own temporary folders only."""
    for folder in [path, *path.parents]:
        if folder == Path(tempfile.gettempdir()) or folder == folder.parent:
            break
        folder.chmod(folder.stat().st_mode | 0o001)


def unit_command_and_environment(build: Path) -> tuple[list[str], dict[str, str]]:
    """ExecStart= and Environment= of the real kiosk.service, pointed at ``build``."""
    command: list[str] = []
    environment: dict[str, str] = {}
    for line in (REPO / "packaging" / "linux" / "kiosk.service").read_text("utf-8").splitlines():
        if line.startswith("ExecStart="):
            command = line.removeprefix("ExecStart=").replace("/opt/kiosk", str(build)).split()
        elif line.startswith("Environment="):
            key, value = line.removeprefix("Environment=").split("=", 1)
            environment[key] = value
    return command, environment


def test_the_frozen_kiosk_starts_under_cage_as_the_service_runs_it(
    build: Path, tmp_path: Path
) -> None:
    """The unit's own ExecStart (cage, XWayland, `kiosk run --kiosk`) on wlroots' headless
    backend: the kiosk draws its first frame and tells systemd it is ready through cage."""
    if shutil.which("cage") is None or shutil.which("Xwayland") is None:
        pytest.fail("cage and Xwayland are needed: packaging/system-deps.sh package installs them")
    command, unit_env = unit_command_and_environment(build)
    assert command[0] == "/usr/bin/cage" and "--kiosk" in command
    for name in ("runtime", "data", "log", "cache"):
        (tmp_path / name).mkdir()
    (tmp_path / "runtime").chmod(0o700)
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "XDG_RUNTIME_DIR": str(tmp_path / "runtime"),
        "WLR_BACKENDS": "headless",
        "WLR_LIBINPUT_NO_DEVICES": "1",
        "WLR_RENDERER": "pixman",
        **unit_env,
        "KIOSK_CONFIG": str(tmp_path / "config.toml"),
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
        "KIOSK_LOG_DIR": str(tmp_path / "log"),
        "KIOSK_CACHE_DIR": str(tmp_path / "cache"),
        "NOTIFY_SOCKET": str(tmp_path / "notify"),
    }
    (tmp_path / "config.toml").write_text('mode = "kiosk"\n', "utf-8")
    prefix: list[str] = []
    if os.geteuid() == 0:
        prefix = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
        let_nobody_through(tmp_path)
        let_nobody_through(build)
        for path in tmp_path.iterdir():
            os.chown(path, NOBODY, NOBODY)
    x_locks = set(Path("/tmp").glob(".X*-lock"))
    stderr_file = tmp_path / "cage-stderr.txt"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock, stderr_file.open("w") as err:
        sock.bind(env["NOTIFY_SOCKET"])
        os.chmod(env["NOTIFY_SOCKET"], 0o777)
        sock.settimeout(60)
        cage = subprocess.Popen(
            [*prefix, *command], env=env, stdout=subprocess.DEVNULL, stderr=err,
            start_new_session=True,
        )  # fmt: skip
        try:
            ready = sock.recv(100).decode()
            log = (tmp_path / "log" / "kiosk.log").read_text("utf-8")
            assert cage.poll() is None
        except (TimeoutError, AssertionError):
            print(stderr_file.read_text("utf-8")[-3000:])
            raise
        finally:
            os.killpg(cage.pid, signal.SIGKILL)  # cage, Xwayland and the kiosk together
            cage.wait(timeout=20)
            # Xwayland's lock files in /tmp outlive a killed compositor.
            for lock in set(Path("/tmp").glob(".X*-lock")) - x_locks:
                if lock.stat().st_uid == NOBODY:
                    lock.unlink()
                    Path(f"/tmp/.X11-unix/X{lock.name[2:-5]}").unlink(missing_ok=True)
    assert ready == "READY=1"
    assert "starting in kiosk mode" in log and "first frame shown" in log
