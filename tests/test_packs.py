"""Loading rule packs: malformed packs fail at load time naming file and rule; user packs work."""

from __future__ import annotations

from pathlib import Path

import pytest

from cleaner import clean_text
from cleaner.config import FilterSettings, Settings
from cleaner.errors import RulePackError, SettingsError
from cleaner.filters.engine import available_packs
from cleaner.filters.packs import builtin_packs, load_file

GOOD_RULE = """
[[rule]]
id = "mysite.promo"
kind = "drop_line"
pattern = '^Jetzt im Shop: .*$'
note = "Shop promo lines."
match = ["Jetzt im Shop: Tassen"]
"""

BAD_PACKS = {
    "no pack table": ("[[rule]]\nid='x'", "needs a [pack] table"),
    "bad regex": ("[pack]\nname='p'\n" + GOOD_RULE.replace("^Jetzt", "(^Jetzt"), "mysite.promo"),
    "unknown kind": (
        "[pack]\nname='p'\n" + GOOD_RULE.replace("drop_line", "drop_it"),
        "unknown kind",
    ),
    "unknown key": ("[pack]\nname='p'\n" + GOOD_RULE + "colour = 'red'\n", "unknown keys"),
    "bad field": (
        "[pack]\nname='p'\n" + GOOD_RULE.replace("^Jetzt im Shop", "^(?P<price>Jetzt im Shop)"),
        "not record fields",
    ),
    "not toml": ("[pack\nname=", "not valid TOML"),
}


@pytest.mark.parametrize("case", sorted(BAD_PACKS))
def test_bad_pack_fails_naming_file(case: str, tmp_path: Path) -> None:
    text, message = BAD_PACKS[case]
    path = tmp_path / "mysite.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RulePackError) as info:
        load_file(path)
    assert str(path) in str(info.value) and message in str(info.value)


def test_builtin_packs_load_with_generic_first() -> None:
    names = [pack.name for pack in builtin_packs()]
    assert names[0] == "generic" and {"faz", "dpa"} <= set(names)


def test_user_pack_from_rules_dir_runs_when_forced(tmp_path: Path) -> None:
    (tmp_path / "mysite.toml").write_text("[pack]\nname='mysite'\n" + GOOD_RULE, encoding="utf-8")
    settings = Settings(filters=FilterSettings(rules=("mysite",), rules_dir=tmp_path))
    body = "Die Stadt baut eine neue Brücke über den Fluss, die im Sommer fertig sein soll."
    doc = clean_text(f"{body}\nJetzt im Shop: Tassen und Shirts\n{body}", settings=settings)
    assert doc.ok and "Shop" not in doc.text
    assert any(r.rule == "mysite.promo" for r in doc.removed)


def test_unknown_forced_pack_is_a_settings_error() -> None:
    with pytest.raises(SettingsError, match="nosuchpack"):
        available_packs(FilterSettings(rules=("nosuchpack",)))
