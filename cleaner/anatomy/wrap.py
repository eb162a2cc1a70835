"""Hard-wrapped text: paragraphs broken at a fixed width.

Plain-text mail and wire copy, `<pre>` blocks and `<br>`-broken paragraphs reach us as runs
of lines of nearly the same length, most of them without a sentence end. Line by line the
role model takes such lines for furniture and cuts the article. A document wrapped that way
is tagged by its paragraphs instead: the lines of one paragraph are joined for the model and
each is given the paragraph's role, so the text keeps its lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_LINES = 5  # fewer lines say nothing about a wrap width
WIDTH_RANK = 0.9  # the width is the length this share of the lines does not exceed
WIDTHS = range(40, 101)  # the widths people and tools wrap at (72, 76 and 80 the usual ones)
FULL = 0.75  # a line at least this share of the width was broken by the wrap
MIN_FULL_SHARE = 0.4  # a wrapped document: at least this share of its lines are full
_SENTENCE_END = re.compile(r"[.!?:][\"'”“«»’)\]]*$")


def wrap_width(lines: Sequence[str]) -> int | None:
    """The width the text is wrapped at, or None when it is not hard-wrapped."""
    if len(lines) < MIN_LINES:
        return None
    lengths = sorted(len(line) for line in lines)
    width = lengths[int(WIDTH_RANK * (len(lengths) - 1))]
    if width not in WIDTHS:
        return None
    full = sum(FULL * width <= length <= width for length in lengths)
    return width if full >= MIN_FULL_SHARE * len(lengths) else None


def paragraphs(lines: Sequence[str]) -> list[range]:
    """The line spans of the paragraphs: one line each unless the text is hard-wrapped, then
    a full line and the lines after it up to the first short one (the paragraph's last).
    A full line ending a sentence before a capital ends a paragraph too: a paragraph broken
    there is still prose, but a share prompt after an article's last line must stay apart."""
    width = wrap_width(lines)
    if width is None:
        return [range(i, i + 1) for i in range(len(lines))]
    spans, start = [], 0
    for i, line in enumerate(lines):
        if i == len(lines) - 1 or not _continues(line, lines[i + 1], width):
            spans.append(range(start, i + 1))
            start = i + 1
    return spans


def _continues(line: str, following: str, width: int) -> bool:
    if len(line) < FULL * width:
        return False
    return not (_SENTENCE_END.search(line) and following[:1].isupper())


def joined(lines: Sequence[str], spans: Sequence[range]) -> list[str]:
    """Each paragraph's lines as one line, as the model reads it."""
    return [" ".join(lines[span.start : span.stop]) for span in spans]
