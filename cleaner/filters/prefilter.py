"""Literal prefilters: skip a rule whose pattern cannot match anywhere in a document.

Most rules match nothing on most pages, yet each costs a regex search per line, and an
unanchored IGNORECASE alternation is slow in Python's engine. From a pattern's parse tree we
take, once, literals of which every match must contain one (for each branch of a top-level
alternation, its longest literal run). A substring test for them over the whole text is far
cheaper than the searches; when none is there, the rule is skipped. The test may say "maybe"
wrongly (then the rule runs as before), never "no" wrongly, so results stay identical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from re import _parser  # type: ignore[attr-defined]
from typing import Any

MIN_LITERAL = 3  # shorter literals are in nearly every text: not worth testing

# The characters an IGNORECASE pattern matches with an ASCII letter although str.lower() does
# not give that letter ('ſ' is an s, 'ı' and 'İ' are i, the Kelvin sign a k); folded first.
_ODD_CASES = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_TO_ASCII = str.maketrans(_ODD_CASES)
_ODD_CASE = re.compile("[" + "".join(_ODD_CASES) + "]")


def fold(text: str) -> str:
    """The text as the case-insensitive literals are tested against."""
    if has_odd_case(text):  # rare; translate() is slow on any text
        text = text.translate(_TO_ASCII)
    return text.lower()


def has_odd_case(text: str) -> bool:
    """Whether `text` holds a letter IGNORECASE matches with an ASCII letter other than the
    one str.lower() gives (never in ASCII text)."""
    return not text.isascii() and _ODD_CASE.search(text) is not None


@dataclass(frozen=True)
class Literals:
    """Every match of the pattern contains one of `options` (lowercase when `folded`)."""

    options: tuple[str, ...]
    folded: bool

    def found_in(self, text: str) -> bool:
        """Whether `text` (folded when the literals are) holds one of them."""
        return any(map(text.__contains__, self.options))  # no generator: twice as fast


def may_match(pattern: re.Pattern[str], text: str) -> bool:
    """False only when `pattern` cannot match anywhere in `text` (one line, say)."""
    literals = required_literals(pattern)
    if literals is None:
        return True
    return literals.found_in(fold(text) if literals.folded else text)


class Haystack:
    """One document's text for the tests, joined and folded only when a test needs it."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._text: str | None = None
        self._folded: str | None = None

    def may_match(self, pattern: re.Pattern[str]) -> bool:
        literals = required_literals(pattern)
        if literals is None:
            return True
        return literals.found_in(self.folded() if literals.folded else self.text())

    def text(self) -> str:
        if self._text is None:
            self._text = "\n".join(self.lines)
        return self._text

    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text())
        return self._folded


@cache
def required_literals(pattern: re.Pattern[str]) -> Literals | None:
    """Literals one of which every match contains, or None when there are none worth testing."""
    folded = bool(pattern.flags & re.IGNORECASE)
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags))
        options = _of_sequence(items, folded) if _slow_search(items, folded) else None
    except Exception:  # an unforeseen construct: no prefilter, the rule always runs
        return None
    if not options or not all(map(_worth_testing, options)):
        return None
    return Literals(tuple(sorted({fold(o) if folded else o for o in options})), folded)


def _worth_testing(literal: str) -> bool:
    """Short ASCII literals are in nearly every text; a symbol such as '©' is not."""
    return len(literal) >= MIN_LITERAL or not literal.isascii()


def _slow_search(items: list[tuple[Any, Any]], folded: bool) -> bool:
    """Whether searching each line costs more than the substring tests. Not for a pattern
    anchored at the line start (tried at one position only), nor for a case-sensitive one
    that starts with a literal (the engine scans for that prefix as fast as `in` does)."""
    if not items:
        return False
    op, arg = items[0]
    if op is _parser.AT and arg is _parser.AT_BEGINNING:
        return False
    return folded or op is not _parser.LITERAL


Options = frozenset[str] | None  # literals one of which any match holds; None: unknown


