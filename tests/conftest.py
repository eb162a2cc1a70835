"""Shared paths for the tests: everything they use lives in this repository."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from httpserver import Server

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXTURES = ROOT / "fixtures"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def http_site() -> Iterator[Server]:
    """The fetch tests' local web site (tests/fetch_site.py), one server per session."""
    from fetch_site import build_routes
    from httpserver import serve

    with serve(build_routes()) as server:
        yield server
