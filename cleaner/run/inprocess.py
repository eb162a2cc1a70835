"""The pool's interface, cleaning in this process: where no child may be started (a Dask
nanny's worker), and for a run of one input, where starting workers costs more than the work.

A single input is still held to its time limit: a timer signal (SIGALRM, main thread only)
raises `OverTime` in the middle of the work. Python code and the regex engine stop there; a
C loop that never returns to Python would not, which is why longer runs use worker processes
(pebble kills the worker of a task over its time).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from types import FrameType
from typing import Any, TypeVar

T = TypeVar("T")


class OverTime(BaseException):
    """Raised by the timer inside the work. A BaseException: the pipeline turns every
    Exception of one input into a reject, and this one must get past it."""


class Inline:
    """Runs each task at once, here, with no time limit."""

    def schedule(
        self, work: Callable[..., T], args: tuple[Any, ...], timeout: float | None
    ) -> Future[T]:
        future: Future[T] = Future()
        future.set_result(work(*args))
        return future

    def stop(self) -> None:
        """Nothing runs in the background."""

    def join(self) -> None:
        """Nothing to wait for."""


class Timed(Inline):
    """Runs each task at once, here, stopped by a timer signal when over `timeout`; a task
    stopped that way ends as a TimeoutError, as a pool task over its time does."""

    def schedule(
        self, work: Callable[..., T], args: tuple[Any, ...], timeout: float | None
    ) -> Future[T]:
        future: Future[T] = Future()
        try:
            with time_limit(timeout):
                result = work(*args)
        except OverTime:
            future.set_exception(TimeoutError(f"over {timeout:g} s; stopped"))
        except Exception as exc:  # as a worker's task would: the pool makes it a reject
            future.set_exception(exc)
        else:
            future.set_result(result)
        return future


def can_time() -> bool:
    """Whether a timer signal can stop work here: the main thread, with SIGALRM free."""
    return (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)
    )


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise OverTime in this (main) thread after `seconds`; None: no limit."""
    if not seconds:
        yield
        return

    def over(signum: int, frame: FrameType | None) -> None:
        raise OverTime

    previous = signal.signal(signal.SIGALRM, over)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:  # the one-shot timer may fire right here: the handler goes back regardless
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:
            signal.signal(signal.SIGALRM, previous)
