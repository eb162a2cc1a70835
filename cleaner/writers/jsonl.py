"""JSON Lines out: one compact UTF-8 JSON object per line, keys in schema order."""

from __future__ import annotations

import sys
from types import TracebackType
from typing import IO, Any

import orjson

from cleaner.errors import OutputError


def dumps(record: dict[str, Any]) -> bytes:
    """One record as a JSONL line (orjson keeps key order and writes UTF-8, not escapes)."""
    return orjson.dumps(record) + b"\n"


class JsonlWriter:
    """Writes records to a file, or to stdout when no path is given."""

    def __init__(self, path: str | None, append: bool = False) -> None:
        self.path = path
        self.mode = "ab" if append else "wb"
        self._handle: IO[bytes] | None = None

    def __enter__(self) -> JsonlWriter:
        try:
            self._handle = open(self.path, self.mode) if self.path else sys.stdout.buffer
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {exc.strerror}") from None
        return self

    def write(self, record: dict[str, Any]) -> None:
        assert self._handle is not None, "use JsonlWriter as a context manager"
        try:
            self._handle.write(dumps(record))
        except OSError as exc:
            raise OutputError(f"cannot write {self.path or 'stdout'}: {exc.strerror}") from None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._handle is not None:
            self._handle.flush()
            if self.path:
                self._handle.close()
