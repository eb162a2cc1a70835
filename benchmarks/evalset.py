"""Shared helpers for the quality benchmarks: read an eval set, score predictions.

An eval set is a folder in the format of ../shared/eval/<set>: html/<id>.html, txt/<id>.txt,
truth.jsonl. Scoring uses the set's own score.py (found next to the set), so our figures are
computed exactly as the baselines were.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any


@dataclass(frozen=True)
class Page:
    """One page of an eval set: its id, raw HTML path and naive text dump path."""

    id: str
    html: Path
    txt: Path


def load_truth(set_dir: Path) -> list[dict[str, Any]]:
    with (set_dir / "truth.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def pages(set_dir: Path, limit: int | None = None) -> Iterator[Page]:
    """Pages of the set in truth order (optionally only the first `limit`)."""
    for n, rec in enumerate(load_truth(set_dir)):
        if limit is not None and n >= limit:
            return
        yield Page(
            rec["id"], set_dir / "html" / f"{rec['id']}.html", set_dir / "txt" / f"{rec['id']}.txt"
        )


def scorer(set_dir: Path) -> ModuleType:
    """The set's score.py as a module (it sits in the set's parent folder)."""
    path = set_dir.resolve().parent / "score.py"
    sys.path.insert(0, str(path.parent))  # score.py imports its sibling common.py
    spec = importlib.util.spec_from_file_location("eval_score", path)
    assert spec and spec.loader, f"no score.py next to {set_dir}"
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_prf(score: ModuleType, truth: str, pred: str) -> tuple[float, float, float]:
    """Shingle precision, recall and F1 of one page, by the set's score.py."""
    p, r, f1 = score.shingle_prf([score.page_counts(truth, pred)])
    return p, r, f1


def score_predictions(
    set_dir: Path, preds: dict[str, str], only_predicted: bool = False
) -> dict[str, Any]:
    """Metrics of {id: text} predictions against the set's truth (score.py's own function)."""
    truth = load_truth(set_dir)
    if only_predicted:
        truth = [rec for rec in truth if rec["id"] in preds]
    result: dict[str, Any] = scorer(set_dir).score(truth, preds)
    return result


def predict(set_dir: Path, fn: Callable[[Page], str], limit: int | None = None) -> dict[str, str]:
    """Run `fn` over every page; an exception counts as an empty prediction."""
    out: dict[str, str] = {}
    for page in pages(set_dir, limit):
        try:
            out[page.id] = fn(page)
        except Exception:  # a benchmark scores failures as empty, it does not stop
            out[page.id] = ""
    return out
