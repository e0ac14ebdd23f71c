#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the kiosk needs, and only those that are missing.
#   system-deps.sh run    libvlc with its base plugins and the Qt xcb runtime libraries
#   system-deps.sh test   the above plus what the test suite needs (Xvfb, xdotool, ffmpeg, gettext...)
#   system-deps.sh bench    the test packages plus Chromium, the browser baseline of `make bench`
#   system-deps.sh package  the above plus what a PyInstaller build needs (binutils, systemd tools)
# On a system without apt it prints exactly what to install and exits 1.
set -euo pipefail

RUN_PACKAGES=(
  libvlc5 libvlccore9 vlc-plugin-base
  libegl1 libgl1 libopengl0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0
  libxkbcommon0 libxkbcommon-x11-0 libx11-xcb1 libxcb1 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0
  libxcb-xfixes0 libxcb-xinerama0 libxcb-xkb1 libxcb-sync1 libxcb-shm0
)
TEST_PACKAGES=(xvfb xauth xdotool x11-utils libxfixes3 ffmpeg gettext imagemagick espeak-ng tesseract-ocr cage xwayland binutils gcc libvlc-bin systemd)
BENCH_PACKAGES=(chromium)
PACKAGE_PACKAGES=(binutils gcc systemd libvlc-bin)

want=("${RUN_PACKAGES[@]}")
case "${1:-run}" in
  run) ;;
  test) want+=("${TEST_PACKAGES[@]}") ;;
  bench) want+=("${TEST_PACKAGES[@]}" "${BENCH_PACKAGES[@]}") ;;
  package) want+=("${TEST_PACKAGES[@]}" "${PACKAGE_PACKAGES[@]}") ;;
  *) echo "usage: $0 run|test|bench|package" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "This system has no apt. Install these packages (or your distribution's equivalents) by hand:" >&2
  echo "  ${want[*]}" >&2
  exit 1
fi

missing=()
for pkg in "${want[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "Installing missing system packages: ${missing[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { echo "Not root and no sudo: install ${missing[*]} as root." >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
