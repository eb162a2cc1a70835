"""Roles to document: body lines stay, every other line is cut, and a line that carries a
field (headline, kicker, byline, date, caption) lands in that field. Nothing is lost."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.anatomy.bio import BIO_NAME, bio_roles
from cleaner.anatomy.contents import CONTENTS_NAME, contents_roles, list_roles, teaser_roles
from cleaner.anatomy.edges import dateline_alone
from cleaner.anatomy.grammar import leading_byline
from cleaner.anatomy.header import HEADER_NAME, header_roles
from cleaner.anatomy.honest import HONEST_NAME, ends_sentence, honest_roles
from cleaner.anatomy.model import MODEL_NAME, tag
from cleaner.anatomy.resume import RESUME_NAME, resumed_roles
from cleaner.anatomy.roles import FIELD_OF, KEEP, Role
from cleaner.config import ClassifierSettings
from cleaner.document import Document
from cleaner.filters.classifier import judge
from cleaner.metadata.authors import split_authors
from cleaner.metadata.dates import published_and_modified, to_iso
from cleaner.metadata.header import split_kicker

RULE_PREFIX = "anatomy."  # a cut's rule id is "anatomy.<role>"
URL_HEAD_LINES = 3  # a bare URL this near the top is the article's own address
_URL = re.compile(r"https?://\S+")
_SITE_SEPARATOR = re.compile(r"\s[|›»·]\s|\s[-–—:]\s(?=\S+(?:\s\S+){0,3}$)")
MIN_TITLE_WORDS = 4
ECHO_SHARE = 0.6  # of a page title's words found again in the text
_LONG_WORD = re.compile(r"\w{4,}")  # words that say what a title is about
MAX_PASSES = 3


def assign_roles(doc: Document, settings: ClassifierSettings) -> Document:
    """Tag until the model calls every remaining line body (a fixed point, so cleaning the
    output again changes nothing), at most MAX_PASSES times."""
    for _ in range(MAX_PASSES):
        before = len(doc.lines)
        _one_pass(doc, settings)
        if len(doc.lines) in (before, 0):
            break
    return doc


def _one_pass(doc: Document, settings: ClassifierSettings) -> Document:
    """Tag the lines, keep the body, move field lines into their fields."""
    roles, decider = tag(doc.lines, doc.language), MODEL_NAME
    if KEEP.isdisjoint(roles):  # the model saw no article: the context classifier's reading
        roles, decider = _fallback(doc, roles, settings), "classifier"
    deciders = [decider] * len(roles)
    page_title = _page_title(doc.lines) if doc.lines else None
    titled = page_title is not None and roles[0] not in KEEP
    roles = _revised(roles, honest_roles(doc.lines, roles), deciders, HONEST_NAME)
    if not titled:  # else the page title gives the headline
        roles = _revised(roles, header_roles(doc.lines, roles), deciders, HEADER_NAME)
        # the credits between a headline the layout found and the body land in `captions`
        roles = _revised(roles, honest_roles(doc.lines, roles), deciders, HONEST_NAME)
    roles = _revised(roles, contents_roles(doc.lines, roles), deciders, CONTENTS_NAME)
    roles = _revised(roles, teaser_roles(doc.lines, roles), deciders, CONTENTS_NAME)
    roles = _revised(roles, list_roles(doc.lines, roles), deciders, CONTENTS_NAME)
    resumed = resumed_roles(doc.lines, roles, doc.language)
    roles = _revised(roles, resumed, deciders, RESUME_NAME)
    roles = _revised(roles, bio_roles(doc.lines, roles), deciders, BIO_NAME)
    dateline_at = _dateline_line(doc, roles)
    kept = []
    for i, (line, role) in enumerate(zip(doc.lines, roles, strict=True)):
        doc.line_roles[line] = f"{role} ({deciders[i]})"
        if role in KEEP:
            kept.append(line)
            continue
        if i < URL_HEAD_LINES and doc.url is None and _URL.fullmatch(line):
            doc.url = line
        doc.remove(RULE_PREFIX + ("dateline" if i == dateline_at else role), line)
        _to_field(doc, role, line, _byline_run(doc.lines, roles, i))
    if doc.title is None and page_title is not None and roles[0] not in KEEP:
        _title_from_page_title(doc, page_title)
    doc.lines[:] = kept
    return doc


def _dateline_line(doc: Document, roles: Sequence[Role]) -> int | None:
    """The cut line just above the body, when it is the body's dateline on its own."""
    body = next((i for i, role in enumerate(roles) if role in KEEP), 0)
    above = body - 1
    if above >= 0 and roles[above] == "boiler":
        return above if dateline_alone(doc, doc.lines[above], doc.lines[body]) else None
    return None


