"""Progress on stderr when it is a terminal (rate and ETA); silent otherwise."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from cleaner.readers.items import Skipped

if TYPE_CHECKING:
    from cleaner.run.outcome import Result

Tick = Callable[[Any, int], None]


@contextmanager
def progress(label: str, total_files: int | None = None) -> Iterator[Tick]:
    """Yields tick(counts, files_done): call it after each input to refresh the bar.

    The bar and the ETA count input files (a WARC file is one), known before the run from a
    cheap walk; the text shows documents and documents per second from `counts`.
    """
    if not on_terminal():
        yield lambda counts, files_done: None
        return
    with Progress(*_columns(total_files), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total_files)

        def tick(counts: Any, files_done: int) -> None:
            docs = f"{counts.read} docs ({counts.rejected} rejected)"
            text = f"{label}: {docs}, {counts.rate():.1f} docs/s"
            bar.update(task, description=text, completed=files_done)

        yield tick


def _columns(total_files: int | None) -> tuple[Any, ...]:
    if total_files is None:
        return (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    return (
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("files, ETA"),
        TimeRemainingColumn(),
    )


class FileCounter:
    """Counts input files done from the stream of results (a WARC's records share a path)."""

    def __init__(self) -> None:
        self.done = 0
        self._last: str | None = None

    def see(self, result: Result | Skipped) -> int:
        where = result.path if isinstance(result, Skipped) else result.where
        if where != self._last:
            self.done += 1
            self._last = where
        return self.done


def on_terminal() -> bool:
    return sys.stderr.isatty()
