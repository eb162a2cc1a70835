"""Line labels for the role model, derived by aligning an input's lines to its truth.

Truth gives body text (expected lines, or a page's main text), title, kicker, authors and date;
every input line gets the role that explains it: a line holding a body paragraph is `body`, the
headline copy before the body `headline`, a short line naming an author `byline`, a short line
whose date is the truth date `date`, a credit-like line inside the body block `caption`, the rest
`boiler`. Used by training/train_roles.py only (never at runtime).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cleaner.anatomy.grammar import BYLINE_START, NAME_LIST, is_credit
from cleaner.extract.text import clean_line, normalize
from cleaner.metadata.dates import to_iso

SHORT_EXACT = 25  # lines shorter than this are body only if they equal a truth line
MAX_HEADER_WORDS = 15
SHINGLE = 3
MIN_SHINGLE_SHARE = 0.7  # a line whose word 3-grams are mostly in the truth text is body


@dataclass
class Truth:
    body: list[str]
    title: str | None = None
    title_contains: str | None = None
    kicker: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None


def norm(text: str) -> str:
    """The truth in the form the runtime sees lines (NFC, no soft hyphens, one space)."""
    return clean_line(normalize(text))


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = text.split()
    return {tuple(tokens[i : i + SHINGLE]) for i in range(max(len(tokens) - SHINGLE + 1, 1))}


def label(lines: list[str], truth: Truth) -> list[str]:
    """One role label per line."""
    labels = _body(lines, truth.body)
    first = labels.index("body") if "body" in labels else len(lines)
    last = len(labels) - 1 - labels[::-1].index("body") if "body" in labels else -1
    _headline(lines, labels, truth, first)
    for i, line in enumerate(lines):
        if labels[i] == "boiler":
            labels[i] = _header_role(line, truth, i, first, last)
    _byline_runs(lines, labels, first)
    _captions_above_credits(lines, labels, first, last)
    return labels


def _byline_runs(lines: list[str], labels: list[str], first: int) -> None:
    """'Von' on its own line and the names on the lines after it belong to the byline."""
    for i, line in enumerate(lines[: first + 4]):
        if labels[i] == "boiler" and BYLINE_START.match(line) and len(line.split()) <= 8:
            labels[i] = "byline"
    for i in range(1, min(first + 4, len(lines))):
        if labels[i] == "boiler" and labels[i - 1] == "byline" and NAME_LIST.fullmatch(lines[i]):
            labels[i] = "byline"


def _captions_above_credits(lines: list[str], labels: list[str], first: int, last: int) -> None:
    """A cut line right above a credit, in or just above the body, is that picture's caption."""
    for i in range(max(first - 8, 0), last):
        if labels[i] == "boiler" and labels[i + 1] == "caption" and len(lines[i].split()) > 3:
            labels[i] = "caption"


def _body(lines: list[str], body: list[str]) -> list[str]:
    paragraphs = [norm(p) for p in body if norm(p)]
    exact, whole = set(paragraphs), "\n".join(paragraphs)
    grams = _shingles(" ".join(paragraphs))
    out = []
    for line in lines:
        hit = line in exact
        if not hit and len(line) >= SHORT_EXACT:
            own = _shingles(line)
            hit = line in whole or len(own & grams) >= MIN_SHINGLE_SHARE * len(own)
        out.append("body" if hit else "boiler")
    return out


def _headline(lines: list[str], labels: list[str], truth: Truth, first: int) -> None:
    """The headline copy nearest above the body (or the first one) is the headline."""
    wanted = truth.title or truth.title_contains
    if not wanted:
        return
    wanted, loose = norm(wanted), truth.title is None  # title_contains: any line holding it
    hits = [
        i for i, line in enumerate(lines) if labels[i] != "body" and _is_title(line, wanted, loose)
    ]
    before = [i for i in hits if i < first]
    if before or hits:
        labels[(before or hits)[-1]] = "headline"
    if truth.kicker:
        kick = [i for i, line in enumerate(lines[:first]) if line == norm(truth.kicker)]
        if kick:
            labels[kick[-1]] = "kicker"


def _is_title(line: str, wanted: str, loose: bool = False) -> bool:
    if line == wanted:
        return True
    longest = 3 * len(wanted) if loose else max(len(wanted) + 40, 2 * len(wanted))
    return wanted in line and len(line) <= longest and "|" not in line


def _header_role(line: str, truth: Truth, i: int, first: int, last: int) -> str:
    words = len(line.split())
    if is_credit(line) and words >= 2:
        return "caption" if i < last else "boiler"
    if words <= MAX_HEADER_WORDS and any(a and a.lower() in line.lower() for a in truth.authors):
        return "byline"
    if words <= MAX_HEADER_WORDS and truth.date and _same_day(line, truth.date):
        return "date"
    return "boiler"


def _same_day(line: str, date: str) -> bool:
    iso = to_iso(line)
    return iso is not None and iso[:10] == date[:10][: len(iso[:10])] and len(iso) >= 7


LEAD_WINDOW = 6  # lines above the first body line where a standfirst sits
MIN_LEAD_WORDS = 8


def unknown_lead(lines: list[str], labels: list[str]) -> set[int]:
    """Lines whose label the truth does not tell: a set whose truth leaves the standfirst out
    (wcxb-dev) labels the deck under the headline `boiler`, while the project keeps it. Prose
    lines just above the first body line are such decks or furniture; training skips them
    rather than learn either reading from this set."""
    if "body" not in labels:
        return set()
    first = labels.index("body")
    return {
        i
        for i in range(max(first - LEAD_WINDOW, 0), first)
        if labels[i] == "boiler"
        and len(lines[i].split()) >= MIN_LEAD_WORDS
        and not is_credit(lines[i])
    }


MAX_LEAD_LINES = 2
MAX_LEAD_GAP = 6  # a standfirst follows the headline within this many lines
HEADER_FIELDS = frozenset({"byline", "date", "caption"})


def mark_standfirst(labels: list[str]) -> None:
    """The first run of body lines is the standfirst when it sits just under the headline and
    a byline, date or caption parts it from the rest of the body."""
    if "headline" not in labels or "body" not in labels:
        return
    start = labels.index("body")
    end = start
    while end < len(labels) and labels[end] == "body":
        end += 1
    after = labels.index("body", end) if "body" in labels[end:] else end
    heads = [i for i in range(start) if labels[i] == "headline"]
    if (
        heads
        and start - heads[-1] <= MAX_LEAD_GAP
        and end - start <= MAX_LEAD_LINES
        and HEADER_FIELDS.intersection(labels[end:after])
    ):
        labels[start:end] = ["standfirst"] * (end - start)
