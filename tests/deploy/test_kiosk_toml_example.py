"""deploy/kiosk.toml.example documents every setting, and every example value in it works."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from install_runner import DEPLOY, InstallRunner

from kiosk.settings import Settings, load_settings

EXAMPLE = DEPLOY / "kiosk.toml.example"
SETTING_LINE = re.compile(r"^(?:# )?([a-z_]+) = ", re.M)


def test_every_setting_is_documented_once() -> None:
    documented = SETTING_LINE.findall(EXAMPLE.read_text(encoding="utf-8"))
    fields = [f.name for f in dataclasses.fields(Settings)]
    assert len(documented) == len(set(documented)), "a setting appears twice in kiosk.toml.example"
    assert set(fields) - set(documented) == set(), "document these settings in deploy/kiosk.toml.example"
    assert set(documented) - set(fields) == set(), "kiosk.toml.example documents settings that no longer exist"


def test_every_setting_has_a_comment_above_it() -> None:
    lines = EXAMPLE.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if SETTING_LINE.match(line):
            above = number - 1
            while SETTING_LINE.match(lines[above]):  # a group such as lrs_url/username/password
                above -= 1
            assert lines[above].startswith("# ") and not SETTING_LINE.match(lines[above]), line


def test_example_as_shipped_loads() -> None:
    settings = load_settings(EXAMPLE)
    assert settings.vosk_model_dir == Path("/opt/hocvuso/models/vosk-model-small-vn-0.4")


def test_every_example_value_is_valid_when_uncommented(tmp_path: Path) -> None:
    uncommented = re.sub(r"^# ([a-z_]+ = )", r"\1", EXAMPLE.read_text(encoding="utf-8"), flags=re.M)
    path = tmp_path / "kiosk.toml"
    path.write_text(uncommented, encoding="utf-8")
    settings = load_settings(path)
    assert settings.db_path == Path("/var/lib/hocvuso/progress.db")
    assert settings.screen_dpi == 96.0


def test_installer_writes_the_example_for_its_prefix_and_keeps_staff_edits(
    install: InstallRunner, tmp_path: Path
) -> None:
    result = install("--root", tmp_path, "--prefix", "/srv/hv", "--only", "config")
    assert result.returncode == 0, result.stderr
    config = tmp_path / "etc/hocvuso/kiosk.toml"
    assert load_settings(config).vosk_model_dir == Path("/srv/hv/models/vosk-model-small-vn-0.4")
    assert config.stat().st_mode & 0o777 == 0o640
    edited = config.read_text(encoding="utf-8").replace('commune = ""', 'commune = "Xã Tân Phú"')
    config.write_text(edited, encoding="utf-8")

    again = install("--root", tmp_path, "--prefix", "/srv/hv", "--only", "config,service,logrotate")
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines() == [
        f"changed: {tmp_path}/etc/systemd/system/hocvuso-kiosk.service",
        f"changed: {tmp_path}/etc/logrotate.d/hocvuso",
    ]
    assert load_settings(config).commune == "Xã Tân Phú"
    assert install("--root", tmp_path, "--prefix", "/srv/hv", "--only", "config,service,logrotate").stdout == ""
