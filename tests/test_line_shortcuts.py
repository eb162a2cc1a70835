"""The line facts' shortcuts (prefilters, packed counts) give the plain computation's answer."""

from __future__ import annotations

import pytest

from cleaner.anatomy import features
from cleaner.anatomy.grammar import INITIALS_TAIL, TIME, has_time, without_initials
from cleaner.filters import stopwords
from cleaner.filters.stopwords import density, line_density, line_tokens, stoplists

LINES = [
    "",
    "Die Regierung hat am Montag beschlossen, dass die Steuern steigen. (dpa)",
    "Der Minister sagte, man werde das prüfen. /bgf/jkr/jha/",
    "Das Treffen endete ohne Ergebnis. MDR (abe)",
    "Das Gesetz soll im Herbst gelten. (APA, 12.3.2025)",
    "Die Wahl gilt als offen. bfi/pe",
    "Stand: 12.05.2023 11:32 Uhr",
    "Published 4:41 PM UTC, Dec 18, 2023",
    "the the the of of and und und der die das",
    "LONDON, Dec 18 (Reuters) - Britain's economy grew.",
    "ÜBER UNS",
    "NEWS",
    "AB",
    "Ⓐ ⓑ ÄÖÜ",
    "Ⅰ ⅱ STRASSE",
    "Home › Politik › Ausland",
    "ends with a newline (abc)\n",
    "Tor in der 90. Minute, 2:1",
    "Ελλάδα ΟΔΟΣ.Α",
]


@pytest.mark.parametrize("line", LINES)
def test_without_initials_is_the_pattern_substitution(line: str) -> None:
    assert without_initials(line) == INITIALS_TAIL.sub("", line)


@pytest.mark.parametrize("line", LINES)
def test_has_time_is_the_pattern_search(line: str) -> None:
    assert has_time(line) == (TIME.search(line) is not None)


def _upper_by_letters(line: str) -> bool:
    letters = "".join(filter(str.isalpha, line))
    return len(letters) > 2 and letters.isupper() and sum(map(str.isupper, letters)) == len(letters)


@pytest.mark.parametrize("line", LINES)
def test_upper_is_the_letters_test(line: str) -> None:
    assert features._upper(line) == _upper_by_letters(line)


@pytest.mark.parametrize("line", LINES)
def test_packed_hits_count_each_list(line: str) -> None:
    tokens = line_tokens(line)
    plain = tuple(sum(token in stops for token in tokens) for stops in stoplists().values())
    assert stopwords._line_hits(line) == (len(tokens), *plain)


@pytest.mark.parametrize("language", [None, *stoplists()])
@pytest.mark.parametrize("line", LINES)
def test_line_density_is_the_density_of_its_tokens(line: str, language: str | None) -> None:
    assert line_density(line, language) == density(line_tokens(line), language)
