"""Finding and checking a Vosk model directory (no loading here: that takes seconds)."""
from __future__ import annotations

from pathlib import Path

REQUIRED = ("am/final.mdl", "conf/model.conf")
GRAMMAR_GRAPH = ("graph/HCLr.fst", "graph/Gr.fst")
STATIC_GRAPH = "graph/HCLG.fst"


def model_problem(model_dir: Path | None) -> str | None:
    """Why `model_dir` is not a usable Vosk model (for developers), or None when it looks complete."""
    if model_dir is None:
        return "no model directory configured (Settings.vosk_model_dir / HOCVUSO_VOSK_MODEL)"
    if not model_dir.is_dir():
        return f"model directory {model_dir} does not exist"
    missing = [name for name in REQUIRED if not (model_dir / name).is_file()]
    has_graph = all((model_dir / g).is_file() for g in GRAMMAR_GRAPH) or (model_dir / STATIC_GRAPH).is_file()
    if not has_graph:
        missing.append(f"{' + '.join(GRAMMAR_GRAPH)} or {STATIC_GRAPH}")
    return f"model directory {model_dir} is incomplete, missing: {', '.join(missing)}" if missing else None


def supports_grammar(model_dir: Path) -> bool:
    """Grammar mode needs the lookahead graph (HCLr + Gr); a static HCLG graph ignores the grammar."""
    return all((model_dir / g).is_file() for g in GRAMMAR_GRAPH)
