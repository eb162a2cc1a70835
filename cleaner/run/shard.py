"""The shard function: one input shard in, one part file out, written atomically.

This is the unit a cluster maps over (`cleaner.run.dask` does it with Dask; Spark or Ray
call `clean_shard` directly, see the README). A shard is a list of input paths; `plan_shards`
cuts a walk into shards in input order, so concatenating the parts in shard order gives the
same lines as a local run. A part is renamed into place only when complete: a retried or
re-run shard never leaves a half part behind, and a finished part never needs redoing.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.config import Limits, RunSettings, Settings
from cleaner.pipeline import default_pipeline
from cleaner.readers.files import Entry, walk
from cleaner.readers.items import Wanted, file_item, input_kind, iter_items
from cleaner.run.outcome import Result, process_item, to_result
from cleaner.run.pool import Pool
from cleaner.run.sink import Counts, Sink
from cleaner.writers.atomic import atomic_jsonl


@dataclass(frozen=True)
class Shard:
    """Input paths cleaned together into part number `index`; or, with a `problem`, one
    path the walk must not or cannot read (a link out of the inputs, a folder it may not
    list), which becomes that one reject where a local run writes it."""

    index: int
    paths: tuple[str, ...]
    problem: str | None = None

    def reject(self, settings: Settings) -> Result:
        """The reject line of a problem shard, as a local run writes it."""
        path = Path(self.paths[0])
        item = file_item(path, "text", Entry(path, None, self.problem))
        return to_result(process_item(item, default_pipeline(settings)))


@dataclass
class Plan:
    """The shards of a run, and the files the walk skipped (unsupported types)."""

    shards: list[Shard] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


def plan_shards(
    paths: Iterable[str | os.PathLike[str]],
    files_per_shard: int,
    limits: Limits | None = None,
    extensions: Iterable[str] = (),
) -> Plan:
    """Cut the sorted walk into shards: a WARC file alone, other files `files_per_shard` each;
    the same walk and the same choice of what to read as a local run (`input_kind`)."""
    plan, paths = Plan(), list(paths)
    group: list[str] = []
    wanted = Wanted(paths, extensions)
    for entry in walk(paths, (limits or Limits()).follow_links):
        name, kind = os.path.normpath(str(entry.path)), input_kind(entry, wanted)
        if entry.problem:
            _close(plan, group)
            plan.shards.append(Shard(len(plan.shards), (name,), entry.problem))
        elif kind is None:
            plan.skipped.append(name)
        elif kind == "warc":
            _close(plan, group)
            plan.shards.append(Shard(len(plan.shards), (name,)))
        else:
            group.append(name)
            if len(group) >= files_per_shard:
                _close(plan, group)
    _close(plan, group)
    return plan


def _close(plan: Plan, group: list[str]) -> None:
    if group:
        plan.shards.append(Shard(len(plan.shards), tuple(group)))
        group.clear()


def clean_shard(
    paths: Sequence[str], part: str, rejects_part: str, settings: Settings | None = None
) -> Counts:
    """Clean the inputs under `paths` into `part` (records) and `rejects_part` (rejects).

    Both files appear complete or not at all; `part` is renamed last, so its presence means
    the shard is done. Picklable arguments and result: safe to ship to any cluster worker.
    The same pool (one time-limited process) and sink as a local run.
    """
    settings = settings or Settings()
    items = iter_items(paths, settings.limits)
    with (
        Pool(settings, RunSettings(jobs=1)) as pool,
        atomic_jsonl(part) as out,
        atomic_jsonl(rejects_part) as rej,
    ):
        sink = Sink(out, rej)
        for result in pool.ordered(items):
            sink.write(result)
    return sink.counts


def part_names(folder: str, shard: Shard, suffix: str) -> tuple[str, str]:
    """The record part and the rejects part of a shard, e.g. part-00003.jsonl.gz."""
    stem = os.path.join(folder, f"part-{shard.index:05d}")
    return f"{stem}{suffix}", f"{stem}.rejects{suffix}"
