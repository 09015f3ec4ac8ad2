"""`hocvuso export --xapi FILE` and `hocvuso xapi status|send`, run through the CLI entry point."""
import datetime
import json
import subprocess
import sys

import pytest
from lrs_helpers import PASSWORD, USER, free_port
from xapi_rules import problems

from kiosk.cli import main
from kiosk.lesson_session import Attempt
from kiosk.xapi.outbox import Outbox

AT = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def recorded(xapi_store):
    """Two finished visits in the outbox (6 statements); the first visit's 3 already sent."""
    for n in range(2):
        visit = xapi_store.start_visit("kiosk-07", AT)
        xapi_store.lesson_started(visit, "cham-vuot-go-chu", AT)
        xapi_store.record(visit, "cham-vuot-go-chu", Attempt("welcome", 0, "viewed"), AT)
        xapi_store.lesson_completed(visit, "cham-vuot-go-chu", AT + datetime.timedelta(minutes=n + 1))
        xapi_store.end_visit(visit, AT + datetime.timedelta(minutes=5), "ended")
    first = [row[0] for row in xapi_store.db.execute("select id from outbox order by rowid limit 3")]
    Outbox(xapi_store.db.conn).mark_sent(first, AT)
    return xapi_store


def cli(store, *args: str) -> int:
    return main(["--db", str(store.path), *args])


def test_export_writes_every_statement_as_one_json_line(recorded, tmp_path, capsys):
    out = tmp_path / "usb" / "tram-07.jsonl"
    out.parent.mkdir()
    assert cli(recorded, "export", "--xapi", str(out)) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    statements = [json.loads(line) for line in lines]
    assert [s["id"] for s in statements] == [row[0] for row in recorded.db.execute("select id from outbox order by created_at, rowid")]
    assert all(problems(s) == [] for s in statements)
    assert "Chạm, vuốt và gõ chữ" in lines[0]  # UTF-8, not \u escapes
    assert "Đã ghi 6 bản ghi" in capsys.readouterr().out
    assert list(out.parent.iterdir()) == [out]  # no temporary file left behind


def test_export_unsent_leaves_out_what_the_lrs_already_has(recorded, tmp_path):
    out = tmp_path / "unsent.jsonl"
    assert cli(recorded, "export", "--xapi", str(out), "--unsent") == 0
    unsent = [row[0] for row in recorded.db.execute("select id from outbox where sent_at is null order by created_at, rowid")]
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == unsent
    assert len(unsent) == 3


def test_export_keeps_an_existing_file_unless_forced(recorded, tmp_path, capsys):
    out = tmp_path / "tram.jsonl"
    out.write_text("yesterday's export\n", encoding="utf-8")
    assert cli(recorded, "export", "--xapi", str(out)) == 2
    assert out.read_text(encoding="utf-8") == "yesterday's export\n"
    assert "đã có; thêm --force" in capsys.readouterr().err
    assert cli(recorded, "export", "--xapi", str(out), "--force") == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 6


def test_export_to_a_missing_folder_says_so(recorded, tmp_path, capsys):
    assert cli(recorded, "export", "--xapi", str(tmp_path / "gone" / "x.jsonl")) == 2
    err = capsys.readouterr().err
    assert "USB đã được rút ra?" in err and str(tmp_path / "gone") in err


def test_export_without_a_database_or_from_a_broken_one_fails_clearly(tmp_path, capsys, caplog):
    missing = tmp_path / "none.db"
    assert main(["--db", str(missing), "export", "--xapi", str(tmp_path / "x.jsonl")]) == 2
    assert "Không tìm thấy dữ liệu học tập" in capsys.readouterr().err
    assert not missing.exists()  # export never creates a database
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database" * 500)
    assert main(["--db", str(broken), "export", "--xapi", str(tmp_path / "x.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "Không đọc được dữ liệu học tập" in err and "not a database" in caplog.text  # the detail: logged (-v)
    assert broken.read_bytes() == b"not a database" * 500 and not (tmp_path / "x.jsonl").exists()


def test_xapi_status_counts_and_explains_what_was_set_aside(recorded, capsys):
    Outbox(recorded.db.conn).set_aside(recorded.db.execute("select id from outbox where sent_at is null").fetchone()[0], AT, "HTTP 422: bad")
    assert cli(recorded, "xapi", "status") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Chưa cài máy chủ số liệu của tỉnh: 2 bản ghi") and "1 bản ghi bị máy chủ từ chối" in lines[0]
    assert lines[1] == "sent=3 waiting=2 set_aside=1"
    assert lines[2].endswith(": HTTP 422: bad")


def test_xapi_send_without_an_lrs_address_exits_2(recorded, capsys):
    assert cli(recorded, "xapi", "send") == 2
    assert "lrs_url" in capsys.readouterr().err


def test_xapi_send_with_the_lrs_away_keeps_everything_and_exits_1(recorded, tmp_path, capsys):
    config = tmp_path / "kiosk.toml"
    config.write_text(
        f'lrs_url = "http://127.0.0.1:{free_port()}/xAPI/"\nlrs_username = "{USER}"\nlrs_password = "{PASSWORD}"\n',
        encoding="utf-8",
    )
    assert main(["--config", str(config), "--db", str(recorded.path), "xapi", "send"]) == 1
    out = capsys.readouterr().out
    assert "mất mạng" in out and "waiting=3" in out
    assert Outbox(recorded.db.conn).counts().waiting == 3


def test_xapi_send_releases_what_was_set_aside_and_delivers_it(recorded, tmp_path, capsys, ralph):
    outbox = Outbox(recorded.db.conn)
    aside = recorded.db.execute("select id from outbox where sent_at is null order by rowid").fetchone()[0]
    outbox.set_aside(aside, AT, "HTTP 500 long ago")
    config = tmp_path / "kiosk.toml"
    config.write_text(f'lrs_url = "{ralph.url}"\nlrs_username = "{USER}"\nlrs_password = "{PASSWORD}"\n', encoding="utf-8")
    assert main(["--config", str(config), "--db", str(recorded.path), "xapi", "send", "--release"]) == 0
    out = capsys.readouterr().out
    assert "Đã đưa 1 bản ghi" in out and "Đã gửi hết số liệu lên tỉnh (6 bản ghi)." in out
    assert (outbox.counts().sent, outbox.counts().set_aside) == (6, 0)
    statement = json.loads(recorded.db.execute("select statement from outbox where id = ?", [aside]).fetchone()[0])
    assert [s["id"] for s in ralph.statements(registration=statement["context"]["registration"])].count(aside) == 1


def test_a_full_stick_leaves_the_old_export_whole_and_no_partial_file(recorded, tmp_path):
    out = tmp_path / "tram.jsonl"
    out.write_text("yesterday's export\n", encoding="utf-8")
    child = (  # a process that may write no file beyond 1 kB: the stick is full
        "import resource, signal, sys; from kiosk.cli import main;"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN); resource.setrlimit(resource.RLIMIT_FSIZE, (1000, 1000));"
        f"sys.exit(main(['-v', '--db', {str(recorded.path)!r}, 'export', '--xapi', {str(out)!r}, '--force']))"
    )
    result = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stderr
    assert "Không ghi được tệp" in result.stderr and "File too large" in result.stderr
    assert out.read_text(encoding="utf-8") == "yesterday's export\n"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".tram")) == []
