"""The README's worked rule-pack example is real: the same file, its examples hold, it cleans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.filters.base import Rule
from cleaner.filters.packs import load_dir
from tests.conftest import FIXTURES, ROOT
from tests.test_rules import fires

FOLDER = FIXTURES / "user_rules"
(PACK,) = load_dir(FOLDER)


def test_readme_shows_the_pack_file_as_it_is() -> None:
    pack = (FOLDER / "beispielblatt.toml").read_text(encoding="utf-8")
    assert f"```toml\n{pack}```" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("rule", PACK.rules, ids=lambda r: r.id)
def test_examples_hold(rule: Rule) -> None:
    assert all(fires(rule, example) for example in rule.match)
    assert not any(fires(rule, example) for example in rule.keep)


def test_the_pack_cleans_the_example_text(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    args = ["clean", str(FOLDER / "article.txt"), "--rules-dir", str(FOLDER), "-o", str(out)]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    record = json.loads(out.read_text(encoding="utf-8"))
    assert (record["kicker"], record["title"]) == ("Lokales", "Neue Radwege für die Innenstadt")
    assert record["authors"] == ["Anna Beispiel", "Karl Muster"]
    assert (
        "Ihre Meinung zählt" not in record["text"]
        and "beispielblatt" in record["cleaning"]["rule_packs"]
    )


def test_explain_names_the_pack_rules() -> None:
    args = ["explain", str(FOLDER / "article.txt"), "--rules-dir", str(FOLDER), "--no-color"]
    output = CliRunner().invoke(app, args).output
    assert "cut   beispielblatt.rubrik-titel -> kicker,title | Lokales ▸" in output
    assert "cut   beispielblatt.mitarbeit -> authors | Mitarbeit:" in output
