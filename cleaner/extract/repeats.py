"""Paragraphs a page repeats: the second and later copies are cut.

Pages repeat their body in hidden print or AMP variants, slideshows repeat a caption per slide,
and extractors then keep every copy (a body three times, half the long lines twice). A line
repeats another when its letters and digits are the same; short lines ("Anzeige", "Share")
repeat legitimately in lists and are left to the filters.
"""

from __future__ import annotations

from cleaner.extract.headlines import key

MIN_REPEAT_KEY = 40  # letters and digits: a sentence, not a label


def drop_repeats(lines: list[str]) -> tuple[list[str], list[str]]:
    """(kept lines, cut copies) in order; the first copy of each paragraph stays."""
    seen: set[str] = set()
    kept: list[str] = []
    cut: list[str] = []
    for line in lines:
        line_key = key(line)
        if len(line_key) >= MIN_REPEAT_KEY and line_key in seen:
            cut.append(line)
            continue
        seen.add(line_key)
        kept.append(line)
    return kept, cut
