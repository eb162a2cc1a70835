"""JSON Lines out: one compact UTF-8 JSON object per line, keys in schema order.

The writer takes whole lines and writes each with one call, so an interrupted run leaves at
most one torn line at the end of a file, which `cleaner.run.resume` cuts off.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import IO, Any

import orjson

from cleaner.errors import OutputError
from cleaner.writers.streams import open_write

# a compressor holds its output until its buffer fills: flushing every so many lines bounds what
# a killed run loses (and --resume redoes); by count, not time, so the bytes stay reproducible
FLUSH_EVERY_LINES = 1000


def dumps(record: dict[str, Any]) -> bytes:
    """One record as a JSONL line (orjson keeps key order and writes UTF-8, not escapes)."""
    return orjson.dumps(record) + b"\n"


class JsonlWriter:
    """Writes records to a file (compressed by its name), or to stdout when no path is given."""

    def __init__(self, path: str | None, append: bool = False) -> None:
        self.path = path
        self.append = append
        self._handle: IO[bytes] | None = None
        self._lines = 0

    def __enter__(self) -> JsonlWriter:
        try:
            self._handle = open_write(self.path, self.append) if self.path else sys.stdout.buffer
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {exc.strerror}") from None
        return self

    def write(self, record: dict[str, Any]) -> None:
        self.write_line(dumps(record))

    def write_line(self, line: bytes) -> None:
        """Write one finished JSONL line (ending in a newline)."""
        assert self._handle is not None, "use JsonlWriter as a context manager"
        try:
            self._handle.write(line)
            self._lines += 1
            if self._lines % FLUSH_EVERY_LINES == 0:
                self._handle.flush()
        except OSError as exc:
            raise OutputError(f"cannot write {self.path or 'stdout'}: {exc.strerror}") from None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._handle is None:
            return
        try:
            self._handle.flush()
            if self.path:
                self._handle.close()
        except OSError as err:
            if exc is None:  # do not hide the error that is already on its way out
                raise OutputError(f"cannot write {self.path}: {err.strerror}") from None
