"""--resume: the URLs an earlier run already settled, read from its output and rejects files.

An interrupted run may leave a half-written last line; it is cut off before appending (its URL
was not settled, so it is fetched again), which keeps the files valid JSONL with no duplicates.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import orjson


def settled_urls(paths: Iterable[Path | None]) -> set[str]:
    """source.url of every complete record in the files that exist."""
    done: set[str] = set()
    for path in paths:
        if path is not None and path.exists():
            trim_partial_line(path)
            done.update(_urls(path))
    return done


def trim_partial_line(path: Path) -> None:
    """Drop trailing bytes after the last newline (a record cut by an interruption)."""
    with path.open("rb+") as handle:
        size = handle.seek(0, os.SEEK_END)
        if size == 0:
            return
        handle.seek(max(0, size - 1))
        if handle.read(1) == b"\n":
            return
        handle.seek(0)
        data = handle.read()
        handle.truncate(data.rfind(b"\n") + 1)


def _urls(path: Path) -> Iterable[str]:
    with path.open("rb") as handle:
        for line in handle:
            try:
                record = orjson.loads(line)
            except orjson.JSONDecodeError:
                continue
            source = record.get("source") if isinstance(record, dict) else None
            url = source.get("url") if isinstance(source, dict) else None
            if isinstance(url, str):
                yield url
