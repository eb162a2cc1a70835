"""Dates as header lines write them (German and English) -> ISO 8601, partial allowed.

to_iso("Aktualisiert am 12.03.2024, 10:15 Uhr")  -> "2024-03-12T10:15"
to_iso("Do 25.04.24 | 14:07 Uhr")                  -> "2024-04-25T14:07"
to_iso("Updated: March 3, 2024 at 4:05 p.m.")      -> "2024-03-03T16:05"
to_iso("2024-03-12T10:15:00+01:00")                -> "2024-03-12T10:15:00+01:00"
to_iso("date 2017-02")                             -> "2017-02"
to_iso("on 04-ago-2021 5:11:10")                   -> "2021-08-04T05:11"
to_iso("Published on 24/04/2024 - 14:21")          -> "2024-04-24T14:21"
to_iso("04/12/24 3:22 PM ET")                      -> "2024-04-12T15:22" (a US clock: month first)
to_iso("05/08/2019")                               -> None (May 8 or 5 August: not guessed)
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from cleaner.filters.prefilter import fold

# Month names of the dev sets' languages (de, en, fr, es, it, nl, pt, pl), full and short.
_MONTH_NAMES = (
    ("januar jänner january jan janvier janv enero ene gennaio genn gen januari janeiro stycznia"),
    (
        "februar feber february feb février févr fevrier febrero febbraio febr februari fevereiro"
        " lutego"
    ),
    ("märz maerz march mar mär mars marzo mrz maart março marca marca"),
    ("april apr avril abril aprile avr kwietnia"),
    ("mai may mayo maggio mei maio maja"),
    ("juni june jun juin junio giugno giu junho czerwca"),
    ("juli july jul juillet juil julio luglio lug julho lipca"),
    ("august aug août aout agosto ago augustus sierpnia"),
    ("september sept sep septembre septiembre settembre set setembro września"),
    ("oktober october okt oct octobre octubre ottobre ott outubro października"),
    ("november nov novembre noviembre novembro listopada"),
    ("dezember december dez dec décembre decembre diciembre dic dicembre dezembro grudnia"),
)
MONTHS = {name: n for n, names in enumerate(_MONTH_NAMES, start=1) for name in names.split()}
# Weekday names of the same languages, full and short: a date's words, never a person's name.
_WEEKDAY_NAMES = (
    "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so",
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs",
    "fri sat sun lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles",
    "jueves viernes sábado domingo lunedì martedì mercoledì giovedì venerdì sabato maandag",
    "dinsdag woensdag donderdag vrijdag zaterdag zondag",
)
WEEKDAYS = frozenset(name for names in _WEEKDAY_NAMES for name in names.split())
DATE_WORDS = frozenset(MONTHS) | WEEKDAYS
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_TIME = (
    r"(?:,?\s*(?:\|\s*)?(?:um\s+|at\s+|-\s*)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?!\d)"
    r"(?:\s*(?:Uhr|h\b|(?P<ampm>[ap])\.?\s?m\.?))?)?"
)
_DE = r"(?:\s+(?:de|del))?"  # "12 de marzo de 2024"
_PATTERNS = (
    re.compile(
        r"(?<!\d)(?P<year>\d{4})-(?P<nmonth>\d{2})(?:-(?P<day>\d{2}))?(?!\d)"
        r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,]\d+)?)?"
        r"\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
    ),
    re.compile(r"(?<!\d)(?P<day>\d{1,2})\.\s?(?P<nmonth>\d{1,2})\.\s?(?P<year>\d{4})" + _TIME),
    re.compile(r"(?<!\d)(?P<day>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<year>\d{2})(?!\d)" + _TIME),
    re.compile(
        r"(?<!\d)(?P<day>\d{1,2})(?:\.|er|º)?"
        + _DE
        + r"(?:\s+|-)"  # "12 March 2024", "04-Aug-2021"
        + _MONTH
        + _DE
        + r"(?:,?\s+|-)(?P<year>\d{4})"
        + _TIME,
        re.I,
    ),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME, re.I),
    re.compile(_MONTH + r"\s+(?P<year>\d{4})", re.I),
)
# "24/04/2024", "04/12/24 3:22 PM ET", "10/12/2023 7:38:01 PM": which number is the day is
# told by a number over 12, or by a US clock (am/pm) or time zone after it (month first);
# where nothing tells, the date is left unread rather than guessed.
_SLASHED = re.compile(
    r"(?<![\d/])(?P<n1>\d{1,2})/(?P<n2>\d{1,2})/(?P<year>\d{4}|\d{2})(?![\d/])"
    r"(?:,?\s*(?:at\s+|-\s*)?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2})?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?)?"
    r"(?:\s*(?P<us_zone>(?-i:[ECMP][SD]?T))\b)?",
    re.I,
)


_DIGIT = re.compile(r"\d")
_FOUR_DIGITS = re.compile(r"\d{4}")
# A month name and what must follow it in every month-name pattern above (its "\b\.?", maybe
# "de", then a space or "-" and a digit of the day or the year), case-sensitive over folded
# text: the engine scans that by its first letters, where the IGNORECASE patterns try every
# name at every position; a four-digit number and a month-like word ("ago", "set", "mai") on
# one line is common, a month name followed by a number is not.
_MONTH_THEN_NUMBER = re.compile(
    "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
    r"(?:\s+(?:de|del))?(?:,?\s+|-)\d"
)


_MONTH_FIRST = 4  # the patterns from here on start with the month name ("March 3, 2024")


def _could_match(value: str) -> tuple[tuple[re.Pattern[str], int], ...]:
    """The patterns that can match `value`, in their order, each with the first offset one
    of its matches can start at (necessary tests, so the result is the same as trying them
    all from the start; they spare most lines the slow month-name patterns, and the lines
    that need them the scan up to the first month name)."""
    if not _DIGIT.search(value):
        return ()  # every pattern needs a digit; most lines of a page have none
    slashed = ((_SLASHED, 0),) if "/" in value else ()
    if not _FOUR_DIGITS.search(value):
        return ((_PATTERNS[2], 0), *slashed)  # these do without a four-digit year
    folded = fold(value)
    month = _MONTH_THEN_NUMBER.search(folded)
    if month is None:
        return (*((pattern, 0) for pattern in _PATTERNS[:3]), *slashed)
    at = month.start() if len(folded) == len(value) else 0  # (folding keeps offsets)
    named = tuple((pattern, at if i >= _MONTH_FIRST else 0) for i, pattern in enumerate(_PATTERNS))
    return (*named, *slashed)


# Words that introduce the date of a later revision, in the dev sets' languages.
_MODIFIED = re.compile(
    r"\b(?:aktualisiert|zuletzt ge(?:ändert|prüft)|updated?|last modified|mis à jour"
    r"|modifié|actualizado|actualización|aggiornat[oa]|bijgewerkt|atualizado)\b",
    re.I,
)


def names_a_revision(text: str) -> bool:
    """'Updated on', 'Aktualisiert am', 'mis à jour': the date that follows is a revision."""
    return _MODIFIED.search(text) is not None


def published_and_modified(line: str) -> tuple[str | None, str | None]:
    """A header date line -> (published, modified): the date after 'Aktualisiert'/'Updated'
    is the revision, the one before it (if any) the publication."""
    marker = _MODIFIED.search(line)
    if marker is None:
        return to_iso(line), None
    return to_iso(line[: marker.start()]), to_iso(line[marker.end() :])


def same_instant(first: str, second: str) -> bool:
    """Two ISO datetimes with zones naming one moment ('2025-07-05T00:04:00+00:00' and
    '2025-07-04T20:04:00-04:00'); False where either lacks a time or a zone."""
    try:
        moments = dt.datetime.fromisoformat(first), dt.datetime.fromisoformat(second)
    except ValueError:
        return False
    if any(moment.tzinfo is None for moment in moments):
        return False
    return moments[0] == moments[1]


# The world's zones run from UTC-12 to UTC+14: the local days one moment falls on.
_ZONE_HOURS = range(-12, 15)


def could_fall_on(moment: str, day: str) -> bool:
    """An ISO datetime with a zone ('2025-12-02T23:00:55+00:00') is, in some time zone, on
    `day` ('2025-12-03'): a page may print its day in the outlet's zone, the meta tag in UTC.
    Most moments fall on two days somewhere, so ask it only of a day the page shows. False
    where the moment lacks a time or a zone, or `day` is no ISO day."""
    try:
        when, shown = dt.datetime.fromisoformat(moment), dt.date.fromisoformat(day)
    except ValueError:
        return False
    if when.tzinfo is None:
        return False
    utc = when.astimezone(dt.UTC)
    return any((utc + dt.timedelta(hours=h)).date() == shown for h in _ZONE_HOURS)


@lru_cache(maxsize=4096)
def to_iso(value: str) -> str | None:
    """The first date found in `value` as ISO 8601 ('2024-03-12', '2017-02', with time).

    Cached: the role features ask it of a line twice (its date shape, a prose line's date),
    and a month-name line costs a slow IGNORECASE scan."""
    for pattern, start in _could_match(value):
        for match in pattern.finditer(value, start):
            if iso := _iso(match.groupdict()):
                return iso
    return None


def _iso(parts: dict[str, str | None]) -> str | None:
    if parts.get("n1"):
        if (ordered := _day_and_month(parts)) is None:
            return None
        parts = {**parts, **ordered}
    year, month, day = _year(parts["year"]), _month(parts), int(parts.get("day") or 0)
    if not _valid(year, month, day):
        return None
    iso = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    if day and parts.get("hour") is not None:
        hour = _hour(int(parts["hour"] or 0), parts.get("ampm"))
        minute = int(parts["minute"] or 0)
        if hour > 23 or minute > 59:
            return iso
        second = f":{parts['second']}" if parts.get("second") else ""
        iso += f"T{hour:02d}:{minute:02d}{second}{_tz(parts.get('tz'))}"
    return iso


def _day_and_month(parts: dict[str, str | None]) -> dict[str, str | None] | None:
    """A slashed date's two numbers as day and month, or None where nothing tells them apart
    (see _SLASHED)."""
    first, second = parts["n1"], parts["n2"]
    one, other = int(first or 0), int(second or 0)
    us = parts.get("ampm") is not None or parts.get("us_zone") is not None
    if us or other > 12 >= one:
        return {"nmonth": first, "day": second}
    if one > 12 >= other or one == other:
        return {"day": first, "nmonth": second}
    return None


def _year(text: str | None) -> int:
    """Two-digit years ('25.04.24') are this century's up to 69, else the last's."""
    year = int(text or 0)
    if text and len(text) == 2:
        year += 2000 if year < 70 else 1900
    return year


def _valid(year: int, month: int, day: int) -> bool:
    if not (1000 <= year <= 2999 and 1 <= month <= 12):
        return False
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return False
    return True


def _hour(hour: int, ampm: str | None) -> int:
    if ampm is None:
        return hour
    return hour % 12 + (12 if ampm.lower() == "p" else 0)


def _tz(tz: str | None) -> str:
    """'+0100' -> '+01:00', 'Z' -> '+00:00': the offset as published, never converted, so
    the day stays the day of the place that printed it."""
    if not tz:
        return ""
    if tz == "Z":
        return "+00:00"
    return tz if ":" in tz else f"{tz[:3]}:{tz[3:]}"


def _month(parts: dict[str, str | None]) -> int:
    if parts.get("nmonth"):
        return int(parts["nmonth"] or 0)
    return MONTHS.get((parts.get("month") or "").lower().rstrip("."), 0)
