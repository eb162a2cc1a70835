"""Header dates in German and English forms -> ISO 8601 (partial dates allowed)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner.metadata import dates
from cleaner.metadata.dates import published_and_modified, to_iso


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # German header forms
        ("Aktualisiert am 12.03.2024, 10:15 Uhr", "2024-03-12T10:15"),
        ("Stand: 01.12.2023 12:00 Uhr", "2023-12-01T12:00"),
        ("Freitag, 28.04.2023, 19:25", "2023-04-28T19:25"),
        ("Do 25.04.24 | 14:07 Uhr | Von Eva Beispiel", "2024-04-25T14:07"),
        ("- Veröffentlicht am 13. Mai 2026 um 15:44", "2026-05-13T15:44"),
        ("12. März 2024", "2024-03-12"),
        ("3. Jänner 2025", "2025-01-03"),
        ("März 2024", "2024-03"),
        ("am 5.3.2024", "2024-03-05"),
        # English header forms
        ("Updated: March 3, 2024 at 4:05 p.m.", "2024-03-03T16:05"),
        ("Sept. 12, 2023, 11:00 AM", "2023-09-12T11:00"),
        ("May 3rd, 2024", "2024-05-03"),
        ("Published 3 May 2024", "2024-05-03"),
        ("Tuesday 12 March 2024 09:30 GMT", "2024-03-12T09:30"),
        ("12:30 am, January 2, 2024", "2024-01-02"),
        # other languages and glued forms
        ("le 12 mars 2024 à 14h05", "2024-03-12"),
        ("12 de marzo de 2024", "2024-03-12"),
        ("12 marzo 2024", "2024-03-12"),
        ("May 14, 20245:00 AM ET", "2024-05-14T05:00"),
        ("Published 4:41 PM UTC, Dec 18, 2023", "2023-12-18"),
        ("12.03.2024, 14.05 Uhr", "2024-03-12T14:05"),
        ("on 04-ago-2021 5:11:10", "2021-08-04T05:11"),  # day-month-year with hyphens
        ("04-Aug-2021", "2021-08-04"),
        # machine forms
        ("2024-03-12T10:15:00+01:00", "2024-03-12T10:15:00+01:00"),
        ("2024-03-12T10:15:00Z", "2024-03-12T10:15:00+00:00"),
        ("2024-03-12 10:15", "2024-03-12T10:15"),
        ("date 2017-02", "2017-02"),
        # slashed: a number over 12, or a US clock or zone, tells the day from the month
        ("Published on 24/04/2024 - 14:21 GMT+2", "2024-04-24T14:21"),
        ("12/25/2023", "2023-12-25"),
        ("04/12/24 3:22 PM ET", "2024-04-12T15:22"),
        ("10/12/2023 7:38:01 PM", "2023-10-12T19:38"),
        ("Le 29/01/2020", "2020-01-29"),
    ],
)
def test_header_date_to_iso(text: str, iso: str) -> None:
    assert to_iso(text) == iso


@pytest.mark.parametrize(
    "text",
    [
        "31.02.2024",
        "Seite 3 von 12",
        "Tor in der 12:30. Minute",
        "Version 2.13.1",
        "no date here",
        "05/08/2019, 5:30",  # 5 August or May 8: nothing tells, so not guessed
        "13/13/2024",
        "https://example.org/a/12/03/2024/b",  # a path's numbers run on between slashes
    ],
)
def test_no_date(text: str) -> None:
    assert to_iso(text) is None


def test_impossible_date_skipped_for_a_later_valid_one() -> None:
    assert to_iso("Ausgabe 31.02.2024, erschienen am 01.03.2024") == "2024-03-01"


def test_two_digit_year_of_last_century() -> None:
    assert to_iso("Stand 01.05.98") == "1998-05-01"


@pytest.mark.parametrize(
    ("line", "published", "modified"),
    [
        ("Veröffentlicht am 12.03.2024", "2024-03-12", None),
        ("Aktualisiert am 13.03.2024, 10:15 Uhr", None, "2024-03-13T10:15"),
        ("Updated 4:17 PM UTC, March 12, 2024", None, "2024-03-12"),
        ("Published Jan. 22, 2024 Updated Jan. 23, 2024", "2024-01-22", "2024-01-23"),
        ("Stand: 12.05.2023 11:32 Uhr", "2023-05-12T11:32", None),
    ],
)
def test_published_and_modified(line: str, published: str | None, modified: str | None) -> None:
    assert published_and_modified(line) == (published, modified)


def _every_pattern(value: str) -> str | None:
    """to_iso without its prefilter: every pattern tried, in order."""
    for pattern in dates._PATTERNS:
        for match in pattern.finditer(value):
            if iso := dates._iso(match.groupdict()):
                return iso
    return None


_DATE_WORDS = [
    "12.",
    "03.",
    "2024",
    "24",
    "März",
    "MÄRZ",
    "may",
    "Dec",
    "14,",
    "5:00",
    "PM",
    "am",
    "Uhr",
    "2024-03-12T10:15",
    "de",
    "marzo",
    "1.",
    "ſept",
    "Okt.",
    "|",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_DATE_WORDS), st.text(max_size=6)), max_size=7))
def test_prefiltered_to_iso_equals_trying_every_pattern(words: list[str]) -> None:
    value = " ".join(words)
    assert to_iso(value) == _every_pattern(value)


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("2025-07-05T00:04:00+00:00", "2025-07-04T20:04:00-04:00", True),
        ("2025-07-05T00:04:00+00:00", "2025-07-04T20:05:00-04:00", False),
        ("2025-07-05T00:04:00", "2025-07-05T00:04:00+00:00", False),  # no zone: no moment
        ("2025-07-05", "2025-07-05", False),  # a day is not a moment
        ("2025-07", "2025-07-05T00:04:00+00:00", False),
    ],
)
def test_same_instant(first: str, second: str, same: bool) -> None:
    assert dates.same_instant(first, second) is same


@pytest.mark.parametrize(
    ("moment", "day", "falls"),
    [
        ("2025-12-02T23:00:55+00:00", "2025-12-03", True),  # UTC+1 and east
        ("2025-12-02T23:00:55+00:00", "2025-12-02", True),
        ("2025-12-03T05:00:00+00:00", "2025-12-02", True),  # the Americas
        ("2025-12-02T12:00:00+00:00", "2025-12-04", False),  # no zone is two days ahead
        ("2025-12-02T23:00:55", "2025-12-03", False),  # no zone: no moment
        ("2025-12-02", "2025-12-03", False),
        ("2025-12-02T23:00:55+00:00", "3 December", False),
    ],
)
def test_could_fall_on(moment: str, day: str, falls: bool) -> None:
    assert dates.could_fall_on(moment, day) is falls
