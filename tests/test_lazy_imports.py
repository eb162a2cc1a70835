"""Start-up stays cheap: `import cleaner` loads no heavy library until a name is used."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import cleaner

# lxml.etree may load (~20 ms): rule packs compile their prune XPaths when settings are checked
HEAVY = ["trafilatura", "htmldate", "httpx", "langdetect", "ftfy", "rich", "pebble"]


@pytest.mark.parametrize("module", ["cleaner", "cleaner.config", "cleaner.pipeline", "cleaner.cli"])
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


def test_a_one_input_run_starts_no_workers(tmp_path: Path) -> None:
    page = tmp_path / "one.txt"
    page.write_text("Die Stadt baut eine neue Brücke über den Fluss, fertig im Sommer.\n" * 3)
    probe = (
        "import sys; from cleaner.cli import main; sys.argv = ['cleaner', 'clean', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('pebble' in sys.modules, 'rich' in sys.modules, file=sys.stderr)"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe, str(page)], capture_output=True, text=True, check=True
    )
    assert b"Br" in run.stdout.encode() and run.stderr.splitlines()[-1] == "False False"
