"""`hocvuso pack build|sign|verify|install|rollback|status|find`: signed lesson bundles."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.commands import refuse, settings_from_args

if TYPE_CHECKING:
    from kiosk.bundles import SlotInfo


def register(subparsers: argparse._SubParsersAction) -> None:
    pack = subparsers.add_parser("pack", help="signed lesson pack bundles").add_subparsers(dest="pack_command",
                                                                                            required=True)
    build = pack.add_parser("build", help="bundle a valid pack directory (unsigned)")
    build.add_argument("dir", type=Path)
    build.add_argument("--out", type=Path, required=True, help="bundle file to write (*.hvsbundle)")
    build.set_defaults(func=_build)
    sign = pack.add_parser("sign", help="sign a bundle with a private key")
    sign.add_argument("bundle", type=Path)
    sign.add_argument("--key", type=Path, required=True, help="private key from `hocvuso keys new`")
    sign.set_defaults(func=_sign)
    verify = pack.add_parser("verify", help="check a bundle's signature and every file, installing nothing")
    verify.add_argument("bundle", type=Path)
    verify.add_argument("--trust", action="append", metavar="PUBKEY",
                        help="trust this base64 public key instead of the configured trusted_keys (repeatable)")
    verify.set_defaults(func=_verify)
    install = pack.add_parser("install", help="verify and install a bundle (the previous pack is kept)")
    install.add_argument("bundle", type=Path)
    install.set_defaults(func=_install)
    pack.add_parser("rollback", help="go back to the previous lesson pack").set_defaults(func=_rollback)
    pack.add_parser("status", help="show the installed lesson packs").set_defaults(func=_status)
    find = pack.add_parser("find", help="list bundles on mounted USB sticks")
    find.add_argument("roots", nargs="*", type=Path, help="where sticks are mounted (default: /media /run/media)")
    find.set_defaults(func=_find)
    audit = pack.add_parser("audit", help="render every screen of a lesson pack at each kiosk screen and report layout problems")
    audit.add_argument("path", type=Path, help="pack directory (holding pack.yaml and lessons/)")
    audit.add_argument("--json", type=Path, metavar="FILE", help="also write the problems to FILE as JSON")
    audit.add_argument("--size", action="append", type=_size, metavar="WxH", help="only this window size (repeatable)")
    audit.add_argument("--text-size", action="append", choices=("normal", "large"), help="only this text size (repeatable)")
    audit.add_argument("--dpi", action="append", type=float, help="only this screen DPI (repeatable)")
    audit.set_defaults(func=_audit)


def _refused(exc: Exception) -> int:
    from kiosk.bundles import UpdateError

    if isinstance(exc, UpdateError):
        refuse(exc.message_vi, f"[{exc.reason}] {exc.detail}")
    else:
        print(f"error: {exc}", file=sys.stderr)
    return 1


def _build(args: argparse.Namespace) -> int:
    from kiosk.bundles import UpdateError
    from kiosk.bundles.build import BuildError, build_bundle
    from kiosk.bundles.manifest import Limits, parse_manifest
    from kiosk.bundles.store import default_validator
    from kiosk.voice_packs import VOICE_LIMITS
    from voice.voice_pack import is_voice_pack, voice_pack_problems

    voice = is_voice_pack(args.dir)  # a voice pack is checked as one, and must fit a kiosk's voice limits
    try:
        raw = build_bundle(args.dir, args.out, voice_pack_problems if voice else default_validator)
        manifest = parse_manifest(raw, VOICE_LIMITS if voice else Limits())
    except (BuildError, OSError, UpdateError) as exc:
        return _refused(exc)
    print(f"built {args.out}: {manifest.pack_id} version {manifest.version}, {len(manifest.files)} files, "
          f"{manifest.total_bytes} bytes (unsigned: run `hocvuso pack sign`)")
    return 0


def _sign(args: argparse.Namespace) -> int:
    from kiosk.bundles.build import BuildError, sign_bundle

    try:
        public = sign_bundle(args.bundle, args.key)
    except (BuildError, OSError, ValueError) as exc:
        return _refused(exc)
    print(f"signed {args.bundle} with public key {public}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from kiosk.bundles import UpdateError, verify_bundle

    trusted = tuple(args.trust) if args.trust else settings_from_args(args).trusted_keys
    try:
        bundle = verify_bundle(args.bundle, trusted)
    except UpdateError as exc:
        return _refused(exc)
    m = bundle.manifest
    print(f"OK {args.bundle}: {m.pack_id} version {m.version} ({m.title}), created {m.created}, "
          f"{len(m.files)} files, {m.total_bytes} bytes, signed by {bundle.signer}")
    return 0


def _install(args: argparse.Namespace) -> int:
    from kiosk.bundles import UpdateError
    from kiosk.bundles.texts import installed_vi
    from kiosk.voice_packs import VoicePackInstalled, install_bundle

    try:
        info = install_bundle(settings_from_args(args), args.bundle)  # a lesson or a voice pack
    except UpdateError as exc:
        return _refused(exc)
    print(info.message_vi if isinstance(info, VoicePackInstalled) else installed_vi(info))
    return 0


def _rollback(args: argparse.Namespace) -> int:
    from kiosk.bundles import UpdateError, open_store
    from kiosk.bundles.texts import rolled_back_vi

    try:
        info = open_store(settings_from_args(args)).rollback()
    except UpdateError as exc:
        return _refused(exc)
    print(rolled_back_vi(info))
    return 0


def _status(args: argparse.Namespace) -> int:
    from kiosk.bundles import open_store

    status = open_store(settings_from_args(args)).status()
    print(f"active: {_describe(status.active)}")
    print(f"rollback: {_describe(status.rollback_to) if status.can_rollback else 'not available'}")
    print("highest installed: " + (", ".join(f"{k} {v}" for k, v in sorted(status.highest.items())) or "none"))
    return 0


def _describe(info: SlotInfo | None) -> str:
    return f"{info.pack_id} version {info.version} ({info.title}) in slot {info.slot}" if info else "built-in only"


def _find(args: argparse.Namespace) -> int:
    from kiosk.bundles import find_bundles

    found = find_bundles(args.roots) if args.roots else find_bundles()
    for path in found:
        print(path)
    if not found:
        print("no bundles found", file=sys.stderr)
    return 0


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"not a window size like 1280x800: {text!r}")
    return int(width), int(height)


def _audit(args: argparse.Namespace) -> int:
    from kiosk.app.audit import command, engine

    return command.run(args.path, settings_from_args(args), args.json, args.size or engine.SIZES,
                       args.text_size or engine.TEXT_SIZES, args.dpi or engine.DPIS)
