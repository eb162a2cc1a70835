"""Line features for the role model: general evidence only, as crfsuite string features.

Every line is described by its shape (length, sentence end, case, digits), its language
(stop-word share), date/time, byline and dateline grammar, boilerplate vocabulary, repetition,
its position relative to the body block, and the same shape features of its neighbours. No
feature names a site or an outlet; the first and last word of a short line is the only
lexical evidence (it is what tells "Von"/"By"/"Foto"/"Share" apart in any outlet's furniture).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from cleaner.anatomy.address import address_features
from cleaner.anatomy.grammar import (
    BYLINE_START,
    DATELINE,
    NAME_LIST,
    SENTENCE_END,
    credit_words,
    has_time,
    is_credit,
    without_initials,
)
from cleaner.anatomy.layout import layout_features, prose_words
from cleaner.filters.stopwords import line_density, line_tokens, pick_language, words
from cleaner.filters.vocabulary import has_strong, weak_count
from cleaner.metadata.dates import to_iso

_ANCHOR_WORDS = 18  # a line this long, prose-dense and ending a sentence is surely body
BLOCK_LINE_COST = 40.0  # a line that is not prose costs the body block this many characters
_LEXICAL_WORDS = 8  # first/last word features only for lines this short
CONTEXT = (-2, -1, 1, 2)
_SEPARATOR = re.compile("[|•·›»>]")  # menus and breadcrumbs ("Home › Politik")
_ASCII_LOWER = re.compile("[a-z]")
Features = list[str]


@dataclass(frozen=True)
class _Doc:
    """What the whole document says about each of its lines."""

    language: str | None
    counts: Counter[str]
    first_anchor: int
    last_anchor: int
    head: str
    head_words: frozenset[str]  # words of the first line (a dump's page title)
    first_at: dict[str, int]  # where each line first occurs (a TOC line comes before its copy)


def featurize(lines: Sequence[str], hint: str | None = None) -> list[Features]:
    """One feature list per line, with the shape of its neighbours folded in."""
    has_strong.learn(lines)  # the vocabulary tests of the new lines, for the whole page at once
    credit_words.learn(lines)
    doc = _document(lines, hint)
    facts = [_facts(line, doc.language) for line in lines]
    heads = [_head(f.tokens, doc.head_words) for f in facts]
    heads_seen = [_head_contexts(head) for head in heads]  # as the neighbours see them
    layout = layout_features(lines, doc.language, (doc.first_anchor, doc.last_anchor))
    address = address_features(lines, doc.language)
    n, out = len(lines), []
    for i, fact in enumerate(facts):
        feats = _own(lines[i], i, n, doc, heads[i], fact)
        feats += layout[i]
        feats += address[i]
        edges = []
        for d in CONTEXT:  # the neighbours' shapes ('-1:len=2', ...), then the missing ones
            if 0 <= i + d < n:
                feats += facts[i + d].context[d]
                feats.append(heads_seen[i + d][d])
            else:
                edges.append(_EDGE[d])
        out.append(feats + edges)
    return out


@dataclass(frozen=True)
class _Facts:
    """What a line says about itself, whatever document it is in (computed once per line)."""

    tokens: tuple[str, ...]
    shape: tuple[str, ...]  # the shape features but `head` (that one needs the document)
    grammar: tuple[str, ...]
    lexical: tuple[str, ...]
    anchor: bool
    context: Mapping[int, tuple[str, ...]]  # `shape` as the line's neighbours see it, by offset


@lru_cache(maxsize=16384)
def _facts(line: str, language: str | None) -> _Facts:
    """Cached by line: the model tags a document again after each round of cuts, and the
    lines it tags then are mostly the ones it has just seen."""
    tokens = line_tokens(line)
    shape = tuple(_shape(line, tokens, language))
    return _Facts(
        tokens,
        shape,
        tuple(_grammar(line, tokens)),
        tuple(_lexical(tokens)),
        prose_words(line, language) >= _ANCHOR_WORDS,
        _contexts(shape),
    )


@lru_cache(maxsize=4096)
def _contexts(shape: tuple[str, ...]) -> Mapping[int, tuple[str, ...]]:
    """A shape as the line's neighbours see it, by offset ('-1:len=2', ...); few distinct
    shapes, so made once each."""
    return {d: tuple(_at(d, feature) for feature in shape) for d in CONTEXT}


@lru_cache(maxsize=4096)
def _at(offset: int, feature: str) -> str:
    """A neighbour's feature as this line sees it ('-1:len=2'); few distinct ones."""
    return f"{offset}:{feature}"


