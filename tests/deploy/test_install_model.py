"""install.sh installs the Vosk model only from a zip whose SHA-256 it can trust."""
from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import pytest
from install_runner import InstallRunner

MODEL = "vosk-model-small-vn-0.4"


def model_zip(path: Path, files: tuple[str, ...] = ("am/final.mdl", "conf/model.conf", "graph/HCLr.fst")) -> Path:
    """A stand-in for the model zip: the same layout, tiny files."""
    with zipfile.ZipFile(path, "w") as archive:
        for name in files:
            archive.writestr(f"{MODEL}/{name}", f"contents of {name}\n")
    return path


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def zip_path(tmp_path: Path) -> Path:
    return model_zip(tmp_path / f"{MODEL}.zip")


def installed(root: Path) -> Path:
    return root / "opt/hocvuso/models" / MODEL


def test_zip_with_the_pinned_hash_is_installed_once(install: InstallRunner, tmp_path: Path, zip_path: Path) -> None:
    root = tmp_path / "root"
    pinned = {"VOSK_MODEL_SHA256": sha256(zip_path)}
    result = install("--root", root, "--only", "model", "--model-zip", zip_path, env=pinned)
    assert result.returncode == 0, result.stderr
    assert (installed(root) / "am/final.mdl").read_text() == "contents of am/final.mdl\n"
    assert result.stdout == f"changed: {installed(root)}\n"
    again = install("--root", root, "--only", "model", "--model-zip", zip_path, env=pinned)
    assert again.returncode == 0 and again.stdout == ""
    assert install("--root", root, "--only", "model", env=pinned).stdout == ""


def test_zip_with_another_hash_is_refused(install: InstallRunner, tmp_path: Path, zip_path: Path) -> None:
    root = tmp_path / "root"
    result = install("--root", root, "--only", "model", "--model-zip", zip_path, env={"VOSK_MODEL_SHA256": "0" * 64})
    assert result.returncode != 0
    assert f"SHA-256 mismatch for {zip_path}: expected {'0' * 64}, got {sha256(zip_path)}" in result.stderr
    assert not installed(root).exists()


def test_a_changed_zip_replaces_the_installed_model(install: InstallRunner, tmp_path: Path, zip_path: Path) -> None:
    root = tmp_path / "root"
    install("--root", root, "--only", "model", "--model-zip", zip_path, env={"VOSK_MODEL_SHA256": sha256(zip_path)})
    newer = model_zip(tmp_path / "newer.zip", ("am/final.mdl", "conf/model.conf"))
    result = install("--root", root, "--only", "model", "--model-zip", newer, env={"VOSK_MODEL_SHA256": sha256(newer)})
    assert result.returncode == 0, result.stderr
    assert not (installed(root) / "graph").exists()
    assert sorted(p.name for p in installed(root).parent.iterdir()) == [MODEL]


def test_without_a_pinned_hash_nothing_is_downloaded(install: InstallRunner, tmp_path: Path, zip_path: Path) -> None:
    root = tmp_path / "root"
    result = install("--root", root, "--only", "model", env={"VOSK_MODEL_URL": zip_path.as_uri()})
    assert result.returncode != 0
    assert "refusing to download vosk-model-small-vn-0.4: no SHA-256 is pinned" in result.stderr
    assert not root.joinpath("opt").exists()


def test_download_is_checked_against_the_pinned_hash(install: InstallRunner, tmp_path: Path, zip_path: Path) -> None:
    root = tmp_path / "root"
    url = {"VOSK_MODEL_URL": zip_path.as_uri()}
    refused = install("--root", root, "--only", "model", env={**url, "VOSK_MODEL_SHA256": "f" * 64})
    assert refused.returncode != 0 and "SHA-256 mismatch" in refused.stderr
    assert not installed(root).exists()
    accepted = install("--root", root, "--only", "model", env={**url, "VOSK_MODEL_SHA256": sha256(zip_path)})
    assert accepted.returncode == 0, accepted.stderr
    assert (installed(root) / "conf/model.conf").is_file()


def test_usb_zip_without_a_pinned_hash_is_installed_and_its_hash_shown(
    install: InstallRunner, tmp_path: Path, zip_path: Path
) -> None:
    root = tmp_path / "root"
    result = install("--root", root, "--only", "model", "--model-zip", zip_path)
    assert result.returncode == 0, result.stderr
    assert f"its SHA-256 is {sha256(zip_path)}" in result.stderr
    assert (installed(root) / "am/final.mdl").is_file()


def test_a_zip_that_is_not_the_model_is_refused(install: InstallRunner, tmp_path: Path) -> None:
    root = tmp_path / "root"
    wrong = model_zip(tmp_path / "wrong.zip", ("README",))
    result = install("--root", root, "--only", "model", "--model-zip", wrong)
    assert result.returncode != 0
    assert "does not hold vosk-model-small-vn-0.4/ with am/final.mdl" in result.stderr
    assert not installed(root).exists()
