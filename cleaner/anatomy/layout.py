"""Layout features for the role model: how a line sits among its neighbours.

General facts of article layout that a line's own shape does not tell:
- a body paragraph is prose (a sentence with function words), wherever it stands: the short
  last paragraph after the long ones is still body, a teaser headline is not;
- a crosshead stands alone between paragraphs, while teaser lists, related-coverage boxes and
  tables of contents are runs of headline-shaped lines one after another;
- the headline stands just above the byline.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from cleaner.anatomy.grammar import BYLINE_START, SENTENCE_END, headline_shaped, without_initials
from cleaner.filters.stopwords import density, line_tokens
from cleaner.filters.vocabulary import has_strong
from cleaner.metadata.dates import to_iso

MIN_PROSE_WORDS = 6
PROSE_DENSITY = 0.2
NEAR_LINES = 3
BYLINE_NEAR = 2
TITLE_WORDS = (4, 16)  # a headline-shaped line: this many words, no final stop
Features = list[str]


def layout_features(
    lines: Sequence[str], language: str | None, block: tuple[int, int]
) -> list[Features]:
    """For every line: is it prose (and where, relative to the body block), and how long is
    the run of headline-shaped lines it belongs to."""
    facts = [_facts(line, language) for line in lines]
    runs = _title_runs([fact[3] for fact in facts])
    out = []
    for i, (is_prose, has_date, _, _) in enumerate(facts):
        feats = [f"title_run={min(runs[i], 3)}"] if runs[i] else []
        if is_prose:
            feats += ["prose", f"prose_at={_side(i, block)}"]
            if has_date:  # "... beschlossen werden. (APA, 12.3.2025)": still body
                feats.append("prose_date")
        if any(fact[2] for fact in facts[i + 1 : i + 1 + BYLINE_NEAR]):
            feats.append("above_byline")
        out.append(feats)
    return out


@lru_cache(maxsize=16384)
def _facts(line: str, language: str | None) -> tuple[bool, bool, bool, bool]:
    """(prose, prose holding a date, byline start, headline-shaped), cached by line as the
    other line facts (the model tags again after each round of cuts)."""
    prose = _is_prose(line, language)
    byline = BYLINE_START.match(line) is not None
    return prose, prose and to_iso(line) is not None, byline, _is_title_shaped(line)


def _is_prose(line: str, language: str | None) -> bool:
    return prose_words(line, language) >= MIN_PROSE_WORDS


@lru_cache(maxsize=16384)
def prose_words(line: str, language: str | None) -> int:
    """The words of a prose line (a sentence dense in function words, no furniture
    vocabulary), 0 for any other; editor initials after the last sentence do not count.
    The role features ask it twice a line: for prose here, for the body anchors."""
    line = without_initials(line)
    if not SENTENCE_END.search(line):
        return 0  # the cheap test first: most lines of a page end open
    tokens = line_tokens(line)
    if density(tokens, language) < PROSE_DENSITY or has_strong(line):
        return 0
    return len(tokens)


def _is_title_shaped(line: str) -> bool:
    return headline_shaped(line, TITLE_WORDS)


def _title_runs(shaped: Sequence[bool]) -> list[int]:
    """The length of the run of consecutive headline-shaped lines each line is in (0: none)."""
    out = [0] * len(shaped)
    i = 0
    while i < len(shaped):
        j = i
        while j < len(shaped) and shaped[j]:
            j += 1
        out[i:j] = [j - i] * (j - i)
        i = max(j, i + 1)
    return out


def _side(i: int, block: tuple[int, int]) -> str:
    """Where a line stands to the body block: before, in, just after, or far after it."""
    first, last = block
    if i < first:
        return "before"
    if i <= last:
        return "in"
    return "near" if i - last <= NEAR_LINES else "far"
