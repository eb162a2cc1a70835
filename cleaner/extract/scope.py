"""Whether trafilatura is running for cleaner: the hooks installed into it apply only then.

cleaner replaces a few of trafilatura's internals (the second opinion's gate, Python
evaluators of its costliest XPath expressions). Every other caller of trafilatura in the same
process, a benchmark's bare `trafilatura.extract` among them, gets trafilatura unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_ACTIVE: ContextVar[bool] = ContextVar("trafilatura_for_cleaner", default=False)


def for_cleaner() -> bool:
    """True inside `running_for_cleaner`."""
    return _ACTIVE.get()


@contextmanager
def running_for_cleaner() -> Iterator[None]:
    """Within this block, trafilatura runs with cleaner's hooks."""
    token = _ACTIVE.set(True)
    try:
        yield
    finally:
        _ACTIVE.reset(token)
