#!/usr/bin/env bash
# Check deploy/install.sh for real on a bare Debian 12: debootstrap a chroot, run install.sh in
# it (Debian packages, the kiosk user, the venv from an offline wheelhouse, the unit), verify the unit with the real cage
# and user present, then start the installed kiosk as 'kiosk' with no display (it renders its
# screens). Run as root on a Debian machine; takes several minutes and ~2 GB. Not part of the
# test suite: see deploy/README.md.
#   tools/deploy_chroot_check.sh [CHROOT_DIR]   (default /var/tmp/hocvuso-chroot; reused if present)
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CHROOT=${1:-/var/tmp/hocvuso-chroot}

log() { printf 'chroot-check: %s\n' "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

[[ $EUID -eq 0 ]] || die "run as root"

# The same Debian mirror as this machine's apt uses.
mirror_url() {
    local uri
    uri=$(grep -h -E '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}' | grep -v security | head -n1)
    [[ -n $uri ]] || uri=$(grep -h -E '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}' | grep -v security | head -n1)
    [[ -n $uri ]] || die "no Debian mirror found in this machine's apt sources"
    printf '%s\n' "$uri"
}

command -v debootstrap >/dev/null || apt-get install -y --no-install-recommends debootstrap

if [[ ! -x $CHROOT/usr/bin/python3 ]]; then
    log "debootstrap bookworm into $CHROOT"
    debootstrap --variant=minbase --include=python3,python3-venv,systemd,ca-certificates \
        bookworm "$CHROOT" "$(mirror_url)"
fi

MOUNTS=()
cleanup() {
    local i
    for ((i = ${#MOUNTS[@]} - 1; i >= 0; i--)); do umount -l "${MOUNTS[i]}" || true; done
    rm -f "$CHROOT/usr/sbin/policy-rc.d"
}
trap cleanup EXIT
mount_in() {  # mount_in TARGET MOUNT-ARGS...
    mkdir -p "$CHROOT$1"
    mount "${@:2}" "$CHROOT$1"
    MOUNTS+=("$CHROOT$1")
}
mount_in /proc -t proc proc
mount_in /sys -t sysfs sys
mount_in /dev --bind /dev
mount_in /dev/pts --bind /dev/pts
cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
# The host's CA bundle, for pip behind whatever TLS setup this machine has.
cp /etc/ssl/certs/ca-certificates.crt "$CHROOT/root/host-ca.crt"
# Packages must not start daemons inside the chroot.
printf '#!/bin/sh\nexit 101\n' >"$CHROOT/usr/sbin/policy-rc.d"
chmod +x "$CHROOT/usr/sbin/policy-rc.d"

log "copying the source tree"
rm -rf "$CHROOT/root/hocvuso"
mkdir -p "$CHROOT/root/hocvuso"
tar -C "$REPO" --exclude=./.git --exclude=./.venv --exclude=./build --exclude='*.egg-info' \
    --exclude=__pycache__ -cf - . | tar -C "$CHROOT/root/hocvuso" -xf -

in_chroot() {
    chroot "$CHROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
        PIP_CERT=/root/host-ca.crt "$@"
}

# The offline path: every Python package from a wheelhouse built here, none from the index.
log "building the wheelhouse"
rm -rf "$CHROOT/root/wheelhouse"
python3 -m pip wheel --quiet -w "$CHROOT/root/wheelhouse" "$CHROOT/root/hocvuso"
wheel=$(cd "$CHROOT/root/wheelhouse" && ls hocvuso-*.whl)

log "running install.sh in the chroot"
in_chroot bash /root/hocvuso/deploy/install.sh --skip-model \
    --wheelhouse /root/wheelhouse --wheel "/root/wheelhouse/$wheel"
log "running install.sh again: it must change nothing but the app"
again=$(in_chroot bash /root/hocvuso/deploy/install.sh --skip-model --only packages,user,config,service,logrotate)
[[ -z $again ]] || die "second run changed: $again"

log "checking the kiosk user"
in_chroot id kiosk
[[ $(in_chroot passwd -S kiosk | awk '{print $2}') == L ]] || die "kiosk has a usable password"
[[ $(in_chroot getent passwd kiosk | cut -d: -f6,7) == /var/lib/hocvuso:/usr/sbin/nologin ]] ||
    die "kiosk home or shell is wrong"
if in_chroot id -nG kiosk | grep -qwE 'sudo|adm|wheel'; then die "kiosk is in an admin group"; fi

grep -q pam_systemd.so "$CHROOT/etc/pam.d/common-session" ||
    die "PAMName=login would give cage no logind session: pam_systemd is missing"

log "checking the unit with cage and the user present"
complaints=$(in_chroot systemd-analyze verify /etc/systemd/system/hocvuso-kiosk.service 2>&1 || true)
[[ -z $complaints ]] || die "systemd-analyze verify: $complaints"
[[ $(in_chroot systemctl is-enabled hocvuso-kiosk.service) == enabled ]] || die "unit not enabled"
rotation=$(in_chroot logrotate --debug /etc/logrotate.d/hocvuso 2>&1)
[[ $rotation == *"rotating pattern: /var/log/hocvuso/*.log"* ]] || die "logrotate: $rotation"

log "starting the installed kiosk as 'kiosk' with no display"
in_chroot runuser -u kiosk -- env HOCVUSO_CONFIG=/etc/hocvuso/kiosk.toml HOCVUSO_DATA_DIR=/var/lib/hocvuso \
    sh -c 'cd /var/lib/hocvuso && /opt/hocvuso/venv/bin/hocvuso run'
shots=$(find "$CHROOT/var/lib/hocvuso/screenshots" -name '*.png' | wc -l)
[[ $shots -gt 0 ]] || die "the kiosk rendered no screens"
log "OK: installed and started on a bare Debian 12; $shots screens in $CHROOT/var/lib/hocvuso/screenshots"
