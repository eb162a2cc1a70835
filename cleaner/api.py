"""The library API. The CLI is a thin layer over these functions.

    >>> from cleaner import clean_text
    >>> doc = clean_text(open("seeds/004_a6927e8d2a57a50c.txt").read())
    >>> doc.dateline, doc.agency
    ('Peking', 'dpa-AFX')

Each function returns a `Document` (an article) or a `Reject` (with `.reason`); `.ok` tells
which. None of them raises for bad input; a wrong argument type is a caller's error and
raises `TypeError`.

Every call honours the per-document time limit `Settings.limits.doc_timeout_s` (60 s by
default): the document is cleaned in a worker process (started once, on the first call, and
shared by the calls that follow), which is killed past the limit; the outcome is then a reject
`timeout`. That costs a round trip to the worker per document (about a millisecond, plus the
page's size in pickling). With `Limits(doc_timeout_s=None)` the calls clean in the calling
process instead: no limit, no round trip.
"""

from __future__ import annotations

import atexit
import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from cleaner.config import RunSettings, Settings
from cleaner.document import Outcome, Source
from cleaner.fetch.run import fetch_and_clean as fetch_and_clean  # async: URLs in, outcomes out
from cleaner.pipeline import default_pipeline
from cleaner.readers.files import kind_of
from cleaner.readers.items import Item, Skipped, file_item, iter_items
from cleaner.readers.sniff import sniff_file
from cleaner.run.outcome import process_item, run_items
from cleaner.run.pool import Pool

PathArg = str | os.PathLike[str]


def clean_text(text: str, url: str | None = None, settings: Settings | None = None) -> Outcome:
    """Clean plain text that another tool extracted (may still carry boilerplate)."""
    _expect("text", text, str)
    _expect("url", url, (str, type(None)))
    return _clean(Item(_source(url), "text", text=text), settings)


def clean_html(
    html: str | bytes, url: str | None = None, settings: Settings | None = None
) -> Outcome:
    """Extract and clean an HTML page (str, or raw bytes to be decoded)."""
    _expect("html", html, (str, bytes))
    _expect("url", url, (str, type(None)))
    if isinstance(html, str):
        return _clean(Item(_source(url), "html", text=html), settings)
    return _clean(Item(_source(url), "html", html), settings)


def clean_file(path: PathArg, settings: Settings | None = None) -> Outcome:
    """Clean one page or text file (gzipped too); the kind comes from the name, else from
    the first bytes.

    A WARC file holds many documents, so it is a caller's error here (`ValueError`): pass it
    to `clean_paths`, which yields one outcome per record."""
    _expect("path", path, (str, os.PathLike))
    norm = Path(os.path.normpath(os.fspath(path)))
    kind = kind_of(norm) or sniff_file(norm)
    if kind == "warc":
        raise ValueError(f"{norm} is a WARC archive of many documents: use clean_paths")
    return _clean(file_item(norm, kind), settings)


def clean_paths(
    paths: PathArg | Iterable[PathArg], settings: Settings | None = None
) -> Iterator[Outcome]:
    """Every supported file under `paths` (one path, or several; walked in sorted order),
    one outcome each; a WARC file gives one outcome per record."""
    settings = settings or Settings()
    items = iter_items(_path_list(paths), settings.limits)
    if settings.limits.doc_timeout_s is None:
        yield from (o for o in run_items(items, settings) if not isinstance(o, Skipped))
        return
    outcomes = _shared_pool(settings).ordered_outcomes(items, settings)
    yield from (o for o in outcomes if not isinstance(o, Skipped))


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


def _clean(item: Item, settings: Settings | None) -> Outcome:
    settings = settings or Settings()
    if settings.limits.doc_timeout_s is None:
        return process_item(item, default_pipeline(settings))
    return _shared_pool(settings).outcome(item, settings)


def _source(url: str | None) -> Source:
    return Source(kind="url", url=url) if url else Source(kind="text")


_POOL: Pool | None = None
_POOL_PID = 0  # the process that started _POOL: a forked child needs its own
_POOL_LOCK = threading.Lock()


def _shared_pool(settings: Settings) -> Pool:
    """One worker process for the library's single calls, started on first use."""
    global _POOL, _POOL_PID
    with _POOL_LOCK:
        if _POOL is None or os.getpid() != _POOL_PID:
            _POOL, _POOL_PID = Pool(Settings(), RunSettings(jobs=1)).__enter__(), os.getpid()
            atexit.register(_POOL.close)
        default_pipeline(settings)  # a bad rule pack raises here, in the caller
        return _POOL
