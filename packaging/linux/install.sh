#!/usr/bin/env bash
# Installs (or upgrades) the exhibition kiosk on a Debian/Ubuntu machine. See docs/install.md.
#
#   sudo ./install.sh                  install the build next to this script (./kiosk/)
#   sudo ./install.sh --build DIR      install the build in DIR (e.g. dist/kiosk from a checkout)
#   ./install.sh --root DIR            dry install: lay every file out under DIR, touch nothing else
#   --no-deps                          do not install cage/xwayland/ffmpeg with apt
#   --no-start                         install and enable, but do not (re)start the kiosk now
#
# Where things go (the same table is in docs/install.md):
#   /opt/kiosk/                         the build (kiosk, kiosk-out-of-order, _internal/)
#   /opt/kiosk.previous/                the build replaced by the last upgrade (for a rollback)
#   /usr/local/bin/kiosk                -> /opt/kiosk/kiosk, for `kiosk doctor` and friends
#   /etc/kiosk/config.toml              settings; written only if absent (upgrades keep it)
#   /etc/systemd/system/kiosk.service   + kiosk-out-of-order.service
#   /etc/pam.d/kiosk                    the kiosk's logind session on tty1
#   /etc/sysusers.d/kiosk.conf          the `kiosk` user; /etc/tmpfiles.d/kiosk.conf its folders
#   /var/lib/kiosk/                     content versions, statistics, staff state (kept)
#   /var/log/kiosk/                     logs (kept)      /var/cache/kiosk/  rebuildable cache
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=/
BUILD=""
DEPS=1
START=1

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }
die() { echo "install.sh: $*" >&2; exit 1; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --root) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; ROOT=$2; shift 2 ;;
    --root=*) ROOT=${1#--root=}; shift ;;
    --build) [[ $# -ge 2 ]] || { usage >&2; exit 2; }; BUILD=$2; shift 2 ;;
    --build=*) BUILD=${1#--build=}; shift ;;
    --no-deps) DEPS=0; shift ;;
    --no-start) START=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

DRY=0
[[ "$ROOT" != "/" ]] && DRY=1
ROOT=$(mkdir -p "$ROOT" && cd "$ROOT" && pwd)
R=${ROOT%/}  # prefix for every path; empty for a real install

# The build: --build, else ./kiosk next to this script (the archive), else the checkout's dist/.
if [[ -z "$BUILD" ]]; then
  for candidate in "$HERE/kiosk" "$HERE/../../dist/kiosk"; do
    [[ -x "$candidate/kiosk" ]] && { BUILD=$candidate; break; }
  done
fi
[[ -n "$BUILD" && -x "$BUILD/kiosk" ]] || die "no build found (expected kiosk/kiosk next to this script, or --build DIR)"
BUILD=$(cd "$BUILD" && pwd)
DOC=""
for candidate in "$HERE/install.md" "$HERE/../../docs/install.md"; do
  [[ -f "$candidate" ]] && { DOC=$candidate; break; }
done

if [[ $DRY -eq 0 ]]; then
  [[ $(id -u) -eq 0 ]] || die "run as root (sudo ./install.sh), or use --root DIR for a dry install"
  command -v systemctl >/dev/null || die "systemd is required"
fi

