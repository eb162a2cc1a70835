"""Held-out figures for the role model: K folds by outlet, each scored on what it never saw.

Called by `python training/train_roles.py ../shared --cv K`. For every fold a model is trained
without the fold's outlets and the full text pipeline runs with it on the fold's text cases
(scored like ../shared/textcases/check_texts.py: exact text, fields) and dump pages (4-token
shingle F1 per page, as ../shared/eval/score.py computes it). The in-sample figures (the shipped
model on its own training data) are the checker's and benchmarks.quality_text's.
"""

from __future__ import annotations

import json
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pycrfsuite

from benchmarks.evalset import scorer
from cleaner import clean_text
from cleaner.anatomy import model
from cleaner.config import Limits, Settings

# In the calling process: the fold's model is swapped in here, and a worker process would
# load the shipped model file instead (the held-out figures would be in-sample ones).
IN_PROCESS = Settings(limits=Limits(doc_timeout_s=None))


def cross_validate(
    examples: list[Any], shared: Path, k: int, train: Callable[..., None], folds: Callable[..., Any]
) -> None:
    fold_of = folds(examples, k)
    cases = {"exact": 0, "cases": 0, "fields_ok": 0, "fields": 0}
    f1s: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(k):
            path = Path(tmp) / f"fold{fold}.crfsuite"
            train([ex for ex in examples if fold_of[ex.group] != fold], path)
            held = [ex for ex in examples if fold_of[ex.group] == fold]
            _with_model(path, lambda held=held: _score_fold(held, shared, cases, f1s))
            print(f"fold {fold}: {len(held)} held-out documents", flush=True)
    print(
        f"held-out text cases: exact {cases['exact']}/{cases['cases']}, "
        f"fields {cases['fields_ok']}/{cases['fields']}"
    )
    for name, values in sorted(f1s.items()):
        print(f"held-out {name}: mean shingle F1 {sum(values) / len(values):.3f} ({len(values)})")


def _with_model(path: Path, run: Callable[[], None]) -> None:
    """Run with the fold's model in place of the shipped one."""
    fold_tagger = pycrfsuite.Tagger()
    fold_tagger.open(str(path))
    shipped = model.tagger
    model.tagger = lambda: fold_tagger  # type: ignore[assignment]
    try:
        run()
    finally:
        model.tagger = shipped


def _score_fold(held: list[Any], shared: Path, cases: dict[str, int], f1s: dict) -> None:
    for ex in held:
        if ex.kind in ("textcase", "seed"):
            _score_case(ex, shared, cases)
        else:
            _score_dump(ex, shared, f1s)


def _score_case(ex: Any, shared: Path, cases: dict[str, int]) -> None:
    folder = shared / ("textcases" if ex.kind == "textcase" else "seeds")
    exp = json.loads((folder / "expected" / f"{ex.ident}.json").read_text("utf-8"))
    inputs = folder / "input" if ex.kind == "textcase" else folder
    doc = clean_text((inputs / f"{ex.ident}.txt").read_text("utf-8"), settings=IN_PROCESS)
    rec = doc.to_record() if doc.ok else {}
    cases["cases"] += 1
    cases["exact"] += rec.get("text") == exp["text"]
    bad = []
    for key, want in exp.items():
        if key in ("text", "removed"):
            continue
        cases["fields"] += 1
        ok = _field_ok(key, want, rec)
        cases["fields_ok"] += ok
        if not ok:
            bad.append(f"{key}={rec.get('title' if key == 'title_contains' else key)!r}")
    print(
        f"  {ex.ident}: {'exact' if rec.get('text') == exp['text'] else 'text differs'}"
        f"{'; ' + ', '.join(bad) if bad else ''}"
    )


def _field_ok(key: str, want: Any, rec: dict[str, Any]) -> bool:
    if key == "title_contains":
        return bool(want in (rec.get("title") or ""))
    if key == "author":
        return bool(want in (rec.get("authors") or []))
    if key == "date" and want:
        return isinstance(rec.get("date"), str) and rec["date"].startswith(want)
    return bool(rec.get(key) == want)


_TRUTH: dict[str, dict[str, str]] = {}


def _score_dump(ex: Any, shared: Path, f1s: dict[str, list[float]]) -> None:
    set_dir = shared / "eval" / ex.kind
    if ex.kind not in _TRUTH:
        lines = (set_dir / "truth.jsonl").read_text("utf-8").splitlines()
        _TRUTH[ex.kind] = {r["id"]: r["text"] for r in map(json.loads, lines) if r.get("text")}
    raw = (set_dir / "txt" / f"{ex.ident}.txt").read_text("utf-8", errors="replace")
    doc = clean_text(raw, settings=IN_PROCESS)
    pred = doc.text if doc.ok else ""
    score = _scorer(set_dir)
    _, _, f1 = score.shingle_prf([score.page_counts(_TRUTH[ex.kind][ex.ident], pred)])
    f1s.setdefault(ex.kind, []).append(f1)
    print(f"  page {ex.kind} {ex.ident}: shingle F1 {f1:.3f}")  # the worst pages first to read


_SCORERS: dict[Path, Any] = {}


def _scorer(set_dir: Path) -> Any:
    if set_dir not in _SCORERS:
        _SCORERS[set_dir] = scorer(set_dir)
    return _SCORERS[set_dir]


if __name__ == "__main__":
    sys.exit("run training/train_roles.py --cv K")
