"""Every rule of every shipped pack fires on its `match` examples and spares its `keep` ones."""

from __future__ import annotations

import pytest

from cleaner.document import Document, Source
from cleaner.filters.base import Rule
from cleaner.filters.kinds import KINDS
from cleaner.filters.packs import builtin_packs

RULES = [rule for pack in builtin_packs() for rule in pack.rules]
FILLER = ["Ein ganz normaler Absatz mit einem Satz darin."] * 4


def fires(rule: Rule, example: str) -> bool:
    """Place the example where the rule looks, apply the rule, see whether it cut anything."""
    doc = Document(source=Source(kind="text"), kind="text", raw=example)
    if rule.kind == "drop_repeat_of":
        setattr(doc, rule.field or "title", example)
    doc.lines = (
        [*FILLER, example]
        if rule.kind == "drop_from" or rule.where == "tail"
        else [example, *FILLER]
    )
    KINDS[rule.kind](doc, rule)
    return bool(doc.removed)


@pytest.mark.parametrize(
    ("rule", "example"),
    [(r, m) for r in RULES for m in r.match],
    ids=lambda v: v.id if isinstance(v, Rule) else v[:30],
)
def test_rule_fires_on_match_example(rule: Rule, example: str) -> None:
    assert fires(rule, example), f"{rule.id} should fire on {example!r}"


@pytest.mark.parametrize(
    ("rule", "example"),
    [(r, k) for r in RULES for k in r.keep],
    ids=lambda v: v.id if isinstance(v, Rule) else v[:30],
)
def test_rule_spares_keep_example(rule: Rule, example: str) -> None:
    assert not fires(rule, example), f"{rule.id} should not fire on {example!r}"


def test_every_kind_is_used_or_tested() -> None:
    used = {rule.kind for rule in RULES}
    assert used <= set(KINDS)


def test_rule_ids_are_prefixed_by_pack() -> None:
    for pack in builtin_packs():
        for rule in pack.rules:
            assert rule.id.startswith(pack.name + "."), rule.id