# --- system packages: the compositor, and ffmpeg to measure imported stories' loudness ------------
# (everything else is inside the build)
if [[ $DRY -eq 0 && $DEPS -eq 1 ]]; then
  missing=()
  command -v cage >/dev/null || missing+=(cage)
  command -v Xwayland >/dev/null || missing+=(xwayland)
  command -v ffmpeg >/dev/null || missing+=(ffmpeg)
  if [[ ${#missing[@]} -gt 0 ]]; then
    command -v apt-get >/dev/null || die "install ${missing[*]} with your package manager, then rerun"
    echo "Installing ${missing[*]}..."
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
fi

was_active=0
if [[ $DRY -eq 0 ]] && systemctl is-active --quiet kiosk.service; then
  was_active=1
  echo "Stopping the running kiosk for the upgrade..."
  systemctl stop kiosk.service
fi

# --- the build: copied beside the old one, then swapped, so a failed copy changes nothing -------
echo "Installing the build into $R/opt/kiosk"
mkdir -p "$R/opt"
rm -rf "$R/opt/kiosk.new"
cp -a "$BUILD" "$R/opt/kiosk.new"
[[ -n "$DOC" ]] && install -m 0644 "$DOC" "$R/opt/kiosk.new/install.md"
if [[ -d "$R/opt/kiosk" ]]; then
  rm -rf "$R/opt/kiosk.previous"
  mv "$R/opt/kiosk" "$R/opt/kiosk.previous"
fi
mv "$R/opt/kiosk.new" "$R/opt/kiosk"
mkdir -p "$R/usr/local/bin"
ln -sfn /opt/kiosk/kiosk "$R/usr/local/bin/kiosk"

# --- user, folders, session, units -------------------------------------------------------------
install -D -m 0644 "$HERE/sysusers-kiosk.conf" "$R/etc/sysusers.d/kiosk.conf"
install -D -m 0644 "$HERE/tmpfiles-kiosk.conf" "$R/etc/tmpfiles.d/kiosk.conf"
install -D -m 0644 "$HERE/pam-kiosk" "$R/etc/pam.d/kiosk"
install -D -m 0644 "$HERE/kiosk.service" "$R/etc/systemd/system/kiosk.service"
install -D -m 0644 "$HERE/kiosk-out-of-order.service" "$R/etc/systemd/system/kiosk-out-of-order.service"

root_args=()
[[ $DRY -eq 1 ]] && root_args=(--root "$ROOT")
mkdir -p "$R/etc"
touch "$R/etc/passwd" "$R/etc/group" "$R/etc/shadow" "$R/etc/gshadow" 2>/dev/null || true
systemd-sysusers "${root_args[@]}" "$R/etc/sysusers.d/kiosk.conf"
systemd-tmpfiles "${root_args[@]}" --create "$R/etc/tmpfiles.d/kiosk.conf"

# --- configuration: written once; upgrades never touch it --------------------------------------
CONFIG="$R/etc/kiosk/config.toml"
if [[ ! -f "$CONFIG" ]]; then
  echo "Writing $CONFIG"
  mkdir -p "$R/etc/kiosk"
  cat > "$CONFIG" <<'TOML'
# Settings of the exhibition kiosk. docs/install.md (/opt/kiosk/install.md) lists every key.
# Upgrades never overwrite this file. Check it with: kiosk doctor
mode = "kiosk"
data_dir = "/var/lib/kiosk"
log_dir = "/var/log/kiosk"
cache_dir = "/var/cache/kiosk"
default_language = "fr"
# idle_timeout_s = 90
# volume_default = 70
# watchdog_interval_s = 5.0
TOML
  # The file will hold the staff PIN's hash: readable by the kiosk's group, not by everyone.
  gid=$(awk -F: '$1 == "kiosk" { print $3 }' "$R/etc/group")
  chmod 0640 "$CONFIG"
  [[ -n "$gid" ]] && chown "0:$gid" "$CONFIG"
else
  echo "Keeping the existing $CONFIG"
fi

if [[ $DRY -eq 1 ]]; then
  echo "Dry install done in $ROOT (no service enabled, nothing started)."
  exit 0
fi

systemctl daemon-reload
systemctl enable kiosk.service
systemctl set-default graphical.target >/dev/null
if [[ $START -eq 1 ]]; then
  systemctl reset-failed kiosk.service kiosk-out-of-order.service 2>/dev/null || true
  systemctl stop kiosk-out-of-order.service 2>/dev/null || true
  systemctl start kiosk.service
  echo "The kiosk is starting. Check it with: kiosk doctor ; journalctl -u kiosk -f"
elif [[ $was_active -eq 1 ]]; then
  echo "The kiosk was stopped for the upgrade; start it with: systemctl start kiosk"
else
  echo "Installed. Reboot, or start it now with: systemctl start kiosk"
fi
