"""A local batch run: inputs through the worker pool into OUT and REJECTS, resumable.

Every input ends as exactly one line in OUT (kept) or REJECTS (rejected). With `resume`, the
outputs are repaired (a torn last line cut off) and inputs whose id is already in either file
are skipped, so a run killed at any point and restarted completes with no loss and no
duplicates. Lines are written in input order, so the output does not depend on `jobs`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass

from cleaner.config import RunSettings, Settings
from cleaner.document import record_id
from cleaner.errors import SettingsError
from cleaner.inputs import Item, Skipped, count_files, iter_items
from cleaner.parallel import run_parallel
from cleaner.progress import progress
from cleaner.resume import prepare_resume
from cleaner.runner import Counts, Result
from cleaner.writers.jsonl import JsonlWriter
from cleaner.writers.staging import staged

OnReject = Callable[[Result], None]
Paths = Iterable[str | os.PathLike[str]]


@dataclass(frozen=True)
class Outputs:
    """Where records and rejects go; None for records means stdout, for rejects: nowhere."""

    out: str | None = None
    rejects: str | None = None


def run_batch(
    paths: Paths,
    outputs: Outputs,
    settings: Settings,
    run: RunSettings,
    resume: bool = False,
    on_reject: OnReject | None = None,
) -> tuple[Counts, int]:
    """Clean everything under `paths`; returns the counts and how many inputs resume skipped."""
    paths = list(paths)
    if resume:
        _check_resumable(outputs)
    counts = Counts()
    with ExitStack() as stack:
        # a fresh run writes partial files, renamed onto OUT and REJECTS when it succeeds
        out_to = stack.enter_context(staged(outputs.out, resume))
        rej_to = stack.enter_context(staged(outputs.rejects, resume))
        done = prepare_resume([out_to.path, rej_to.path]) if resume else set()
        not_done = NotDone(done)
        items = not_done(iter_items(paths, settings.limits))
        out = stack.enter_context(JsonlWriter(out_to.path, out_to.append))
        rej = stack.enter_context(JsonlWriter(rej_to.path, rej_to.append)) if rej_to.path else None
        tick = stack.enter_context(progress("cleaning", _total(paths)))
        files = FileCounter()
        results = run_parallel(items, settings, run)
        stack.callback(results.close)  # first on the way out: workers stop before files close
        for result in results:
            counts.add(result)
            _write(result, out, rej, on_reject)
            tick(counts, files.see(result))
    return counts, not_done.skipped


def _check_resumable(outputs: Outputs) -> None:
    if not outputs.out or not outputs.rejects:
        raise SettingsError("--resume needs both -o FILE and --rejects FILE")


class NotDone:
    """Filters out items whose id is in `done`, counting them."""

    def __init__(self, done: set[str]) -> None:
        self.done = done
        self.skipped = 0

    def __call__(self, items: Iterator[Item | Skipped]) -> Iterator[Item | Skipped]:
        for item in items:
            if isinstance(item, Item) and record_id(item.source) in self.done:
                self.skipped += 1
            else:
                yield item


def _write(
    result: Result | Skipped, out: JsonlWriter, rej: JsonlWriter | None, on_reject: OnReject | None
) -> None:
    if isinstance(result, Skipped):
        return
    if result.ok:
        out.write_line(result.line)
        return
    if rej is not None:
        rej.write_line(result.line)
    if on_reject is not None:
        on_reject(result)


def _total(paths: list[str | os.PathLike[str]]) -> int | None:
    import sys

    return count_files(paths) if sys.stderr.isatty() else None


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
