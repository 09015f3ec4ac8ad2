"""Paths and a runner for deploy/install.sh, shared by the deploy tests."""
from __future__ import annotations

import os
import subprocess
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
INSTALL_SH = DEPLOY / "install.sh"

InstallRunner = Callable[..., subprocess.CompletedProcess[str]]


def run_install(
    *args: str | Path, env: dict[str, str] | None = None, stdin_text: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run install.sh with `args`, `stdin_text` on its stdin; returns the finished process
    (stdout: its "changed:" lines)."""
    return subprocess.run(
        ["bash", str(INSTALL_SH), *map(str, args)],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=600,
        input=stdin_text,
    )
