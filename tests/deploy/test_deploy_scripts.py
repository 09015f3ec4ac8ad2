"""Static checks of the deploy scripts, and a dry run of install.sh against this machine."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from install_runner import DEPLOY, REPO, InstallRunner

SCRIPTS = sorted([*DEPLOY.rglob("*.sh"), *(REPO / "tools").glob("*deploy*.sh")])


def test_there_are_scripts_to_check() -> None:
    assert DEPLOY / "install.sh" in SCRIPTS


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_parses(script: Path) -> None:
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck not installed (apt-get install shellcheck)")
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_script_is_shellcheck_clean(script: Path) -> None:
    result = subprocess.run(["shellcheck", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_unknown_option_is_refused(install: InstallRunner) -> None:
    result = install("--no-such-option")
    assert result.returncode != 0
    assert "unknown option: --no-such-option" in result.stderr


def test_unknown_step_is_refused(install: InstallRunner, tmp_path: Path) -> None:
    result = install("--root", tmp_path, "--only", "config,frobnicate")
    assert result.returncode != 0
    assert "unknown step 'frobnicate'" in result.stderr
    assert not (tmp_path / "etc").exists()


@pytest.mark.parametrize("step", ["packages", "user"])
def test_staging_never_touches_this_machines_packages_or_users(
    install: InstallRunner, tmp_path: Path, step: str
) -> None:
    result = install("--root", tmp_path, "--only", step)
    assert result.returncode != 0
    assert "cannot run with --root" in result.stderr


def _missing_packages(packages: list[str]) -> set[str]:
    query = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${Status}\n", *packages], capture_output=True, text=True
    )
    installed = {line.split()[0] for line in query.stdout.splitlines() if line.endswith("ok installed")}
    return set(packages) - installed


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="not a Debian system")
def test_dry_run_on_the_real_root_says_what_it_would_do_and_changes_nothing(install: InstallRunner) -> None:
    targets = [Path("/opt/hocvuso"), Path("/etc/hocvuso"), Path("/etc/systemd/system/hocvuso-kiosk.service")]
    if any(t.exists() for t in targets):
        pytest.skip("this machine is a kiosk already")
    result = install("--dry-run", "--skip-model")
    assert result.returncode == 0, result.stderr
    assert not any(t.exists() for t in targets)
    assert result.stdout.count("would change:") >= 5  # dirs, config, unit, logrotate at least
    script = (DEPLOY / "install.sh").read_text()
    packages = re.search(r"APT_PACKAGES=\((.*?)\n\)", script, re.S).group(1)
    packages = [w for line in packages.splitlines() for w in line.split("#")[0].split()]
    assert {"cage", "xwayland", "espeak-ng", "fonts-noto-core", "python3-venv"} <= set(packages)
    missing = _missing_packages(packages)
    apt_lines = [line for line in result.stderr.splitlines() if line.startswith("would run: env DEBIAN_FRONTEND")]
    if missing:
        assert len(apt_lines) == 1
        assert set(apt_lines[0].split("--no-install-recommends")[1].split()) == missing
    else:
        assert not apt_lines
    if subprocess.run(["id", "-u", "kiosk"], capture_output=True).returncode != 0:
        assert "would run: useradd --system --user-group --home-dir /var/lib/hocvuso" in result.stderr
        assert "--shell /usr/sbin/nologin" in result.stderr
    assert "would run: /usr/bin/python3 -m venv /opt/hocvuso/venv" in result.stderr
    assert "would run: systemctl enable hocvuso-kiosk.service" in result.stderr
