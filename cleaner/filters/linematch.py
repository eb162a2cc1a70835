"""`any_match` for every line of a document at once, and a per-line cache it fills.

The role features ask a long vocabulary alternation of every line; `prefilter.any_match`
tests each of its ~80 literals against each line. Looking for each literal once in the
document's joined, folded text and searching a line only for the branches whose literals
occur in it gives the same answers for a fraction of the tests (a literal holds no newline,
so an occurrence lies inside one line; folding keeps every character's offset).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from cleaner.filters.prefilter import any_match, branch_index, fold

CACHE_LINES = 16384  # lines remembered per pattern (then the cache starts afresh)


def any_match_lines(pattern: re.Pattern[str], lines: Sequence[str]) -> list[bool]:
    """[any_match(pattern, line) for line in lines], the literals looked for once."""
    index = branch_index(pattern)
    if index is None or any("\n" in literal for literal in index.by_literal):
        return [any_match(pattern, line) for line in lines]
    text = "\n".join(lines)
    haystack = fold(text) if index.folded else text
    if len(haystack) != len(text):  # folding moved offsets (it never should): line by line
        return [any_match(pattern, line) for line in lines]
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    candidates: list[list[re.Pattern[str]]] = [list(index.always) for _ in lines]
    for literal, branches in index.by_literal.items():
        at = haystack.find(literal)
        while at != -1:
            i = bisect_right(starts, at) - 1
            candidates[i] += branches
            at = haystack.find(literal, starts[i + 1])  # one occurrence per line is enough
    return [_any_search(branches, line) for branches, line in zip(candidates, lines, strict=True)]


def _any_search(branches: list[re.Pattern[str]], line: str) -> bool:
    return any(branch.search(line) for branch in branches)


class LineMatches:
    """`any_match(pattern, line)`, cached by line; `learn` answers a document's new lines
    together (any_match_lines), so that the per-line calls after it are lookups."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self._known: dict[str, bool] = {}

    def __call__(self, line: str) -> bool:
        known = self._known.get(line)
        if known is None:
            known = self._remember([line], [any_match(self.pattern, line)])
        return known

    def learn(self, lines: Sequence[str]) -> None:
        new = [line for line in dict.fromkeys(lines) if line not in self._known]
        if new:
            self._remember(new, any_match_lines(self.pattern, new))

    def cache_clear(self) -> None:
        self._known.clear()

    def _remember(self, lines: list[str], answers: list[bool]) -> bool:
        if len(self._known) + len(lines) > CACHE_LINES:
            self._known.clear()
        self._known.update(zip(lines, answers, strict=True))
        return answers[-1]
