"""A fresh run writes beside its output and replaces it only when it has finished.

`-o out.jsonl` is written as `.partial-out.jsonl` in the same folder (the name keeps its
suffix, which chooses the compression) and renamed onto `out.jsonl` at the end, so a run
that fails or is interrupted leaves an existing output as it was. The partial file is what
`--resume` continues: with `--resume`, an existing partial file is appended to and renamed at
the end; without one, the output itself is continued in place (it is a finished run's).
Standard output, devices and FIFOs are written directly: there is nothing to replace.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from cleaner.errors import OutputError
from cleaner.writers.atomic import fsync

PARTIAL_PREFIX = ".partial-"


@dataclass(frozen=True)
class Target:
    """Where a run writes one output, and whether it appends to what is there."""

    path: str | None
    append: bool


def partial_path(path: str) -> str:
    folder, name = os.path.split(path)
    return os.path.join(folder, f"{PARTIAL_PREFIX}{name}")


@contextmanager
def staged(path: str | os.PathLike[str] | None, resume: bool) -> Iterator[Target]:
    """The Target for `path`; when the block succeeds, a partial file becomes the output."""
    final = os.fspath(path) if path is not None else None
    if final is None or not regular_or_new(final):
        yield Target(final, resume)
        return
    partial = partial_path(final)
    if resume and not os.path.exists(partial):
        yield Target(final, True)
        return
    yield Target(partial, resume)
    try:
        fsync(partial)
        os.replace(partial, final)
    except OSError as exc:
        kept = f"the run's output is in {partial}"
        raise OutputError(f"cannot write {final}: {exc.strerror} ({kept})") from None


def regular_or_new(path: str) -> bool:
    """A regular file, or one still to be made: not /dev/stdout, /dev/full or a FIFO (those
    are neither staged nor locked: nothing to replace, and no folder to put a lock in)."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except FileNotFoundError:
        return True
    except OSError:
        return False  # written directly, so the writer names the user's file and the cause


@contextmanager
def staged_paths(
    paths: Sequence[str | os.PathLike[str] | None], resume: bool
) -> Iterator[list[Path | None]]:
    """`staged` for several outputs at once: the paths to write them at (the appending is
    always `resume`), each renamed onto its output when the block succeeds."""
    with ExitStack() as stack:
        targets = [stack.enter_context(staged(path, resume)) for path in paths]
        yield [Path(t.path) if t.path is not None else None for t in targets]
