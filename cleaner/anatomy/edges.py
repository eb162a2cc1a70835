"""The body's two edges: a dateline before the first sentence, editor initials or a source
tail after the last one. General grammar of wire copy, for any outlet; a site pack that
already took the dateline wins (this runs only when the field is still empty)."""

from __future__ import annotations

import re

from cleaner.anatomy.grammar import DATELINE, INITIALS_TAIL, SENTENCE_END
from cleaner.document import Document
from cleaner.metadata.fields import set_field

# Words that open a sentence, never a place: articles, pronouns, answers (de, en, fr, es, it).
_OPENERS = frozenset(
    [
        "der",
        "die",
        "das",
        "ein",
        "eine",
        "dem",
        "den",
        "des",
        "the",
        "a",
        "an",
        "le",
        "la",
        "les",
        "un",
        "une",
        "el",
        "los",
        "il",
        "lo",
        "ja",
        "nein",
        "yes",
        "no",
        "so",
        "und",
        "aber",
        "doch",
        "gut",
        "klar",
        "okay",
        "ok",
        "also",
        "nun",
        "jetzt",
        "heute",
        "hier",
        "dort",
        "er",
        "sie",
        "es",
        "wir",
        "ich",
        "du",
        "ihr",
        "this",
        "that",
        "it",
        "we",
        "he",
        "she",
        "they",
        "there",
        "here",
        "what",
        "why",
        "how",
        "wie",
        "was",
        "warum",
        "wer",
    ]
)
# "Contributing: The Associated Press", "Go deeper: EU's new tech law puts ... on notice":
# a label and a name or a headline, no sentence, as the text's last line.
_LABELLED = re.compile(r"^[A-ZÀ-Þ][\w-]*(?: [\w-]+)?:\s+\S")
MAX_LABELLED_WORDS = 12
LEAD_LINES = 2
MIN_REST_WORDS = 3  # a dateline is followed by a sentence, not by two words
MAX_CITY_WORDS = 3


def trim_edges(doc: Document) -> Document:
    if doc.lines and doc.dateline is None:
        _dateline(doc)
    if doc.lines:
        _tail(doc)
    while len(doc.lines) > 1 and _labelled_tail(doc.lines[-1]):  # all: cleaning is idempotent
        doc.remove("anatomy.source", doc.lines.pop())
    return doc


def _labelled_tail(line: str) -> bool:
    """A last line that is a label and a name or headline (a source note or a teaser), or a
    label whose box was cut ("Dieses Thema im Programm:", "Read more from Sky News:")."""
    if len(line.split()) > MAX_LABELLED_WORDS:
        return False
    dangling = line.endswith(":")
    return dangling or (_LABELLED.match(line) is not None and SENTENCE_END.search(line) is None)


def _dateline(doc: Document) -> None:
    """The dateline opens the first paragraph, or the second after a standfirst."""
    for i, line in enumerate(doc.lines[:LEAD_LINES]):
        match = DATELINE.match(line)
        if match is not None and _plausible(match, line[match.end() :], doc.text):
            _take_dateline(doc, i, match)
            return


def _take_dateline(doc: Document, i: int, match: re.Match[str]) -> None:
    line = doc.lines[i]
    doc.remove("anatomy.dateline", line[: match.end()].rstrip())
    _set_dateline(doc, match)
    doc.lines[i] = line[match.end() :]


def dateline_alone(doc: Document, line: str, body: str) -> bool:
    """A dateline on a line of its own just above the body ("Washington CNN —", a page that
    prints it in an element of its own): its city and agency land in their fields."""
    match = DATELINE.match(f"{line} {body}")
    if doc.dateline is not None or match is None or match.end() != len(line) + 1:
        return False
    if not _plausible(match, body, doc.text):
        return False
    _set_dateline(doc, match)
    return True


def _set_dateline(doc: Document, match: re.Match[str]) -> None:
    set_field(doc, "dateline", match["city"])
    agency = match["agency"] or match["wire"] or match["bare"]
    if agency:
        set_field(doc, "agency", agency)


def _plausible(match: re.Match[str], rest: str, text: str) -> bool:
    city = match["city"].split()
    if len(rest.split()) < MIN_REST_WORDS or len(city) > MAX_CITY_WORDS:
        return False
    word = city[0].lower()
    if word in _OPENERS:
        return False
    shouted = match["city"].isupper()  # "NEW YORK": a place in capitals, though "new" is a word
    if not shouted and re.search(rf"(?:^|\s){re.escape(word)}(?=[\s,.;:!?]|$)", text):
        return False  # "Die Regierung – so heißt es –": the word is a word, not a place
    if match["bare"] and not match["dash"]:
        return False
    agency = match["agency"] or match["wire"] or ""
    if agency and len(agency.split()) > 2:
        return False
    if match["dot"]:  # "Stuttgart. Der ...": one word, or a place in capitals
        return len(city) == 1 and len(city[0]) >= 3 and not (match["agency"] or match["when"])
    return True


def _tail(doc: Document) -> None:
    last = doc.lines[-1]
    match = INITIALS_TAIL.search(last)
    if match is None or len(last[: match.start()].split()) < MIN_REST_WORDS:
        return
    doc.remove("anatomy.initials", match.group().strip())
    doc.lines[-1] = last[: match.start()].rstrip()
