"""`hocvuso voice status|export|import`: the kiosk's recorded voice from the command line, as staff
see it under «Thu giọng đọc» (coverage per lesson, export to USB) and «Cập nhật bài học từ USB»."""
from __future__ import annotations

import argparse
import datetime
from pathlib import Path

from kiosk.commands import refuse, settings_from_args


def register(subparsers: argparse._SubParsersAction) -> None:
    voice = subparsers.add_parser("voice", help="recorded voice: coverage, export for the province, import a voice pack")
    commands = voice.add_subparsers(dest="voice_command", required=True)
    commands.add_parser("status", help="recorded lines per lesson in the kiosk's region, and the voice pack in use"
                        ).set_defaults(func=_status)
    export = commands.add_parser("export", help="write the kiosk's recordings as an unsigned voice-pack folder")
    export.add_argument("--out", type=Path, help="folder to write into (default: the first writable USB stick)")
    export.set_defaults(func=_export)
    imported = commands.add_parser("import", help="verify and install a signed voice-pack bundle")
    imported.add_argument("bundle", type=Path)
    imported.set_defaults(func=_import)


def _studio(args: argparse.Namespace):  # noqa: ANN202 (kiosk.voice_studio loads only here)
    from kiosk.packs import kiosk_packs
    from kiosk.voice_packs import recording_library
    from kiosk.voice_studio import VoiceStudio

    settings = settings_from_args(args)
    packs = kiosk_packs(settings)[0]
    return VoiceStudio(lambda: settings, lambda: packs, recording_library(settings, packs))


def _status(args: argparse.Namespace) -> int:
    from kiosk import voice_texts as words
    from kiosk.voice_packs import open_voice_store

    studio = _studio(args)
    coverage = studio.coverage()
    recorded, total = sum(c.recorded for c in coverage), sum(c.total for c in coverage)
    print(f"Giọng {studio.region_vi} ({studio.region}): {recorded}/{total} câu đã thu")
    for each in coverage:
        print(f"  {each.line_vi}")
    machine = sum(c.group.machine for c in coverage)
    if machine:
        print(f"  {words.MACHINE.format(count=machine)}")
    active = open_voice_store(settings_from_args(args)).status().active
    print(f"voice pack: {f'{active.pack_id} version {active.version} ({active.title})' if active else 'none'}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from kiosk.reports.errors import UsbExportError
    from kiosk.voice_packs import export_voice, exported_vi, region_of

    settings = settings_from_args(args)
    try:
        folder, count = export_voice(settings, datetime.datetime.now(datetime.timezone.utc), into=args.out)
    except UsbExportError as exc:
        refuse(exc.message_vi, f"[export] {exc.detail}")
        return 1
    print(exported_vi(folder, count, region_of(settings)))
    print(f"Province: check and sign it with `hocvuso pack build {folder} --out voice.hvsbundle`, "
          "then `hocvuso pack sign voice.hvsbundle --key KEY`.")
    return 0


def _import(args: argparse.Namespace) -> int:
    from kiosk.bundles import UpdateError
    from kiosk.voice_packs import VoicePackRefused, install_voice_bundle, is_voice_bundle

    settings = settings_from_args(args)
    try:
        if not is_voice_bundle(args.bundle, settings.trusted_keys):
            from kiosk.bundles import BundleRejected

            raise VoicePackRefused(BundleRejected("not_a_bundle", f"{args.bundle} holds lessons, not a voice pack"))
        installed = install_voice_bundle(settings, args.bundle)
    except UpdateError as exc:
        refused = exc if isinstance(exc, VoicePackRefused) else VoicePackRefused(exc)
        refuse(refused.message_vi, f"[{refused.reason}] {refused.detail}")
        return 1
    assert installed is not None  # it was checked to be a voice bundle
    print(installed.message_vi)
    return 0
