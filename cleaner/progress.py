"""A progress bar on stderr when stderr is a terminal; silent otherwise."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


@contextmanager
def progress(label: str) -> Iterator[Callable[[Any], None]]:
    """Yields tick(counts): call it after each input to refresh the bar."""
    if not sys.stderr.isatty():
        yield lambda counts: None
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label)

        def tick(counts: Any) -> None:
            bar.update(task, description=f"{label}: {counts.summary()}")

        yield tick
