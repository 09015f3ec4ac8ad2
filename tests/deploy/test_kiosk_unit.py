"""The systemd unit and the log rotation config, checked by systemd and logrotate themselves."""
from __future__ import annotations

import gzip
import shutil
import subprocess
from pathlib import Path

import pytest
from install_runner import DEPLOY, InstallRunner

UNIT = DEPLOY / "hocvuso-kiosk.service"

needs_systemd = pytest.mark.skipif(
    shutil.which("systemd-analyze") is None, reason="systemd-analyze not installed (apt-get install systemd)"
)


def systemd_complaints(unit: Path) -> list[str]:
    """What `systemd-analyze verify` says about `unit`, less the one expected complaint on a
    build machine: cage itself is not installed here."""
    result = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True, text=True)
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    if not Path("/usr/bin/cage").exists():
        expected = f"{unit.name}: Command /usr/bin/cage is not executable: No such file or directory"
        assert expected in lines, lines
        lines.remove(expected)
    return lines


def unit_settings(unit: Path) -> dict[str, str]:
    return dict(
        line.split("=", 1) for line in unit.read_text().splitlines() if "=" in line and not line.startswith("#")
    )


@needs_systemd
def test_shipped_unit_verifies() -> None:
    assert systemd_complaints(UNIT) == []


@needs_systemd
def test_verify_catches_a_broken_unit(tmp_path: Path) -> None:
    broken = tmp_path / UNIT.name
    broken.write_text(UNIT.read_text().replace("Restart=always", "Restart=always\nRestartt=always"))
    assert any("Unknown key 'Restartt'" in line for line in systemd_complaints(broken))


@needs_systemd
def test_unit_rendered_for_another_prefix_runs_that_prefix_under_cage(install: InstallRunner, tmp_path: Path) -> None:
    result = install("--root", tmp_path, "--prefix", "/srv/hocvuso", "--only", "service")
    assert result.returncode == 0, result.stderr
    unit = tmp_path / "etc/systemd/system" / UNIT.name
    settings = unit_settings(unit)
    assert settings["ExecStart"] == "/usr/bin/cage -d -- /srv/hocvuso/venv/bin/hocvuso run"
    assert settings["User"] == "kiosk"
    assert settings["TTYPath"] == "/dev/tty1"
    assert settings["Restart"] == "always"
    assert systemd_complaints(unit) == []


@pytest.mark.skipif(shutil.which("logrotate") is None, reason="logrotate not installed (apt-get install logrotate)")
def test_logrotate_rotates_the_kiosk_log_it_keeps_open(tmp_path: Path) -> None:
    logs = tmp_path / "log"
    logs.mkdir()
    config = tmp_path / "hocvuso.logrotate"
    config.write_text((DEPLOY / "logrotate/hocvuso").read_text().replace("/var/log/hocvuso", str(logs)))
    log = logs / "kiosk.log"

    def rotate() -> None:
        result = subprocess.run(
            ["logrotate", "--force", "--state", str(tmp_path / "state"), str(config)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr

    with log.open("a") as kept_open:  # like systemd's StandardOutput=append:
        kept_open.write("first week\n")
        kept_open.flush()
        rotate()
        kept_open.write("second week\n")
        kept_open.flush()
        rotate()
    assert log.read_text() == ""
    assert (logs / "kiosk.log.1").read_text() == "second week\n"
    assert gzip.decompress((logs / "kiosk.log.2.gz").read_bytes()).decode() == "first week\n"
