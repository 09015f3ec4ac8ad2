"""`hocvuso pack validate PATH` prints every problem and exits non-zero on a broken pack."""
import shutil

from content.loader import BUILTIN_PACKS
from kiosk.cli import main


def test_a_good_pack_validates(capsys):
    assert main(["pack", "validate", str(BUILTIN_PACKS / "core")]) == 0
    assert "OK: pack 'core'" in capsys.readouterr().out


def test_a_broken_pack_prints_every_problem_and_fails(tmp_path, capsys):
    root = tmp_path / "broken"
    shutil.copytree(BUILTIN_PACKS / "core", root)
    lesson = root / "lessons" / "vneid-kich-hoat-muc-2.yaml"
    text = lesson.read_text(encoding="utf-8").replace("target: send\n", "target: nowhere\n").replace("rule: passcode", "rule: pin")
    lesson.write_text(text, encoding="utf-8")
    (root / "lessons" / "zz-empty.yaml").write_text("", encoding="utf-8")
    assert main(["pack", "validate", str(root)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert any("target 'nowhere' does not exist" in line for line in out)
    assert any("unknown rule 'pin'" in line for line in out)
    assert any(line.startswith("lessons/zz-empty.yaml: expected a mapping, found nothing") for line in out)
