"""Start-up stays cheap: `import cleaner` loads no heavy library until a name is used."""

from __future__ import annotations

import subprocess
import sys

import pytest

import cleaner

# lxml.etree may load (~20 ms): rule packs compile their prune XPaths when settings are checked
HEAVY = ["trafilatura", "htmldate", "httpx", "langdetect", "ftfy", "rich", "pebble"]


@pytest.mark.parametrize("module", ["cleaner", "cleaner.config", "cleaner.pipeline"])
def test_importing_loads_no_heavy_library(module: str) -> None:
    probe = f"import sys, {module}; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert loaded == []


def test_every_public_name_resolves() -> None:
    assert sorted(cleaner.__all__) == sorted([*cleaner._HOME, "__version__"])
    for name in cleaner.__all__:
        assert getattr(cleaner, name) is not None
