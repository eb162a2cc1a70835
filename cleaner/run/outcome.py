"""Run work items through the pipeline, in order, counting what happened to each."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from cleaner.config import Settings
from cleaner.document import Document, Outcome, Reject, Source
from cleaner.errors import Rejected
from cleaner.inputs import Item, Skipped
from cleaner.pipeline import Pipeline, default_pipeline
from cleaner.writers.jsonl import dumps


@dataclass(frozen=True)
class Result:
    """An outcome in its written form: small to send from a worker, ready to write."""

    line: bytes  # the JSONL line of the record or the reject
    ok: bool  # a kept record (True) or a reject
    reason: str | None = None
    detail: str = ""
    where: str = ""  # path or URL of the input: messages, and progress by file


def to_result(outcome: Outcome) -> Result:
    """The written form of an outcome (the raw page stays behind in the worker)."""
    line = dumps(outcome.to_record())
    where = where_of(outcome.source)
    if isinstance(outcome, Document):
        return Result(line, True, where=where)
    return Result(line, False, outcome.reason, outcome.detail, where)


def reject_result(source: Source, reason: str, detail: str) -> Result:
    """A reject decided outside the pipeline (time limit, a worker that died)."""
    return to_result(Reject(source, reason, detail))


def where_of(source: Source) -> str:
    return source.path or source.url or source.identity()


@dataclass
class Counts:
    """What a run did; read = kept + rejected, and skipped files are not read."""

    read: int = 0
    kept: int = 0
    rejected: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.monotonic, compare=False, repr=False)

    def add(self, outcome: Outcome | Result | Skipped) -> None:
        if isinstance(outcome, Skipped):
            self.skipped += 1
            return
        self.read += 1
        if outcome.ok:
            self.kept += 1
        else:
            self.rejected += 1

    def merge(self, other: Counts) -> None:
        """Add another run's counts (a shard's) to these."""
        self.read += other.read
        self.kept += other.kept
        self.rejected += other.rejected
        self.skipped += other.skipped

    def rate(self) -> float:
        """Documents per second since these counts were started."""
        return self.read / max(time.monotonic() - self.started, 1e-9)

    def summary(self) -> str:
        return (
            f"read {self.read}, kept {self.kept}, rejected {self.rejected}, skipped {self.skipped}"
        )

    def final(self) -> str:
        """The summary with elapsed time and throughput, for the end of a run."""
        elapsed = time.monotonic() - self.started
        return f"{self.summary()} in {elapsed:.1f} s ({self.rate():.1f} docs/s)"


def process_item(item: Item, pipeline: Pipeline) -> Outcome:
    """One item to one outcome; reading errors become rejects too."""
    try:
        data = item.read(pipeline.settings.limits)
    except Rejected as exc:
        return Reject(item.source, exc.reason, exc.detail)
    return pipeline.run_bytes(data, item.source, item.kind)


def run_items(
    items: Iterable[Item | Skipped], settings: Settings | None = None
) -> Iterator[Outcome | Skipped]:
    """Outcomes in input order, one per item (skipped files passed through)."""
    pipeline = default_pipeline(settings)
    for item in items:
        yield item if isinstance(item, Skipped) else process_item(item, pipeline)


def run_results(
    items: Iterable[Item | Skipped], settings: Settings | None = None
) -> Iterator[Result | Skipped]:
    """`run_items` in written form, in this process (no time limit: see cleaner.parallel)."""
    for outcome in run_items(items, settings):
        yield outcome if isinstance(outcome, Skipped) else to_result(outcome)
