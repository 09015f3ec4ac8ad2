"""`hocvuso keys new --out DIR`: make the provincial Ed25519 signing key."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kiosk.bundles.signing import new_key


def register(subparsers: argparse._SubParsersAction) -> None:
    keys = subparsers.add_parser("keys", help="signing keys for lesson bundles").add_subparsers(dest="keys_command",
                                                                                                 required=True)
    new = keys.add_parser("new", help="create a private signing key (mode 0600) and print its public key")
    new.add_argument("--out", type=Path, required=True, help="directory for NAME.key and NAME.pub")
    new.add_argument("--name", default="hocvuso-signing", help="file name stem (default: %(default)s)")
    new.set_defaults(func=_new)


def _new(args: argparse.Namespace) -> int:
    try:
        key_path, public = new_key(args.out, args.name)
    except FileExistsError:
        print(f"error: {args.out / (args.name + '.key')} already exists; not overwriting a key", file=sys.stderr)
        return 1
    print(f"private key: {key_path}  (keep it offline; anyone holding it can sign lessons)")
    print("public key (add to trusted_keys in every kiosk.toml):")
    print(public)
    return 0
