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
