"""Lists of headings that are furniture, though each line looks like a crosshead.

- A table of contents: "Auf dieser Seite:", "In this article": a page lists its crossheads
  before the body, and a text dump keeps both copies. The crossheads belong to the article;
  the run that lists them again, earlier, is furniture. Only the first copies go, so
  cleaning the result again changes nothing (the crossheads left no longer repeat).
- Not furniture, the other way round: a run of bulleted items the model cut between two kept
  lines of the body is a list of the article (another extractor's text marks list items
  with "- "; a training plan, a list of pros and cons), kept.
- A teaser box inside the body: a label the model cut ("RELATED COVERAGE", "Mehr zum Thema")
  with a run of two or more headlines under it and the article's prose after it. A crosshead
  stands alone between paragraphs; headlines in a run under a label are other articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from cleaner.anatomy.grammar import SENTENCE_END, headline_shaped
from cleaner.anatomy.roles import KEEP, Role

CONTENTS_NAME = "anatomy.contents"  # how explain names a role this module changed
MIN_ENTRIES = 2  # one repeated heading is a crosshead printed twice, not a table
MAX_ENTRY_WORDS = 12
MAX_LABEL_WORDS = 5  # "RELATED COVERAGE", "Mehr zum Thema", "Das könnte Sie interessieren"
TEASER_WORDS = (4, 20)  # a headline: more than a label, less than a paragraph


def contents_roles(lines: Sequence[str], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the kept lines of a table of contents made furniture (the entries
    the model cut already count for the run: it may keep one and cut its neighbour)."""
    last_kept = {lines[i]: i for i, role in enumerate(roles) if role in KEEP}
    listed = [i for i, role in enumerate(roles) if role in KEEP or _listed(lines, i, last_kept)]
    out, run = list(roles), []
    for i in listed:
        if _listed(lines, i, last_kept):
            run.append(i)
            continue
        _cut(out, run)
        run = []
    _cut(out, run)
    return out


# "- item", "• item": a list item as text extractors write it
_BULLET = re.compile(r"^[-–•*·▪]\s+\S")


def list_roles(lines: Sequence[str], roles: Sequence[Role]) -> list[Role]:
    """The roles, with runs of bulleted items cut inside the body kept as its lists."""
    out = list(roles)
    kept = [i for i, role in enumerate(out) if role in KEEP]
    for before, after in pairwise(kept):
        run = range(before + 1, after)
        if run and all(out[i] == "boiler" and _BULLET.match(lines[i]) for i in run):
            out[before + 1 : after] = ["body"] * len(run)
    return out


def teaser_roles(lines: Sequence[str], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the headline runs of teaser boxes inside the body made furniture."""
    out = list(roles)
    for i in range(1, len(lines) - 1):
        if out[i - 1] in KEEP and out[i] == "boiler" and len(lines[i].split()) <= MAX_LABEL_WORDS:
            run = _headline_run(lines, out, i + 1)
            after = run[-1] + 1 if run else i + 1
            if after < len(lines) and out[after] in KEEP and SENTENCE_END.search(lines[after]):
                _cut(out, run)
    return out


def _headline_run(lines: Sequence[str], roles: Sequence[Role], start: int) -> list[int]:
    run, j = [], start
    while j < len(lines) and roles[j] in KEEP and _is_teaser_headline(lines[j]):
        run.append(j)
        j += 1
    return run


def _is_teaser_headline(line: str) -> bool:
    return headline_shaped(line, TEASER_WORDS)


def _cut(roles: list[Role], run: list[int]) -> None:
    if len(run) >= MIN_ENTRIES:
        for i in run:
            roles[i] = "boiler"


def _listed(lines: Sequence[str], i: int, last_kept: dict[str, int]) -> bool:
    """A heading whose copy is kept further down: an entry of a table of contents."""
    return _is_heading(lines[i]) and last_kept.get(lines[i], -1) > i


def _is_heading(line: str) -> bool:
    return headline_shaped(line, (0, MAX_ENTRY_WORDS))
