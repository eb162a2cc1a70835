"""Walk files and directories in sorted order and read each input with caps."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cleaner.config import Limits
from cleaner.document import DocKind
from cleaner.errors import Rejected
from cleaner.readers.compression import GZIP_MAGIC, gunzip_bounded

InputKind = Literal["html", "text", "warc"]
KINDS: dict[str, DocKind] = {".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text"}
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")
MAX_BYTES_PER_CHAR = 4  # UTF-32, the widest encoding decode() accepts


@dataclass(frozen=True)
class Entry:
    """One path found by the walk: an input with its kind, a skipped file, or a path the
    walk could not enter or must not follow (`problem` says why; it becomes a reject)."""

    path: Path
    kind: InputKind | None  # None when skipped
    problem: str | None = None
    file_id: tuple[int, int] | None = None  # (device, inode) seen by the walk


def kind_of(path: Path) -> InputKind | None:
    """The input kind from the file name (.gz allowed), None when unsupported."""
    name = path.name.lower()
    if name.endswith(WARC_SUFFIXES):
        return "warc"
    if name.endswith(".gz"):
        name = name[:-3]
    return KINDS.get(os.path.splitext(name)[1])


def walk(paths: Iterable[str | os.PathLike[str]], follow_links: bool = False) -> Iterator[Entry]:
    """Every file under the given paths, sorted, so runs are reproducible.

    A symlink that leads out of the given paths is not followed unless `follow_links` (an
    Entry with a problem instead): a folder of inputs must not read the rest of the disk.
    A file reached twice because the paths overlap (a folder and a file in it, a path given
    twice) is walked once: one input, one outcome. Only then are file paths remembered, so a
    walk over millions of files in disjoint folders keeps its memory flat."""
    roots = [Path(root) for root in paths]
    bounds = None if follow_links else [os.path.realpath(root) for root in roots]
    entries = (entry for root in roots for entry in _walk_one(root, set(), bounds, True))
    yield from _unique(entries) if _overlapping(roots) else entries


def _overlapping(roots: list[Path]) -> bool:
    absolute = [os.path.abspath(root) for root in roots]
    return any(
        _within(a, b) for i, a in enumerate(absolute) for j, b in enumerate(absolute) if i != j
    )


def _within(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _unique(entries: Iterator[Entry]) -> Iterator[Entry]:
    seen: set[str] = set()
    for entry in entries:
        key = os.path.abspath(entry.path)
        if key not in seen:
            seen.add(key)
            yield entry


def _walk_one(
    path: Path, seen: set[tuple[int, int]], bounds: list[str] | None, root: bool
) -> Iterator[Entry]:
    if not root and bounds is not None and os.path.islink(path):
        target = os.path.realpath(path)
        if not any(_within(target, bound) for bound in bounds):
            yield Entry(
                path, None, f"symlink to {target}, outside the given paths (see --follow-links)"
            )
            return
    try:
        info = path.stat()
    except OSError as exc:  # dangling link, loop, vanished, or a folder we may not search
        yield Entry(path, kind_of(path), _why(exc) if exc.errno == errno.EACCES else None)
        return
    if not stat.S_ISDIR(info.st_mode):
        yield Entry(path, kind_of(path), file_id=(info.st_dev, info.st_ino))
    elif _new_dir(info, seen):
        yield from _walk_dir(path, seen, bounds)


def _walk_dir(path: Path, seen: set[tuple[int, int]], bounds: list[str] | None) -> Iterator[Entry]:
    try:
        with os.scandir(path) as listing:
            names = sorted(entry.name for entry in listing)
    except OSError as exc:  # searchable but not readable: say so, do not vanish
        yield Entry(path, None, f"folder cannot be listed: {_why(exc)}")
        return
    for name in names:
        yield from _walk_one(path / name, seen, bounds, False)


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _new_dir(info: os.stat_result, seen: set[tuple[int, int]]) -> bool:
    """True the first time a directory is met: a symlink loop is walked once."""
    key = (info.st_dev, info.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def read_input(path: Path, limits: Limits, file_id: tuple[int, int] | None = None) -> bytes:
    """Read a file, gunzipping when it is gzip, within the caps in `limits`; with the
    `file_id` the walk saw, a file swapped since (say for a symlink out of the tree) is
    refused instead of read."""
    try:
        data = _read_capped(path, limits.max_input_bytes, file_id)
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


def _read_capped(path: Path, cap: int, file_id: tuple[int, int] | None) -> bytes:
    if not path.is_file():
        raise Rejected("unreadable", "not a regular file")
    with path.open("rb") as handle:
        # what was opened, not what the name pointed to a moment ago
        info = os.fstat(handle.fileno())
        if file_id is not None and (info.st_dev, info.st_ino) != file_id:
            raise Rejected("unreadable", "the file was replaced after the walk found it")
        data = handle.read(cap + 1)
    if len(data) > cap:
        raise Rejected("too_large", f"larger than {cap} bytes")
    return data
