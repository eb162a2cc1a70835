"""Stop-word lists (data files in filters/stopwords/) and the language they point to.

Running prose is dense in function words ("der", "und", "the", "of"); menus, captions and
credits are not. The classifier only needs to know which list fits a document best, so the
language is chosen here by stop-word hits, which is deterministic and needs no model.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from importlib import resources

WORD = re.compile(r"\w+")
MIN_DOC_DENSITY = 0.08  # below this no list fits: stop-word density is not used at all


@cache
def stoplists() -> dict[str, frozenset[str]]:
    """Every shipped list by ISO 639-1 code, loaded once."""
    folder = resources.files("cleaner.filters") / "stopwords"
    lists = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            words = entry.read_text("utf-8").split("\n")
            lists[entry.name[:-4]] = frozenset(w for w in words if w and not w.startswith("#"))
    return lists


def words(line: str) -> list[str]:
    """Lower-cased word tokens, as the stop lists hold them."""
    return [w.lower() for w in WORD.findall(line)]


def pick_language(lines: Sequence[str], hint: str | None = None) -> str | None:
    """The list with the highest stop-word share over the document (the hint wins ties)."""
    counts = Counter(w for line in lines for w in words(line))
    if not counts:
        return None
    total = sum(counts.values())
    best, best_share = None, MIN_DOC_DENSITY
    for code, stops in stoplists().items():
        share = sum(n for token, n in counts.items() if token in stops) / total
        if share > best_share or (share == best_share and code == hint):
            best, best_share = code, share
    return best


def density(tokens: Sequence[str], language: str | None) -> float:
    """Share of tokens that are stop words of `language` (0.0 when it is unknown)."""
    if not tokens or language is None:
        return 0.0
    stops = stoplists()[language]
    return sum(t in stops for t in tokens) / len(tokens)
