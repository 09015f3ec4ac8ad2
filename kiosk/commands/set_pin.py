"""`hocvuso set-pin`: set (or reset, which also unlocks) the staff PIN, and print its new
one-time recovery code (the old one stops working)."""
from __future__ import annotations

import argparse
import getpass
import sys

from kiosk.commands import refuse, settings_from_args
from kiosk.staff_pin import WeakPinError, check_pin_policy, set_pin

RECOVERY_NOTE = ("Mã khôi phục: {code}\n"
                 "Ghi lại và cất kỹ. Khi chế độ cán bộ bị khóa vì nhập sai mã PIN, nhập mã này trên bàn phím "
                 "mã PIN để mở khóa. Mã chỉ dùng được một lần; chạy lại «hocvuso set-pin» để có mã mới.")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("set-pin", help="set the staff PIN (also unlocks staff mode)")
    parser.add_argument("--pin-stdin", action="store_true", help="read the PIN from the first line of stdin")
    parser.set_defaults(func=_set_pin)


def _set_pin(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    elif sys.stdin.isatty():
        pin = getpass.getpass("Mã PIN mới của cán bộ (6–12 chữ số): ")
        try:
            check_pin_policy(pin)
        except WeakPinError as exc:
            print(exc.message_vi, file=sys.stderr)
            return 1
        if getpass.getpass("Nhập lại mã PIN: ") != pin:
            print("Hai lần nhập không giống nhau. Chưa đổi mã PIN.", file=sys.stderr)
            return 1
    else:
        print("error: stdin is not a terminal; use --pin-stdin to read the PIN from it", file=sys.stderr)
        return 1
    try:
        code = set_pin(settings.data_dir, pin)
    except WeakPinError as exc:
        print(exc.message_vi, file=sys.stderr)
        return 1
    except OSError as exc:
        refuse(f"Không ghi được mã PIN vào {settings.data_dir}: mã PIN cũ vẫn dùng.", str(exc))
        return 1
    print(f"Đã đặt mã PIN cán bộ (lưu tại {settings.data_dir}).")
    print(RECOVERY_NOTE.format(code=" ".join(code[i:i + 4] for i in range(0, len(code), 4))))
    return 0
