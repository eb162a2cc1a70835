"""The library API. The CLI is a thin layer over these functions.

    >>> from cleaner import clean_text
    >>> doc = clean_text(open("seeds/004_a6927e8d2a57a50c.txt").read())
    >>> doc.dateline, doc.agency
    ('Peking', 'dpa-AFX')

Each function returns a `Document` (an article) or a `Reject` (with `.reason`); `.ok` tells
which. None of them raises for bad input.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from cleaner.config import Settings
from cleaner.document import Outcome, Source
from cleaner.fetch.run import fetch_and_clean as fetch_and_clean  # async: URLs in, outcomes out
from cleaner.inputs import Item, Skipped, iter_items
from cleaner.pipeline import default_pipeline
from cleaner.readers.files import kind_of
from cleaner.runner import process_item, run_items


def clean_text(text: str, url: str | None = None, settings: Settings | None = None) -> Outcome:
    """Clean plain text that another tool extracted (may still carry boilerplate)."""
    return default_pipeline(settings).run_text(text, _source("text", url), "text")


def clean_html(
    html: str | bytes, url: str | None = None, settings: Settings | None = None
) -> Outcome:
    """Extract and clean an HTML page (str, or raw bytes to be decoded)."""
    pipeline = default_pipeline(settings)
    source = _source("text", url)
    if isinstance(html, bytes):
        return pipeline.run_bytes(html, source, "html")
    return pipeline.run_text(html, source, "html")


def clean_file(path: str | os.PathLike[str], settings: Settings | None = None) -> Outcome:
    """Clean one .html/.htm/.txt file (gzipped too); the kind comes from the name."""
    norm = os.path.normpath(str(path))
    item = Item(Source(kind="file", path=norm), kind_of(Path(norm)) or "text")
    return process_item(item, default_pipeline(settings))


def clean_paths(
    paths: Iterable[str | os.PathLike[str]], settings: Settings | None = None
) -> Iterator[Outcome]:
    """Every supported file under `paths` (walked in sorted order), one outcome each."""
    limits = (settings or Settings()).limits
    for outcome in run_items(iter_items(paths, limits), settings):
        if not isinstance(outcome, Skipped):
            yield outcome


def _source(kind: str, url: str | None) -> Source:
    return Source(kind="url" if url else kind, url=url)
