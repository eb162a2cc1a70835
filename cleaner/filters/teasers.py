"""Teaser lists: runs of (kicker, headline, one short blurb) units around the article.

jusText's context pass keeps them, since each blurb is a real sentence next to other
"body". But a body section is a crosshead followed by paragraphs, often long ones, whereas
a teaser list repeats the same small unit: one to three lines that are not sentences, then a
single short sentence line. Several such units in a row are a list of other articles.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.config import ClassifierSettings
from cleaner.filters.linefeatures import LineFeatures

MAX_HEAD_LINES = 3  # kicker, headline, date or author line above a blurb


def teaser_units(features: Sequence[LineFeatures], s: ClassifierSettings) -> list[range]:
    """Runs of at least `s.teaser_min_units` back-to-back teaser units, as line ranges."""
    runs: list[range] = []
    units: list[range] = []
    i = 0
    while i < len(features):
        end = _unit(features, i, s)
        if end is None:
            _close(runs, units, features, s)
            units, i = [], i + 1
            continue
        units.append(range(i, end))
        i = end
    _close(runs, units, features, s)
    return runs


def _unit(features: Sequence[LineFeatures], i: int, s: ClassifierSettings) -> int | None:
    """The index after the unit starting at i, or None if no unit starts there."""
    j = i
    while j < len(features) and j - i < MAX_HEAD_LINES and _head(features[j], s):
        j += 1
    if j == i or j >= len(features):
        return None
    blurb = features[j]
    ok = blurb.sentence and not blurb.colon and blurb.chars <= s.teaser_blurb_chars
    return j + 1 if ok else None


def _head(f: LineFeatures, s: ClassifierSettings) -> bool:
    return not f.sentence and f.chars <= s.teaser_head_chars


def _close(
    runs: list[range], units: list[range], features: Sequence[LineFeatures], s: ClassifierSettings
) -> None:
    # Right after a body paragraph, the first unit is the article's last section (a crosshead
    # and a short paragraph), not the first teaser.
    if units and units[0].start > 0 and _paragraph(features[units[0].start - 1], s):
        units = units[1:]
    if len(units) >= s.teaser_min_units:
        runs.append(range(units[0].start, units[-1].stop))


def _paragraph(f: LineFeatures, s: ClassifierSettings) -> bool:
    return f.sentence and f.chars >= s.good_chars
