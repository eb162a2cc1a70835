"""Labelled page-kind examples from eval sets: the features the shipped pipeline computes.

Shared by training/train_kind.py and benchmarks/page_kind.py, so both see the same features.
A set's truth `page_type` gives the label (wcxb: article, listing, collection, product, ...);
sets without one (fundus-de-dev, trafeval-dev) hold articles only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cleaner.document import Document, Source
from cleaner.pagekind.step import document_signals
from cleaner.pipeline import Pipeline
from cleaner.urls import host_of

# The benchmark's fine-grained kinds mapped onto ours.
LABELS = {
    "article": "article",
    "listing": "index",
    "collection": "index",
    "product": "other",
    "service": "other",
    "forum": "other",
    "documentation": "other",
}


@dataclass
class Example:
    set_name: str
    id: str
    site: str  # the group of grouped cross-validation: no site in two folds
    label: str
    truth_kind: str
    signals: dict[str, float] | None  # None: the pipeline found no text (a reject)
    url: str | None


def url_of(rec: dict[str, Any]) -> str | None:
    url = rec.get("url")
    return url if isinstance(url, str) and url.startswith("http") else None


def feature_pipeline() -> Pipeline:
    """The shipped pipeline up to (not including) the page-kind step (the gate is not a step)."""
    pipe = Pipeline()
    pipe.steps = pipe.steps[: pipe.steps.index(pipe.page_kind)]
    return pipe


def examples(set_dir: Path, pipe: Pipeline) -> list[Example]:
    out = []
    for line in (set_dir / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        kind = rec.get("page_type") or "article"
        url = url_of(rec)
        path = set_dir / "html" / f"{rec['id']}.html"
        source = Source(kind="file", path=str(path), url=url)
        doc = pipe.run_bytes(path.read_bytes(), source, "html")
        signals = document_signals(doc) if isinstance(doc, Document) else None
        site = host_of(url) or rec.get("host") or rec.get("publisher") or rec["id"].split("-")[0]
        out.append(Example(set_dir.name, rec["id"], site, LABELS[kind], kind, signals, url))
    return out


def load_or_build(set_dirs: list[Path], cache: Path | None) -> list[Example]:
    """Examples of every set; with a cache file, computed once and read back after."""
    if cache and cache.exists():
        return [Example(**row) for row in json.loads(cache.read_text(encoding="utf-8"))]
    pipe = feature_pipeline()
    found = [ex for set_dir in set_dirs for ex in examples(set_dir, pipe)]
    if cache:
        cache.write_text(json.dumps([ex.__dict__ for ex in found]), encoding="utf-8")
    return found
