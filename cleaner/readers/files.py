"""Walk files and directories in sorted order and read each input with caps."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cleaner.config import Limits
from cleaner.errors import Rejected
from cleaner.readers.compression import GZIP_MAGIC, gunzip_bounded

KINDS = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text"}
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
MAX_BYTES_PER_CHAR = 4  # UTF-32, the widest encoding decode() accepts


@dataclass(frozen=True)
class Entry:
    """One path found by the walk: an input with its kind, or a skipped file."""

    path: Path
    kind: str | None  # "html", "text", "warc", or None when skipped


def kind_of(path: Path) -> str | None:
    """The input kind from the file name (.gz allowed), None when unsupported."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(".gz"):
        name = name[:-3]
    return KINDS.get(os.path.splitext(name)[1])


def walk(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Entry]:
    """Every file under the given paths, sorted, so runs are reproducible.

    A file reached twice because the paths overlap (a folder and a file in it, a path given
    twice) is walked once: one input, one outcome. Only then are file paths remembered, so a
    walk over millions of files in disjoint folders keeps its memory flat."""
    roots = [Path(root) for root in paths]
    entries = (entry for root in roots for entry in _walk_one(root, seen=set()))
    yield from _unique(entries) if _overlapping(roots) else entries


def _overlapping(roots: list[Path]) -> bool:
    absolute = [os.path.abspath(root) for root in roots]
    return any(
        a == b or a.startswith(b.rstrip(os.sep) + os.sep)
        for i, a in enumerate(absolute)
        for j, b in enumerate(absolute)
        if i != j
    )


def _unique(entries: Iterator[Entry]) -> Iterator[Entry]:
    seen: set[str] = set()
    for entry in entries:
        key = os.path.abspath(entry.path)
        if key not in seen:
            seen.add(key)
            yield entry


def _walk_one(path: Path, seen: set[tuple[int, int]]) -> Iterator[Entry]:
    if not path.is_dir():
        yield Entry(path, kind_of(path))
        return
    if _new_dir(path, seen):
        for child in sorted(_children(path), key=lambda p: p.name):
            yield from _walk_one(child, seen)


def _new_dir(path: Path, seen: set[tuple[int, int]]) -> bool:
    """True the first time a directory is met: a symlink loop is walked once."""
    try:
        stat = path.stat()
    except OSError:
        return False
    key = (stat.st_dev, stat.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _children(path: Path) -> list[Path]:
    try:
        return list(path.iterdir())
    except OSError:
        return []


def read_input(path: Path, limits: Limits) -> bytes:
    """Read a file, gunzipping when it is gzip, within the caps in `limits`."""
    try:
        data = _read_capped(path, limits.max_input_bytes)
    except OSError as exc:
        raise Rejected("unreadable", exc.strerror or str(exc)) from None
    text_cap = MAX_BYTES_PER_CHAR * limits.max_text_chars
    if data.startswith(GZIP_MAGIC):
        data = gunzip_bounded(data, min(limits.max_decompressed_bytes, text_cap))
    if len(data) > text_cap:
        # more bytes than the longest allowed text can take in any encoding: refuse now,
        # without decoding megabytes only to count their characters
        raise Rejected("too_large", f"{len(data)} bytes, over {limits.max_text_chars} characters")
    return data


def _read_capped(path: Path, cap: int) -> bytes:
    if not path.is_file():
        raise Rejected("unreadable", "not a regular file")
    with path.open("rb") as handle:
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise Rejected("too_large", f"larger than {cap} bytes")
    return data
