"""Evidence about a page's kind read from its cleaned lines and record fields.

An article is a run of sentences; a listing or product page leaves short lines (names,
prices, teaser headlines) even after cleaning; a live blog carries many time-stamped entries.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.pagekind.signals import Signals

_SENTENCE_END = re.compile(r"[.!?…:;\"“”»«')]$")
# "12:45", "12.45 Uhr", "vor 5 Minuten", "10:30 a.m." at the start of a line: a live entry.
_STAMP = re.compile(
    r"^(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?(?:Uhr|h|a\.?m\.?|p\.?m\.?))?\b"
    r"|^(?:vor \d+ (?:Minuten|Stunden)|\d+ (?:min|minutes|hours?) ago)\b",
    re.IGNORECASE,
)


# Addressing the reader and speaking as a company: product, service and help pages do, news
# reports rarely (English and German forms).
_YOU = re.compile(r"\b(?:you|your|yours|du|dein|deine|euch|euer)\b", re.IGNORECASE)
_WE = re.compile(r"\b(?:we|our|ours|us|wir|unser|unsere|uns)\b", re.IGNORECASE)


@dataclass(frozen=True)
class FieldSignals:
    """What the record's fields say: article pages have a date and authors. (The title's
    length was tried: held-out non-articles found fell from 77% to 65%.)"""

    has_date: bool
    has_authors: bool

    def signals(self) -> Signals:
        return {
            "has_date": float(self.has_date),
            "has_authors": float(self.has_authors),
        }


def text_signals(lines: Sequence[str]) -> Signals:
    """Length, sentence share and time stamps of the cleaned text."""
    words = [len(line.split()) for line in lines]
    total = sum(words) or 1
    sentence_words = sum(n for line, n in zip(lines, words, strict=True) if _sentence(line))
    return {
        "log_words": math.log1p(sum(words)),
        "log_lines": math.log1p(len(lines)),
        "sentence_share": sentence_words / total,
        "short_line_share": sum(n < 6 for n in words) / (len(words) or 1),
        "words_per_line": min(sum(words) / (len(words) or 1), 100.0) / 100.0,
        "log_stamps": math.log1p(stamped_lines(lines)),
        "you_share": _share(_YOU, lines, total),
        "we_share": _share(_WE, lines, total),
        "question_share": sum(line.rstrip().endswith("?") for line in lines) / (len(lines) or 1),
        "digit_share": _digits(lines) / (sum(len(line) for line in lines) or 1),
    }


def _digits(lines: Sequence[str]) -> int:
    """Characters that are digits (str.isdigit, superscripts too), counted in C."""
    return sum(map(str.isdigit, "".join(lines)))


def _share(pattern: re.Pattern[str], lines: Sequence[str], words: int) -> float:
    return sum(len(pattern.findall(line)) for line in lines) / words


def stamped_lines(lines: Sequence[str]) -> int:
    return sum(bool(_STAMP.match(line.strip())) for line in lines)


def _sentence(line: str) -> bool:
    return len(line.split()) >= 6 and bool(_SENTENCE_END.search(line.rstrip()))
