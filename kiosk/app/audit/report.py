"""What the audit says: human-readable lines grouped by lesson and step, and the JSON file."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from kiosk.app.audit.engine import AuditResult, Combination, LayoutProblem
from ui.theme import MIN_SCREEN_MM, screen_mm


def _dpi(dpi: float) -> int | float:
    return int(dpi) if float(dpi).is_integer() else dpi


def skipped_line(skipped: Sequence[Combination]) -> str:
    """One line: which combinations were left out and why ("" if none)."""
    screens = dict.fromkeys((c.width, c.height, c.dpi) for c in skipped)
    if not screens:
        return ""
    parts = []
    for width, height, dpi in screens:
        across, down = screen_mm(width, height, dpi)
        parts.append(f"{width}x{height} at {_dpi(dpi)} dpi ({across:.0f}×{down:.0f} mm)")
    return (f"Skipped {', '.join(parts)}, every text size: smaller than the "
            f"{MIN_SCREEN_MM[0]:.0f}×{MIN_SCREEN_MM[1]:.0f} mm screen the kiosk needs (ui.theme.MIN_SCREEN_MM).")


def text_report(result: AuditResult) -> str:
    lines = [line for line in (skipped_line(result.skipped),) if line]
    groups: dict[tuple[str, str], list[LayoutProblem]] = {}
    for problem in result.problems:
        groups.setdefault((problem.lesson, problem.step), []).append(problem)
    for (lesson, step), problems in groups.items():
        lines.append(f"{lesson} · step {step}" if lesson else step)
        lines += [f"  {p.size} {p.text_size} {_dpi(p.dpi)} dpi  {p.kind}  {p.element}: {p.detail}" for p in problems]
    lines.append(summary(result))
    return "\n".join(lines)


def summary(result: AuditResult) -> str:
    combinations = ", ".join(f"{c.size} {c.text_size} {_dpi(c.dpi)} dpi" for c in result.audited)
    if not result.problems:
        return f"Không có lỗi bố cục. No layout problems on {result.screens} screens ({combinations})."
    kinds = Counter(p.kind for p in result.problems)
    counted = ", ".join(f"{kind} {n}" for kind, n in kinds.most_common())
    return (f"Có {len(result.problems)} lỗi bố cục. {len(result.problems)} layout problems on {result.screens} "
            f"screens ({counted}).")


def json_report(result: AuditResult) -> dict[str, Any]:
    return {
        "problems": [
            {"lesson": p.lesson, "step": p.step, "size": p.size, "text_size": p.text_size, "dpi": _dpi(p.dpi),
             "kind": p.kind, "element": p.element, "detail": p.detail}
            for p in result.problems
        ],
        "screens": result.screens,
    }
