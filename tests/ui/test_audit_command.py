"""`hocvuso pack audit PATH`: a broken pack is refused with its problems; a small pack is
audited and its problems written as documented."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from kiosk.app.audit import AuditResult, Combination
from kiosk.app.audit.engine import combinations
from kiosk.app.audit.report import skipped_line, text_report
from kiosk.cli import main

PACK = """schema_version: 1
id: thu
version: 1
title: Gói thử
topics:
  - {id: lam-quen, title: Làm quen, icon: phone}
"""
# A word far wider than the phone: cut however the screens are drawn.
LESSON = """schema_version: 1
id: cham-nut
topic: lam-quen
title: Chạm vào nút
description: Chạm vào một nút trên điện thoại tập luyện.
minutes: 1
difficulty: 1
updated: 2026-11-27
sources: ["Bài thử của bộ kiểm tra bố cục — https://example.org/bai-thu"]
recap: [Chạm vào nút để làm tiếp.]
screens:
  home:
    app: Tin nhắn
    title: Tin nhắn
    elements:
      - {id: note, type: text, value: "Địachỉtrangwebrấtdàikhôngcódấucáchnàochạyquámànhìnhđiệnthoạitậpluyện"}
      - {id: send, type: button, label: Gửi}
steps:
  - {id: read, type: info, screen: home, say: Đây là màn hình tập luyện.}
  - {id: tap-send, type: tap, say: Bác chạm vào nút "Gửi"., target: %s}
"""


def write_pack(root: Path, target: str = "send") -> Path:
    (root / "lessons").mkdir(parents=True)
    (root / "pack.yaml").write_text(PACK, encoding="utf-8")
    (root / "lessons" / "cham-nut.yaml").write_text(LESSON % target, encoding="utf-8")
    return root


def test_a_broken_pack_is_not_audited_and_its_problems_are_printed(tmp_path, capsys):
    pack = write_pack(tmp_path / "broken", target="nowhere")
    assert main(["pack", "audit", str(pack)]) == 1
    out, err = capsys.readouterr()
    assert "target 'nowhere' does not exist" in out
    assert "chưa kiểm tra bố cục được" in err and "lỗi bố cục" not in out


@pytest.mark.usefixtures("qapp")
def test_the_json_file_lists_every_problem_with_where_it_is(tmp_path, capsys):
    pack, report = write_pack(tmp_path / "pack"), tmp_path / "audit.json"
    args = ["pack", "audit", str(pack), "--size", "1280x800", "--text-size", "normal", "--dpi", "96", "--json", str(report)]
    assert main(args) == 1
    written = json.loads(report.read_text(encoding="utf-8"))
    assert set(written) == {"problems", "screens"} and written["screens"] >= 8  # attract, menu, 2 steps, done, slip …
    fields = {"lesson", "step", "size", "text_size", "dpi", "kind", "element", "detail"}
    assert all(set(problem) == fields for problem in written["problems"])
    cut = [p for p in written["problems"] if p["kind"] == "cut_text" and "Địachỉtrangweb" in p["detail"]]
    assert cut and {(p["lesson"], p["step"], p["size"], p["text_size"], p["dpi"]) for p in cut} == {
        ("cham-nut", "read", "1280x800", "normal", 96), ("cham-nut", "tap-send", "1280x800", "normal", 96)}
    out = capsys.readouterr().out.splitlines()
    assert "cham-nut · step read" in out
    assert out[-1].startswith(f"Có {len(written['problems'])} lỗi bố cục.")


def test_a_screen_too_small_at_its_dpi_is_skipped_and_said_so():
    audited, skipped = combinations()
    assert [(c.size, c.dpi) for c in skipped] == [("1280x800", 120.0)] * 2  # both text sizes
    assert len(audited) == 10  # 1280x800 at 96 and 100 dpi, 1920x1080 at 96, 100 and 120, both text sizes
    assert skipped_line(skipped).startswith("Skipped 1280x800 at 120 dpi (271×169 mm), every text size: smaller than")


def test_a_clean_audit_says_so_in_vietnamese_and_english():
    result = AuditResult((), 12, (Combination(1920, 1080, "large", 96.0),), ())
    assert text_report(result) == "Không có lỗi bố cục. No layout problems on 12 screens (1920x1080 large 96 dpi)."
