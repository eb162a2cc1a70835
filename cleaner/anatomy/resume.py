"""Body text that resumes after a box: the article goes on below an inline teaser or ad.

An app prompt, a newsletter box or a "Lesen Sie auch" teaser between two paragraphs is a few
short lines; the model cuts them, and reading them as the article's end it often cuts the
paragraphs after them too. Paragraphs are told from furniture by what they are: a run of two
or more prose lines (sentences dense in function words, one of them long), or one paragraph
longer than any teaser's deck, a few lines below the body is more article, while the box
between stays cut. On the held-out dev folds the runs are body in 89% of their characters on
fundus-de-dev, all on the text cases, 63% on wcxb-dev (where comment threads are such runs
too); `--cv 3` fundus-de-dev 0.898 -> 0.914, wcxb-dev 0.892 -> 0.895.

Between two kept stretches a shorter lone paragraph is body too: the article goes on below
it, so it is no teaser's deck at the article's end (an agency's "about us" blurb, a bio) but
a paragraph cut with the box above it (an ad label, a crosshead's teaser). Held out (`--cv
3`) fundus-de-dev 0.914 -> 0.919, wcxb-dev 0.899 -> 0.900, text cases unchanged.

Right below a kept paragraph, a cut paragraph of the same weight (both at least a long
sentence) is the article's last one, not its tail: teasers, bios and prompts the model cuts
there are shorter or sit below a heading or a label; a paragraph that opens with a name of
the byline ("John Example covers Congress ...") is the author's bio. Held out (`--cv 3`)
fundus-de-dev 0.919 -> 0.923, wcxb-dev 0.900 -> 0.900, text cases 11/23 -> 12/23.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.anatomy.bio import byline_words, opens_with_byline_name
from cleaner.anatomy.layout import MIN_PROSE_WORDS, prose_words
from cleaner.anatomy.roles import KEEP, Role
from cleaner.filters.stopwords import pick_language

RESUME_NAME = "anatomy.resume"  # how explain names a role this module changed
MAX_BOX_LINES = 6  # a box between paragraphs is at most this many lines
MIN_RUN_LINES = 2  # one prose line under a box is a teaser's deck
MIN_LONGEST_WORDS = 20  # one paragraph of the run is this long
MIN_RUN_WORDS = 40
LONE_PARAGRAPH_WORDS = 60  # a teaser's deck is shorter than this
INNER_PARAGRAPH_WORDS = 30  # the same, where kept text follows further down
PARAGRAPH_BELOW_WORDS = 12  # a paragraph right below a kept one, both this long, is body


def resumed_roles(lines: Sequence[str], roles: Sequence[Role], hint: str | None) -> list[Role]:
    """The roles, with runs of cut paragraphs just below kept text kept as body."""
    language = pick_language(lines, hint)
    sizes = [prose_words(line, language) for line in lines]
    out, last_kept = list(roles), -1
    bylined = byline_words(lines, roles)
    final_kept = max((i for i, role in enumerate(roles) if role in KEEP), default=-1)
    i = 0
    while i < len(lines):
        if roles[i] in KEEP:
            last_kept, i = i, i + 1
            continue
        end = _cut_prose_run(roles, sizes, i)
        near = last_kept >= 0 and i - last_kept - 1 <= MAX_BOX_LINES
        below = _paragraph_below(lines, sizes, last_kept, i, bylined)
        if below or (near and _paragraphs(sizes[i:end], inside=end <= final_kept)):
            out[i:end] = ["body"] * (end - i)
        i = max(end, i + 1)
    return out


def _paragraph_below(
    lines: Sequence[str], sizes: Sequence[int], last_kept: int, i: int, bylined: set[str]
) -> bool:
    """Whether line i is a paragraph right below a kept one, both long, and no author's bio."""
    if last_kept < 0 or last_kept != i - 1:
        return False
    long = min(sizes[last_kept], sizes[i]) >= PARAGRAPH_BELOW_WORDS
    return long and not opens_with_byline_name(lines[i], bylined)


def _cut_prose_run(roles: Sequence[Role], sizes: Sequence[int], start: int) -> int:
    """The end of the run of cut prose lines from `start` (start itself: no such run); a
    line cut into a field (a caption) stays there."""
    end = start
    while end < len(roles) and roles[end] == "boiler" and sizes[end] >= MIN_PROSE_WORDS:
        end += 1
    return end


def _paragraphs(sizes: Sequence[int], inside: bool) -> bool:
    """Whether a run of cut prose lines is paragraphs of the article; `inside`: kept text
    follows below the run."""
    lone = INNER_PARAGRAPH_WORDS if inside else LONE_PARAGRAPH_WORDS
    if sizes and max(sizes) >= lone:
        return True
    return (
        len(sizes) >= MIN_RUN_LINES
        and max(sizes) >= MIN_LONGEST_WORDS
        and sum(sizes) >= MIN_RUN_WORDS
    )
