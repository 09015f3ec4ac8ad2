#!/usr/bin/env bash
# Install Trạm Học vụ số on a fresh Debian 12 kiosk. Run as root; see deploy/README.md.
# Idempotent: running it again updates the app and the unit, keeps kiosk.toml and the model.
set -euo pipefail
umask 022

# --- Vosk Vietnamese speech model -------------------------------------------------
VOSK_MODEL_NAME="vosk-model-small-vn-0.4"
VOSK_MODEL_URL="${VOSK_MODEL_URL:-https://alphacephei.com/vosk/models/${VOSK_MODEL_NAME}.zip}"
# PLACEHOLDER, NOT A REAL HASH: the SHA-256 of vosk-model-small-vn-0.4.zip has not been pinned.
# Download the zip once on a trusted machine, run `sha256sum` on it and put the value here
# (or export VOSK_MODEL_SHA256). Until then downloads are refused: use --model-zip PATH.
VOSK_MODEL_SHA256_PLACEHOLDER="PLACEHOLDER-pin-the-real-sha256-of-vosk-model-small-vn-0.4.zip"
VOSK_MODEL_SHA256="${VOSK_MODEL_SHA256:-$VOSK_MODEL_SHA256_PLACEHOLDER}"

# --- what a kiosk needs from Debian -------------------------------------------------
APT_PACKAGES=(
    # Qt runtime (xcb fallback under XWayland, and the wayland plugin's libraries)
    libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
    libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0
    libglib2.0-0 libdbus-1-3 libegl1 libgl1 libfontconfig1 libfreetype6 libx11-6
    libxkbcommon0 libwayland-client0 libwayland-cursor0 libwayland-egl1 libpulse0
    # fonts with full Vietnamese coverage, speech out and in, sound
    fonts-noto-core espeak-ng libespeak-ng1 sox alsa-utils pulseaudio
    # the kiosk session (cage needs a logind session: pam_systemd, D-Bus; the unit stops the app with pkill)
    # and the installer itself
    cage xwayland libpam-systemd dbus procps python3-venv curl ca-certificates logrotate
)

KIOSK_USER="kiosk"
KIOSK_GROUPS=(video render input audio)
CONF_DIR="/etc/hocvuso"
DATA_DIR="/var/lib/hocvuso"
LOG_DIR="/var/log/hocvuso"
UNIT_NAME="hocvuso-kiosk.service"
ALL_STEPS="packages user app config model service logrotate pin"
DEPLOY_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

usage() {
    cat <<EOF
Usage: install.sh [options]

Installs the kiosk: Debian packages, the locked-down '$KIOSK_USER' user, the app in a venv,
$CONF_DIR/kiosk.toml, the Vosk model, the $UNIT_NAME unit and log rotation.

  --source DIR       install the app from this source tree (default: the tree holding this script)
  --wheel FILE       install the app from this wheel instead of a source tree
  --wheelhouse DIR   install Python packages only from this folder (offline kiosks)
  --prefix DIR       where the venv and models go (default: /opt/hocvuso)
  --root DIR         stage every file under DIR instead of /; creates no user, runs no
                     apt-get or systemctl (for tests and image builds)
  --model-zip PATH   install the Vosk model from this zip (e.g. from a USB stick)
  --skip-model       do not install the Vosk model (the kiosk then runs touch-only)
  --no-apt           do not install Debian packages
  --set-pin          set the staff PIN at the end (hocvuso set-pin): asked on the terminal,
                     or read from the first line of stdin when that is not a terminal
  --only STEPS       run only these comma-separated steps: ${ALL_STEPS// /,}
  --dry-run          print what would change, change nothing
  -h, --help         this help
EOF
}

log() { printf 'hocvuso-install: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# "changed:" lines on stdout tell Ansible (and people) what this run modified.
changed() {
    local verb=changed
    [[ $DRY_RUN == 0 ]] || verb="would change"
    printf '%s: %s\n' "$verb" "$*" | tee -a "$WORK/changes"
}

run() {
    if [[ $DRY_RUN == 1 ]]; then
        printf 'would run:' >&2
        printf ' %q' "$@" >&2
        printf '\n' >&2
    else
        "$@" >&2  # stdout carries only the "changed:" lines
    fi
}

SOURCE=""
WHEEL=""
WHEELHOUSE=""
PREFIX="/opt/hocvuso"
ROOT=""
MODEL_ZIP=""
SKIP_MODEL=0
NO_APT=0
SET_PIN=0
ONLY=""
DRY_RUN=0

need_value() { [[ $# -ge 2 && -n $2 ]] || die "$1 needs a value"; }

while [[ $# -gt 0 ]]; do
    case $1 in
        --source) need_value "$@"; SOURCE=$2; shift 2 ;;
        --wheel) need_value "$@"; WHEEL=$2; shift 2 ;;
        --wheelhouse) need_value "$@"; WHEELHOUSE=$2; shift 2 ;;
        --prefix) need_value "$@"; PREFIX=$2; shift 2 ;;
        --root) need_value "$@"; ROOT=$2; shift 2 ;;
        --model-zip) need_value "$@"; MODEL_ZIP=$2; shift 2 ;;
        --skip-model) SKIP_MODEL=1; shift ;;
        --no-apt) NO_APT=1; shift ;;
        --set-pin) SET_PIN=1; shift ;;
        --only) need_value "$@"; ONLY=${2//,/ }; shift 2 ;;
        --dry-run) DRY_RUN=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) usage >&2; die "unknown option: $1" ;;
    esac
