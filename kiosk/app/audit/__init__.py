"""`hocvuso pack audit`: the layout audit of a lesson pack (see `engine`). Qt lives here, in
the composition root; the command line imports this package only when the audit runs."""
from kiosk.app.audit.engine import AuditResult, Combination, LayoutProblem, audit_pack, screen_findings

__all__ = ["AuditResult", "Combination", "LayoutProblem", "audit_pack", "screen_findings"]
