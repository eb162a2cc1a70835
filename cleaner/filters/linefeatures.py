"""What the line classifier knows about each line: plain numbers, no decisions."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.filters.stopwords import density, words
from cleaner.filters.vocabulary import STRONG, weak_count

# A sentence ends in . ! ? (an ellipsis is a cut-off teaser), maybe followed by quotes/brackets.
_SENTENCE_END = re.compile(r"(?<!\.\.)(?<!…)[.!?:][\"'”“«»’)\]]*$|[.!?][\"'”“«»’)\]]+[.,]?$")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class LineFeatures:
    """Measurements of one line in the context of its document."""

    chars: int
    words: int
    stop_density: float  # share of stop words of the document's language
    sentence: bool  # ends like a sentence
    colon: bool  # ends in a colon (introduces a list or quote)
    strong_vocab: int  # boilerplate phrases (cookie, newsletter, Anmelden, ...) found
    weak_share: float  # share of words common in menus and widgets (Teilen, Video, Sport)
    repeats: int  # how many times this exact line occurs in the document
    title_overlap: float  # share of the line's words that are words of the title
    digit_share: float  # digits among the line's characters
    position: float  # 0.0 at the top of the document, 1.0 at the bottom


def measure(lines: Sequence[str], language: str | None, title: str | None) -> list[LineFeatures]:
    """Features of every line; the document supplies repetition, title and position."""
    counts = Counter(lines)
    title_words = set(words(title or ""))
    last = max(len(lines) - 1, 1)
    return [
        _features(line, language, counts[line], title_words, i / last)
        for i, line in enumerate(lines)
    ]


def _features(
    line: str, language: str | None, repeats: int, title_words: set[str], position: float
) -> LineFeatures:
    tokens = words(line)
    return LineFeatures(
        chars=len(line),
        words=len(tokens),
        stop_density=density(tokens, language),
        sentence=bool(_SENTENCE_END.search(line)),
        colon=line.endswith(":"),
        strong_vocab=len(STRONG.findall(line)),
        weak_share=weak_count(line, tokens) / max(len(tokens), 1),
        repeats=repeats,
        title_overlap=_overlap(tokens, title_words),
        digit_share=len(_DIGIT.findall(line)) / max(len(line), 1),
        position=position,
    )


def _overlap(tokens: list[str], title_words: set[str]) -> float:
    if not tokens or not title_words:
        return 0.0
    return sum(t in title_words for t in tokens) / len(tokens)
