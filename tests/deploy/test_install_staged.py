"""One real run of install.sh into a disposable root: the app lands in its own venv from this
source tree (pip may fetch from the package registry), and the installed kiosk starts offscreen."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from install_runner import REPO, run_install

PREFIX = "/opt/hocvuso"


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("kiosk-root")
    result = run_install("--root", root, "--no-apt", "--skip-model", "--source", REPO)
    assert result.returncode == 0, result.stderr[-4000:]
    assert f"changed: {root}{PREFIX}/venv" in result.stdout.splitlines()
    return root


def kiosk_env(root: Path) -> dict[str, str]:
    """The service's environment, pointed into the staged root, rendering offscreen."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(
        QT_QPA_PLATFORM="offscreen",
        HOCVUSO_CONFIG=str(root / "etc/hocvuso/kiosk.toml"),
        HOCVUSO_DATA_DIR=str(data_dir(root)),
    )
    return env


def data_dir(root: Path) -> Path:
    """The service's WorkingDirectory: `python -c` must not import the source tree from the cwd."""
    return root / "var/lib/hocvuso"


def test_install_lays_out_a_kiosk(root: Path) -> None:
    assert (root / "etc/hocvuso/kiosk.toml").stat().st_mode & 0o777 == 0o640
    assert (root / "var/lib/hocvuso").stat().st_mode & 0o777 == 0o750
    assert (root / "var/log/hocvuso").is_dir()
    assert (root / "etc/logrotate.d/hocvuso").is_file()
    unit = (root / "etc/systemd/system/hocvuso-kiosk.service").read_text()
    assert f"ExecStart=/usr/bin/cage -d -- {PREFIX}/venv/bin/hocvuso run" in unit
    assert os.access(root / PREFIX.lstrip("/") / "venv/bin/hocvuso", os.X_OK)
    assert not (REPO / "build").exists() or (REPO / "build").stat().st_mtime < (root / "etc").stat().st_mtime


def test_installed_app_is_its_own_copy_and_reads_the_installed_config(root: Path) -> None:
    probe = (
        "import kiosk, PySide6.QtWidgets as w; from kiosk.settings import load_settings; "
        "app = w.QApplication([]); s = load_settings(); "
        "print(kiosk.__file__); print(app.platformName()); print(s.vosk_model_dir); print(s.data_dir)"
    )
    python = root / PREFIX.lstrip("/") / "venv/bin/python"
    result = subprocess.run(
        [python, "-c", probe], capture_output=True, text=True, env=kiosk_env(root), cwd=data_dir(root), timeout=120
    )
    assert result.returncode == 0, result.stderr
    module, platform, model_dir, data = result.stdout.split()
    assert Path(module).is_relative_to(root / PREFIX.lstrip("/") / "venv/lib")
    assert platform == "offscreen"
    assert model_dir == f"{PREFIX}/models/vosk-model-small-vn-0.4"
    assert data == str(data_dir(root))


def test_installed_kiosk_starts_and_with_no_display_renders_its_screens(root: Path) -> None:
    hocvuso = root / PREFIX.lstrip("/") / "venv/bin/hocvuso"
    env = {k: v for k, v in kiosk_env(root).items() if k != "QT_QPA_PLATFORM"}
    assert subprocess.run([hocvuso, "--help"], capture_output=True, env=env, cwd=data_dir(root)).returncode == 0
    result = subprocess.run([hocvuso, "run"], capture_output=True, text=True, env=env, cwd=data_dir(root), timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    index = re.search(r"Screenshots: (\S+index\.html)", result.stdout)
    assert index, result.stdout
    assert Path(index.group(1)) == data_dir(root) / "screenshots/index.html"
    assert Path(index.group(1)).is_file()
    assert len(list(Path(index.group(1)).parent.glob("*.png"))) > 10


def test_staff_pin_is_set_through_the_installed_command(root: Path) -> None:
    weak = run_install("--root", root, "--only", "pin", "--set-pin", stdin_text="123456\n")
    assert weak.returncode != 0
    assert not (data_dir(root) / "staff_pin.json").exists()
    result = run_install("--root", root, "--only", "pin", "--set-pin", stdin_text="482915\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "changed: staff PIN\n"
    assert (data_dir(root) / "staff_pin.json").stat().st_mode & 0o777 == 0o600


def build_wheel(out: Path, tmp_path: Path, note: str) -> Path:
    """A wheel of this tree, built from a copy (a build litters its source); `note` changes its bytes."""
    source = tmp_path / "source"
    shutil.rmtree(source, ignore_errors=True)
    shutil.copytree(REPO, source, ignore=shutil.ignore_patterns(".git", ".venv", "build", "*.egg-info", "tests"))
    (source / "kiosk" / "build_note.py").write_text(f"NOTE = {note!r}\n")
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", out, source]
    subprocess.run(command, check=True, capture_output=True)
    return next(out.glob("hocvuso-*.whl"))


def test_wheel_updates_replace_the_app_only_when_the_wheel_changed(root: Path, tmp_path: Path) -> None:
    first = build_wheel(tmp_path / "first", tmp_path, "first")
    result = run_install("--root", root, "--only", "app", "--wheel", first)
    assert result.returncode == 0, result.stderr[-4000:]
    assert result.stdout == f"changed: app in {root}{PREFIX}/venv\n"  # same version, other files

    again = run_install("--root", root, "--only", "app", "--wheel", first)
    assert again.returncode == 0 and again.stdout == ""

    rebuilt = build_wheel(tmp_path / "rebuilt", tmp_path, "rebuilt")
    assert run_install("--root", root, "--only", "app", "--wheel", rebuilt).stdout != ""
    assert subprocess.run(
        [root / PREFIX.lstrip("/") / "venv/bin/python", "-c", "from kiosk.build_note import NOTE; print(NOTE)"],
        capture_output=True, text=True, cwd=data_dir(root),
    ).stdout.strip() == "rebuilt"
