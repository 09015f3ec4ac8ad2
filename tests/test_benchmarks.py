"""Every benchmark runs as its docstring says (`python benchmarks/NAME.py ...`, so its folder is
first on sys.path), with its smallest arguments, and prints its figures: none can rot unnoticed.
Parts that need what a machine lacks (PulseAudio, the Korean Vosk model, the Ralph LRS) are
skipped by the benchmark itself, which says so."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
# the smallest run of each, and a line of its figures
SMALLEST = {
    "crash_safety.py": (["--kills", "2", "--chains", "1", "--max-acks", "5"], "failures:                       0"),
    "kill_install.py": (["--runs", "1", "--media-files", "1"], "broken start: 0"),
    "report.py": (["--sessions-per-day", "1"], "month: csv"),
    "startup.py": (["--runs", "1"], "kiosk / bare: time"),
    "tap_to_paint.py": (["--sizes", "1280x800", "--lessons", "1"], "1280x800 "),
    "voice_speed.py": (["--runs", "1"], "render, cache hit"),
    "xapi.py": (["--visits", "3"], "export --xapi: 9 statements"),
}


def test_no_benchmark_hides_a_package_of_the_kiosk() -> None:
    packages = {p.name for p in ROOT.iterdir() if (p / "__init__.py").is_file()} | {"deploy", "tests"}
    assert {"kiosk", "ui", "content", "voice"} <= packages
    assert not {p.stem for p in BENCHMARKS.glob("*.py")} & packages


def test_every_benchmark_runs_as_its_docstring_says_and_prints_its_figures(tmp_path: Path) -> None:
    scripts = sorted(p.name for p in BENCHMARKS.glob("*.py"))
    assert scripts == sorted(SMALLEST)  # a new benchmark gets its smallest run here
    for name in scripts:
        docstring = ast.get_docstring(ast.parse((BENCHMARKS / name).read_text(encoding="utf-8"))) or ""
        assert f"benchmarks/{name}" in docstring, f"{name}: its docstring does not say how to run it"
    env = {"HOCVUSO_CONFIG": str(tmp_path / "none.toml"), "HOCVUSO_DATA_DIR": str(tmp_path / "data")}
    runs = {name: subprocess.Popen([sys.executable, str(BENCHMARKS / name), *args], cwd=ROOT, text=True,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**_environ(), **env})
            for name, (args, _) in SMALLEST.items()}  # side by side: the slowest takes ~10 s
    for name, run in runs.items():
        output, _ = run.communicate(timeout=120)
        assert run.returncode == 0, f"{name} failed:\n{output}"
        assert SMALLEST[name][1] in output, f"{name} printed no figures:\n{output}"
        assert "Traceback" not in output


def _environ() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k not in ("HOCVUSO_DB",)}
