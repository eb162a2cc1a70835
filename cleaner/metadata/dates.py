"""Dates as header lines write them (German and English) -> ISO 8601, partial allowed.

to_iso("Aktualisiert am 12.03.2024, 10:15 Uhr")  -> "2024-03-12T10:15"
to_iso("Do 25.04.24 | 14:07 Uhr")                  -> "2024-04-25T14:07"
to_iso("Updated: March 3, 2024 at 4:05 p.m.")      -> "2024-03-03T16:05"
to_iso("2024-03-12T10:15:00+01:00")                -> "2024-03-12T10:15:00+01:00"
to_iso("date 2017-02")                             -> "2017-02"
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    **dict.fromkeys(("januar", "jänner", "january", "jan"), 1),
    **dict.fromkeys(("februar", "feber", "february", "feb"), 2),
    **dict.fromkeys(("märz", "maerz", "march", "mar", "mär"), 3),
    **dict.fromkeys(("april", "apr"), 4),
    **dict.fromkeys(("mai", "may"), 5),
    **dict.fromkeys(("juni", "june", "jun"), 6),
    **dict.fromkeys(("juli", "july", "jul"), 7),
    **dict.fromkeys(("august", "aug"), 8),
    **dict.fromkeys(("september", "sept", "sep"), 9),
    **dict.fromkeys(("oktober", "october", "okt", "oct"), 10),
    **dict.fromkeys(("november", "nov"), 11),
    **dict.fromkeys(("dezember", "december", "dez", "dec"), 12),
}
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_TIME = (
    r"(?:,?\s*(?:\|\s*)?(?:um\s+|at\s+|-\s*)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?!\d)"
    r"(?:\s*(?:Uhr|(?P<ampm>[ap])\.?\s?m\.?))?)?"
)
_PATTERNS = (
    re.compile(
        r"(?<!\d)(?P<year>\d{4})-(?P<nmonth>\d{2})(?:-(?P<day>\d{2}))?(?!\d)"
        r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?P<rest>:\d{2}(?:\.\d+)?)?"
        r"(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
    ),
    re.compile(r"(?<!\d)(?P<day>\d{1,2})\.\s?(?P<nmonth>\d{1,2})\.\s?(?P<year>\d{4})" + _TIME),
    re.compile(r"(?<!\d)(?P<day>\d{1,2})\.(?P<nmonth>\d{1,2})\.(?P<year>\d{2})(?!\d)" + _TIME),
    re.compile(r"(?<!\d)(?P<day>\d{1,2})\.?\s+" + _MONTH + r",?\s+(?P<year>\d{4})" + _TIME, re.I),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME, re.I),
    re.compile(_MONTH + r"\s+(?P<year>\d{4})", re.I),
)


def to_iso(value: str) -> str | None:
    """The first date found in `value` as ISO 8601 ('2024-03-12', '2017-02', with time)."""
    for pattern in _PATTERNS:
        for match in pattern.finditer(value):
            if iso := _iso(match.groupdict()):
                return iso
    return None


def _iso(parts: dict[str, str | None]) -> str | None:
    year, month, day = _year(parts["year"]), _month(parts), int(parts.get("day") or 0)
    if not _valid(year, month, day):
        return None
    iso = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    if day and parts.get("hour") is not None:
        hour = _hour(int(parts["hour"] or 0), parts.get("ampm"))
        minute = int(parts["minute"] or 0)
        if hour > 23 or minute > 59:
            return iso
        iso += f"T{hour:02d}:{minute:02d}{parts.get('rest') or ''}{_tz(parts.get('tz'))}"
    return iso


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
    """'+0100' -> '+01:00'; 'Z' stays."""
    if not tz or tz == "Z":
        return tz or ""
    return tz if ":" in tz else f"{tz[:3]}:{tz[3:]}"


def _month(parts: dict[str, str | None]) -> int:
    if parts.get("nmonth"):
        return int(parts["nmonth"] or 0)
    return MONTHS.get((parts.get("month") or "").lower().rstrip("."), 0)
