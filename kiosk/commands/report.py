"""`hocvuso report`: the commune's training report for a range of dates, as a one-page
PDF (to print and sign), an Excel workbook or a CSV file."""
from __future__ import annotations

import argparse
import datetime
import re
from pathlib import Path

from kiosk.commands import refuse, settings_from_args

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def register(subparsers: argparse._SubParsersAction) -> None:
    report = subparsers.add_parser("report", help="training report for the commune (PDF, XLSX or CSV)")
    report.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="first day (default: the 1st of this month)")
    report.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="last day, included (default: today)")
    report.add_argument("--format", choices=("pdf", "xlsx", "csv"),
                        help="file format (default: from the --out suffix, else pdf)")
    report.add_argument("--out", type=Path,
                        help="file or directory to write (default: bao-cao-<commune>-<from>-<to>.<format> here)")
    report.set_defaults(func=_report)


def _report(args: argparse.Namespace) -> int:
    from kiosk.atomic_file import write_atomic
    from kiosk.packs import kiosk_packs
    from kiosk.reports import texts
    from kiosk.reports.errors import ReportError
    from kiosk.reports.output import file_name, render
    from kiosk.reports.query import report_from_file

    settings = settings_from_args(args)
    now = datetime.datetime.now().astimezone()
    try:
        first, last = _date_range(args.first, args.last, now.date())
    except ValueError as exc:
        return _fail(str(exc), f"--from {args.first!r} --to {args.last!r}")
    suffix = args.out.suffix.lstrip(".").lower() if args.out else ""
    fmt = args.format or (suffix if suffix in ("pdf", "xlsx", "csv") else "pdf")
    packs, _refused = kiosk_packs(settings)
    try:
        report = report_from_file(settings.database, packs, settings, first, last, now)
        data = render(report, fmt)
    except ReportError as exc:
        return _fail(exc.message_vi, exc.detail)
    out = args.out or Path.cwd()
    path = out / file_name(report, fmt) if out.is_dir() else out
    try:
        write_atomic(path, data)
    except OSError as exc:
        return _fail(texts.CLI_CANNOT_WRITE.format(path=path), f"{type(exc).__name__}: {exc}")
    print(texts.CLI_DONE.format(path=path))
    print(texts.CLI_SUMMARY.format(period=texts.period(first, last), sessions=report.sessions,
                                   started=report.started, completed=report.completed))
    return 0


def _date_range(first: str | None, last: str | None, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """--from/--to as dates; defaults: this month up to today, or the month of --to."""
    from kiosk.reports import texts
    from kiosk.reports.query import month_so_far

    end = _parse(last) if last else today
    start = _parse(first) if first else month_so_far(end)[0]
    if start > end:
        raise ValueError(texts.CLI_FROM_AFTER_TO.format(first=texts.day(start), last=texts.day(end)))
    return start, end


def _parse(value: str) -> datetime.date:
    from kiosk.reports import texts

    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise ValueError(texts.CLI_BAD_DATE.format(value=value)) from None


def _fail(message_vi: str, detail: str) -> int:
    refuse(message_vi, detail)
    return 2
