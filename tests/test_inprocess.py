"""One input cleaned in this process: results, errors and the timer as a worker task gives them."""

from __future__ import annotations

import signal
import time

import pytest

from cleaner.run.inprocess import Timed, can_time


def _spin(seconds: float) -> str:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return "done"


def _fail() -> None:
    raise ValueError("broken input")


def test_a_quick_task_gives_its_result_and_leaves_no_timer() -> None:
    assert can_time()
    assert Timed().schedule(_spin, (0.01,), timeout=5).result() == "done"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)


def test_a_slow_task_is_stopped_as_a_timeout() -> None:
    future = Timed().schedule(_spin, (30,), timeout=0.2)
    with pytest.raises(TimeoutError, match=r"over 0\.2 s; stopped"):
        future.result()


def test_an_error_comes_back_in_the_future() -> None:
    with pytest.raises(ValueError, match="broken input"):
        Timed().schedule(_fail, (), timeout=5).result()
