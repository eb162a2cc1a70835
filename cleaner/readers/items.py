"""Inputs as work items: what to clean, where it came from, and how to read it.

An `Item` is small and picklable so it can be sent to a worker process: a file item carries
only its path (the worker reads it), a WARC record carries its payload.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.config import Limits
from cleaner.document import Source
from cleaner.errors import Rejected
from cleaner.readers.files import Entry, read_input, walk


@dataclass
class Item:
    """One input to clean: a file to read, or bytes already in hand."""

    source: Source
    kind: str  # "html" or "text"
    data: bytes | None = field(default=None, repr=False)
    problem: tuple[str, str] | None = None  # (reason, detail) found while reading an archive
    file_id: tuple[int, int] | None = None  # (device, inode) the walk saw; read checks it

    def read(self, limits: Limits) -> bytes:
        """The raw bytes (reads and gunzips a file item within the caps)."""
        if self.problem is not None:
            raise Rejected(*self.problem)
        if self.data is None:
            return read_input(Path(self.source.path or ""), limits, self.file_id)
        if len(self.data) > limits.max_input_bytes:
            raise Rejected("too_large", f"larger than {limits.max_input_bytes} bytes")
        return self.data


@dataclass
class Skipped:
    """A file the walk found but cleaner does not read (unsupported type)."""

    path: str


def file_item(entry: Entry) -> Item:
    """A work item for a file found by the walk."""
    path = os.path.normpath(str(entry.path))
    problem = ("unreadable", entry.problem) if entry.problem else None
    return Item(Source(kind="file", path=path), entry.kind or "text", None, problem, entry.file_id)


def iter_items(
    paths: Iterable[str | os.PathLike[str]], limits: Limits | None = None
) -> Iterator[Item | Skipped]:
    """Work items for every supported file under `paths`, in sorted order; others as Skipped.

    Lazy: one WARC record's payload at a time is held here, however large the input."""
    limits = limits or Limits()
    max_bytes = limits.max_input_bytes
    for entry in walk(paths, limits.follow_links):
        if entry.kind in ("html", "text") or entry.problem:
            yield file_item(entry)
        elif entry.kind == "warc":
            yield from _warc_items(entry, max_bytes)
        else:
            yield Skipped(os.path.normpath(str(entry.path)))


def count_files(paths: Iterable[str | os.PathLike[str]]) -> int:
    """How many files the walk will meet (a WARC file counts once): the progress bar's total."""
    return sum(1 for _ in walk(paths))


def _warc_items(entry: Entry, max_bytes: int) -> Iterator[Item | Skipped]:
    from cleaner.readers.warc import iter_warc_items

    yield from iter_warc_items(entry.path, max_bytes)
