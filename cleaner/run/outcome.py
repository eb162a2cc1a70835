"""Outcomes in their written form, and the one function that turns a work item into one.

A `Result` is what crosses from a cleaning process to the writer: the finished JSONL line plus
the little the run needs to count and report it (the raw page stays behind in the worker).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import orjson

from cleaner.config import Settings
from cleaner.document import Document, Outcome, Reject, Source
from cleaner.errors import Reason, Rejected
from cleaner.pipeline import Pipeline, default_pipeline
from cleaner.readers.items import Item, Skipped
from cleaner.writers.jsonl import dumps


@dataclass(frozen=True)
class Result:
    """An outcome in its written form: small to send from a worker, ready to write."""

    line: bytes  # the JSONL line of the record or the reject
    ok: bool  # a kept record (True) or a reject
    reason: Reason | None = None
    detail: str = ""
    where: str = ""  # path or URL of the input: messages, and progress by file

    @classmethod
    def of_reject_line(cls, line: bytes) -> Result:
        """A reject read back from a part file (a cluster run), to count and report it."""
        record = orjson.loads(line)
        source = Source(**record["source"])
        return cls(line, False, record["reason"], record["detail"], where_of(source))


def to_result(outcome: Outcome) -> Result:
    """The written form of an outcome."""
    line = dumps(outcome.to_record())
    where = where_of(outcome.source)
    if isinstance(outcome, Document):
        return Result(line, True, where=where)
    return Result(line, False, outcome.reason, outcome.detail, where)


def where_of(source: Source) -> str:
    return source.path or source.url or source.identity()


def process_item(item: Item, pipeline: Pipeline) -> Outcome:
    """One item to one outcome; reading errors become rejects too."""
    if item.text is not None:
        return pipeline.run_text(item.text, item.source, item.kind)
    try:
        data = item.read(pipeline.settings.limits)
    except Rejected as exc:
        return Reject(item.source, exc.reason, exc.detail)
    outcome = pipeline.run_bytes(data, item.source, item.kind)
    if item.filed_as is not None:
        outcome.source.url = item.filed_as  # identity (and record id) follow the requested URL
    return outcome


def run_items(
    items: Iterable[Item | Skipped], settings: Settings | None = None
) -> Iterator[Outcome | Skipped]:
    """Outcomes in input order, cleaned in this process: no time limit (see run.pool)."""
    pipeline = default_pipeline(settings)
    for item in items:
        yield item if isinstance(item, Skipped) else process_item(item, pipeline)


def run_results(
    items: Iterable[Item | Skipped], settings: Settings | None = None
) -> Iterator[Result | Skipped]:
    """`run_items` in written form."""
    for outcome in run_items(items, settings):
        yield outcome if isinstance(outcome, Skipped) else to_result(outcome)
