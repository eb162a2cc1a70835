"""Shared paths for the tests: everything they use lives in this repository."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES
