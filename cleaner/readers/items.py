"""Inputs as work items: what to clean, where it came from, and how to read it.

An `Item` is small and picklable so it can be sent to a worker process: a file item carries
only its path (the worker reads it), a WARC record carries its payload.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from cleaner.config import Limits
from cleaner.document import DocKind, Source
from cleaner.errors import Reason, Rejected
from cleaner.readers.files import Entry, InputKind, read_input, walk
from cleaner.readers.sniff import HEAD_BYTES, sniff, sniff_file


@dataclass
class Item:
    """One input to clean: a file to read, or bytes already in hand."""

    source: Source
    kind: DocKind
    data: bytes | None = field(default=None, repr=False)
    problem: tuple[Reason, str] | None = None  # (reason, detail) found while reading an archive
    filed_as: str | None = None  # the URL the record is filed under (asked for, not redirected to)
    text: str | None = field(default=None, repr=False)  # already decoded (the library's str)
    read_to: int | None = None  # a WARC record: bytes of its file read once it was (progress)
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


def file_item(path: Path, kind: DocKind, entry: Entry | None = None) -> Item:
    """A work item for a page or text file (a walk's entry may carry a problem: a folder it
    could not enter, a link it must not follow; the item is then a reject `unreadable`)."""
    problem: tuple[Reason, str] | None = None
    if entry is not None and entry.problem:
        problem = ("unreadable", entry.problem)
    file_id = entry.file_id if entry is not None else None
    return Item(
        Source(kind="file", path=os.path.normpath(str(path))), kind, None, problem, file_id=file_id
    )


def stdin_item(stream: BinaryIO, kind: DocKind | None, limits: Limits) -> Item:
    """One document read from stdin (`cleaner clean -`); its kind sniffed unless given."""
    data = stream.read(limits.max_input_bytes + 1)  # one byte over: Item.read rejects it
    source = Source(kind="text")
    found = kind or sniff(data[:HEAD_BYTES])
    if found == "warc":
        detail = "a WARC archive on stdin: give it as a file"
        return Item(source, "text", None, ("binary", detail))
    return Item(source, found, data)


def iter_items(
    paths: Iterable[str | os.PathLike[str]],
    limits: Limits | None = None,
    extensions: Iterable[str] = (),
) -> Iterator[Item | Skipped]:
    """Work items for every input under `paths`, in sorted order; others as Skipped.

    A file named explicitly is read whatever its extension (its kind sniffed from its first
    bytes); in folders, files of `extensions` (".php", ".shtml", "" for none) are too.
    Lazy: one WARC record's payload at a time is held here, however large the input."""
    limits = limits or Limits()
    max_bytes = limits.max_input_bytes
    paths = list(paths)
    wanted = Wanted(paths, extensions)
    for entry in walk(paths, limits.follow_links):
        kind = input_kind(entry, wanted)
        if entry.problem:
            yield file_item(entry.path, "text", entry)
        elif kind in ("html", "text"):
            yield file_item(entry.path, kind, entry)
        elif kind == "warc":
            yield from _warc_items(entry.path, max_bytes)
        else:
            yield Skipped(os.path.normpath(str(entry.path)))


def input_kind(entry: Entry, wanted: Wanted) -> InputKind | None:
    """What a walk's entry is read as: by its name, else sniffed when it is wanted anyway."""
    return entry.kind or (sniff_file(entry.path) if wanted(entry.path) else None)


class Wanted:
    """Which files of no known extension are read anyway: named explicitly, or of an
    extension the user added (`--ext`)."""

    def __init__(self, paths: Iterable[str | os.PathLike[str]], extensions: Iterable[str]) -> None:
        self.explicit = {os.path.abspath(p) for p in paths if os.path.isfile(p)}
        self.extensions = {_dotted(ext) for ext in extensions}

    def __call__(self, path: Path) -> bool:
        suffix = path.suffix.lower() if not path.name.startswith(".") else ""
        return os.path.abspath(path) in self.explicit or suffix in self.extensions


def _dotted(ext: str) -> str:
    ext = ext.strip().lower()
    return f".{ext.lstrip('.')}" if ext.lstrip(".") else ""


def input_bytes(paths: Iterable[str | os.PathLike[str]]) -> int:
    """The size of every file the walk will meet: the progress bar's total."""
    total = 0
    for entry in walk(paths):
        try:
            total += entry.path.stat().st_size
        except OSError:
            continue  # its read will reject it with the reason
    return total


def _warc_items(path: Path, max_bytes: int) -> Iterator[Item | Skipped]:
    from cleaner.readers.warc import iter_warc_items

    yield from iter_warc_items(path, max_bytes)
