"""`cleaner rules` lists the packs a run would use; a user pack replacing a bundled one is named."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.filters.base import Pack
from cleaner.filters.packs import builtin_packs

USER_PACK = """
[pack]
name = "{name}"
description = "Beispielblatt: its 'Mehr zum Thema' teaser tail."
hosts = ["beispielblatt.de"]

[[rule]]
id = "{name}.tail"
kind = "drop_from"
pattern = '^Mehr zum Thema$'
note = "Teasers follow."
match = ["Mehr zum Thema"]
keep = ["Mehr zum Thema sagte er nichts."]
"""


def _rules(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["rules", *args])
    return result.exit_code, result.stdout, result.stderr


def _user_dir(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "my_rules"
    folder.mkdir()
    (folder / f"{name}.toml").write_text(USER_PACK.format(name=name), encoding="utf-8")
    return folder


def test_brief_lists_every_bundled_pack_once() -> None:
    code, out, _ = _rules("--brief")
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == [p.name for p in builtin_packs()]


@pytest.mark.parametrize("pack", builtin_packs(), ids=lambda p: p.name)
def test_a_pack_is_shown_with_every_rule_and_example(pack: Pack) -> None:
    code, out, _ = _rules(pack.name)
    assert code == 0
    for rule in pack.rules:
        assert f"  {rule.id}  [{rule.kind}" in out
        for example in (*rule.match, *rule.keep):
            assert repr(example) in out


def test_user_packs_are_listed_as_such(tmp_path: Path) -> None:
    code, out, err = _rules("--rules-dir", str(_user_dir(tmp_path, "beispielblatt")))
    assert code == 0 and err == ""
    assert "beispielblatt" in out and "user: " in out and "fires on:     'Mehr zum Thema'" in out


def test_a_user_pack_named_like_a_bundled_one_is_named_on_stderr(tmp_path: Path) -> None:
    folder = _user_dir(tmp_path, "faz")
    code, out, err = _rules("faz", "--rules-dir", str(folder))
    assert code == 0 and "faz.tail" in out and "faz.kicker-title" not in out
    assert f"rule pack 'faz' from {folder / 'faz.toml'} replaces the bundled one" in err


def test_an_unknown_pack_is_one_line_error() -> None:
    code, _, err = _rules("no-such-pack")
    assert code == 2 and err.startswith("cleaner: error: unknown rule packs ['no-such-pack']")
