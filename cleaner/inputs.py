"""Inputs as work items: what to clean, where it came from, and how to read it.

An `Item` is small and picklable so it can be sent to a worker process: a file item carries
only its path (the worker reads it), a WARC record carries its payload.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from cleaner.config import Limits
from cleaner.document import Source
from cleaner.readers.files import Entry, read_input, walk


@dataclass
class Item:
    """One input to clean: a file to read, or bytes already in hand."""

    source: Source
    kind: str  # "html" or "text"
    data: bytes | None = field(default=None, repr=False)

    def read(self, limits: Limits) -> bytes:
        """The raw bytes (reads and gunzips a file item within the caps)."""
        if self.data is not None:
            return self.data
        from pathlib import Path

        return read_input(Path(self.source.path or ""), limits)


@dataclass
class Skipped:
    """A file the walk found but cleaner does not read (unsupported type)."""

    path: str


def file_item(entry: Entry) -> Item:
    """A work item for a file found by the walk."""
    path = os.path.normpath(str(entry.path))
    return Item(Source(kind="file", path=path), entry.kind or "text")


def iter_items(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Item | Skipped]:
    """Work items for every supported file under `paths`, in sorted order; others as Skipped."""
    for entry in walk(paths):
        if entry.kind in ("html", "text"):
            yield file_item(entry)
        elif entry.kind == "warc":
            yield from _warc_items(entry)
        else:
            yield Skipped(os.path.normpath(str(entry.path)))


def _warc_items(entry: Entry) -> Iterator[Item | Skipped]:
    from cleaner.readers.warc import iter_warc_items

    yield from iter_warc_items(entry.path)
