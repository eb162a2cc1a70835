"""Stop-word lists (data files in filters/stopwords/) and the language they point to.

Running prose is dense in function words ("der", "und", "the", "of"); menus, captions and
credits are not. The classifier only needs to know which list fits a document best, so the
language is chosen here by stop-word hits, which is deterministic and needs no model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from importlib import resources
from itertools import repeat

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


@lru_cache(maxsize=16384)
def line_tokens(line: str) -> tuple[str, ...]:
    """words(line), cached by line: the role features, the prose test and the language pick
    each read a line's tokens."""
    return tuple(words(line))


def pick_language(lines: Sequence[str], hint: str | None = None) -> str | None:
    """The list with the highest stop-word share over the document (the hint wins ties)."""
    sums = [sum(column) for column in zip(*map(_line_hits, lines), strict=True)]
    if not sums or not sums[0]:
        return None
    total, *hits = sums
    best, best_share = None, MIN_DOC_DENSITY
    for code, n in zip(stoplists(), hits, strict=True):
        share = n / total
        if share > best_share or (share == best_share and code == hint):
            best, best_share = code, share
    return best


@lru_cache(maxsize=16384)
def _line_hits(line: str) -> tuple[int, ...]:
    """(tokens, stop-word hits of each list in stoplists() order) of one line, cached: the
    role model picks the language again for every pass over a document's remaining lines."""
    tokens = line_tokens(line)
    if len(tokens) >= _FIELD_LIMIT:  # a count could spill into the next field
        return (len(tokens), *(_hits(tokens, stops) for stops in stoplists().values()))
    total = sum(map(_packed().get, tokens, repeat(0)))  # every list counted in one pass
    fields = range(0, _FIELD_BITS * len(stoplists()), _FIELD_BITS)
    return (len(tokens), *((total >> shift) & (_FIELD_LIMIT - 1) for shift in fields))


_FIELD_BITS = 32  # one list's hits per bit field of an int; a line has fewer tokens
_FIELD_LIMIT = 1 << _FIELD_BITS


@cache
def _packed() -> dict[str, int]:
    """Every stop word with the lists that hold it as one int: 1 in the j-th bit field for
    the j-th list of stoplists(). Summed over a line's tokens, field j counts list j's hits
    (no field reaches _FIELD_LIMIT, so none carries into the next)."""
    packed: dict[str, int] = {}
    for j, stops in enumerate(stoplists().values()):
        for word in stops:
            packed[word] = packed.get(word, 0) + (1 << (_FIELD_BITS * j))
    return packed


def _hits(tokens: Sequence[str], stops: frozenset[str]) -> int:
    return sum(map(stops.__contains__, tokens))


def line_density(line: str, language: str | None) -> float:
    """density(line_tokens(line), language), from the hits pick_language has counted."""
    if language is None:
        return 0.0
    total, *hits = _line_hits(line)
    return hits[_list_index()[language]] / total if total else 0.0


@cache
def _list_index() -> dict[str, int]:
    return {code: j for j, code in enumerate(stoplists())}


def density(tokens: Sequence[str], language: str | None) -> float:
    """Share of tokens that are stop words of `language` (0.0 when it is unknown)."""
    if not tokens or language is None:
        return 0.0
    return _hits(tokens, stoplists()[language]) / len(tokens)
