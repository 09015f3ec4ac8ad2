"""The layers stay clean: only ui/ and the composition root kiosk/app/ may import PySide6."""
import ast
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ("content", "kiosk", "voice")
COMPOSITION_ROOT = Path("kiosk/app")


def core_modules() -> list[str]:
    modules = []
    for package in CORE:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if relative.is_relative_to(COMPOSITION_ROOT):
                continue
            parts = list(relative.with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            if parts[-1] != "__main__":
                modules.append(".".join(parts))
    return modules


def test_no_core_module_mentions_pyside6_in_its_imports():
    offenders = []
    for package in CORE:
        for path in (ROOT / package).rglob("*.py"):
            if path.relative_to(ROOT).is_relative_to(COMPOSITION_ROOT):
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.startswith("PySide6")]
    assert offenders == []


def test_importing_every_core_module_loads_no_qt_widgets():
    modules = core_modules()
    assert "kiosk.flow" in modules and "content.loader" in modules and "voice.speaker" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_the_boundary_check_would_catch_a_violation():
    code = "import kiosk.app, sys; print('PySide6.QtWidgets' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"


def test_the_first_paint_loads_none_of_the_heavy_modules():
    """`hocvuso run` paints the attract screen before the core starts; what it imports first
    decides how soon a citizen sees the screen (benchmarks/startup.py has the figures)."""
    heavy = ("sqlite_utils", "segno", "vosk", "reportlab", "xlsxwriter", "cryptography", "kiosk.flow")
    code = (
        "import sys\n"
        "import kiosk.app\n"
        f"print(','.join(sorted(m for m in {heavy!r} if m in sys.modules)))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=env)
    assert result.stdout.strip() == ""
