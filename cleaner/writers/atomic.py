"""Write a file so that it either exists complete or not at all (part files of a shard run)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager

from cleaner.writers.jsonl import JsonlWriter


@contextmanager
def atomic_jsonl(path: str) -> Iterator[JsonlWriter]:
    """A JsonlWriter on a temporary name, renamed to `path` only when the block succeeds."""
    # same directory, so the rename is atomic; the pid keeps two attempts of a task apart;
    # the name keeps its suffix, which chooses the compression
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".tmp-{os.getpid()}-{name}")
    try:
        with JsonlWriter(tmp) as writer:
            yield writer
        fsync(tmp)
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def fsync(path: str) -> None:
    """The records reach the disk before a rename makes them the output."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
