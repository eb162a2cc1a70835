"""The date a page prints around its headline: what a reader sees as the article's date.

Meta tags and JSON-LD often carry another date than the one the page shows (a republication,
a CMS import, a template's default); htmldate guesses from the whole page. The date written
next to the <h1> (in the byline, a <time> element, above the headline) is the page's own
statement. Only dates with a day count, read by THE normaliser (metadata.dates), so a
numeric form that could be day-first or month-first ("03/09/2026") is never guessed.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace

from lxml import html as lxml_html

from cleaner.metadata.dates import names_a_revision, to_iso
from cleaner.metadata.reading import AFTER_CHARS, BEFORE_CHARS, reading_order

MARKER_CHARS = 40  # "Updated on" just before the date says it is a revision


@dataclass(frozen=True)
class ShownDate:
    iso: str
    revision: bool  # introduced by "Updated", "Aktualisiert", ...
    distance: int = 0  # characters of text between the headline and the date


def shown_dates(tree: lxml_html.HtmlElement) -> list[ShownDate]:
    """Dates with a day in the text around the first <h1>, nearest first."""
    chunks = _around_headline(_chunks(tree))
    start = next((i for i, (_, where) in enumerate(chunks) if where == "h1"), None)
    if start is None:
        return []
    end = next((i for i in range(start, len(chunks)) if chunks[i][1] != "h1"), len(chunks))
    after = _dates(chunks, range(end, len(chunks)), AFTER_CHARS)
    before = _dates(chunks, range(start - 1, -1, -1), BEFORE_CHARS)
    return _revisions_marked(sorted(after + before, key=lambda shown: shown.distance))


def _around_headline(stream: Iterator[tuple[str, str]]) -> list[tuple[str, str]]:
    """The chunks of the two windows and the <h1> between them: the walk stops after the
    window below the headline (most of a page is never read)."""
    before: deque[tuple[str, str]] = deque()
    size = 0
    for chunk in stream:
        if chunk[1] == "h1":
            break
        before.append(chunk)
        size += len(chunk[0])
        while size - len(before[0][0]) > BEFORE_CHARS + MARKER_CHARS:
            size -= len(before.popleft()[0])
    else:
        return list(before)  # no headline
    chunks = [*before, chunk]
    after = 0
    for chunk in stream:
        chunks.append(chunk)
        after += len(chunk[0]) if chunk[1] != "h1" else 0
        if after >= AFTER_CHARS:
            break
    return chunks


def _revisions_marked(dates: list[ShownDate]) -> list[ShownDate]:
    """A day shown twice is one statement ('2024-12-06T11:29' hidden for machines beside
    'Last Updated: December 6, 2024'): one "Updated" marks both."""
    revised = {d.iso[:10] for d in dates if d.revision}
    return [replace(d, revision=d.iso[:10] in revised) for d in dates]


def _dates(chunks: list[tuple[str, str]], order: range, budget: int) -> list[ShownDate]:
    found: list[ShownDate] = []
    distance = 0
    for i in order:
        text, _ = chunks[i]
        iso = _date_in(text)
        if iso and len(iso) >= len("2024-03-12"):
            found.append(ShownDate(iso, _after_marker(chunks, i, iso), distance))
        distance += len(text)
        if distance >= budget:
            break
    return found


def _after_marker(chunks: list[tuple[str, str]], i: int, iso: str) -> bool:
    """ "Updated on" in the few chunks before the date (not past an earlier date) or in its own
    text before the year."""
    before = ""
    for text, _ in reversed(chunks[max(i - 3, 0) : i]):
        if _date_in(text):
            break
        before = f"{text} {before}"
    head = chunks[i][0].split(iso[:4])[0]
    return names_a_revision(f"{before[-MARKER_CHARS:]} {head}")


_DIGIT = re.compile(r"\d")


def _date_in(text: str) -> str | None:
    """THE normaliser's date, asked only where a digit is (a date with a day has one)."""
    return to_iso(text) if _DIGIT.search(text) else None


def _chunks(tree: lxml_html.HtmlElement) -> Iterator[tuple[str, str]]:
    """(text, 'h1' or '') in reading order; a <time> element gives its datetime value first,
    then its own text (where "Updated" may stand: the same day, so it marks both)."""
    for chunk in reading_order(tree, datetimes=True):
        yield chunk.text, "h1" if chunk.in_h1 else ""
