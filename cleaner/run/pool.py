"""Clean items in worker processes with a per-document time limit, output in input order.

Why pebble's ProcessPool and not concurrent.futures or a hand-written pool: trafilatura is not
thread-safe, so extraction runs in processes; a page that hangs lxml cannot be interrupted from
inside, so its worker must be killed. pebble (maintained, small, pure Python) kills the worker
of a task that passes its `timeout`, replaces it and goes on, and recycles workers after
`max_tasks`; `ProcessPoolExecutor` can do neither per task.

Memory stays flat: at most `jobs * in_flight_per_job` items and `max_in_flight_bytes` of
payload are in flight, results come back as finished JSONL lines (not documents), and they are
handed on strictly in input order, so the output is byte-identical to a one-worker run.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from concurrent.futures import Future
from typing import Any, NamedTuple

from pebble import ProcessExpired, ProcessPool

from cleaner.config import RunSettings, Settings
from cleaner.inputs import Item, Skipped
from cleaner.pipeline import Pipeline, default_pipeline
from cleaner.runner import Result, process_item, reject_result, to_result

_PIPELINE: Pipeline | None = None
Slot = tuple[Item | Skipped, "Future[Result] | None"]


class Window(NamedTuple):
    """How much may be in flight: documents, and payload bytes (file items carry a path)."""

    items: int
    bytes: int


def resolve_jobs(jobs: int) -> int:
    """0 means every core this process may use."""
    if jobs > 0:
        return jobs
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_parallel(
    items: Iterable[Item | Skipped], settings: Settings, run: RunSettings | None = None
) -> Generator[Result | Skipped, None, None]:
    """One Result per item (Skipped passed through), in input order."""
    run = run or RunSettings()
    jobs = resolve_jobs(run.jobs)
    # a bad rule pack or setting raises here, as one clear error, not in every worker
    default_pipeline(settings)
    pool = ProcessPool(
        max_workers=jobs,
        max_tasks=run.recycle_after,
        initializer=_start_worker,
        initargs=(settings,),
        context=_context(),
    )
    try:
        window = Window(jobs * run.in_flight_per_job, run.max_in_flight_bytes)
        yield from _ordered(pool, items, settings, window)
    finally:
        # normal end, Ctrl-C or an abandoned generator alike: no worker outlives the run
        pool.stop()  # type: ignore[no-untyped-call]
        pool.join()


def _ordered(
    pool: ProcessPool, items: Iterable[Item | Skipped], settings: Settings, window: Window
) -> Iterator[Result | Skipped]:
    timeout = settings.limits.doc_timeout_s
    pending: deque[Slot] = deque()
    held = 0  # payload bytes in flight
    for item in items:
        future = (
            None
            if isinstance(item, Skipped)
            else pool.schedule(_work, args=(item,), timeout=timeout)
        )
        pending.append((item, future))
        held += _size(item)
        while len(pending) >= window.items or (held > window.bytes and len(pending) > 1):
            done = pending.popleft()
            held -= _size(done[0])
            yield _collect(*done, timeout)
    while pending:
        yield _collect(*pending.popleft(), timeout)


def _size(item: Item | Skipped) -> int:
    return len(item.data) if isinstance(item, Item) and item.data is not None else 0


def _collect(
    item: Item | Skipped, future: Future[Result] | None, timeout: float
) -> Result | Skipped:
    if isinstance(item, Skipped):
        return item
    assert future is not None, "every item is scheduled"
    try:
        return future.result()
    except TimeoutError:
        return reject_result(item.source, "timeout", f"over {timeout:g} s; its worker was stopped")
    except ProcessExpired as exc:
        detail = f"the worker process died (exit code {exc.exitcode})"
        return reject_result(item.source, "internal_error", detail)
    except Exception as exc:  # pickling and the like: one input, one reject
        return reject_result(item.source, "internal_error", f"{type(exc).__name__}: {exc}")


def _context() -> Any:
    """forkserver: workers start from a clean, single-threaded process that has imported and
    warmed the pipeline once (fast), never from a fork of this threaded one (progress, Dask)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["cleaner.warmup"])
    return ctx


def _start_worker(settings: Settings) -> None:
    """Build the pipeline once per worker; Ctrl-C is the parent's to handle."""
    global _PIPELINE
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from cleaner.warmup import warm  # imported here: importing it warms, not wanted in the parent

    _PIPELINE = default_pipeline(settings)
    warm(_PIPELINE)  # cheap when the fork server warmed up already; not on a document's clock


def _work(item: Item) -> Result:
    assert _PIPELINE is not None, "worker not initialised"
    return to_result(process_item(item, _PIPELINE))
