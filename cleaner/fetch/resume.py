"""--resume: the URLs an earlier run already settled, read from its output and rejects files.

An interrupted run may leave a half-written last line; `cleaner.resume.repair` cuts it off
(for a compressed output: keeps the readable complete lines) before appending, so its URL is
fetched again and the files stay valid JSONL with no duplicates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import orjson

from cleaner.resume import complete_lines, repair


def settled_urls(paths: Iterable[Path | None]) -> set[str]:
    """source.url of every complete record in the files that exist."""
    done: set[str] = set()
    for path in paths:
        if path is not None and path.exists():
            repair(str(path))
            done.update(_urls(str(path)))
    return done


def _urls(path: str) -> Iterator[str]:
    for line in complete_lines(path):
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError:
            continue
        source = record.get("source") if isinstance(record, dict) else None
        url = source.get("url") if isinstance(source, dict) else None
        if isinstance(url, str):
            yield url
