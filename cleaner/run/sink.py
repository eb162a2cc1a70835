"""The sink: where every outcome of a run goes. Writers, counts, reject reporting, the summary.

Local runs, `cleaner fetch`, a cluster's shard function and the join of its parts all write
through a Sink, so the policy lives here once: a kept record goes to OUT, a reject to REJECTS
or, when there is no REJECTS file, one line on stderr naming it (nothing is dropped silently),
and the run ends with one summary line in one format.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

from cleaner.readers.items import Skipped
from cleaner.run.outcome import Result
from cleaner.writers.choose import RecordWriter, open_records
from cleaner.writers.staging import staged

Report = Callable[[Result], None]


@dataclass(frozen=True)
class Outputs:
    """Where records and rejects go; None or "-" for records means stdout, None for rejects:
    one line each on stderr."""

    out: str | None = None
    rejects: str | None = None


@dataclass
class Counts:
    """What a run did; read = kept + rejected, skipped files are not read, done ones are not
    redone (--resume)."""

    read: int = 0
    kept: int = 0
    rejected: int = 0
    skipped: int = 0
    done_before: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.monotonic, compare=False, repr=False)

    def add(self, result: Result | Skipped) -> None:
        if isinstance(result, Skipped):
            self.skipped += 1
            return
        self.read += 1
        if result.ok:
            self.kept += 1
        else:
            self.rejected += 1
            self.reasons[result.reason or "internal_error"] += 1

    def merge(self, other: Counts) -> None:
        """Add another run's counts (a shard's) to these."""
        self.read += other.read
        self.kept += other.kept
        self.rejected += other.rejected
        self.skipped += other.skipped
        self.done_before += other.done_before
        self.reasons.update(other.reasons)

    def rate(self) -> float:
        """Documents per second since these counts were started."""
        return self.read / max(time.monotonic() - self.started, 1e-9)

    def summary(self) -> str:
        detail = ", ".join(f"{reason} {n}" for reason, n in sorted(self.reasons.items()))
        rejected = f"rejected {self.rejected}" + (f" ({detail})" if detail else "")
        text = f"read {self.read}, kept {self.kept}, {rejected}, skipped {self.skipped}"
        return text + (f", already done {self.done_before}" if self.done_before else "")

    def final(self) -> str:
        """The one summary line at the end of every run: counts, time and throughput."""
        elapsed = time.monotonic() - self.started
        return f"{self.summary()} in {elapsed:.1f} s ({self.rate():.1f} docs/s)"


class Sink:
    """Writes results to OUT / REJECTS as they come, counting them."""

    def __init__(
        self, out: RecordWriter, rejects: RecordWriter | None, report: Report | None = None
    ) -> None:
        self.out, self.rejects = out, rejects
        self.report = report if report is not None else warn_reject
        self.counts = Counts()

    def write(self, result: Result | Skipped) -> None:
        self.counts.add(result)
        if isinstance(result, Skipped):
            return
        if result.ok:
            self.out.write_line(result.line)
        elif self.rejects is not None:
            self.rejects.write_line(result.line)
        else:
            self.report(result)


@contextmanager
def staged_outputs(outputs: Outputs, resume: bool) -> Iterator[Outputs]:
    """Where a run writes OUT and REJECTS: partial files beside them, renamed onto them when
    the block succeeds (see cleaner.writers.staging); stdout is written directly."""
    with staged(_named(outputs.out), resume) as out, staged(outputs.rejects, resume) as rej:
        yield Outputs(out.path, rej.path)


@contextmanager
def open_sink(outputs: Outputs, append: bool = False) -> Iterator[Sink]:
    """A Sink on the files of `outputs` (appended to when resuming)."""
    with ExitStack() as stack:
        # the writer by file name: JSON Lines (.gz/.zst), or Parquet (cleaner.writers.choose)
        out = stack.enter_context(open_records(_named(outputs.out), append))
        rej_path = outputs.rejects
        rejects = open_records(rej_path, append, "reject") if rej_path else None
        rej = stack.enter_context(rejects) if rejects else None
        yield Sink(out, rej)


def _named(path: str | None) -> str | None:
    return None if path in (None, "-") else path


def warn_reject(result: Result) -> None:
    """A reject with nowhere to go is named on stderr: never dropped without a word."""
    print(f"cleaner: {result.where}: rejected ({result.reason}) {result.detail}", file=sys.stderr)
