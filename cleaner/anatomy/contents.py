"""A table of contents: a run of heading lines that reappear further down the article.

"Auf dieser Seite:", "In this article": a page lists its crossheads before the body, and a
text dump keeps both copies. The crossheads belong to the article; the run that lists them
again, earlier, is furniture. Only the first copies go, so cleaning the result again changes
nothing (the crossheads left no longer repeat).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.anatomy.roles import KEEP, Role

CONTENTS_NAME = "anatomy.contents"  # how explain names a role this module changed
MIN_ENTRIES = 2  # one repeated heading is a crosshead printed twice, not a table
MAX_ENTRY_WORDS = 12
_SENTENCE_END = re.compile(r"[.!?][\"'”“«»’)\]]*$")


def contents_roles(lines: Sequence[str], roles: Sequence[Role]) -> list[Role]:
    """The roles, with the kept lines of a table of contents made furniture."""
    kept = [i for i, role in enumerate(roles) if role in KEEP]
    last_at = {lines[i]: pos for pos, i in enumerate(kept)}
    out, run = list(roles), []
    for pos, i in enumerate(kept):
        if _is_heading(lines[i]) and last_at[lines[i]] > pos:
            run.append(i)
            continue
        _cut(out, run)
        run = []
    _cut(out, run)
    return out


def _cut(roles: list[Role], run: list[int]) -> None:
    if len(run) >= MIN_ENTRIES:
        for i in run:
            roles[i] = "boiler"


def _is_heading(line: str) -> bool:
    return len(line.split()) <= MAX_ENTRY_WORDS and not _SENTENCE_END.search(line)
