"""A document's lines answered at once give what any_match gives line by line."""

from __future__ import annotations

import re

from cleaner.anatomy.grammar import _CREDIT_WORDS
from cleaner.filters.linematch import LineMatches, any_match_lines
from cleaner.filters.prefilter import any_match
from cleaner.filters.vocabulary import STRONG

LINES = [
    "Alle Rechte vorbehalten.",
    "Der Ausschuss tagte bis in den Abend.",
    "ſubscribe now",  # IGNORECASE reads 'ſ' as an s
    "İmpressum",
    "Foto: dpa/Anna Beispiel",
    "(c) 2024 Beispiel Verlag",
    "Newsletter abonnieren Newsletter",
    "",
    "AP Photo/Max Muster",
]


def test_the_document_at_once_answers_as_line_by_line() -> None:
    for pattern in (STRONG, _CREDIT_WORDS, re.compile(r"(?i)cookie")):
        assert any_match_lines(pattern, LINES) == [any_match(pattern, line) for line in LINES]


def test_line_matches_learns_and_answers() -> None:
    matches = LineMatches(STRONG)
    matches.learn(LINES)
    assert [matches(line) for line in LINES] == [any_match(STRONG, line) for line in LINES]
    assert matches("Cookie-Einstellungen") is True  # a line it has not learnt
