"""The literal prefilter may only skip a rule that could not have matched."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.anatomy.grammar import _CREDIT_WORDS
from cleaner.filters.base import Rule
from cleaner.filters.packs import builtin_packs
from cleaner.filters.prefilter import Haystack, _top_level_parts, any_match, fold, required_literals
from cleaner.filters.vocabulary import STRONG, WEAK

RULES = [rule for pack in builtin_packs() for rule in pack.rules]


@pytest.mark.parametrize(
    ("pattern", "flags", "options"),
    [
        ("Weitere Themen", 0, None),  # the engine's own prefix scan is as fast
        (r"^\s*Mehr zum Thema:?$", 0, None),  # anchored: tried at one position only
        (r"^\s*Mehr zum Thema:?$", re.I, None),
        (r"\s*Mehr zum Thema", 0, ("Mehr zum Thema",)),
        ("(?:Foto|Bild): .{0,40}Agentur", 0, ("Agentur",)),
        ("Newsletter (?:abonnieren|bestellen)|Sign up for", re.I, ("newsletter ", "sign up for")),
        ("(?:abc){2,}d", 0, ("abc",)),  # a part repeated at least once holds its literal
        ("Über uns", re.I, ("ber uns",)),  # IGNORECASE literals keep to ASCII
        ("Foto|x", 0, None),  # a branch too short to test: no prefilter
        ("(?:Foto)?Bild", 0, ("Bild",)),  # an optional part requires nothing
        (r"\d+ Min\.", 0, (" Min.",)),
        ("(?i:Foto)graf", 0, ("graf",)),  # inline flags inside: that part is not used
        (r"^\W+$", 0, None),
        (r"©|\(c\) \d{4}", re.I, ("(c) ", "©")),  # a symbol without case is rare: tested
        ("ab|©", 0, None),
    ],
)
def test_required_literals(pattern: str, flags: int, options: tuple[str, ...] | None) -> None:
    literals = required_literals(re.compile(pattern, flags))
    assert (literals.options if literals else None) == options


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_every_match_example_passes_the_prefilter(rule: Rule) -> None:
    for example in rule.match:
        assert Haystack(["Erste Zeile.", example]).may_match(rule.pattern)


def test_fold_covers_every_character_ignorecase_takes_for_an_ascii_letter() -> None:
    letter = re.compile("[a-z]", re.I)
    for code in range(128, 0x110000):
        char = chr(code)
        if letter.fullmatch(char):
            assert re.fullmatch(re.escape(fold(char)), char, re.I), hex(code)
            assert fold(char).isascii(), hex(code)


@pytest.mark.parametrize("text", ["STRAſſE", "İNTERVİEW", "straße"])
def test_case_insensitive_test_sees_what_the_regex_sees(text: str) -> None:
    pattern = re.compile("strasse|interview", re.I)
    assert Haystack([text]).may_match(pattern) == bool(pattern.search(text))


_PIECES = sorted({piece for rule in RULES for piece in rule.match})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=30)), max_size=4))
def test_a_skipped_rule_matches_no_line(lines: list[str]) -> None:
    text = Haystack(lines)
    for rule in RULES:
        if not text.may_match(rule.pattern):
            assert not any(rule.pattern.search(line) for line in lines), rule.id


@pytest.mark.parametrize(
    ("source", "parts"),
    [
        ("a|b(c|d)|e", ["a", "b(c|d)", "e"]),
        (r"[|]x|\||y", ["[|]x", r"\|", "y"]),
        ("[]|]|[^]|]z", ["[]|]", "[^]|]z"]),
        ("(?:a|b)", ["(?:a|b)"]),
    ],
)
def test_top_level_parts(source: str, parts: list[str]) -> None:
    assert _top_level_parts(source) == parts
    assert "|".join(parts) == source


_SPLIT = [STRONG, WEAK, _CREDIT_WORDS, *(rule.pattern for rule in RULES)]
_WORDS = sorted({w for p in _PIECES for w in p.split()} | {"©", "Cookie", "Foto:", "Dienstag"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=12)), max_size=8))
def test_any_match_answers_as_search_does(words: list[str]) -> None:
    line = " ".join(words)
    for pattern in _SPLIT:
        assert any_match(pattern, line) == bool(pattern.search(line)), pattern.pattern[:40]


@pytest.mark.parametrize("pattern", _SPLIT, ids=lambda p: p.pattern[:20])
def test_any_match_finds_every_match_example(pattern: re.Pattern[str]) -> None:
    for piece in [*_PIECES, "Foto: Max Muster", "Alle Rechte vorbehalten", "Privacy Policy"]:
        assert any_match(pattern, piece) == bool(pattern.search(piece))


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (re.compile("cookie # a comment | with a bar\n| newsletter", re.X), "with a bar"),
        (re.compile("(?i)cookie|newsletter"), "NEWSLETTER"),
        (re.compile("(a)|b"), "a"),
    ],
)
def test_any_match_does_not_split_what_splitting_would_change(
    pattern: re.Pattern[str], text: str
) -> None:
    assert any_match(pattern, text) == bool(pattern.search(text))
