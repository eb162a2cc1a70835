"""Header structure that needs more than one line to see: a title printed twice."""

from __future__ import annotations

from cleaner.document import Document

MAX_TITLE_CHARS = 250
HEAD_LINES = 4  # a repeated title sits in the first lines, after a URL or date header at most


def title_from_repeat(doc: Document) -> Document:
    """Two identical adjacent short lines at the top: the first is the title, both leave."""
    for i in range(min(HEAD_LINES, len(doc.lines) - 1)):
        line = doc.lines[i]
        if line == doc.lines[i + 1] and _title_like(line):
            if doc.title is None:
                doc.title = line
            doc.remove("header.title", line)
            doc.remove("header.repeated-title", line)
            del doc.lines[i : i + 2]
            break
    return doc


def _title_like(line: str) -> bool:
    return 3 <= len(line) <= MAX_TITLE_CHARS and not line.endswith((".", ":", ";", ","))


_KICKER_MAX_WORDS = 4  # "Autozulieferer: Kessler streicht ..." - a rubric is a few words
_TITLE_MIN_WORDS = 3


def split_kicker(headline: str) -> tuple[str | None, str]:
    """'Kicker: Title' (or FAZ's 'Kicker : Title') -> (kicker, title); else (None, headline).

    Only when the part before the colon is a short rubric and the rest a headline of its own,
    so a title that merely contains a colon later on ("Why X: a guide") is left whole.
    """
    head, sep, rest = headline.partition(":")
    head, rest = head.strip(), rest.strip()
    if (
        sep
        and 1 <= len(head.split()) <= _KICKER_MAX_WORDS
        and len(rest.split()) >= _TITLE_MIN_WORDS
        and not head[-1:].isdigit()
    ):
        return head, rest
    return None, headline.strip()
