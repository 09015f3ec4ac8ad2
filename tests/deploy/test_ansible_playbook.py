"""The Ansible playbook parses, and its per-kiosk settings land in kiosk.toml as valid TOML."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from install_runner import DEPLOY

from kiosk.settings import load_settings

ANSIBLE = DEPLOY / "ansible"

pytestmark = pytest.mark.skipif(
    shutil.which("ansible-playbook") is None, reason="ansible not installed (apt-get install ansible)"
)


def playbook(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["ansible-playbook", *map(str, args), str(ANSIBLE / "playbook.yml")],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", "ANSIBLE_LOCAL_TEMP": str(cwd / "tmp"), "HOME": str(cwd), "LANG": "C.UTF-8"},
        timeout=300,
    )


def test_syntax_check_passes(tmp_path: Path) -> None:
    result = playbook("-i", ANSIBLE / "inventory.example.ini", "--syntax-check", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_syntax_check_catches_a_broken_playbook(tmp_path: Path) -> None:
    broken = tmp_path / "ansible"
    shutil.copytree(ANSIBLE, broken)
    tasks = broken / "roles/hocvuso_kiosk/tasks/main.yml"
    tasks.write_text(tasks.read_text().replace("ansible.builtin.lineinfile:", "ansible.builtin.lineinfile: [", 1))
    result = subprocess.run(
        ["ansible-playbook", "-i", str(broken / "inventory.example.ini"), "--syntax-check",
         str(broken / "playbook.yml")],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode != 0


def test_config_tag_writes_this_kiosks_settings(tmp_path: Path) -> None:
    config = tmp_path / "kiosk.toml"
    shutil.copy(DEPLOY / "kiosk.toml.example", config)
    inventory = tmp_path / "inventory.ini"
    inventory.write_text("[kiosks]\nlocalhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n")
    extra = {
        "ansible_become": False,
        "hocvuso_config": str(config),
        "hocvuso_restart_on_change": False,
        "kiosk_id": "hb-tanphu-01",
        "commune": "Xã Tân Phú",
        "province": "Tỉnh Hoà Bình",
        "lrs_password": 's3cret "pass\\',
        "hocvuso_settings": {"text_size": "large", "idle_warning_s": 90},
    }
    result = playbook("-v", "-i", inventory, "--tags", "config", "-e", json.dumps(extra), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "hb-tanphu-01" in result.stdout and "s3cret" not in result.stdout  # the password stays out of the log
    settings = load_settings(config)
    assert settings.kiosk_id == "hb-tanphu-01"
    assert (settings.commune, settings.province) == ("Xã Tân Phú", "Tỉnh Hoà Bình")
    assert (settings.text_size, settings.idle_warning_s, settings.lrs_password) == ("large", 90, 's3cret "pass\\')
    assert "# Mã trạm" in config.read_text(encoding="utf-8")  # staff still see the explanations

    again = playbook("-i", inventory, "--tags", "config", "-e", json.dumps(extra), cwd=tmp_path)
    assert "changed=0" in again.stdout, again.stdout


def test_install_tag_runs_install_sh_with_this_kiosks_files(tmp_path: Path) -> None:
    """In check mode nothing is copied or run, but every task's arguments are rendered."""
    wheel = tmp_path / "hocvuso-0.1.0-py3-none-any.whl"
    model = tmp_path / "vosk-model-small-vn-0.4.zip"
    wheelhouse = tmp_path / "wheelhouse"
    for path in (wheel, model, wheelhouse / "x.whl"):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(b"")
    inventory = tmp_path / "inventory.ini"
    inventory.write_text("[kiosks]\nlocalhost ansible_connection=local ansible_python_interpreter=/usr/bin/python3\n")
    stage = tmp_path / "stage"
    extra = {
        "ansible_become": False,
        "kiosk_id": "hb-tanphu-01",
        "commune": "Xã Tân Phú",
        "hocvuso_stage_dir": str(stage),
        "hocvuso_wheel": str(wheel),
        "hocvuso_wheelhouse": str(wheelhouse),
        "hocvuso_model_zip": str(model),
        "hocvuso_install_args": ["--no-apt"],
    }
    result = playbook("--check", "-vv", "-i", inventory, "--tags", "install", "-e", json.dumps(extra), cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if '"cmd": ["bash"' in line)
    command = json.loads(line.split(" => ", 1)[1])["cmd"]
    assert command == [
        "bash", f"{stage}/deploy/install.sh", "--prefix", "/opt/hocvuso",
        "--wheel", f"{stage}/{wheel.name}",
        "--wheelhouse", f"{stage}/wheelhouse",
        "--model-zip", f"{stage}/{model.name}",
        "--no-apt",
    ]
    assert not stage.exists()
