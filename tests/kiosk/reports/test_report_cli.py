"""`hocvuso report` run through kiosk.cli.main, as staff or provincial IT type it."""
from __future__ import annotations

import csv
import datetime
import io
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.progress import ProgressStore
from kiosk.reports import texts


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text('commune = "Xã Tân Phú"\nprovince = "Tỉnh Phú Thọ"\nkiosk_id = "pt-tanphu-01"\n', encoding="utf-8")
    return path


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    return work


def run(*args: str, db: Path, config: Path) -> int:
    return main(["--config", str(config), "--db", str(db), "report", *args])


def test_pdf_by_default_named_after_the_commune_in_the_current_folder(db_file, config, here, capsys) -> None:
    assert run("--from", "2026-11-01", "--to", "2026-11-30", db=db_file, config=config) == 0
    expected = here / "bao-cao-xa-tan-phu-2026-11-01-2026-11-30.pdf"
    assert expected.read_bytes().startswith(b"%PDF")
    out = capsys.readouterr().out
    assert str(expected) in out and "4 lượt sử dụng" in out and "3 bài đã hoàn thành" in out


def test_csv_into_a_folder_and_xlsx_from_the_out_suffix(db_file, config, here, tmp_path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    assert run("--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv", "--out", str(folder),
               db=db_file, config=config) == 0
    (written,) = folder.iterdir()
    rows = list(csv.reader(io.StringIO(written.read_text(encoding="utf-8-sig"))))
    assert [texts.SESSIONS, "4"] in rows and written.suffix == ".csv"
    assert run("--from", "2026-11-01", "--to", "2026-11-30", "--out", "so-lieu.xlsx", db=db_file, config=config) == 0
    assert (here / "so-lieu.xlsx").read_bytes().startswith(b"PK")


def test_default_range_is_this_month_up_to_today(db_file, config, here) -> None:
    today = datetime.datetime.now().astimezone().date()
    assert run("--format", "csv", db=db_file, config=config) == 0
    assert [p.name for p in here.iterdir()] == [
        f"bao-cao-xa-tan-phu-{today.replace(day=1).isoformat()}-{today.isoformat()}.csv"]


def test_empty_database_gives_a_report_of_zeros(store: ProgressStore, config, here, capsys) -> None:
    assert run("--from", "2026-11-01", "--to", "2026-11-30", db=store.path, config=config) == 0
    assert "0 lượt sử dụng" in capsys.readouterr().out
    assert len(list(here.glob("*.pdf"))) == 1


@pytest.mark.parametrize(("args", "message"), [
    (("--from", "2026-11-31"), "Ngày '2026-11-31' không đúng"),
    (("--from", "30/11/2026"), "Ngày '30/11/2026' không đúng"),
    (("--from", "2026-11-20", "--to", "2026-11-01"), "Ngày bắt đầu (20/11/2026) phải trước"),
])
def test_bad_dates_are_refused_in_vietnamese(db_file, config, here, capsys, caplog, args, message) -> None:
    assert run(*args, db=db_file, config=config) == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and len(err.splitlines()) == 1  # the answer only; the detail is logged (-v)
    assert "--from" in caplog.text
    assert list(here.iterdir()) == []


def test_unwritable_output_is_refused_and_leaves_nothing(db_file, config, here, tmp_path, capsys, caplog) -> None:
    target = tmp_path / "no-such-folder" / "bao-cao.pdf"
    assert run("--out", str(target), db=db_file, config=config) == 2
    err = capsys.readouterr().err
    assert "Không ghi được tệp báo cáo" in err and "Traceback" not in err and "FileNotFoundError" in caplog.text
    assert not target.parent.exists()


def test_missing_database_is_refused(config, here, tmp_path, capsys) -> None:
    assert run(db=tmp_path / "typo.db", config=config) == 2
    err = capsys.readouterr().err
    assert "Chưa có dữ liệu học tập" in err and "typo.db" in err
    assert not (tmp_path / "typo.db").exists()
