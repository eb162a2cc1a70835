"""The cleaning pool: worker processes with a per-document time limit, warm, results in order.

Every way of running the pipeline on more than a string goes through here: local runs
(`ordered`), the fetcher (`clean`, awaitable), a cluster's shard function, and the library's
calls when a time limit is set (`outcome`).

Why pebble's ProcessPool and not concurrent.futures: trafilatura is not thread-safe, so
extraction runs in processes; a page that hangs lxml (or a user rule with a catastrophic regex)
cannot be interrupted from inside, so its worker must be killed. pebble (maintained, small,
pure Python) kills the worker of a task that passes its `timeout`, replaces it and goes on,
and recycles workers after `max_tasks`; `ProcessPoolExecutor` can do neither per task.

A run of one input (`cleaner clean one.html`) starts no workers: the input is cleaned in this
process under a timer signal (`cleaner.run.inprocess`), so the CLI answers in well under a
second instead of paying for a fork server, a worker and their warm-up.

Memory stays flat: at most `jobs * in_flight_per_job` items and `max_in_flight_bytes` of
payload are in flight, results come back as finished JSONL lines (not documents), and they are
handed on strictly in input order, so the output is byte-identical to a one-worker run.
"""

from __future__ import annotations

import asyncio
import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from types import TracebackType
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from cleaner.config import RunSettings, Settings
from cleaner.document import Outcome, Reject
from cleaner.pipeline import default_pipeline
from cleaner.readers.items import Item, Skipped
from cleaner.run.inprocess import Inline, Timed, can_time
from cleaner.run.outcome import Result, process_item, to_result

if TYPE_CHECKING:  # pebble loads when workers start: a one-input run needs none
    from pebble import ProcessPool

T = TypeVar("T")


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


