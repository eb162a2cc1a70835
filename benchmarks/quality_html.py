"""HTML extraction quality and speed: our pipeline next to trafilatura's default `extract`.

    python -m benchmarks.quality_html ../shared/eval/fundus-de-dev ../shared/eval/trafeval-dev
    python -m benchmarks.quality_html SET --worst 15     # also list the worst pages by F1
    python -m benchmarks.quality_html SET --generic-only # ablation: no site packs
    python -m benchmarks.quality_html SET --blocks       # with the learned block scorer
    python -m benchmarks.quality_html SET --line-roles   # with the line-role tail cut (default off)

For every page of each set (format of ../shared/eval: html/ + truth.jsonl) both tools run on
the same raw bytes, one page at a time, interleaved so that machine load hits both alike.
Body text is scored with the set's own score.py (4-token shingle F1, or snippet F1). Where the
truth has them, metadata accuracy is printed for both tools under one definition each:

- title: exact after NFC, dropping soft hyphens/zero-width characters and folding whitespace;
- authors: the same set of names after that normalisation and casefolding (empty truth counts);
- date: the same calendar day (the first 10 characters of the ISO date, as each tool gives it).

trafilatura's metadata come from `bare_extraction(with_metadata=True)` (not timed); its speed
from `extract(html, url=url)` with default options. Our speed is the whole pipeline
(decode, extract, filter, metadata, language, gate) from bytes to Document.
"""

from __future__ import annotations

import argparse
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import trafilatura

from benchmarks.evalset import load_truth, score_predictions
from cleaner.config import ExtractSettings, FilterSettings, Settings
from cleaner.document import Document, Source
from cleaner.pipeline import Pipeline

_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


@dataclass
class Meta:
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None


@dataclass
class Run:
    """One tool's predictions, metadata and time over a set."""

    texts: dict[str, str] = field(default_factory=dict)
    meta: dict[str, Meta] = field(default_factory=dict)
    seconds: float = 0.0  # wall clock
    cpu: float = 0.0  # process CPU time: steadier than the wall clock on a shared machine


def _url(rec: dict[str, Any]) -> str | None:
    url = rec.get("url")
    return url if isinstance(url, str) and url.startswith("http") else None


def _timed(fn: Callable[[], Any], run: Run) -> Any:
    start, cpu = time.perf_counter(), time.process_time()
    try:
        out = fn()
    except Exception:  # a failure counts as an empty prediction, the run goes on
        out = None
    run.seconds += time.perf_counter() - start
    run.cpu += time.process_time() - cpu
    return out


def _ours(pipeline: Pipeline, data: bytes, url: str | None) -> Any:
    return pipeline.run_bytes(data, Source(kind="url" if url else "file", url=url), "html")


def run_set(set_dir: Path, with_meta: bool, settings: Settings) -> tuple[Run, Run]:
    """Both tools over every page, interleaved per page."""
    pipeline = Pipeline(settings)
    ours, theirs = Run(), Run()
    for rec in load_truth(set_dir):
        data = (set_dir / "html" / f"{rec['id']}.html").read_bytes()
        url = _url(rec)
        text = _timed(lambda data=data, url=url: trafilatura.extract(data, url=url), theirs)
        theirs.texts[rec["id"]] = text or ""
        doc = _timed(lambda data=data, url=url: _ours(pipeline, data, url), ours)
        ok = isinstance(doc, Document)
        ours.texts[rec["id"]] = doc.text if ok else ""
        ours.meta[rec["id"]] = Meta(doc.title, doc.authors, doc.date) if ok else Meta()
        if with_meta:
            theirs.meta[rec["id"]] = _trafilatura_meta(data, url)
    return ours, theirs


def _trafilatura_meta(data: bytes, url: str | None) -> Meta:
    try:
        res = trafilatura.bare_extraction(data, url=url, with_metadata=True)
    except Exception:
        return Meta()
    if res is None:
        return Meta()
    authors = [a.strip() for a in (res.author or "").split(";") if a.strip()]
    return Meta(res.title, authors, res.date)


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFC", (text or "").translate(_INVISIBLE))
    return " ".join(text.split())


