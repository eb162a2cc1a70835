"""Dates and times in records: one fixed string form, plus how much of it the source gave.

Every timestamp in a record is `YYYY-MM-DDTHH:MM:SS.sss`, followed by the UTC offset as
`+HH:MM` when the source stated one (the ECMAScript date-time form, with the offset kept instead
of folded into UTC). Parts the source did not give are filled with their first value and the
precision says which parts are real: "2017-02" is ("2017-02-01T00:00:00.000", "month").

Why this form: loaders infer column types from values. Arrow (Hugging Face `datasets`, pyarrow)
reads a bare "2024-03-12" or "2024-03-12T10:15:00+01:00" as timestamp[s], folding the offset
into naive UTC, but leaves "2021-04" a string, so two outputs with different precisions could
not be loaded together. With milliseconds always present no loader infers second-resolution
timestamps and every one reads the same string; it still sorts and starts with the ISO prefix.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

Precision = Literal["year", "month", "day", "minute", "second"]

_ISO = re.compile(
    r"(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:[.,](?P<frac>\d+))?)?"
    r"\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?)?)?)?"
)


def record_timestamp(iso: str | None) -> tuple[str | None, Precision | None]:
    """An ISO 8601 value of any precision in the record's fixed form, with its precision;
    (None, None) for a value that is not a valid ISO date (its source line is in `removed`)."""
    match = _ISO.fullmatch(iso.strip()) if iso else None
    if match is None:
        return None, None
    parts = match.groupdict()
    try:
        moment = _moment(parts)
    except ValueError:  # month 13, 31 February, 25:00
        return None, None
    millis = (parts["frac"] or "").ljust(3, "0")[:3]
    text = moment.strftime("%Y-%m-%dT%H:%M:%S") + f".{millis}" + _offset(parts["tz"])
    return text, _precision(parts)


def _moment(parts: dict[str, str | None]) -> dt.datetime:
    def number(key: str, empty: int) -> int:
        return int(parts[key] or empty)

    return dt.datetime(
        number("year", 1),
        number("month", 1),
        number("day", 1),
        number("hour", 0),
        number("minute", 0),
        number("second", 0),
    )


def _offset(tz: str | None) -> str:
    """'Z' -> '+00:00', '+0100' and '+01' -> '+01:00'; no offset stays none (local time)."""
    if not tz:
        return ""
    if tz == "Z":
        return "+00:00"
    digits = tz[1:].replace(":", "").ljust(4, "0")
    return f"{tz[0]}{digits[:2]}:{digits[2:]}"


def _precision(parts: dict[str, str | None]) -> Precision:
    if parts["second"]:
        return "second"
    if parts["minute"]:
        return "minute"
    if parts["day"]:
        return "day"
    return "month" if parts["month"] else "year"
