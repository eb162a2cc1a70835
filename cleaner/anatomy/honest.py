"""Roles checked against what their lines carry, so that a cut's record tells the truth.

The model's role says where a cut line goes; this makes that true both ways:
- a byline run that names nobody ("Supported by") or a date line without a date carries no
  field: it is furniture, and recorded as such;
- a furniture line with a photo credit, or a text line that ends with one, between the
  headline and the end of the body is a caption or credit: it lands in `captions`, so
  nothing is lost;
- a headline does not end with a full stop (1 of 387 dev-set titles does): a "headline" that
  does is the text's first sentence, and stays in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.anatomy.grammar import credit_alone, ends_with_credit, is_credit
from cleaner.anatomy.roles import KEEP, Role
from cleaner.metadata.authors import split_authors
from cleaner.metadata.dates import published_and_modified

_FULL_STOP = re.compile(r"(?<!\.)\.[\"'”“«»’)\]]*$")  # "... gesagt." but not "Weiter ..."
HONEST_NAME = "anatomy.honest"  # how explain names a role this module changed
MIN_CAPTION_WORDS = 5  # a caption over its credit line says what the photo shows
MAX_CREDIT_WORDS = 60  # a caption with its credit, not a paragraph that names a photographer


def honest_roles(lines: Sequence[str], roles: Sequence[Role]) -> list[Role]:
    out = [_credit_or(role, line) for line, role in zip(lines, roles, strict=True)]
    _empty_bylines(lines, out)
    for i, (line, role) in enumerate(zip(lines, out, strict=True)):
        if role == "date" and published_and_modified(line) == (None, None):
            out[i] = "boiler"
        elif role == "headline" and ends_sentence(line):
            out[i] = "body"
    _credits_to_captions(lines, out)
    return out


def _credit_or(role: Role, line: str) -> Role:
    """A bracketed credit the model read as a byline ("(Jane Sample / The Citizen)") is a
    credit: it names the photographer, not the story's author."""
    return "caption" if role == "byline" and credit_alone(line) else role


def ends_sentence(line: str) -> bool:
    """A full stop at the end: a sentence of the text, never a headline."""
    return _FULL_STOP.search(line) is not None


def _empty_bylines(lines: Sequence[str], roles: list[Role]) -> None:
    """A run of byline lines whose joined text names no author is furniture."""
    i = 0
    while i < len(roles):
        j = i
        while j < len(roles) and roles[j] == "byline":
            j += 1
        if j > i and not split_authors(", ".join(lines[i:j])):
            roles[i:j] = ["boiler"] * (j - i)
        i = max(j, i + 1)


def _credits_to_captions(lines: Sequence[str], roles: list[Role]) -> None:
    kept = [i for i, role in enumerate(roles) if role in KEEP]
    start = roles.index("headline") if "headline" in roles else (kept[0] if kept else 0)
    end = kept[-1] if kept else -1
    for i in range(start, end):
        if len(lines[i].split()) <= MAX_CREDIT_WORDS and _carries_credit(lines[i], roles[i]):
            roles[i] = "caption"
        if i > start and roles[i - 1] == "boiler" and _captions(lines[i - 1], lines[i]):
            roles[i - 1] = "caption"  # the caption over its own credit line


def _captions(line: str, below: str) -> bool:
    """A sentence right over a credit line of its own is that photo's caption (a label or a
    menu item over it is not: "Weitere Themen:", "Azubitest")."""
    return credit_alone(below) and len(line.split()) >= MIN_CAPTION_WORDS and ends_sentence(line)


def _carries_credit(line: str, role: Role) -> bool:
    """A cut line that holds a credit anywhere, or a kept one that ends with it: a body
    sentence may name a photo agency, a caption closes with its credit."""
    if role == "boiler":
        return is_credit(line) or credit_alone(line)
    return role in KEEP and ends_with_credit(line)
