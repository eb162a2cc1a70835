"""Paragraphs a page repeats: the copies that come as part of a repeated passage are cut.

Pages repeat their body in hidden print or AMP variants, slideshows repeat a caption per slide,
and extractors then keep every copy (a body three times, half the long lines twice). Such a
copy comes with its neighbours: the line before or after it repeats the line before or after
the first copy. A lone repeat amid new lines is the page's own wording (a training plan's
"Warm up ..." every week, a recurring call to action) and stays: on wcxb-dev 36 of 59 lone
repeats were in the truth, against 8 of 286 repeats with a repeated neighbour. A line repeats
another when its letters and digits are the same; short lines ("Anzeige", "Share") repeat
legitimately in lists and are left to the filters.
"""

from __future__ import annotations

from cleaner.extract.headlines import key

MIN_REPEAT_KEY = 40  # letters and digits: a sentence, not a label


def drop_repeats(lines: list[str]) -> tuple[list[str], list[str]]:
    """(kept lines, cut copies) in order; the first copy of each paragraph stays."""
    keys = list(map(key, lines))  # once a line: key() is the costly part
    copies = _passage_copies([k for k in keys if len(k) >= MIN_REPEAT_KEY])
    kept: list[str] = []
    cut: list[str] = []
    n = 0  # index among the long lines
    for line, line_key in zip(lines, keys, strict=True):
        if len(line_key) < MIN_REPEAT_KEY:
            kept.append(line)
            continue
        (cut if n in copies else kept).append(line)
        n += 1
    return kept, cut


def _passage_copies(keys: list[str]) -> set[int]:
    """Indices of the lines that copy an earlier one together with a neighbour (short lines
    in between do not count: a slideshow copy has other labels)."""
    first: dict[str, int] = {}
    copies: set[int] = set()
    for i, line_key in enumerate(keys):
        earlier = first.setdefault(line_key, i)
        if earlier < i and any(_same(keys, i + step, earlier + step, earlier) for step in (-1, 1)):
            copies.add(i)
    return copies


def _same(keys: list[str], here: int, there: int, earlier: int) -> bool:
    """Whether the copy's neighbour `here` repeats the first copy's neighbour `there`."""
    inside = 0 <= there < len(keys) and here < len(keys)
    return inside and here != earlier and keys[here] == keys[there]
