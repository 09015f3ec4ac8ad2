"""Signed lesson-pack bundles from USB: verify, install into A/B slots, roll back.

The app calls `active_pack_dir(settings)` at start-up (the pack to load besides the
built-in one, which is trusted as shipped) and `open_store(settings)` for the staff
panel's install / rollback / status; `find_bundles()` lists bundles on USB sticks.
Refusals raise `UpdateError` subclasses carrying `message_vi` for staff and `detail`;
`installed_vi` / `rolled_back_vi` word the successes.
"""
from __future__ import annotations

from pathlib import Path

from kiosk.bundles.disk import Checkpoint
from kiosk.bundles.errors import BundleRejected, RollbackUnavailable, UpdateError
from kiosk.bundles.manifest import BUNDLE_SUFFIX, Limits, Manifest
from kiosk.bundles.reader import VerifiedBundle, verify_bundle
from kiosk.bundles.store import PackStore, SlotInfo, StoreStatus, Validator, default_validator
from kiosk.bundles.texts import installed_vi, rolled_back_vi
from kiosk.bundles.usb import find_bundles
from kiosk.settings import Settings

__all__ = [
    "BUNDLE_SUFFIX", "BundleRejected", "Limits", "Manifest", "PackStore", "RollbackUnavailable", "SlotInfo",
    "StoreStatus", "UpdateError", "VerifiedBundle", "active_pack_dir", "find_bundles", "installed_vi", "open_store",
    "rolled_back_vi", "verify_bundle",
]


def open_store(settings: Settings, validator: Validator = default_validator,
               checkpoint: Checkpoint | None = None) -> PackStore:
    """The kiosk's pack store under `settings.data_dir / "packs"`."""
    return PackStore(settings.data_dir / "packs", settings.trusted_keys, validator=validator, checkpoint=checkpoint)


def active_pack_dir(settings: Settings, validator: Validator = default_validator) -> Path | None:
    """The installed pack to load besides the built-in one (None: built-in only).
    A slot that fails its checks is never returned; why is logged."""
    return open_store(settings, validator).active_pack_dir()
