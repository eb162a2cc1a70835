"""The package's shape: no import cycle at import time, one version, `python -m cleaner`."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import cleaner
from cleaner._version import __version__
from cleaner.errors import REASONS, Reason

PACKAGE = Path(cleaner.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_time_imports(path: Path) -> set[str]:
    """The cleaner modules `path` imports when it is imported (not inside functions, not
    under TYPE_CHECKING): `from cleaner.a import b` counts as cleaner.a.b when that is a
    module, else as cleaner.a."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        for sub in ast.walk(node) if not isinstance(node, ast.FunctionDef | ast.ClassDef) else ():
            if isinstance(sub, ast.ImportFrom) and sub.module and sub.module.startswith("cleaner"):
                found.update(_target(sub.module, alias.name) for alias in sub.names)
            elif isinstance(sub, ast.Import):
                found.update(a.name for a in sub.names if a.name.startswith("cleaner"))
    return found


def _target(module: str, name: str) -> str:
    candidate = f"{module}.{name}"
    as_path = PACKAGE.parent.joinpath(*candidate.split("."))
    return candidate if as_path.with_suffix(".py").exists() or as_path.is_dir() else module


GRAPH = {module_name(p): import_time_imports(p) for p in sorted(PACKAGE.rglob("*.py"))}


def test_no_import_cycle_at_import_time() -> None:
    def visit(node: str, stack: list[str], done: set[str]) -> None:
        if node in stack:
            pytest.fail("import cycle: " + " -> ".join([*stack[stack.index(node) :], node]))
        if node in done:
            return
        for nxt in sorted(GRAPH.get(node, ())):
            visit(nxt, [*stack, node], done)
        done.add(node)

    done: set[str] = set()
    for module in GRAPH:
        if module != "cleaner":  # the root re-exports the API; nothing imports from it
            visit(module, [], done)


def test_nothing_inside_the_package_imports_from_its_root() -> None:
    """`from cleaner import X` inside cleaner breaks as soon as one line of __init__ moves."""
    users = [m for m, imports in GRAPH.items() if "cleaner" in imports and m != "cleaner"]
    assert users == []


@pytest.mark.slow
@pytest.mark.parametrize("module", ["cleaner.fetch.settings", "cleaner.cli", "cleaner.run.pool"])
def test_module_imports_first_in_a_fresh_interpreter(module: str) -> None:
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()


@pytest.mark.slow
def test_python_dash_m_cleaner_and_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "cleaner", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"cleaner {__version__}"
    assert cleaner.__version__ == __version__


def test_every_reason_is_explained() -> None:
    from typing import get_args

    assert set(get_args(Reason)) == set(REASONS)
