"""Before a run writes a byte: the outputs are not inputs, not each other, and not in use.

Everything that can stop a run (an output that is one of the inputs, `-o X --rejects X`, a
rule pack that does not exist, another run writing the same file) is found here, before any
output is opened, so a refused run leaves every existing file as it was.

One writer per output: an exclusive `flock` on a lock file beside it (`.NAME.lock`), held for
the whole run. A lock file and not the output itself, because `--resume` may replace the
output (a compressed file is rewritten); the lock is taken again if the lock file was
removed under us, so unlinking it at the end is safe.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

from cleaner.config import Settings
from cleaner.errors import OutputError, SettingsError
from cleaner.filters.engine import available_packs
from cleaner.writers.fingerprint import check_settings, record_settings, sidecar_path
from cleaner.writers.staging import regular_or_new

PathArg = str | os.PathLike[str]


def check_outputs(inputs: Iterable[PathArg], outputs: Sequence[PathArg | None]) -> None:
    """Refuse an output that is an input, lies where the walk would read it, or is another
    output (by resolved path or by inode, so spellings and links do not hide it)."""
    targets = [os.fspath(out) for out in outputs if out is not None]
    for n, out in enumerate(targets):
        for other in targets[n + 1 :]:
            if same_file(out, other):
                raise SettingsError(f"{out} and {other} are the same file: give each its own")
        for given in inputs:
            _check_not_input(out, os.fspath(given))


def _check_not_input(out: str, given: str) -> None:
    if same_file(out, given):
        raise SettingsError(f"{out} is also an input: writing it would destroy it")
    inside = os.path.realpath(out).startswith(os.path.realpath(given).rstrip(os.sep) + os.sep)
    if inside and os.path.isdir(given) and _readable_kind(out):
        raise SettingsError(f"{out} lies in the input folder {given} and would be read as input")


def _readable_kind(path: str) -> bool:
    from cleaner.readers.files import kind_of

    return kind_of(Path(path)) is not None


def same_file(a: str, b: str) -> bool:
    """The same file by resolved path, or (both existing) by device and inode."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist yet
        return False


def lock_path(path: str) -> str:
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.lock")


@contextmanager
def output_locks(outputs: Iterable[PathArg | None]) -> Iterator[None]:
    """Hold an exclusive lock on each output file for the block; fail at once if taken."""
    with ExitStack() as stack:
        for out in outputs:
            if out is not None and regular_or_new(os.fspath(out)):
                stack.enter_context(_locked(os.fspath(out)))
        yield


@contextmanager
def _locked(path: str) -> Iterator[None]:
    where = lock_path(path)
    fd = _acquire(path, where)
    try:
        yield
    finally:
        os.unlink(where)  # still ours: nobody else can hold it
        os.close(fd)


def _acquire(path: str, where: str) -> int:
    while True:
        try:
            fd = os.open(where, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise SettingsError(
                f"{path} is being written by another cleaner run (lock {where}): "
                "wait for it to finish or write elsewhere"
            ) from None
        if _still_there(fd, where):
            return fd
        os.close(fd)  # the previous holder removed it after we opened it: take a fresh one


def _still_there(fd: int, where: str) -> bool:
    try:
        mine, now = os.fstat(fd), os.stat(where)
    except FileNotFoundError:
        return False
    return (mine.st_dev, mine.st_ino) == (now.st_dev, now.st_ino)


@contextmanager
def guarded_run(
    inputs: Sequence[PathArg],
    outputs: Sequence[PathArg | None],
    settings: Settings,
    resume: bool,
    resume_anyway: bool = False,
) -> Iterator[None]:
    """Check everything a run needs, then hold the outputs' locks for the block. The first
    output (-o) carries the settings record that --resume compares against."""
    check_outputs(inputs, outputs)
    available_packs(settings.filters)  # an unknown --rules or a broken --rules-dir stops here
    with output_locks(outputs):
        main = os.fspath(outputs[0]) if outputs and outputs[0] is not None else None
        if main is not None and regular_or_new(main):
            _settings_record(main, settings, resume, resume_anyway)
        yield


def _settings_record(out: str, settings: Settings, resume: bool, anyway: bool) -> None:
    if resume and os.path.exists(sidecar_path(out)):
        if not anyway:
            check_settings(out, settings)
        return
    record_settings(out, settings)