def _of_sequence(items: list[tuple[Any, Any]], folded: bool) -> Options:
    """The best requirement of a sequence: its longest literal run or that of a part."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in items:
        if op is _parser.LITERAL and _usable(arg, folded):
            run.append(chr(arg))
            continue
        candidates.append(frozenset(["".join(run)]))
        run = []
        inner = _of_item(op, arg, folded)
        if inner is not None:
            candidates.append(inner)
    candidates.append(frozenset(["".join(run)]))
    return max(candidates, key=lambda c: min(map(len, c)), default=None)


def _of_item(op: Any, arg: Any, folded: bool) -> Options:
    if op is _parser.SUBPATTERN:
        _group, add_flags, del_flags, items = arg
        if add_flags or del_flags:  # inline flags change case rules: do not guess
            return None
        return _of_sequence(list(items), folded)
    if op is _parser.BRANCH:
        branches = [_of_sequence(list(items), folded) for items in arg[1]]
        if any(b is None or min(map(len, b)) == 0 for b in branches):
            return None  # a branch without a literal: the alternation requires nothing
        return frozenset().union(*branches)  # type: ignore[arg-type]
    if op in (_parser.MAX_REPEAT, _parser.MIN_REPEAT, _parser.POSSESSIVE_REPEAT):
        low, _high, items = arg
        return _of_sequence(list(items), folded) if low >= 1 else None
    if op is _parser.ATOMIC_GROUP:
        return _of_sequence(list(arg), folded)
    return None  # classes, anchors, lookarounds, backreferences: no literal


def _usable(code: int, folded: bool) -> bool:
    """Case-insensitive literals keep to ASCII, whose case rules `fold` covers exactly, and
    to characters without case ('©', '·'), which IGNORECASE matches only as themselves."""
    return not folded or code < 128 or not _is_cased(chr(code))


def _is_cased(char: str) -> bool:
    return char.lower() != char or char.upper() != char


def any_match(pattern: re.Pattern[str], text: str) -> bool:
    """`pattern.search(text) is not None`, found faster for a long alternation: only the
    top-level branches whose literals `text` holds are searched (a match of the whole is a
    match of one branch, so the answer is the same)."""
    index = branch_index(pattern)
    if index is None:
        return pattern.search(text) is not None
    haystack = fold(text) if index.folded else text
    for branch in index.always:
        if branch.search(text):
            return True
    for literal, branches in index.by_literal.items():  # plain loops: this runs per line
        if literal in haystack:
            for branch in branches:
                if branch.search(text):
                    return True
    return False


@dataclass(frozen=True)
class BranchIndex:
    """A pattern's top-level branches by the literals that each needs."""

    folded: bool
    always: tuple[re.Pattern[str], ...]  # branches without a literal to test
    by_literal: dict[str, tuple[re.Pattern[str], ...]]


@cache
def branch_index(pattern: re.Pattern[str]) -> BranchIndex | None:
    """None when splitting could change the pattern: groups (their numbers would change),
    global inline flags (only the first branch would hold them), verbose mode (a '|' in a
    comment), or a part that does not compile alone."""
    source = pattern.pattern
    if pattern.groups or pattern.flags & re.VERBOSE or re.match(r"\(\?[aiLmsux]+\)", source):
        return None
    try:
        branches = [re.compile(part, pattern.flags) for part in _top_level_parts(source)]
    except re.error:
        return None
    always: list[re.Pattern[str]] = []
    by_literal: dict[str, tuple[re.Pattern[str], ...]] = {}
    for branch in branches:
        literals = required_literals(branch)
        if literals is None:
            always.append(branch)
            continue
        for option in literals.options:
            by_literal[option] = (*by_literal.get(option, ()), branch)
    folded = bool(pattern.flags & re.IGNORECASE)
    return BranchIndex(folded, tuple(always), by_literal)


def _top_level_parts(source: str) -> list[str]:
    """`source` split at the '|' outside groups and character classes."""
    parts, start, depth, i = [], 0, 0, 0
    while i < len(source):
        char = source[i]
        if char == "\\":
            i += 1
        elif char == "[":
            i = _class_end(source, i)
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    return [*parts, source[start:]]


def _class_end(source: str, i: int) -> int:
    """The index of the ']' closing the class opened at `i` (a ']' first in it is literal)."""
    i += 2 if source[i + 1 : i + 2] == "^" else 1
    i += 1 if source[i : i + 1] == "]" else 0
    while i < len(source) and source[i] != "]":
        i += 2 if source[i] == "\\" else 1
    return i