class Pool:
    """`jobs` cleaning processes; each document gets `settings.limits.doc_timeout_s` seconds.

    Use as a context manager: leaving it (normal end, Ctrl-C, an abandoned generator) stops
    every worker, so none outlives the run.
    """

    def __init__(self, settings: Settings, run: RunSettings | None = None) -> None:
        self.settings = settings
        self.run = run or RunSettings()
        self.jobs = resolve_jobs(self.run.jobs)
        self.timeout = settings.limits.doc_timeout_s
        # a bad rule pack or setting raises here, as one clear error, not in every worker
        default_pipeline(settings)
        self._pool: ProcessPool | Inline | None = None
        self._entered = False

    def __enter__(self) -> Pool:
        self._entered = True  # the workers start with the first task (`_workers`)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._entered = False
        if self._pool is not None:
            self._pool.stop()
            self._pool.join()
            self._pool = None

    def ordered(self, items: Iterable[Item | Skipped]) -> Iterator[Result | Skipped]:
        """One Result per item (Skipped passed through), in input order."""
        items = self._one_here(items)
        for item, future in self._in_order(items, _work_line):
            yield item if future is None else self._line(item, future)

    def ordered_outcomes(
        self, items: Iterable[Item | Skipped], settings: Settings | None = None
    ) -> Iterator[Outcome | Skipped]:
        """`ordered` as documents and rejects (the library's clean_paths); `settings` (by
        default the pool's) choose the pipeline and the time limit."""
        limit = (settings or self.settings).limits.doc_timeout_s
        items = self._one_here(items)
        for item, future in self._in_order(items, _work_outcome, settings):
            yield item if future is None else self._outcome(item, future, limit)

    def _one_here(self, items: Iterable[Item | Skipped]) -> Iterator[Item | Skipped]:
        """The items, unchanged; when they are one input and no workers run yet, that input
        is cleaned in this process, under a timer signal for its limit."""
        items = iter(items)
        head = list(itertools.islice(items, 2))
        if self._pool is None and len(head) == 1 and isinstance(head[0], Item) and can_time():
            self._pool = Timed()
        return itertools.chain(head, items)

    def _in_order(
        self,
        items: Iterable[Item | Skipped],
        work: Callable[[Item, Settings], T],
        settings: Settings | None = None,
    ) -> Iterator[tuple[Any, Future[T] | None]]:
        """Each item with its future (None for a Skipped), in input order, with the window
        bounding what is in flight."""
        run = self.run
        window = Window(self.jobs * run.in_flight_per_job, run.max_in_flight_bytes)
        pending: deque[tuple[Any, Future[T] | None]] = deque()
        held = 0  # payload bytes in flight
        for item in items:
            future = None if isinstance(item, Skipped) else self._schedule(work, item, settings)
            pending.append((item, future))
            held += _size(item)
            while len(pending) >= window.items or (held > window.bytes and len(pending) > 1):
                done = pending.popleft()
                held -= _size(done[0])
                yield done
        yield from pending

    async def clean(self, item: Item) -> Outcome:
        """The outcome of one item, awaited without blocking the event loop (the fetcher)."""
        future = asyncio.wrap_future(self._schedule(_work_outcome, item))
        try:
            return await future
        except Exception as exc:
            return self._failed(item, exc)

    def outcome(self, item: Item, settings: Settings | None = None) -> Outcome:
        """The outcome of one item, waited for here (the library's single calls); `settings`
        (by default the pool's) choose the pipeline and the time limit."""
        limit = (settings or self.settings).limits.doc_timeout_s
        return self._outcome(item, self._schedule(_work_outcome, item, settings), limit)

    def _schedule(
        self, work: Callable[[Item, Settings], T], item: Item, settings: Settings | None = None
    ) -> Future[T]:
        settings = settings or self.settings
        timeout = settings.limits.doc_timeout_s
        future: Future[T] = self._workers().schedule(work, args=(item, settings), timeout=timeout)
        return future

    def _workers(self) -> ProcessPool | Inline:
        """What runs the tasks, started on first use."""
        assert self._entered, "use Pool as a context manager"
        if self._pool is None:
            self._pool = Inline() if _may_not_fork() else _processes(self.jobs, self.run)
        return self._pool

    def _line(self, item: Item, future: Future[Result]) -> Result:
        try:
            return future.result()
        except Exception as exc:
            return to_result(self._failed(item, exc))

    def _outcome(self, item: Item, future: Future[Outcome], limit: float | None = None) -> Outcome:
        try:
            return future.result()
        except Exception as exc:
            return self._failed(item, exc, limit)

    def _failed(self, item: Item, exc: Exception, limit: float | None = None) -> Reject:
        """A task that did not come back: over its time, its worker died, or it was unpicklable."""
        from pebble import ProcessExpired

        if isinstance(exc, TimeoutError):
            how = "stopped" if isinstance(self._pool, Timed) else "its worker was stopped"
            return Reject(item.source, "timeout", f"over {limit or self.timeout:g} s; {how}")
        if isinstance(exc, ProcessExpired):
            detail = f"the worker process died (exit code {exc.exitcode})"
            return Reject(item.source, "internal_error", detail)
        return Reject(item.source, "internal_error", f"{type(exc).__name__}: {exc}")


def _size(item: Item | Skipped) -> int:
    if not isinstance(item, Item):
        return 0
    return len(item.data or b"") + len(item.text or "")


def _processes(jobs: int, run: RunSettings) -> ProcessPool:
    from pebble import ProcessPool

    return ProcessPool(
        max_workers=jobs,
        max_tasks=run.recycle_after,
        initializer=_start_worker,
        context=_context(),
    )


def _may_not_fork() -> bool:
    """A daemonic process (a Dask nanny's worker) may not start children: there the items are
    cleaned in-process, with no kill-based limit; the cluster's own task limits apply."""
    return bool(multiprocessing.current_process().daemon)


def _context() -> Any:
    """forkserver: workers start from a clean, single-threaded process that has imported and
    warmed the pipeline once (fast), never from a fork of this threaded one (progress, Dask,
    the fetcher's event loop and sockets)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["cleaner.run.warmup"])
    return ctx


def _start_worker() -> None:
    """Warm the worker once; Ctrl-C is the parent's to handle."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from cleaner.run.warmup import warm  # imported here: importing it warms, not wanted here

    warm()  # cheap when the fork server warmed up already; not on a document's clock


def _work_outcome(item: Item, settings: Settings) -> Outcome:
    # the pipeline is built once per worker and settings (packs load once)
    return process_item(item, default_pipeline(settings))


def _work_line(item: Item, settings: Settings) -> Result:
    return to_result(_work_outcome(item, settings))
