"""Fixtures for bundle tests: a trusted province key, packs v1/v2 and a store with v1
(built once per session and copied, since validating a pack takes a while)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bundle_kit import Key, make_key, make_pack, signed_bundle

from kiosk.bundles import PackStore
from kiosk.bundles.store import default_validator


@pytest.fixture(scope="session")
def key(tmp_path_factory: pytest.TempPathFactory) -> Key:
    return make_key(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="session")
def v1_template(tmp_path_factory: pytest.TempPathFactory, key: Key) -> Path:
    """A packs dir whose active pack is version 1, and the v1 bundle beside it."""
    base = tmp_path_factory.mktemp("v1")
    bundle = signed_bundle(make_pack(base / "src", 1), base / "v1.hvsbundle", key, validator=default_validator)
    PackStore(base / "packs", (key.public,)).install(bundle)
    return base


@pytest.fixture
def bundle_v1(v1_template: Path) -> Path:
    return v1_template / "v1.hvsbundle"


@pytest.fixture
def pack_v2(tmp_path: Path) -> Path:
    return make_pack(tmp_path / "src" / "v2", 2, media_files=2)


@pytest.fixture
def pack_store(tmp_path: Path, key: Key) -> PackStore:
    return PackStore(tmp_path / "data" / "packs", (key.public,))


@pytest.fixture
def installed_v1(pack_store: PackStore, v1_template: Path) -> PackStore:
    """A store whose active pack is version 1."""
    shutil.copytree(v1_template / "packs", pack_store.root)
    return pack_store
