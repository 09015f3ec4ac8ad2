"""Fixtures for the deploy/ tests."""
from __future__ import annotations

import pytest
from install_runner import InstallRunner, run_install


@pytest.fixture
def install() -> InstallRunner:
    return run_install
