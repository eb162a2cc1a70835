"""The closed set of rule kinds. Each applies one rule to a document's lines in place.

Every cut is recorded on the document with the rule id, so nothing vanishes untraced.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from cleaner.document import Document
from cleaner.filters.base import Rule, Stage
from cleaner.metadata.fields import set_field


def _window(rule: Rule, lines: list[str]) -> range:
    """Indices of the lines a rule looks at."""
    if rule.where == "head":
        return range(min(rule.window, len(lines)))
    if rule.where == "tail":
        # Never the top half: once a trailer is cut, a short text's first line must not
        # slide into the window, or cleaning the output again would cut more (idempotence).
        return range(max(len(lines) // 2, len(lines) - rule.window), len(lines))
    return range(len(lines))


# Boilerplate lines are short; a match inside a long line (a whole article extracted as one
# line, a paragraph quoting a sign-up phrase) condemns it only if it covers most of it.
LONG_LINE_CHARS, MIN_COVER = 400, 0.5


def drop_line(doc: Document, rule: Rule) -> None:
    """Drop every line the pattern is found in, unless the line is long and the match small."""
    hits = {i for i in _window(rule, doc.lines) if _condemns(rule.pattern, doc.lines[i])}
    _drop(doc, rule.id, hits)


def _condemns(pattern: re.Pattern[str], line: str) -> bool:
    match = pattern.search(line)
    if match is None:
        return False
    return len(line) <= LONG_LINE_CHARS or match.end() - match.start() >= MIN_COVER * len(line)


def drop_from(doc: Document, rule: Rule) -> None:
    """Cut the first matching line and everything after it (teaser tails)."""
    first = int(len(doc.lines) * rule.min_fraction)
    for i in _window(rule, doc.lines):
        if i >= max(first, 1) and rule.pattern.search(doc.lines[i]):
            if _body_follows(doc.lines[i + 1 :]):
                continue
            doc.remove(rule.id, "\n".join(doc.lines[i:]))
            del doc.lines[i:]
            return


# A "Related" box inside the article (common in full-page text) is followed by more article:
# teaser blurbs stay short, so this many long sentences after a marker mean it is no tail.
TAIL_BODY_LINES, TAIL_BODY_CHARS = 2, 300


def _body_follows(lines: list[str]) -> bool:
    long = (line for line in lines if len(line) >= TAIL_BODY_CHARS and line[-1] in '.!?"“”')
    return sum(1 for _ in zip(range(TAIL_BODY_LINES), long, strict=False)) >= TAIL_BODY_LINES


def drop_until(doc: Document, rule: Rule) -> None:
    """Cut everything up to and including the first matching line (header furniture)."""
    for i in _window(rule, doc.lines):
        if rule.pattern.search(doc.lines[i]):
            doc.remove(rule.id, "\n".join(doc.lines[: i + 1]))
            del doc.lines[: i + 1]
            return


def move_to_field(doc: Document, rule: Rule) -> None:
    """Move the matched text into fields: named groups name them, else `rule.field`."""
    kept: list[str] = []
    window = set(_window(rule, doc.lines))
    for i, line in enumerate(doc.lines):
        match = rule.pattern.search(line) if i in window else None
        if match is None:
            kept.append(line)
            continue
        _store(doc, rule, match)
        rest = (line[: match.start()] + " " + line[match.end() :]).strip()
        doc.remove(rule.id, match.group(0).strip())
        if rest:
            kept.append(rest)
    doc.lines[:] = kept


def _store(doc: Document, rule: Rule, match: re.Match[str]) -> None:
    groups = {k: v for k, v in match.groupdict().items() if v}
    if not groups and rule.field:
        groups = {rule.field: match.group(0)}
    for name, value in groups.items():
        set_field(doc, name, value)


def drop_repeat_of(doc: Document, rule: Rule) -> None:
    """Drop lines that repeat a field (a title printed again above the body)."""
    value = getattr(doc, rule.field or "title", None)
    if not isinstance(value, str) or not value:
        return
    target = _fold(value)
    hits = {i for i in _window(rule, doc.lines) if _fold(doc.lines[i]) == target}
    _drop(doc, rule.id, hits)


def strip_suffix(doc: Document, rule: Rule) -> None:
    """Remove a match at the end of a line (agency editor initials), keep the rest."""
    _strip(doc, rule, lambda m, line: m.end() == len(line))


def strip_prefix(doc: Document, rule: Rule) -> None:
    """Remove a match at the start of a line, keep the rest."""
    _strip(doc, rule, lambda m, line: m.start() == 0)


def strip_inline(doc: Document, rule: Rule) -> None:
    """Remove every match inside lines (shortcodes, leftover markup); empty lines go."""
    _strip(doc, rule, lambda m, line: True, every=True)


def _strip(
    doc: Document,
    rule: Rule,
    accept: Callable[[re.Match[str], str], bool],
    every: bool = False,
) -> None:
    window = set(_window(rule, doc.lines))
    kept: list[str] = []
    for i, line in enumerate(doc.lines):
        if i in window:
            line = _strip_line(doc, rule, line, accept, every)
        if line:
            kept.append(line)
    doc.lines[:] = kept


def _strip_line(
    doc: Document,
    rule: Rule,
    line: str,
    accept: Callable[[re.Match[str], str], bool],
    every: bool,
) -> str:
    matches = [m for m in rule.pattern.finditer(line) if m.group(0) and accept(m, line)]
    for match in reversed(matches if every else matches[:1]):
        doc.remove(rule.id, match.group(0).strip())
        _store(doc, rule, match)
        line = line[: match.start()] + line[match.end() :]
    return " ".join(line.split()) if matches else line


def _drop(doc: Document, rule_id: str, hits: set[int]) -> None:
    for i in sorted(hits):
        doc.remove(rule_id, doc.lines[i])
    doc.lines[:] = [line for i, line in enumerate(doc.lines) if i not in hits]


def _fold(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .:")


KINDS: dict[str, Callable[[Document, Rule], None]] = {
    "drop_line": drop_line,
    "drop_from": drop_from,
    "drop_until": drop_until,
    "move_to_field": move_to_field,
    "drop_repeat_of": drop_repeat_of,
    "strip_suffix": strip_suffix,
    "strip_prefix": strip_prefix,
    "strip_inline": strip_inline,
}

# Kinds that never search `rule.pattern` (the literal prefilter must not skip them).
PATTERN_FREE = frozenset({"drop_repeat_of"})

DEFAULT_STAGE: dict[str, Stage] = {
    "strip_inline": "inline",
    "move_to_field": "header",
    "drop_until": "header",
    "drop_from": "tail",
    "drop_line": "lines",
    "drop_repeat_of": "lines",
    "strip_prefix": "lead",
    "strip_suffix": "end",
}
