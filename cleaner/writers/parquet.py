"""Parquet out: the same rows, in the same order, as the JSONL writer, typed by the schema.

The rows are written in row groups as they come (memory stays bounded) to a temporary name in
the output's folder, which is renamed to the output only when the run ends normally: a Parquet
file has its footer at the end, so it exists complete or not at all. For the same reason it
cannot be appended to, and `--resume` refuses it (see cleaner.writers.choose).
"""

from __future__ import annotations

import os
from types import TracebackType
from typing import Any

import orjson

from cleaner.errors import OutputError
from cleaner.schema import arrow_schema
from cleaner.schema.jsonschema import Which

# rows per row group: big enough for good compression and fast scans, small enough to hold
ROW_GROUP_ROWS = 2000


class ParquetWriter:
    """Writes records (or rejects) to `path` as Parquet with the published Arrow schema."""

    def __init__(self, path: str, which: Which = "record") -> None:
        self.path, self.which = path, which
        folder, name = os.path.split(path)
        # same folder, so the rename is atomic; the pid keeps two runs apart
        self.tmp = os.path.join(folder, f".tmp-{os.getpid()}-{name}")
        self._rows: list[dict[str, Any]] = []
        self._file: Any = None

    def __enter__(self) -> ParquetWriter:
        try:
            import pyarrow.parquet as pq
        except ImportError:
            raise OutputError(
                f"{self.path}: Parquet output needs pyarrow (pip install 'cleaner[parquet]')"
            ) from None
        self._schema = arrow_schema(self.which)
        try:
            self._file = pq.ParquetWriter(self.tmp, self._schema, compression="zstd")
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {exc}") from None
        return self

    def write(self, record: dict[str, Any]) -> None:
        self._rows.append(record)
        if len(self._rows) >= ROW_GROUP_ROWS:
            self._flush()

    def write_line(self, line: bytes) -> None:
        """Take a finished JSONL line, as the JSONL writer does."""
        self.write(orjson.loads(line))

    def _flush(self) -> None:
        import pyarrow as pa

        if self._rows:
            self._file.write_table(pa.Table.from_pylist(self._rows, schema=self._schema))
            self._rows = []

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if exc is None:
                self._flush()
            self._file.close()
            if exc is None:
                os.replace(self.tmp, self.path)
        except OSError as err:
            if exc is None:
                raise OutputError(f"cannot write {self.path}: {err}") from None
        finally:
            if os.path.exists(self.tmp):
                os.unlink(self.tmp)
