"""Boilerplate classifier for plain-text lines: jusText's context-sensitive idea, over lines.

Each line first gets a class from its own features (filters/linefeatures.py):
  bad       boilerplate vocabulary, repeated, a copy of the title, digits, no prose
  good      a long sentence dense in stop words
  neargood  prose-like but not conclusive
  short     too short to judge alone
Then context decides the rest, because boilerplate comes in runs (menus, footers, share bars)
and so does body text: a short line between body lines is a crosshead, between boilerplate
lines a menu item; a near-good line next to body is body. The document's edges count as
boilerplate. No training data; every threshold is in config.ClassifierSettings.

Every cut is recorded as `classifier.<reason>`; only whole lines are dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from cleaner.config import ClassifierSettings
from cleaner.document import Document
from cleaner.filters.base import Stage
from cleaner.filters.linefeatures import LineFeatures, measure
from cleaner.filters.stopwords import pick_language
from cleaner.filters.teasers import teaser_units

GOOD, NEARGOOD, SHORT, BAD = "good", "neargood", "short", "bad"
MIN_SENTENCE_WORDS = 3  # a fallback sentence has at least this many words
OUTSIDE = "outside"  # body-like, but away from the page's main run of body lines
TEASER = "teaser"  # body-like, but one of a run of kicker/headline/blurb units
# rule stages that need the body's first and last line
AFTER_CLASSIFIER: tuple[Stage, ...] = ("lead", "end")


@dataclass(frozen=True)
class Verdict:
    """The classifier's decision on one line, with the reason a cut line was cut."""

    keep: bool
    reason: str  # "body" for kept lines, else what made it boilerplate


def classify(doc: Document, settings: ClassifierSettings) -> Document:
    """Drop the lines judged boilerplate, recording each cut with its reason."""
    verdicts = judge(doc.lines, settings, title=doc.title, hint=doc.language)
    kept = []
    for line, verdict in zip(doc.lines, verdicts, strict=True):
        if verdict.keep:
            kept.append(line)
        else:
            doc.remove(f"classifier.{verdict.reason}", line)
    doc.lines[:] = kept
    return doc


def judge(
    lines: Sequence[str],
    settings: ClassifierSettings,
    title: str | None = None,
    hint: str | None = None,
) -> list[Verdict]:
    """A verdict for every line of a document."""
    language = pick_language(lines, hint)
    features = measure(lines, language, title or _title_line(lines))
    first = [_initial(f, i, settings, title is None) for i, f in enumerate(features)]
    classes = [cls for cls, _ in first]
    final = _context(classes, features, settings)
    for run in teaser_units(features, settings):
        final[run.start : run.stop] = [TEASER if final[i] == GOOD else final[i] for i in run]
    final = _main_block(final, classes, features, settings)
    if GOOD not in final:
        final = _fallback(final, features)
    return [_verdict(cls, reason, new) for (cls, reason), new in zip(first, final, strict=True)]


def _title_line(lines: Sequence[str]) -> str | None:
    """Full-page dumps start with the page <title>; a repeat of it in the page is not body."""
    return lines[0] if lines else None


def _initial(
    f: LineFeatures, index: int, s: ClassifierSettings, title_from_text: bool
) -> tuple[str, str]:
    """The class a line earns on its own, and the reason if that class is bad."""
    # One boilerplate phrase per `strong_vocab_max_chars` characters: a paragraph that only
    # mentions Datenschutz or an Abo keeps its place, a consent or comment notice does not.
    if f.strong_vocab and f.strong_vocab * s.strong_vocab_max_chars >= f.chars:
        return BAD, "boilerplate-words"
    if f.repeats > 1:
        return BAD, "repeated"
    if _copies_title(f, index, s, title_from_text):
        return BAD, "title-copy"
    if f.digit_share > s.max_digit_share:
        return BAD, "digits"
    if f.chars < s.short_chars:
        menu = f.weak_share >= s.menu_word_share and not f.sentence
        return (BAD, "menu-words") if menu else (SHORT, "short-run")
    if f.stop_density < s.min_stop_density and f.words >= 3 and _has_language(f):
        return BAD, "no-prose"
    if f.sentence and f.chars >= s.good_chars and f.stop_density >= s.good_stop_density:
        return GOOD, "body"
    return NEARGOOD, "not-prose"


def _has_language(f: LineFeatures) -> bool:
    """Density 0.0 with no words of the list at all may mean an unknown language."""
    return f.stop_density > 0.0 or f.words >= 8


