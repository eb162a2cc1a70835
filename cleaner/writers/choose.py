"""The writer for an output, chosen by its file name: `.parquet` is Parquet, anything else is
JSON Lines (compressed as its name says: .gz, .zst); no name is JSONL on stdout."""

from __future__ import annotations

from types import TracebackType
from typing import Any, Protocol

from cleaner.errors import OutputError
from cleaner.schema.jsonschema import Which
from cleaner.writers.jsonl import JsonlWriter

PARQUET_SUFFIXES = (".parquet", ".pq")


class RecordWriter(Protocol):
    """What the runs write through: whole records, or finished JSONL lines."""

    def __enter__(self) -> RecordWriter: ...

    def write(self, record: dict[str, Any]) -> None: ...

    def write_line(self, line: bytes) -> None: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


def is_parquet(path: str | None) -> bool:
    return bool(path) and str(path).lower().endswith(PARQUET_SUFFIXES)


def open_records(path: str | None, append: bool = False, which: Which = "record") -> RecordWriter:
    """A writer for `path`; `append` (for --resume) only for JSONL."""
    if not is_parquet(path):
        return JsonlWriter(path, append)
    if append:
        refuse_append(path)
    from cleaner.writers.parquet import ParquetWriter

    return ParquetWriter(str(path), which)


def refuse_append(path: str | None) -> None:
    """--resume appends, which Parquet (one footer at the end) cannot: say so before anything."""
    if is_parquet(path):
        raise OutputError(
            f"{path}: a Parquet file cannot be resumed (it is written whole at the end); "
            "use -o FILE.jsonl (or .jsonl.gz/.zst) for resumable runs and convert afterwards"
        )
