"""Dates as header lines write them (German and English) -> ISO 8601, partial allowed."""

from __future__ import annotations

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
_MONTH = "(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = r"(?:,?\s*(?:um\s+|at\s+)?(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*Uhr)?)?"
_PATTERNS = (
    re.compile(
        r"(?P<year>\d{4})-(?P<nmonth>\d{2})(?:-(?P<day>\d{2}))?"
        r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2}))?"
    ),
    re.compile(r"(?P<day>\d{1,2})\.\s?(?P<nmonth>\d{1,2})\.\s?(?P<year>\d{4})" + _TIME),
    re.compile(r"(?P<day>\d{1,2})\.?\s+" + _MONTH + r"\s+(?P<year>\d{4})" + _TIME, re.I),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})" + _TIME, re.I),
    re.compile(_MONTH + r"\s+(?P<year>\d{4})", re.I),
)


def to_iso(value: str) -> str | None:
    """The first date found in `value` as ISO 8601 ('2024-03-12', '2017-02', with time)."""
    for pattern in _PATTERNS:
        match = pattern.search(value)
        if match and (iso := _iso(match.groupdict())):
            return iso
    return None


def _iso(parts: dict[str, str | None]) -> str | None:
    year = int(parts["year"] or 0)
    month = _month(parts)
    day = int(parts.get("day") or 0)
    if not (1000 <= year <= 2999 and 1 <= month <= 12 and 0 <= day <= 31):
        return None
    iso = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    if day and parts.get("hour") is not None:
        iso += f"T{int(parts['hour'] or 0):02d}:{int(parts['minute'] or 0):02d}"
    return iso


def _month(parts: dict[str, str | None]) -> int:
    if parts.get("nmonth"):
        return int(parts["nmonth"] or 0)
    return MONTHS.get((parts.get("month") or "").lower().rstrip("."), 0)