def _copies_title(f: LineFeatures, index: int, s: ClassifierSettings, from_text: bool) -> bool:
    if from_text and index == 0:
        return False  # the title line itself is judged like any other line
    return not f.sentence and f.words >= 3 and f.title_overlap >= s.title_overlap


def _context(
    classes: list[str], features: Sequence[LineFeatures], s: ClassifierSettings
) -> list[str]:
    """jusText's context pass: short lines, then near-good lines, then headings."""
    out = list(classes)
    span = s.neighbour_lines
    for i, cls in enumerate(classes):
        if cls == SHORT:
            out[i] = _short(classes, i, span)
    settled = list(out)
    for i, cls in enumerate(settled):
        if cls == NEARGOOD:
            near = {_neighbour(settled, i, -1, True, span), _neighbour(settled, i, 1, True, span)}
            out[i] = BAD if near == {BAD} else GOOD
    return _headings(out, classes, features, s)


def _short(classes: list[str], i: int, span: int) -> str:
    prev, nxt = _neighbour(classes, i, -1, True, span), _neighbour(classes, i, 1, True, span)
    if prev == nxt:
        return prev
    if (prev == BAD and _neighbour(classes, i, -1, False, span) == NEARGOOD) or (
        nxt == BAD and _neighbour(classes, i, 1, False, span) == NEARGOOD
    ):
        return GOOD
    return BAD


def _neighbour(classes: list[str], i: int, step: int, skip_neargood: bool, span: int) -> str:
    """The nearest class other than short (and near-good) within `span` lines in one
    direction; the document's edges, and a run longer than the span, count as bad."""
    skip = {SHORT, NEARGOOD} if skip_neargood else {SHORT}
    j = i + step
    while 0 <= j < len(classes) and abs(j - i) <= span:
        if classes[j] not in skip:
            return classes[j]
        j += step
    return BAD


def _headings(
    out: list[str], first: list[str], features: Sequence[LineFeatures], s: ClassifierSettings
) -> list[str]:
    """A short line cut by context but followed closely by body is a crosshead: keep it."""
    for i, cls in enumerate(out):
        if cls != BAD or first[i] != SHORT:
            continue
        distance, j = 0, i + 1
        while j < len(out) and distance <= s.heading_distance:
            if out[j] == GOOD and first[j] == GOOD:
                out[i] = GOOD
                break
            distance += features[j].chars
            j += 1
    return out


def _main_block(
    classes: list[str], first: list[str], features: Sequence[LineFeatures], s: ClassifierSettings
) -> list[str]:
    """Keep the body lines of the best-scoring run only: the article is one stretch of the
    page, and good-looking lines far from it (teasers, comment forms) are not part of it."""
    if not s.main_block:
        return classes
    best, best_span, total, start = 0.0, (0, -1), 0.0, 0
    for i, cls in enumerate(classes):
        if total <= 0:
            total, start = 0.0, i
        total += _gain(cls, first, i, features[i], s)
        if total > best:
            best, best_span = total, (start, i)
    lo, hi = best_span
    return [cls if lo <= i <= hi or cls != GOOD else OUTSIDE for i, cls in enumerate(classes)]


def _gain(cls: str, first: list[str], i: int, f: LineFeatures, s: ClassifierSettings) -> float:
    """What a line adds to a run: its characters if body (less a little if only context made
    it body, as in teaser lists of kicker, headline, sentence), a cost if boilerplate."""
    if cls != GOOD:
        return -(s.block_line_cost + f.chars * s.block_char_cost)
    return f.chars - (s.block_promoted_cost if first[i] != GOOD else 0.0)


def _fallback(classes: list[str], features: Sequence[LineFeatures]) -> list[str]:
    """Nothing looked like an article (a shop, a forum, a poem): rather than lose the page,
    keep its sentences that carry no boilerplate vocabulary (the C4 line rule)."""
    return [
        GOOD if f.sentence and f.words >= MIN_SENTENCE_WORDS and not f.strong_vocab else cls
        for cls, f in zip(classes, features, strict=True)
    ]


def _verdict(first: str, reason: str, final: str) -> Verdict:
    if final == GOOD:
        return Verdict(True, "body")
    if final == OUTSIDE:
        return Verdict(False, "outside-body")
    if final == TEASER:
        return Verdict(False, "teaser-list")
    return Verdict(False, reason if first == BAD else "boilerplate-run")
