"""`hocvuso doctor`: is everything this kiosk needs here? One line per check, in Vietnamese
for staff with the developer detail after it; exit 1 when something is missing."""
from __future__ import annotations

import argparse

from kiosk.commands import settings_from_args
from kiosk.settings import Settings


def register(subparsers: argparse._SubParsersAction) -> None:
    doctor = subparsers.add_parser("doctor", help="check speaker, speech model, microphone, lessons and database")
    doctor.set_defaults(func=_doctor)


def _doctor(args: argparse.Namespace) -> int:
    from kiosk.packs import kiosk_packs
    from kiosk.progress import ProgressStore
    from kiosk.set_aside import SetAsideNotice
    from kiosk.voice_packs import recorded_voice_check
    from voice.doctor import voice_checks

    settings = settings_from_args(args)
    rows = [(c.name, c.ok, c.message, c.detail) for c in voice_checks(settings.vosk_model_dir)]
    packs, refused = kiosk_packs(settings)
    lessons = sum(len(p.lessons) for p in packs)
    rows.append(("lessons", not refused, f"{lessons} bài học sẵn sàng.", f"{len(packs)} pack(s) loaded"))
    rows += [("lessons", False, r.message_vi, "; ".join(map(str, r.problems[:3]))) for r in refused]
    rows.append(recorded_voice_check(settings, packs))
    store = ProgressStore.open(settings.database)
    rows.append(("database", not store.notice, store.notice or "Dữ liệu học tập ghi bình thường.", str(store.path)))
    store.close()
    set_aside = SetAsideNotice(settings.database).text_vi()
    if set_aside:
        rows.append(("database", False, set_aside, "hocvuso db broken"))
    rows.append(_roll_up_check(settings))
    for name, ok, message, detail in rows:
        print(f"[{'OK' if ok else '!!'}] {name}: {message} ({detail})")
    return 0 if all(ok for _, ok, _, _ in rows) else 1


NO_LRS = "Chưa cài máy chủ số liệu của tỉnh; số liệu được giữ trên trạm và xuất ra USB được."
LRS_OK = "Kết nối được máy chủ số liệu của tỉnh."
LRS_DOWN = "Chưa kết nối được máy chủ số liệu của tỉnh (mất mạng?); số liệu vẫn giữ trên trạm, không mất."
LRS_BAD = "Địa chỉ máy chủ số liệu của tỉnh trong tệp cấu hình bị sai."


def _roll_up_check(settings: Settings) -> tuple[str, bool, str, str]:
    """The provincial LRS: not configured is fine (USB export); configured must answer."""
    from kiosk.xapi.transport import LrsTransport

    if not settings.lrs_url:
        return ("lrs", True, NO_LRS, "lrs_url is empty")
    try:
        transport = LrsTransport(settings.lrs_url, settings.lrs_username, settings.lrs_password)
    except ValueError as exc:
        return ("lrs", False, LRS_BAD, str(exc))
    if transport.reachable():
        return ("lrs", True, LRS_OK, transport.statements_url)
    return ("lrs", False, LRS_DOWN, f"{transport.statements_url}: no TCP connection")
