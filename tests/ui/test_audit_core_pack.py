"""The built-in pack passes the pack audit: every screen of every lesson, at both window sizes,
both text sizes and each DPI whose screen is big enough, has its targets in view, no cut text,
AAA contrast, thumb-sized targets apart from each other, and no kiosk control that says what a
phone control says."""
from __future__ import annotations

import dataclasses

import pytest

from kiosk.app.audit import audit_pack
from kiosk.app.audit.report import text_report


@pytest.mark.usefixtures("qapp")
def test_the_built_in_pack_has_no_layout_problems(core_pack, settings):
    result = audit_pack(core_pack, dataclasses.replace(settings, confidence_questions=True))  # the faces too
    assert result.screens >= 1500  # every tour stop at each of the ten supported combinations
    report = text_report(result).splitlines()
    assert not result.problems, "\n".join(report[:80] + ["…"] + report[-1:])