def _revised(roles: list[Role], revised: list[Role], deciders: list[str], name: str) -> list[Role]:
    """`revised`, with `name` as the decider of every role it changed (explain shows it)."""
    for i, (before, after) in enumerate(zip(roles, revised, strict=True)):
        if before != after:
            deciders[i] = name
    return revised


def _fallback(doc: Document, roles: list[Role], settings: ClassifierSettings) -> list[Role]:
    """Rather than lose a page the model reads as all furniture, keep what jusText-style
    context classification (filters/classifier.py) calls body; the model's other roles stay
    for the lines the classifier cuts (a headline still gives the title)."""
    verdicts = judge(doc.lines, settings, title=doc.title, hint=doc.language)
    return ["body" if v.keep else r for v, r in zip(verdicts, roles, strict=True)]


def _title_from_page_title(doc: Document, head: str) -> None:
    """No headline line: a full-page dump starts with the page <title>, 'Headline | Site'."""
    kicker, doc.title = split_kicker(head)
    doc.kicker = doc.kicker or kicker


def _page_title(lines: Sequence[str]) -> str | None:
    """The first line as a page <title>: headline-shaped, no date, and either with a site
    name split off or echoed by the text below (a menu's "Skip to main content" is not)."""
    parts = _SITE_SEPARATOR.split(lines[0])
    head = parts[0].strip()
    if len(head.split()) < MIN_TITLE_WORDS or ends_sentence(head) or to_iso(head):
        return None
    return head if len(parts) > 1 or _echoed(head, lines[1:]) else None


def _echoed(head: str, rest: Sequence[str]) -> bool:
    """Most of the line's longer words recur in one line below it (the headline's copy)."""
    wanted = _long_words(head)
    need = ECHO_SHARE * len(wanted)
    return any(len(wanted & _long_words(line)) >= need for line in rest)


def _long_words(line: str) -> set[str]:
    return set(_LONG_WORD.findall(line.casefold()))


def _byline_run(lines: Sequence[str], roles: Sequence[Role], i: int) -> str:
    """'Von' on one line and the names on the next: the byline is the run of byline lines."""
    if roles[i] != "byline" or (i and roles[i - 1] == "byline"):
        return ""
    j = i
    while j + 1 < len(lines) and roles[j + 1] == "byline":
        j += 1
    return ", ".join(lines[i : j + 1])


def _to_field(doc: Document, role: Role, line: str, byline: str) -> None:
    field = FIELD_OF.get(role)
    if field == "title" and doc.title is None:
        kicker, doc.title = split_kicker(line)
        doc.kicker = doc.kicker or kicker
    elif field == "kicker" and doc.kicker is None:
        doc.kicker = line
    elif field == "captions" and line not in doc.captions:
        doc.captions.append(line)
    if field == "authors" and byline:
        doc.authors.extend(a for a in split_authors(byline) if a not in doc.authors)
    if field == "date" and not doc.authors:  # and a date line the byline: "X · CBC · Posted:"
        doc.authors.extend(split_authors(leading_byline(line)))
    if field in ("authors", "date"):  # a byline may carry the date: "by X - 04/12/24 3:22 PM"
        _to_date(doc, line)


def _to_date(doc: Document, line: str) -> None:
    published, modified = published_and_modified(line)
    doc.date = doc.date or published or modified
    doc.date_modified = doc.date_modified or modified
