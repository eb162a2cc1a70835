"""Resume an interrupted run: repair the outputs and list the inputs already done.

A run killed at any point (even SIGKILL) leaves complete lines plus at most one torn line at
the end of each output. `prepare_resume` cuts the torn tail off (for a compressed file: keeps
the readable complete lines) and returns the ids of every record and reject written, so the
restarted run skips exactly those inputs and appends the rest: no loss, no duplicates.
"""

from __future__ import annotations

import gzip
import os
import zlib
from collections.abc import Iterable, Iterator

import orjson

from cleaner.errors import OutputError
from cleaner.writers.jsonl import JsonlWriter
from cleaner.writers.streams import compression_of, open_read

_ID_PREFIX = b'{"id":"'
_ID_LEN = 16  # cleaner.document.record_id


def prepare_resume(paths: Iterable[str | None]) -> set[str]:
    """Repair each existing output and return the ids found in all of them."""
    done: set[str] = set()
    for path in paths:
        if path and os.path.exists(path):
            repair(path)
            done.update(read_ids(path))
    return done


def repair(path: str) -> None:
    """Drop a torn last line so that appending starts on a line boundary."""
    try:
        if compression_of(path):
            _rewrite_readable(path)
        else:
            _truncate_torn_tail(path)
    except OSError as exc:
        raise OutputError(f"cannot repair {path} for --resume: {exc.strerror}") from None


def read_ids(path: str) -> Iterator[str]:
    """The `id` of every line (records and rejects both put it first)."""
    for line in complete_lines(path):
        if line.startswith(_ID_PREFIX) and line[7 + _ID_LEN : 8 + _ID_LEN] == b'"':
            yield line[7 : 7 + _ID_LEN].decode("ascii")
        else:
            yield str(orjson.loads(line)["id"])


def _truncate_torn_tail(path: str) -> None:
    with open(path, "r+b") as handle:
        size = handle.seek(0, os.SEEK_END)
        end = size
        while end > 0:
            start = max(0, end - 65536)
            handle.seek(start)
            block = handle.read(end - start)
            cut = block.rfind(b"\n")
            if cut >= 0:
                end = start + cut + 1
                break
            end = start
        if end != size:
            handle.truncate(end)


def _rewrite_readable(path: str) -> None:
    """A compressed stream cut mid-block cannot be appended to: rewrite its readable lines."""
    tmp = os.path.join(os.path.dirname(path), f".resume-{os.path.basename(path)}")
    with JsonlWriter(tmp) as writer:
        for line in complete_lines(path):
            writer.write_line(line)
    os.replace(tmp, path)


def complete_lines(path: str) -> Iterator[bytes]:
    """Lines ending in a newline, up to the end or to the point where decompression fails."""
    with open_read(path) as stream:
        try:
            for line in stream:
                if line.endswith(b"\n"):
                    yield line
        except _TRUNCATED:
            return  # a gzip/zstd stream cut by the interruption: what came before it is kept


def _truncation_errors() -> tuple[type[Exception], ...]:
    errors: tuple[type[Exception], ...] = (EOFError, gzip.BadGzipFile, zlib.error)
    try:
        import zstandard
    except ImportError:
        return errors
    return (*errors, zstandard.ZstdError)


_TRUNCATED = _truncation_errors()
