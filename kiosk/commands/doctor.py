"""`hocvuso doctor`: is everything this kiosk needs here? One line per check, in Vietnamese
for staff with the developer detail after it; exit 1 when something is missing."""
from __future__ import annotations

import argparse

from kiosk.commands import settings_from_args


def register(subparsers: argparse._SubParsersAction) -> None:
    doctor = subparsers.add_parser("doctor", help="check speaker, speech model, microphone, lessons and database")
    doctor.set_defaults(func=_doctor)


def _doctor(args: argparse.Namespace) -> int:
    from kiosk.packs import load_packs, pack_dirs
    from kiosk.progress import ProgressStore
    from voice.doctor import voice_checks

    settings = settings_from_args(args)
    rows = [(c.name, c.ok, c.message, c.detail) for c in voice_checks(settings.vosk_model_dir)]
    packs, refused = load_packs(pack_dirs(settings))
    lessons = sum(len(p.lessons) for p in packs)
    rows.append(("lessons", not refused, f"{lessons} bài học sẵn sàng.", f"{len(packs)} pack(s) loaded"))
    rows += [("lessons", False, r.message_vi, "; ".join(map(str, r.problems[:3]))) for r in refused]
    store = ProgressStore.open(settings.database)
    rows.append(("database", not store.notice, store.notice or "Dữ liệu học tập ghi bình thường.", str(store.path)))
    store.close()
    for name, ok, message, detail in rows:
        print(f"[{'OK' if ok else '!!'}] {name}: {message} ({detail})")
    return 0 if all(ok for _, ok, _, _ in rows) else 1
