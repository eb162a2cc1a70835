"""Run on a Dask cluster: map `clean_shard` over the shards, then join the parts in order.

Needs the optional extra: pip install 'cleaner[dask]'. `scheduler` is a scheduler address
(tcp://host:8786) or "local" for a LocalCluster of `jobs` single-threaded worker processes.
Parts go to OUT.parts/ next to OUT, which must be on storage every worker can write (as the
inputs must be readable by every worker). A part is written atomically, so `resume` keeps the
finished parts of an interrupted run and only maps the shards that have none.
"""

from __future__ import annotations

import importlib
import os
import shutil
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from cleaner.config import RunSettings, Settings
from cleaner.errors import SettingsError
from cleaner.pipeline import default_pipeline
from cleaner.run.local import Paths
from cleaner.run.outcome import Result
from cleaner.run.pool import resolve_jobs
from cleaner.run.progress import progress
from cleaner.run.shard import Plan, Shard, clean_shard, part_names, plan_shards
from cleaner.run.sink import Counts, Outputs, open_sink, staged_outputs
from cleaner.writers.streams import compression_of, open_read


def run_dask(
    paths: Paths,
    outputs: Outputs,
    settings: Settings,
    run: RunSettings,
    scheduler: str,
    resume: bool = False,
    extensions: Sequence[str] = (),
) -> Counts:
    """Clean `paths` on the cluster into OUT and REJECTS; same lines as a local run."""
    if not outputs.out or outputs.out == "-":
        raise SettingsError("--scheduler needs -o FILE (parts are written beside it)")
    started = time.monotonic()  # the rate covers planning, cleaning and joining
    default_pipeline(settings)  # a bad rule pack fails here, once, not in every task
    plan = plan_shards(paths, run.shard_files, settings.limits, extensions)
    folder = _parts_folder(outputs.out, resume)
    suffix = _suffix(outputs.out)
    todo = [s for s in plan.shards if not (s.problem or _done(folder, s, suffix))]
    with _client(scheduler, run) as client:
        _map(client, todo, folder, suffix, settings, len(plan.shards))
    counts = _join(plan, folder, suffix, outputs, settings, started)
    shutil.rmtree(folder)
    return counts


def _done(folder: str, shard: Shard, suffix: str) -> bool:
    return os.path.exists(part_names(folder, shard, suffix)[0])


def _parts_folder(out: str, resume: bool) -> str:
    folder = f"{out}.parts"
    if not resume and os.path.exists(folder):
        shutil.rmtree(folder)  # a fresh run must not reuse parts made with other settings
    os.makedirs(folder, exist_ok=True)
    return folder


def _suffix(out: str) -> str:
    kind = compression_of(out)
    return ".jsonl" + {"gzip": ".gz", "zstd": ".zst", None: ""}[kind]


@contextmanager
def _client(scheduler: str, run: RunSettings) -> Iterator[Any]:
    try:
        distributed: Any = importlib.import_module("dask.distributed")  # untyped library
    except ImportError:
        raise SettingsError("--scheduler needs Dask: pip install 'cleaner[dask]'") from None
    if scheduler != "local":
        with distributed.Client(scheduler) as client:
            yield client
        return
    jobs = resolve_jobs(run.jobs)
    # one thread per worker: trafilatura is not thread-safe; loopback only, and the
    # scheduler's HTTP endpoint on a free port (with None it still tries 8787 first, which
    # another cluster on a shared machine may hold); non-daemonic workers may start the
    # child process that enforces the per-document limit
    cluster_args = {"n_workers": jobs, "threads_per_worker": 1, "processes": True}
    config: Any = importlib.import_module("dask").config
    with (
        config.set({"distributed.worker.daemon": False}),
        distributed.LocalCluster(
            **cluster_args, dashboard_address=":0", host="127.0.0.1"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def _map(
    client: Any, todo: Sequence[Shard], folder: str, suffix: str, settings: Settings, total: int
) -> None:
    as_completed: Any = importlib.import_module("dask.distributed").as_completed

    names = [part_names(folder, shard, suffix) for shard in todo]
    futures = client.map(
        clean_shard,
        [list(shard.paths) for shard in todo],
        [name[0] for name in names],
        [name[1] for name in names],
        settings=settings,
        pure=False,
    )
    counts = Counts()
    with progress("cleaning on Dask", total, "shards") as tick:
        for done, future in enumerate(as_completed(futures), start=total - len(todo) + 1):
            counts.merge(future.result())
            tick(counts, done)


def _join(
    plan: Plan, folder: str, suffix: str, outputs: Outputs, settings: Settings, started: float
) -> Counts:
    """The parts in shard order through one sink into OUT and REJECTS (or stderr), staged
    as a local run's are: the old OUT is replaced only when the join has succeeded."""
    with staged_outputs(outputs, resume=False) as staged, open_sink(staged) as sink:
        sink.counts.started = started
        for shard in plan.shards:
            if shard.problem:
                sink.write(shard.reject(settings))
                continue
            part, rejects_part = part_names(folder, shard, suffix)
            for line in _lines(part):
                sink.write(Result(line, True))
            for line in _lines(rejects_part):
                sink.write(Result.of_reject_line(line))
    sink.counts.skipped = len(plan.skipped)
    return sink.counts


def _lines(path: str) -> Iterator[bytes]:
    with open_read(path) as stream:
        yield from stream