@lru_cache(maxsize=64)
def _head_contexts(head: str) -> Mapping[int, str]:
    """A line's `head` feature as each neighbour sees it (four distinct values in all)."""
    return {d: _at(d, head) for d in CONTEXT}


_EDGE = {d: f"{d}:edge" for d in CONTEXT}


def _document(lines: Sequence[str], hint: str | None) -> _Doc:
    language = pick_language(lines, hint)
    first, last = _main_block(lines, language)
    head = lines[0] if lines else ""
    first_at: dict[str, int] = {}
    for i, line in enumerate(lines):
        first_at.setdefault(line, i)
    return _Doc(language, Counter(lines), first, last, head, frozenset(words(head)), first_at)


def _main_block(lines: Sequence[str], language: str | None) -> tuple[int, int]:
    """The stretch of the page richest in prose (best-sum run, Kadane): an article is one
    run of paragraphs, teasers and furniture around it are runs of short or listed lines."""
    best, span, total, start = 0.0, (len(lines), len(lines)), 0.0, 0
    for i, line in enumerate(lines):
        if total <= 0:
            total, start = 0.0, i
        anchor = _facts(line, language).anchor
        total += len(line) if anchor else -(BLOCK_LINE_COST + 0.2 * len(line))
        if total > best:
            best, span = total, (start, i)
    return span


def _own(line: str, i: int, n: int, doc: _Doc, head: str, fact: _Facts) -> Features:
    feats = ["bias", *fact.shape, head, *fact.grammar]
    feats += _position(i, n, doc)
    feats += fact.lexical
    if doc.counts[line] > 1:
        feats.append("repeated")
        feats.append("copy_later" if doc.first_at[line] == i else "copy_earlier")
    if i and line == doc.head:
        feats.append("repeats_first")
    return feats


def _shape(line: str, tokens: Sequence[str], language: str | None) -> Features:
    """Features a line's neighbours also report about it (but `head`, see _head)."""
    split = line.split()
    capitalised = sum([w[0].isupper() for w in split]) / max(len(split), 1)  # (w never empty)
    return [
        f"len={_bucket(len(line), (15, 30, 60, 100, 200))}",
        f"words={_bucket(len(tokens), (1, 2, 3, 6, 12, 25))}",
        f"end={_ending(without_initials(line))}",
        f"stop={_bucket(line_density(line, language), (0.01, 0.1, 0.2, 0.3, 0.4))}",
        f"caps={_bucket(capitalised, (0.3, 0.6, 0.99))}",
        f"upper={_upper(line)}",
        f"digits={_bucket(sum(map(str.isdigit, line)) / max(len(line), 1), (0.01, 0.1, 0.3))}",
        f"date={to_iso(line) is not None}",
        f"vocab={has_strong(line)}",
        f"weak={_bucket(weak_count(line, tokens) / max(len(tokens), 1), (0.01, 0.3, 0.6))}",
    ]


def _head(tokens: Sequence[str], head_words: frozenset[str]) -> str:
    return f"head={_bucket(_overlap(tokens, head_words), (0.3, 0.6, 0.9))}"


