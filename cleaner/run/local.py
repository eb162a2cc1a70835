"""A local run: inputs through the pool into the sink, resumable.

Every input ends as exactly one line in OUT (kept) or REJECTS (rejected). With `resume`, the
outputs are repaired (a torn last line cut off) and inputs whose id is already in either file
are skipped, so a run killed at any point and restarted completes with no loss and no
duplicates. Lines are written in input order, so the output does not depend on `jobs`.

The shape is datatrove's `_run_for_rank`: items -> resume filter -> pool -> sink, the same for
this process and for each shard of a cluster run (`cleaner.run.shard`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import NamedTuple

from cleaner.config import RunSettings, Settings
from cleaner.readers.items import Item, Skipped, input_bytes, iter_items
from cleaner.run.outcome import Result
from cleaner.run.pool import Pool
from cleaner.run.progress import BytesRead, on_terminal, progress
from cleaner.run.resume import NotDone, check_resumable, resume_ids
from cleaner.run.sink import Counts, Outputs, Sink, open_sink, staged_outputs

Paths = Iterable[str | os.PathLike[str]]


def run_local(
    items: Iterable[Item | Skipped],
    outputs: Outputs,
    settings: Settings,
    run: RunSettings,
    resume: bool = False,
    total: int | None = None,
) -> Counts:
    """Clean `items` (from `iter_items`) into OUT and REJECTS; the counts of what happened.
    `total`: input bytes, for the progress bar."""
    pool = Pool(settings, run)  # a bad setting or rule pack fails here, before -o is touched
    if resume:
        check_resumable(outputs)
    meter = BytesRead()
    with staged_outputs(outputs, resume) as staged:
        not_done = NotDone(resume_ids(staged) if resume else set())
        # the pool is left first: its workers are stopped before the files close
        with open_sink(staged, append=resume) as sink, pool:
            drain(pool.ordered(not_done(meter.watch(items))), sink, Bar(total, meter))
    sink.counts.done_before = not_done.skipped
    return sink.counts


def run_batch(
    paths: Paths, outputs: Outputs, settings: Settings, run: RunSettings, resume: bool = False
) -> Counts:
    """Clean everything under `paths`."""
    paths = list(paths)
    total = input_bytes(paths) if on_terminal() else None  # a second walk, for people only
    items = iter_items(paths, settings.limits)
    return run_local(items, outputs, settings, run, resume, total)


class Bar(NamedTuple):
    """The progress bar's total (input bytes, None: unknown) and what measures it."""

    total: int | None
    meter: BytesRead


def drain(results: Iterable[Result | Skipped], sink: Sink, bar: Bar) -> None:
    """Every result into the sink, with progress on a terminal."""
    with progress("cleaning", bar.total) as tick:
        for result in results:
            sink.write(result)
            tick(sink.counts, bar.meter.total)
