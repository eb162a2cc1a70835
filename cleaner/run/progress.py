"""Progress on stderr when it is a terminal (rate and ETA); silent otherwise.

A run's progress is measured in what it is made of: input bytes for files and WARCs (so one
large WARC moves the bar as its bytes are read, instead of sitting at one file of one), URLs
for a fetch. The text shows documents and documents per second.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Literal

from cleaner.readers.items import Item, Skipped

Tick = Callable[[Any, int], None]
Unit = Literal["bytes", "URLs", "shards"]


def on_terminal() -> bool:
    return sys.stderr.isatty()


@contextmanager
def progress(label: str, total: int | None = None, unit: Unit = "bytes") -> Iterator[Tick]:
    """Yields tick(counts, done): call it after each outcome to refresh the bar; `done` and
    `total` are in `unit` (total None: no bar, a spinner and the elapsed time)."""
    if not on_terminal():
        yield lambda counts, done: None
        return
    from rich.console import Console  # only for a terminal: rich costs 0.1 s to import
    from rich.progress import Progress

    columns = _columns(total, unit)
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)

        def tick(counts: Any, done: int) -> None:
            docs = f"{counts.read} docs ({counts.rejected} rejected)"
            text = f"{label}: {docs}, {counts.rate():.1f} docs/s"
            bar.update(task, description=text, completed=done)

        yield tick


def _columns(total: int | None, unit: Unit) -> tuple[Any, ...]:
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        MofNCompleteColumn,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    if total is None:
        return (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    amount = DownloadColumn() if unit == "bytes" else MofNCompleteColumn()
    return (
        TextColumn("{task.description}"),
        BarColumn(),
        amount,
        TextColumn(f"{'read' if unit == 'bytes' else unit}, ETA"),
        TimeRemainingColumn(),
    )


class BytesRead:
    """Input bytes read so far, measured on the stream of items as they are read: a file
    counts its size when its item is made, a WARC the part of its file read so far."""

    def __init__(self) -> None:
        self.done = 0  # bytes of the files finished
        self._warc: str | None = None
        self._warc_at = 0

    def watch(self, items: Iterable[Item | Skipped]) -> Iterator[Item | Skipped]:
        for item in items:
            if isinstance(item, Item):
                self._see(item)
            else:  # a skipped file was walked past: its bytes are done too
                self._close_warc()
                self.done += _size(item.path)
            yield item

    @property
    def total(self) -> int:
        return self.done + self._warc_at

    def _see(self, item: Item) -> None:
        path = item.source.path
        if item.read_to is None:  # a file of its own
            self._close_warc()
            self.done += _size(path)
        elif path == self._warc:
            self._warc_at = item.read_to
        else:
            self._close_warc()
            self._warc, self._warc_at = path, item.read_to

    def _close_warc(self) -> None:
        if self._warc is not None:
            self.done += _size(self._warc)
            self._warc, self._warc_at = None, 0


def _size(path: str | None) -> int:
    try:
        return os.path.getsize(path) if path else 0
    except OSError:
        return 0
