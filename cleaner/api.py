"""The library API. The CLI is a thin layer over these functions.

    >>> from cleaner import clean_text
    >>> doc = clean_text(open("seeds/004_a6927e8d2a57a50c.txt").read())
    >>> doc.dateline, doc.agency
    ('Peking', 'dpa-AFX')

Each function returns a `Document` (an article) or a `Reject` (with `.reason`); `.ok` tells
which. None of them raises for bad input; a wrong argument type is a caller's error and
raises `TypeError`.
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

PathArg = str | os.PathLike[str]


def clean_text(text: str, url: str | None = None, settings: Settings | None = None) -> Outcome:
    """Clean plain text that another tool extracted (may still carry boilerplate)."""
    _expect("text", text, str)
    _expect("url", url, (str, type(None)))
    return default_pipeline(settings).run_text(text, _source("text", url), "text")


def clean_html(
    html: str | bytes, url: str | None = None, settings: Settings | None = None
) -> Outcome:
    """Extract and clean an HTML page (str, or raw bytes to be decoded)."""
    _expect("html", html, (str, bytes))
    _expect("url", url, (str, type(None)))
    pipeline = default_pipeline(settings)
    source = _source("text", url)
    if isinstance(html, bytes):
        return pipeline.run_bytes(html, source, "html")
    return pipeline.run_text(html, source, "html")


def clean_file(path: PathArg, settings: Settings | None = None) -> Outcome:
    """Clean one .html/.htm/.txt file (gzipped too); the kind comes from the name.

    A WARC file holds many documents, so it is a caller's error here (`ValueError`): pass it
    to `clean_paths`, which yields one outcome per record."""
    _expect("path", path, (str, os.PathLike))
    norm = os.path.normpath(os.fspath(path))
    kind = kind_of(Path(norm))
    if kind == "warc":
        raise ValueError(f"{norm} is a WARC archive of many documents: use clean_paths")
    item = Item(Source(kind="file", path=norm), kind or "text")
    return process_item(item, default_pipeline(settings))


def clean_paths(
    paths: PathArg | Iterable[PathArg], settings: Settings | None = None
) -> Iterator[Outcome]:
    """Every supported file under `paths` (one path, or several; walked in sorted order),
    one outcome each; a WARC file gives one outcome per record."""
    limits = (settings or Settings()).limits
    for outcome in run_items(iter_items(_path_list(paths), limits), settings):
        if not isinstance(outcome, Skipped):
            yield outcome


def _path_list(paths: PathArg | Iterable[PathArg]) -> list[PathArg]:
    """A str or PathLike is one path, never an iterable of characters."""
    if isinstance(paths, (str, os.PathLike)):
        return [paths]
    if isinstance(paths, bytes) or not isinstance(paths, Iterable):
        raise TypeError(f"paths must be a path or an iterable of paths, not {type(paths).__name__}")
    listed = list(paths)
    for path in listed:
        _expect("each path", path, (str, os.PathLike))
    return listed


def _expect(name: str, value: object, types: type | tuple[type, ...]) -> None:
    if not isinstance(value, types):
        wanted = " or ".join(t.__name__ for t in (types if isinstance(types, tuple) else (types,)))
        raise TypeError(f"{name} must be {wanted}, not {type(value).__name__}")


def _source(kind: str, url: str | None) -> Source:
    return Source(kind="url" if url else kind, url=url)
