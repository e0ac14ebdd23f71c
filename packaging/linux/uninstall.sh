#!/usr/bin/env bash
# Removes the exhibition kiosk installed by install.sh. See docs/install.md.
#
#   sudo ./uninstall.sh            remove the program, the services and the session;
#                                  keep settings, content, statistics and logs
#   sudo ./uninstall.sh --purge    also delete /etc/kiosk, /var/lib/kiosk, /var/log/kiosk,
#                                  /var/cache/kiosk and the `kiosk` user (cannot be undone)
#   ./uninstall.sh --root DIR      the same inside a dry-install folder
set -euo pipefail

ROOT=/
PURGE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --root) [[ $# -ge 2 ]] || exit 2; ROOT=$2; shift 2 ;;
    --root=*) ROOT=${1#--root=}; shift ;;
    --purge) PURGE=1; shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "uninstall.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
DRY=0
[[ "$ROOT" != "/" ]] && DRY=1
[[ -d "$ROOT" ]] || { echo "uninstall.sh: $ROOT does not exist" >&2; exit 1; }
R=$(cd "$ROOT" && pwd)
R=${R%/}

if [[ $DRY -eq 0 ]]; then
  [[ $(id -u) -eq 0 ]] || { echo "uninstall.sh: run as root" >&2; exit 1; }
  systemctl disable --now kiosk.service 2>/dev/null || true
  systemctl stop kiosk-out-of-order.service 2>/dev/null || true
fi

rm -f "$R/etc/systemd/system/kiosk.service" "$R/etc/systemd/system/kiosk-out-of-order.service"
rm -f "$R/etc/pam.d/kiosk" "$R/usr/local/bin/kiosk"
rm -rf "$R/opt/kiosk" "$R/opt/kiosk.previous" "$R/opt/kiosk.new"

if [[ $PURGE -eq 1 ]]; then
  rm -rf "$R/etc/kiosk" "$R/var/lib/kiosk" "$R/var/log/kiosk" "$R/var/cache/kiosk"
  rm -f "$R/etc/sysusers.d/kiosk.conf" "$R/etc/tmpfiles.d/kiosk.conf"
  if [[ $DRY -eq 0 ]]; then
    userdel kiosk 2>/dev/null || true
  else
    for file in passwd shadow group gshadow; do
      [[ -f "$R/etc/$file" ]] && sed -i '/^kiosk:/d' "$R/etc/$file"
    done
  fi
  echo "The kiosk and all its data are removed."
else
  echo "The kiosk is removed. Kept: /etc/kiosk, /var/lib/kiosk, /var/log/kiosk (--purge deletes them)."
fi
[[ $DRY -eq 0 ]] && systemctl daemon-reload
exit 0
