"""Ed25519 keys and the manifest signature.

`manifest.sig` is JSON: {"public_key": base64, "signature": base64}. The embedded key only
says *which* key signed (so staff get "unknown key" rather than "tampered"); trust comes
solely from the kiosk's `trusted_keys` setting.
"""
from __future__ import annotations

import base64
import binascii
import json
import logging
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from kiosk.bundles.errors import BundleRejected

log = logging.getLogger(__name__)

MAX_SIGNATURE_BYTES = 4096


def new_key(out_dir: Path, name: str = "hocvuso-signing") -> tuple[Path, str]:
    """Create `out_dir/name.key` (PEM, mode 0600, never overwritten) and `name.pub`;
    return the key path and the base64 public key for the kiosks' `trusted_keys`."""
    out_dir.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    key_path = out_dir / f"{name}.key"
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    fd = os.open(key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    public = public_key_b64(key)
    (out_dir / f"{name}.pub").write_text(public + "\n", encoding="ascii")
    return key_path, public


def load_private_key(path: Path) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} is not an Ed25519 private key")
    return key


def public_key_b64(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def sign_manifest(manifest: bytes, key: Ed25519PrivateKey) -> bytes:
    """The `manifest.sig` content for these exact manifest bytes."""
    doc = {"public_key": public_key_b64(key), "signature": base64.b64encode(key.sign(manifest)).decode("ascii")}
    return json.dumps(doc, sort_keys=True).encode("ascii") + b"\n"


def verify_manifest(manifest: bytes, signature_file: bytes, trusted_keys: tuple[str, ...]) -> str:
    """Check the signature against the trusted keys; return the signing key (base64)."""
    try:
        doc = json.loads(signature_file.decode("ascii"))
        key_raw = base64.b64decode(doc["public_key"], validate=True)
        signature = base64.b64decode(doc["signature"], validate=True)
    except (ValueError, KeyError, TypeError, binascii.Error) as exc:
        raise BundleRejected("tampered", f"manifest.sig is malformed: {exc}") from exc
    trusted = _decode_keys(trusted_keys)
    if not trusted:
        raise BundleRejected("no_trusted_keys", "settings.trusted_keys is empty; no bundle can be trusted")
    signer = base64.b64encode(key_raw).decode("ascii")
    if key_raw not in trusted:
        raise BundleRejected("unknown_key", f"signed by {signer}, which is not in settings.trusted_keys")
    try:
        Ed25519PublicKey.from_public_bytes(key_raw).verify(signature, manifest)
    except (InvalidSignature, ValueError) as exc:
        raise BundleRejected("tampered", f"signature by {signer} does not match manifest.json") from exc
    return signer


def _decode_keys(keys: tuple[str, ...]) -> set[bytes]:
    decoded = set()
    for key in keys:
        try:
            raw = base64.b64decode(key, validate=True)
        except binascii.Error:
            raw = b""
        if len(raw) == 32:
            decoded.add(raw)
        else:
            log.error("ignoring trusted key %r: not a base64 Ed25519 public key (32 bytes)", key)
    return decoded
