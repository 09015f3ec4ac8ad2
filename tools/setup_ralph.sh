#!/usr/bin/env bash
# Install Ralph 5.1.0 (the xAPI LRS the xAPI integration tests talk to) into its own venv and
# create the test account. Idempotent: a second run only checks, in about a second.
#   bash tools/setup_ralph.sh            -> ${HOCVUSO_RALPH_HOME:-$HOME/.cache/hocvuso-ralph}
# Layout: venv/ (ralph-malph[cli,lrs]==5.1.0 + requests), app/auth.json (user hocvuso-test).
# Start a server with venv/bin/python tools/ralph_fs_lrs.py (see tests/kiosk/xapi/conftest.py).
set -euo pipefail
home=${HOCVUSO_RALPH_HOME:-$HOME/.cache/hocvuso-ralph}
venv=$home/venv
user=hocvuso-test
password=hocvuso-test-secret
python=${PYTHON:-python3}

installed() {
  [ -x "$venv/bin/python" ] && "$venv/bin/python" - <<'PY' 2>/dev/null
import importlib.metadata as m, requests  # noqa: F401  (Ralph's auth module needs requests)
assert m.version("ralph-malph") == "5.1.0"
PY
}

if ! installed; then
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "ralph-malph[cli,lrs]==5.1.0" requests
fi
mkdir -p "$home/app"
if ! grep -qs "\"$user\"" "$home/app/auth.json"; then
  RALPH_APP_DIR="$home/app" RALPH_RUNSERVER_BACKEND=fs \
    "$venv/bin/ralph" auth -u "$user" -p "$password" -s all -M mailto:hocvuso-test@example.org -w >/dev/null
fi
echo "Ralph 5.1.0 ready in $home"