def _grammar(line: str, tokens: Sequence[str]) -> Features:
    feats = []
    if has_time(line):
        feats.append("time")
    if BYLINE_START.match(line):
        feats.append("byline_start")
    if NAME_LIST.fullmatch(line):
        feats.append("names_only")
    if DATELINE.match(line):
        feats.append("dateline")
    if is_credit(line):
        feats.append("credit")
    if line[:1].islower():
        feats.append("starts_lower")
    if line.startswith(("(", "[")) and line.endswith((")", "]")):
        feats.append("bracketed")
    if len(tokens) < 25 and _SEPARATOR.search(line):
        feats.append("separators")
    if "http" in line or "www." in line or "@" in line:
        feats.append("address")
    return feats


_FROM_EDGE = (0, 1, 2, 5, 10, 20)  # lines from the top or the end, bucketed
_SIGNED_SPAN = 7  # _signed says the same of every offset this far or farther


def _position(i: int, n: int, doc: _Doc) -> Features:
    return [
        _FROM_TOP[min(i, len(_FROM_TOP) - 1)],
        _FROM_END[min(n - 1 - i, len(_FROM_END) - 1)],
        _BLOCK[doc.first_anchor <= i <= doc.last_anchor],
        _TO_BODY[_clamped(i - doc.first_anchor)],
        _AFTER_BODY[_clamped(i - doc.last_anchor)],
    ]


def _clamped(offset: int) -> int:
    return max(-_SIGNED_SPAN, min(_SIGNED_SPAN, offset))


def _lexical(tokens: Sequence[str]) -> Features:
    if not tokens or len(tokens) > _LEXICAL_WORDS:
        return []
    first, last = tokens[0], tokens[-1]
    return [f"w0={'#' if first.isdigit() else first}", f"w-1={'#' if last.isdigit() else last}"]


def _upper(line: str) -> bool:
    """More than two letters, all upper case. A line with an ASCII lower-case letter (nearly
    every line) has one that is not: no need to collect its letters."""
    if _ASCII_LOWER.search(line):
        return False
    letters = "".join(filter(str.isalpha, line))
    return len(letters) > 2 and _all_upper(letters)


def _all_upper(letters: str) -> bool:
    """Every letter upper case; str.isupper first (it is true whenever this is, and false
    for nearly every line), as it ignores uncased letters this test does not."""
    return letters.isupper() and sum(map(str.isupper, letters)) == len(letters)


def _ending(line: str) -> str:
    if line.endswith(("...", "…")):
        return "ellipsis"
    if SENTENCE_END.search(line):
        return "sentence"
    if line.endswith(":"):
        return "colon"
    if line[-1:].isdigit():
        return "digit"
    return "open" if line[-1:].isalpha() else "other"


def _overlap(tokens: Sequence[str], head_words: frozenset[str]) -> float:
    if not tokens or not head_words:
        return 0.0
    return sum(map(head_words.__contains__, tokens)) / len(tokens)


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    """The index of the first edge `value` does not exceed (len(edges) when above all)."""
    return bisect_left(edges, value)


def _signed(offset: int) -> str:
    """Distance to the body block, coarse beyond a few lines."""
    if offset < -6:
        return "far_before"
    if offset > 6:
        return "far_after"
    return str(offset)


# The position features as strings made once (a line's position changes with every pass).
_FROM_TOP = tuple(f"from_top={_bucket(i, _FROM_EDGE)}" for i in range(_FROM_EDGE[-1] + 2))
_FROM_END = tuple(f"from_end={_bucket(i, _FROM_EDGE)}" for i in range(_FROM_EDGE[-1] + 2))
_BLOCK = {flag: f"block={flag}" for flag in (False, True)}
_OFFSETS = range(-_SIGNED_SPAN, _SIGNED_SPAN + 1)
_TO_BODY = {offset: f"to_body={_signed(offset)}" for offset in _OFFSETS}
_AFTER_BODY = {offset: f"after_body={_signed(offset)}" for offset in _OFFSETS}
