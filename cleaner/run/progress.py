"""Progress on stderr when it is a terminal (rate and ETA); silent otherwise."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

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

Tick = Callable[[Any, int], None]


@contextmanager
def progress(label: str, total_files: int | None = None) -> Iterator[Tick]:
    """Yields tick(counts, files_done): call it after each input to refresh the bar.

    The bar and the ETA count input files (a WARC file is one), known before the run from a
    cheap walk; the text shows documents and documents per second from `counts`.
    """
    if not sys.stderr.isatty():
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
