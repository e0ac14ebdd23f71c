"""PyInstaller runtime hook: point python-vlc and libvlc at the copies inside the bundle.

Runs before any kiosk code. Without it python-vlc would look for the machine's libvlc, and
libvlc for the machine's plugins, so the build would silently depend on VLC being installed.
The libraries some plugins need by name (libvlccore, libvlc_pulse, whose RUNPATH points into
/usr/lib) are loaded here first from the bundle: the dynamic linker then reuses them by soname.
The plugin cache (plugins.dat) is written at build time next to the plugins; libvlc ignores
any entry whose file changed, so a stale cache only costs start-up time, never correctness.
"""

import ctypes
import os
import sys


def _bundle_vlc() -> None:
    root = getattr(sys, "_MEIPASS", None)
    if not root:
        return
    vlc_dir = os.path.join(root, "vlc")
    plugins = os.path.join(vlc_dir, "plugins")
    if sys.platform.startswith("win"):
        libvlc = os.path.join(vlc_dir, "libvlc.dll")
        preload = [os.path.join(vlc_dir, "libvlccore.dll")]
        if hasattr(os, "add_dll_directory"):
            os.add_dll_directory(vlc_dir)
    elif sys.platform == "darwin":
        libvlc = os.path.join(root, "libvlc.dylib")
        preload = [os.path.join(root, "libvlccore.dylib")]
    else:
        libvlc = os.path.join(root, "libvlc.so.5")
        preload = [os.path.join(root, "libvlccore.so.9"), os.path.join(root, "libvlc_pulse.so.0")]
    if not os.path.exists(libvlc):
        return
    os.environ["PYTHON_VLC_LIB_PATH"] = libvlc
    os.environ["PYTHON_VLC_MODULE_PATH"] = plugins
    os.environ["VLC_PLUGIN_PATH"] = plugins
    for library in preload:
        if os.path.exists(library):
            try:
                ctypes.CDLL(library, mode=ctypes.RTLD_GLOBAL)
            except OSError as error:  # libvlc will report the real problem when it loads
                print(f"kiosk: cannot preload {library}: {error}", file=sys.stderr)


_bundle_vlc()
