"""Roles to document: body lines stay, every other line is cut, and a line that carries a
field (headline, kicker, byline, date, caption) lands in that field. Nothing is lost."""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.anatomy.contents import CONTENTS_NAME, contents_roles, teaser_roles
from cleaner.anatomy.honest import HONEST_NAME, ends_sentence, honest_roles
from cleaner.anatomy.model import MODEL_NAME, tag
from cleaner.anatomy.roles import FIELD_OF, KEEP, Role
from cleaner.config import ClassifierSettings
from cleaner.document import Document
from cleaner.filters.classifier import judge
from cleaner.metadata.authors import split_authors
from cleaner.metadata.dates import published_and_modified
from cleaner.metadata.header import split_kicker

RULE_PREFIX = "anatomy."  # a cut's rule id is "anatomy.<role>"
URL_HEAD_LINES = 3  # a bare URL this near the top is the article's own address
_URL = re.compile(r"https?://\S+")
_SITE_SEPARATOR = re.compile(r"\s[|›»·]\s|\s[-–—:]\s(?=\S+(?:\s\S+){0,3}$)")
MIN_TITLE_WORDS = 4
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
    titled = bool(roles) and roles[0] not in KEEP and _page_title(doc.lines[0]) is not None
    roles = _revised(roles, honest_roles(doc.lines, roles, titled), deciders, HONEST_NAME)
    roles = _revised(roles, contents_roles(doc.lines, roles), deciders, CONTENTS_NAME)
    roles = _revised(roles, teaser_roles(doc.lines, roles), deciders, CONTENTS_NAME)
    kept = []
    for i, (line, role) in enumerate(zip(doc.lines, roles, strict=True)):
        doc.line_roles[line] = f"{role} ({deciders[i]})"
        if role in KEEP:
            kept.append(line)
            continue
        if i < URL_HEAD_LINES and doc.url is None and _URL.fullmatch(line):
            doc.url = line
        doc.remove(RULE_PREFIX + role, line)
        _to_field(doc, role, line, _byline_run(doc.lines, roles, i))
    if doc.title is None and roles and roles[0] not in KEEP:
        _title_from_page_title(doc, doc.lines[0])
    doc.lines[:] = kept
    return doc


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


def _title_from_page_title(doc: Document, line: str) -> None:
    """No headline line: a full-page dump starts with the page <title>, 'Headline | Site'."""
    head = _page_title(line)
    if head is not None:
        kicker, doc.title = split_kicker(head)
        doc.kicker = doc.kicker or kicker


def _page_title(line: str) -> str | None:
    head = _SITE_SEPARATOR.split(line)[0].strip()
    return head if len(head.split()) >= MIN_TITLE_WORDS and not ends_sentence(head) else None


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
    elif field == "authors" and byline:
        doc.authors.extend(a for a in split_authors(byline) if a not in doc.authors)
    elif field == "date":
        published, modified = published_and_modified(line)
        doc.date = doc.date or published or modified
        doc.date_modified = doc.date_modified or modified
    elif field == "captions" and line not in doc.captions:
        doc.captions.append(line)
