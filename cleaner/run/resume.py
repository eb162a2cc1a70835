"""Resume an interrupted run: repair the outputs and list the inputs already done.

A run killed at any point (even SIGKILL) leaves complete lines plus at most one torn line at
the end of each output. `prepare_resume` cuts the torn tail off (for a compressed file: keeps
the readable complete lines) and returns the ids of every record and reject written, so the
restarted run skips exactly those inputs and appends the rest: no loss, no duplicates.

Only lines that parse as a record (a JSON object with a string `id`) count as done. A file
whose first line is not one is not our output: resuming refuses it and leaves it as it is. A
corrupt line further on (a disk error, a hand edit) is removed, with a warning, and its input
is cleaned again: garbage is never kept and never trusted as done.
"""

from __future__ import annotations

import gzip
import logging
import os
import zlib
from collections.abc import Callable, Iterable, Iterator

import orjson

from cleaner.document import Source, record_id
from cleaner.errors import OutputError, SettingsError
from cleaner.readers.items import Item, Skipped
from cleaner.run.sink import Outputs
from cleaner.writers.atomic import atomic_jsonl
from cleaner.writers.choose import refuse_append
from cleaner.writers.streams import compression_of, open_read

log = logging.getLogger(__name__)
_RECORD_START = b'{"id":"'
_MAGIC = {"gzip": b"\x1f\x8b", "zstd": b"\x28\xb5\x2f\xfd"}


def check_resumable(outputs: Outputs) -> None:
    """Both files are needed: an input is done when it is in either."""
    if not outputs.out or outputs.out == "-" or not outputs.rejects:
        raise SettingsError("--resume needs both -o FILE and --rejects FILE")


def resume_ids(outputs: Outputs) -> set[str]:
    """The ids an interrupted run wrote to OUT and REJECTS (as staged: a partial file when
    there is one), after checking and repairing them."""
    return prepare_resume([outputs.out, outputs.rejects])


def prepare_resume(paths: Iterable[str | None]) -> set[str]:
    """Check and repair each existing output; return the ids found in all of them."""
    done: set[str] = set()
    for path in paths:
        refuse_append(path)  # a Parquet output is complete or absent, and cannot be appended to
        if path and os.path.exists(path):
            check_is_output(path)
            done.update(repair(path))
    return done


def check_is_output(path: str) -> None:
    """Refuse a file whose first line is not a record: it is not a cleaner output."""
    try:
        first = next(complete_lines(path), None)
        ours = _looks_ours(path) if first is None else _id_of(first) is not None
    except OSError as exc:
        raise OutputError(f"cannot read {path} for --resume: {exc.strerror}") from None
    if not ours:
        raise OutputError(
            f"{path} is not a cleaner JSONL output (its first line is not a record): "
            "--resume would damage it; choose another file"
        )


def _looks_ours(path: str) -> bool:
    """No complete line yet: empty, or one torn line; judged by how the file starts."""
    with open(path, "rb") as handle:
        head = handle.read(len(_RECORD_START))
    if not head:
        return True
    return head.startswith(_MAGIC.get(compression_of(path) or "", _RECORD_START))


def repair(path: str) -> set[str]:
    """Drop a torn last line so that appending starts on a line boundary, and any line
    that is not a record; returns the ids of the records kept."""
    try:
        if compression_of(path):
            return _rewrite_records(path)
        _truncate_torn_tail(path)
        ids, bad = _scan(path)
        return _rewrite_records(path) if bad else ids
    except OSError as exc:
        raise OutputError(f"cannot repair {path} for --resume: {exc.strerror}") from None


def _scan(path: str, keep: Callable[[bytes], object] | None = None) -> tuple[set[str], int]:
    """The ids of the record lines (one pass) and how many lines are not records; each
    record line also goes to `keep` when given (the rewrite)."""
    ids, bad = set(), 0
    for line in complete_lines(path):
        found = _id_of(line)
        if found is None:
            bad += 1
            continue
        ids.add(found)
        if keep is not None:
            keep(line)
    return ids, bad


def read_ids(path: str) -> Iterator[str]:
    """The `id` of every record line (records and rejects both carry one)."""
    for line in complete_lines(path):
        found = _id_of(line)
        if found is not None:
            yield found


def _id_of(line: bytes) -> str | None:
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        return None
    found = record.get("id") if isinstance(record, dict) else None
    return found if isinstance(found, str) else None


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


def _rewrite_records(path: str) -> set[str]:
    """Rewrite the file with its complete record lines only (a compressed stream cut
    mid-block cannot be appended to; a corrupt line must go). The new file replaces the old
    one only once it is complete and on disk."""
    with atomic_jsonl(path) as writer:
        ids, dropped = _scan(path, writer.write_line)
    if dropped:
        log.warning("cleaner: %s: removed %d corrupt lines; their inputs are redone", path, dropped)
    return ids


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


class NotDone:
    """Filters out what an earlier run settled (its id is in `done`), counting it.

    One keying for every kind of run: the record id, which files, WARC records and URLs all
    have (`cleaner.document.record_id`)."""

    def __init__(self, done: set[str]) -> None:
        self.done = done
        self.skipped = 0

    def settled(self, source: Source) -> bool:
        if self.done and record_id(source) in self.done:
            self.skipped += 1
            return True
        return False

    def __call__(self, items: Iterable[Item | Skipped]) -> Iterator[Item | Skipped]:
        for item in items:
            if not (isinstance(item, Item) and self.settled(item.source)):
                yield item
