"""Run work items through the pipeline, in order, counting what happened to each."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from cleaner.config import Settings
from cleaner.document import Document, Outcome, Reject
from cleaner.errors import Rejected
from cleaner.inputs import Item, Skipped
from cleaner.pipeline import Pipeline, default_pipeline


@dataclass
class Counts:
    """What a run did; read = kept + rejected, and skipped files are not read."""

    read: int = 0
    kept: int = 0
    rejected: int = 0
    skipped: int = 0

    def add(self, outcome: Outcome | Skipped) -> None:
        if isinstance(outcome, Skipped):
            self.skipped += 1
            return
        self.read += 1
        if isinstance(outcome, Document):
            self.kept += 1
        else:
            self.rejected += 1

    def summary(self) -> str:
        return (
            f"read {self.read}, kept {self.kept}, rejected {self.rejected}, skipped {self.skipped}"
        )


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
