"""Layout features for the role model: how a line sits among its neighbours.

Two general facts of article layout that a line's own shape does not tell:
- a body paragraph is prose (a sentence with function words), wherever it stands: the short
  last paragraph after the long ones is still body, a teaser headline is not;
- a crosshead stands alone between paragraphs, while teaser lists, related-coverage boxes and
  tables of contents are runs of headline-shaped lines one after another;
- the headline stands just above the byline, and the article follows its headline: a dump
  repeats the page title (its first line) as the headline, and the body is the prose that
  comes soon after that copy, not the teasers far below it;
- a table of contents is a run of headline-shaped lines that reappear later as crossheads.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from cleaner.anatomy.grammar import BYLINE_START, INITIALS_TAIL
from cleaner.filters.stopwords import density, words
from cleaner.filters.vocabulary import STRONG
from cleaner.metadata.dates import to_iso

_SENTENCE_END = re.compile(r"[.!?][\"'”“«»’)\]]*$")
MIN_PROSE_WORDS = 6
PROSE_DENSITY = 0.2
NEAR_LINES = 3
TITLE_OVERLAP = 0.6  # share of a line's words in the page title: a copy of the headline
DISTANCES = (1, 2, 5, 10, 20, 40)
BYLINE_NEAR = 2
TITLE_WORDS = (4, 16)  # a headline-shaped line: this many words, no final stop
Features = list[str]


def layout_features(
    lines: Sequence[str], language: str | None, block: tuple[int, int]
) -> list[Features]:
    """For every line: is it prose (and where, relative to the body block), and how long is
    the run of headline-shaped lines it belongs to."""
    prose = [_is_prose(line, language) for line in lines]
    runs = _title_runs(lines)
    since = _since_title(lines)
    seen_later = _reappears(lines)
    out = []
    for i, is_prose in enumerate(prose):
        feats = [f"title_run={min(runs[i], 3)}"] if runs[i] else []
        feats.append(f"since_title={since[i]}")
        if runs[i] > 1 and seen_later[i]:
            feats.append("toc_entry")
        if is_prose:
            feats += ["prose", f"prose_at={_side(i, block)}"]
            if to_iso(lines[i]):  # "... beschlossen werden. (APA, 12.3.2025)": still body
                feats.append("prose_date")
        if any(BYLINE_START.match(line) for line in lines[i + 1 : i + 1 + BYLINE_NEAR]):
            feats.append("above_byline")
        out.append(feats)
    return out


@lru_cache(maxsize=16384)
def _is_prose(line: str, language: str | None) -> bool:
    """Cached by line, as the other line facts (the model tags again after each cut)."""
    line = INITIALS_TAIL.sub("", line)
    tokens = words(line)
    return (
        len(tokens) >= MIN_PROSE_WORDS
        and bool(_SENTENCE_END.search(line))
        and density(tokens, language) >= PROSE_DENSITY
        and not STRONG.search(line)
    )


def _is_title_shaped(line: str) -> bool:
    low, high = TITLE_WORDS
    return low <= len(line.split()) <= high and not _SENTENCE_END.search(line)


def _title_runs(lines: Sequence[str]) -> list[int]:
    """The length of the run of consecutive headline-shaped lines each line is in (0: none)."""
    out = [0] * len(lines)
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _is_title_shaped(lines[j]):
            j += 1
        out[i:j] = [j - i] * (j - i)
        i = max(j, i + 1)
    return out


def _since_title(lines: Sequence[str]) -> list[str]:
    """How far each line is below the last copy of the page title (the first line)."""
    head = set(words(lines[0])) if lines else set()
    out, last = [], -1
    for i, line in enumerate(lines):
        out.append("none" if last < 0 else _distance(i - last))
        if i and _is_title_copy(words(line), head):
            last = i
    return out


def _is_title_copy(tokens: list[str], head: set[str]) -> bool:
    if not tokens or len(tokens) > 2 * TITLE_WORDS[1]:
        return False
    return sum(t in head for t in tokens) / len(tokens) >= TITLE_OVERLAP


def _distance(offset: int) -> str:
    return next((str(edge) for edge in DISTANCES if offset <= edge), "far")


def _reappears(lines: Sequence[str]) -> list[bool]:
    """Whether the same line occurs again further down."""
    last_at = {line: i for i, line in enumerate(lines)}
    return [last_at[line] > i for i, line in enumerate(lines)]


def _side(i: int, block: tuple[int, int]) -> str:
    """Where a line stands to the body block: before, in, just after, or far after it."""
    first, last = block
    if i < first:
        return "before"
    if i <= last:
        return "in"
    return "near" if i - last <= NEAR_LINES else "far"