def meta_hits(rec: dict[str, Any], meta: Meta) -> dict[str, bool]:
    """Which fields a tool got right on one page, by the definitions in the docstring."""
    hits = {}
    if rec.get("title"):
        hits["title"] = norm(meta.title) == norm(rec["title"])
    if "authors" in rec:
        truth = {norm(a).casefold() for a in rec["authors"]}
        hits["authors"] = {norm(a).casefold() for a in meta.authors} == truth
    if rec.get("date"):
        hits["date"] = (meta.date or "")[:10] == str(rec["date"])[:10]
    return hits


def meta_accuracy(truth: list[dict[str, Any]], run: Run) -> dict[str, float]:
    counts: dict[str, list[bool]] = {}
    for rec in truth:
        for key, hit in meta_hits(rec, run.meta.get(rec["id"], Meta())).items():
            counts.setdefault(key, []).append(hit)
    return {key: sum(v) / len(v) for key, v in counts.items()}


def _fmt(res: dict[str, Any]) -> str:
    return f"F1 {res['f1']:.3f}  P {res['precision']:.3f}  R {res['recall']:.3f}"


def report(set_dir: Path, worst: int, settings: Settings) -> None:
    truth = load_truth(set_dir)
    with_meta = "title" in truth[0]
    ours, theirs = run_set(set_dir, with_meta, settings)
    n = len(truth)
    print(f"\n== {set_dir.name}: {n} pages ==")
    for name, run in (("cleaner", ours), ("trafilatura", theirs)):
        res = score_predictions(set_dir, run.texts)
        speed = f"{n / run.seconds:6.1f} docs/s wall, {n / run.cpu:6.1f} docs/s CPU"
        print(f"{name:12s} {res['metric']:8s} {_fmt(res)}  {speed}")
    wall, cpu = theirs.seconds / ours.seconds, theirs.cpu / ours.cpu
    print(f"speed ratio cleaner/trafilatura (docs/s): wall {wall:.2f}x, CPU {cpu:.2f}x")
    if with_meta:
        _print_meta(truth, ours, theirs)
    if worst:
        _print_worst(set_dir, truth, ours, theirs, worst)


def _print_meta(truth: list[dict[str, Any]], ours: Run, theirs: Run) -> None:
    print("metadata accuracy (title exact after whitespace/NFC/soft-hyphen normalisation;")
    print("  authors = same set of names, casefolded; date = same day)")
    mine, base = meta_accuracy(truth, ours), meta_accuracy(truth, theirs)
    for key in mine:
        print(f"  {key:8s} cleaner {mine[key]:6.1%}   trafilatura {base.get(key, 0):6.1%}")


def _print_worst(
    set_dir: Path, truth: list[dict[str, Any]], ours: Run, theirs: Run, worst: int
) -> None:
    rows = []
    for rec in truth:
        mine = score_predictions(set_dir, {rec["id"]: ours.texts[rec["id"]]}, True)
        base = score_predictions(set_dir, {rec["id"]: theirs.texts[rec["id"]]}, True)
        flags = [k for k, hit in meta_hits(rec, ours.meta[rec["id"]]).items() if not hit]
        rows.append((mine["f1"], base["f1"], mine["precision"], mine["recall"], rec["id"], flags))
    print(f"worst {worst} pages (ours F1 / trafilatura F1 / our P / our R; missed metadata):")
    for f1, tf1, p, r, pid, flags in sorted(rows)[:worst]:
        flag = "WORSE" if f1 < tf1 - 0.005 else "     "
        print(f"  {flag} {f1:.3f} {tf1:.3f} P {p:.3f} R {r:.3f}  {pid}  {' '.join(flags)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path, help="eval set folders")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    parser.add_argument(
        "--generic-only", action="store_true", help="ablation: no site packs, only the generic one"
    )
    parser.add_argument(
        "--blocks", action="store_true", help="with the learned block scorer (--recover-blocks)"
    )
    parser.add_argument(
        "--line-roles", action="store_true", help="with the line-role model (off by default)"
    )
    args = parser.parse_args()
    settings = Settings(
        extract=ExtractSettings(block_scorer=args.blocks, line_roles=args.line_roles),
        filters=FilterSettings(auto_select=not args.generic_only),
    )
    for set_dir in args.sets:
        report(set_dir, args.worst, settings)


if __name__ == "__main__":
    main()