done

[[ $PREFIX == /* ]] || die "--prefix must be an absolute path: $PREFIX"
PREFIX=${PREFIX%/}
if [[ -n $ROOT ]]; then
    ROOT="$(mkdir -p "$ROOT" && cd "$ROOT" && pwd)"
    [[ $ROOT == / ]] && ROOT=""
fi
STAGED=0
[[ -n $ROOT ]] && STAGED=1

wants() {
    local step=$1
    if [[ -n $ONLY ]]; then
        [[ " $ONLY " == *" $step "* ]]
        return
    fi
    case $step in
        packages) [[ $NO_APT == 0 && $STAGED == 0 ]] ;;
        user) [[ $STAGED == 0 ]] ;;
        model) [[ $SKIP_MODEL == 0 ]] ;;
        pin) [[ $SET_PIN == 1 ]] ;;
        *) return 0 ;;
    esac
}

owner_args() {  # install(1) ownership options; none when staging
    [[ $STAGED == 1 ]] || printf '%s\n' -o "$1" -g "$2"
}

# Copy SRC to DST with MODE (and OWNER GROUP) only when the content differs.
install_file() {
    local src=$1 dst=$2 mode=$3 owner=${4:-root} group=${5:-root}
    if [[ -f $dst ]] && cmp -s "$src" "$dst"; then
        return 0
    fi
    local -a own
    mapfile -t own < <(owner_args "$owner" "$group")
    run install -D -m "$mode" "${own[@]}" "$src" "$dst"
    changed "$dst"
}

make_dir() {  # make_dir DIR MODE OWNER GROUP
    local dir=$1 mode=$2 owner=$3 group=$4
    local -a own
    mapfile -t own < <(owner_args "$owner" "$group")
    if [[ ! -d $dir ]]; then
        run install -d -m "$mode" "${own[@]}" "$dir"
        changed "$dir"
    else
        run chmod "$mode" "$dir"
        [[ $STAGED == 1 ]] || run chown "$owner:$group" "$dir"
    fi
}

# Our deploy files name /opt/hocvuso; rewrite it to the chosen prefix.
render() { sed "s#/opt/hocvuso#${PREFIX}#g" "$1" >"$2"; }

preflight() {
    if [[ $STAGED == 0 && $DRY_RUN == 0 && $EUID -ne 0 ]]; then
        die "run as root (or use --root DIR to stage, --dry-run to look)"
    fi
    local step
    for step in $ONLY; do
        [[ " $ALL_STEPS " == *" $step "* ]] || die "unknown step '$step' (steps: $ALL_STEPS)"
    done
    if [[ $STAGED == 1 ]] && { wants packages || wants user; }; then
        die "the packages and user steps change this machine itself; they cannot run with --root"
    fi
    if [[ $STAGED == 0 && $DRY_RUN == 0 ]] && ! wants user && ! id -u "$KIOSK_USER" >/dev/null 2>&1 &&
        { wants config || wants pin; }; then
        die "user '$KIOSK_USER' does not exist yet: include the user step"
    fi
    if [[ -r /etc/os-release ]] && ! grep -q '^VERSION_ID="12"' /etc/os-release; then
        log "warning: made for Debian 12; this is $(grep -m1 '^PRETTY_NAME=' /etc/os-release | cut -d= -f2-)"
    fi
    if wants app; then
        if [[ -n $WHEEL ]]; then
            [[ -f $WHEEL ]] || die "--wheel: no such file: $WHEEL"
        else
            SOURCE=${SOURCE:-$DEPLOY_DIR/..}
            [[ -f $SOURCE/pyproject.toml ]] || die "--source: no pyproject.toml in $SOURCE"
        fi
        [[ -z $WHEELHOUSE || -d $WHEELHOUSE ]] || die "--wheelhouse: no such folder: $WHEELHOUSE"
    fi
    if wants model; then
        if [[ -n $MODEL_ZIP ]]; then
            [[ -f $MODEL_ZIP ]] || die "--model-zip: no such file: $MODEL_ZIP"
        elif [[ $VOSK_MODEL_SHA256 == "$VOSK_MODEL_SHA256_PLACEHOLDER" ]]; then
            die "refusing to download $VOSK_MODEL_NAME: no SHA-256 is pinned in install.sh." \
                "Use --model-zip PATH (USB stick), set VOSK_MODEL_SHA256, or --skip-model."
        fi
    fi
}

step_packages() {
    local pkg
    local -a missing=()
    for pkg in "${APT_PACKAGES[@]}"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || missing+=("$pkg")
    done
    if [[ ${#missing[@]} -eq 0 ]]; then
        log "all Debian packages present"
        return
    fi
    log "installing Debian packages: ${missing[*]}"
    run apt-get update
    run env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
    changed "packages ${missing[*]}"
}

step_user() {
    if ! id -u "$KIOSK_USER" >/dev/null 2>&1; then
        run useradd --system --user-group --home-dir "$DATA_DIR" --no-create-home \
            --shell /usr/sbin/nologin --comment "Hoc vu so kiosk" "$KIOSK_USER"
        changed "user $KIOSK_USER"
    fi
    # No password login: lock the password (useradd already does; make sure it stays so).
    if [[ $(passwd -S "$KIOSK_USER" 2>/dev/null | awk '{print $2}') != L ]]; then
        run passwd --lock "$KIOSK_USER"
        changed "locked password of $KIOSK_USER"
    fi
    local group
    for group in "${KIOSK_GROUPS[@]}"; do
        if getent group "$group" >/dev/null && ! id -nG "$KIOSK_USER" 2>/dev/null | grep -qw "$group"; then
            run usermod -a -G "$group" "$KIOSK_USER"
            changed "$KIOSK_USER joins $group"
        fi
    done
    # No sudo, no admin groups.
    for group in sudo admin wheel adm; do
        if id -nG "$KIOSK_USER" 2>/dev/null | grep -qw "$group"; then
            run gpasswd -d "$KIOSK_USER" "$group"
            changed "$KIOSK_USER leaves $group"
        fi
    done
    if grep -rqsE "^[[:space:]]*${KIOSK_USER}[[:space:]]" /etc/sudoers /etc/sudoers.d; then
        die "a sudoers rule names '$KIOSK_USER'; remove it: the kiosk user must not use sudo"
    fi
}

step_app() {
    local venv="$ROOT$PREFIX/venv" target
    if [[ ! -x $venv/bin/python ]]; then
        run /usr/bin/python3 -m venv "$venv"
        changed "$venv"
    fi
    if [[ -n $WHEEL ]]; then
        target=$WHEEL
    elif [[ $DRY_RUN == 1 ]]; then
        target=$SOURCE
    else
        # Build from a copy: the source may be a read-only USB stick, and a build litters it.
        target="$WORK/src"
        mkdir -p "$target"
        tar -C "$SOURCE" --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist \
            --exclude='*.egg-info' --exclude=__pycache__ --exclude=./tests -cf - . | tar -C "$target" -xf -
    fi
    local -a pip_args=(--disable-pip-version-check --no-input --upgrade)
    [[ -z $WHEELHOUSE ]] || pip_args+=(--no-index --find-links "$WHEELHOUSE")
    log "installing the app into $venv (this can take a few minutes)"
    if [[ $DRY_RUN == 1 ]]; then
        run "$venv/bin/python" -m pip install "${pip_args[@]}" "$target"
        return
    fi
    "$venv/bin/python" -m pip install "${pip_args[@]}" "$target" | tee "$WORK/pip.log" >&2
    local updated=0
    grep -q '^Successfully installed' "$WORK/pip.log" && updated=1
    if [[ -n $WHEEL ]]; then
        # pip keeps an installed app of the same version; a rebuilt wheel must still replace it.
        local marker="$venv/hocvuso-wheel.sha256" sha
        sha=$(sha256sum "$WHEEL" | cut -d' ' -f1)
        if [[ ! -f $marker || $(<"$marker") != "$sha" ]]; then
            if ! grep -q '^Successfully installed.* hocvuso-' "$WORK/pip.log"; then
                "$venv/bin/python" -m pip install "${pip_args[@]}" --no-deps --force-reinstall "$WHEEL" >&2
                updated=1
            fi
            printf '%s\n' "$sha" >"$marker"
        fi
    fi
    [[ $updated == 0 ]] || changed "app in $venv"
    [[ -x $venv/bin/hocvuso ]] || die "pip finished but $venv/bin/hocvuso is missing"
}

step_config() {
    make_dir "$ROOT$CONF_DIR" 0755 root root
    make_dir "$ROOT$DATA_DIR" 0750 "$KIOSK_USER" "$KIOSK_USER"
    make_dir "$ROOT$DATA_DIR/incoming" 0750 root "$KIOSK_USER"
    make_dir "$ROOT$LOG_DIR" 0750 root adm
    render "$DEPLOY_DIR/kiosk.toml.example" "$WORK/kiosk.toml"
    # The example beside the live file always shows the current settings.
    install_file "$WORK/kiosk.toml" "$ROOT$CONF_DIR/kiosk.toml.example" 0644
    if [[ -e $ROOT$CONF_DIR/kiosk.toml ]]; then
        log "keeping existing $CONF_DIR/kiosk.toml"
    else
        # 0640 root:kiosk: it may hold the LRS password.
        install_file "$WORK/kiosk.toml" "$ROOT$CONF_DIR/kiosk.toml" 0640 root "$KIOSK_USER"
    fi
}

step_model() {
    local models="$ROOT$PREFIX/models" zip sha
    local dest="$models/$VOSK_MODEL_NAME"
    if [[ -z $MODEL_ZIP && -f $dest/am/final.mdl ]]; then
        log "Vosk model already in $dest"
        return
    fi
    if [[ -n $MODEL_ZIP ]]; then
        zip=$MODEL_ZIP
    else
        zip="$WORK/$VOSK_MODEL_NAME.zip"
        log "downloading $VOSK_MODEL_URL"
        [[ $DRY_RUN == 1 ]] && { run curl -fL --retry 3 -o "$zip" "$VOSK_MODEL_URL"; return; }
        curl -fL --retry 3 -o "$zip" "$VOSK_MODEL_URL" || die "download failed: $VOSK_MODEL_URL"
    fi
    sha=$(sha256sum "$zip" | cut -d' ' -f1)
    if [[ $VOSK_MODEL_SHA256 == "$VOSK_MODEL_SHA256_PLACEHOLDER" ]]; then
        log "warning: no SHA-256 pinned to check $zip against; its SHA-256 is $sha." \
            "Pin it as VOSK_MODEL_SHA256 in install.sh once you trust this file."
    elif [[ $sha != "$VOSK_MODEL_SHA256" ]]; then
        die "SHA-256 mismatch for $zip: expected $VOSK_MODEL_SHA256, got $sha. Model NOT installed."
    fi
    if [[ -f $dest/.zip-sha256 && $(<"$dest/.zip-sha256") == "$sha" ]]; then
        log "Vosk model from this zip already in $dest"
        return
    fi
    local unpack="$WORK/model"
    mkdir -p "$unpack"
    /usr/bin/python3 -m zipfile -e "$zip" "$unpack"  # zipfile drops absolute and '..' paths
    [[ -f $unpack/$VOSK_MODEL_NAME/am/final.mdl && -f $unpack/$VOSK_MODEL_NAME/conf/model.conf ]] ||
        die "$zip does not hold $VOSK_MODEL_NAME/ with am/final.mdl and conf/model.conf. Model NOT installed."
    printf '%s\n' "$sha" >"$unpack/$VOSK_MODEL_NAME/.zip-sha256"
    chmod -R u=rwX,go=rX "$unpack/$VOSK_MODEL_NAME"
    run install -d -m 0755 "$models"
    run rm -rf "$dest.new" "$dest.old"
    run cp -a "$unpack/$VOSK_MODEL_NAME" "$dest.new"
    [[ ! -e $dest ]] || run mv "$dest" "$dest.old"
    run mv "$dest.new" "$dest"
    run rm -rf "$dest.old"
    changed "$dest"
}

step_service() {
    render "$DEPLOY_DIR/$UNIT_NAME" "$WORK/$UNIT_NAME"
    install_file "$WORK/$UNIT_NAME" "$ROOT/etc/systemd/system/$UNIT_NAME" 0644
    [[ $STAGED == 0 ]] || return 0
    # Cage runs the kiosk at the graphical target, replacing the login prompt on tty1.
    run systemctl enable "$UNIT_NAME"
    [[ $(systemctl get-default 2>/dev/null) == graphical.target ]] || run systemctl set-default graphical.target
    if [[ ! -d /run/systemd/system ]]; then
        log "systemd is not running here; the kiosk starts at next boot"
        return
    fi
    run systemctl daemon-reload
    if ! systemctl is-active --quiet "$UNIT_NAME"; then
        run systemctl start "$UNIT_NAME"
    elif [[ -s $WORK/changes ]]; then  # app, config or unit changed in this run
        run systemctl restart "$UNIT_NAME"
    fi
}

step_logrotate() {
    install_file "$DEPLOY_DIR/logrotate/hocvuso" "$ROOT/etc/logrotate.d/hocvuso" 0644
}

step_pin() {
    local hocvuso="$ROOT$PREFIX/venv/bin/hocvuso"
    if ! "$hocvuso" set-pin --help >/dev/null 2>&1; then
        log "warning: this version of hocvuso has no 'set-pin' command; staff PIN NOT set." \
            "Set it later: HOCVUSO_CONFIG=$CONF_DIR/kiosk.toml $PREFIX/venv/bin/hocvuso set-pin"
        return
    fi
    local -a as_kiosk=() from_stdin=()
    [[ $STAGED == 1 ]] || as_kiosk=(runuser -u "$KIOSK_USER" --)
    [[ -t 0 ]] || from_stdin=(--pin-stdin)  # e.g. Ansible or a script pipes the PIN in
    run "${as_kiosk[@]}" env HOCVUSO_CONFIG="$ROOT$CONF_DIR/kiosk.toml" HOCVUSO_DATA_DIR="$ROOT$DATA_DIR" \
        "$hocvuso" set-pin "${from_stdin[@]}"
    changed "staff PIN"
}

main() {
    preflight
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
    : >"$WORK/changes"
    local step
    for step in $ALL_STEPS; do
        if wants "$step"; then
            log "== $step"
            "step_$step"
        fi
    done
    if [[ -s $WORK/changes ]]; then
        log "done; $(wc -l <"$WORK/changes") change(s)"
    else
        log "done; nothing changed"
    fi
}

main
