"""`hocvuso pack validate PATH`: check a lesson pack directory and print every problem."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    pack = subparsers.choices.get("pack") or subparsers.add_parser("pack", help="lesson packs")
    existing = [a for a in pack._actions if isinstance(a, argparse._SubParsersAction)]
    commands = existing[0] if existing else pack.add_subparsers(dest="pack_command", required=True)
    validate = commands.add_parser("validate", help="check a lesson pack directory; print every problem")
    validate.add_argument("path", type=Path, help="pack directory (holding pack.yaml and lessons/)")
    validate.set_defaults(func=_validate)


def _validate(args: argparse.Namespace) -> int:
    from content.loader import load_pack

    result = load_pack(args.path)
    for warning in result.warnings:
        print(f"warning: {warning}")
    if result.warnings:
        print(f"{len(result.warnings)} warning(s): the pack still loads; see content/STYLE.md", file=sys.stderr)
    if result.pack is None:
        for problem in result.problems:
            print(problem)
        print(f"Gói bài học có {len(result.problems)} lỗi, chưa dùng được.", file=sys.stderr)
        return 1
    pack = result.pack
    steps = sum(len(lesson.steps) for lesson in pack.lessons)
    intake = f", an intake of {len(pack.intake.questions)} questions" if pack.intake else ""
    print(f"OK: pack {pack.id!r} version {pack.version}: {len(pack.lessons)} lessons, {steps} steps{intake}")
    return 0
