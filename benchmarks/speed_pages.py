"""CPU per page of cleaner's pipeline against bare trafilatura, with quality, start-up, workers.

    python -m benchmarks.speed_pages ../shared/eval/fundus-de-dev ../shared/eval/trafeval-dev \
        ../shared/eval/wcxb-dev

One process, one command, four parts:

1. HTML: for every page of each set, bare `trafilatura.extract(bytes, url=url)` and cleaner's
   whole pipeline (decode, extract, filter, metadata, language, gate: bytes to Document) run
   interleaved page by page (which goes first alternates), each timed with process_time, so
   machine load hits both alike. Body F1 of both by the set's own score.py on the same pages,
   and cleaner's metadata accuracy (benchmarks.quality_html's definitions).
2. Text mode: the pipeline on each set's txt/ dump (full-page text) and on the repository's
   seeds (already-extracted article text), ms per document, with F1 on the dumps.
3. Start-up: `cleaner --help` and `cleaner clean ONE.html` as subprocesses, median wall time.
4. Workers: `cleaner clean`'s batch runner with 1 and 2 workers over the first set's html/,
   with benchmarks.speed's control (20 ms CPU tasks) to say how many cores the machine gave.

Ratios are against the baseline measured in the same run; nothing here is a threshold.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import trafilatura

from benchmarks.evalset import load_truth, score_predictions
from benchmarks.quality_html import Meta, Run, meta_accuracy
from cleaner.document import Document, Source
from cleaner.extract.html import warm_dates
from cleaner.extract.second_opinion import warm_justext
from cleaner.pipeline import Pipeline

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@dataclass
class Timed:
    """Predictions and process CPU seconds of one tool over a set."""

    texts: dict[str, str] = field(default_factory=dict)
    cpu: float = 0.0
    records: dict[str, dict[str, Any]] = field(default_factory=dict)  # cleaner's, for --save


def _cpu(fn: Callable[[], Any], into: Timed) -> Any:
    start = time.process_time()
    try:
        out = fn()
    except Exception:  # a failure is an empty prediction; the run goes on
        out = None
    into.cpu += time.process_time() - start
    return out


def _url(rec: dict[str, Any]) -> str | None:
    url = rec.get("url")
    return url if isinstance(url, str) and url.startswith("http") else None


def _ours(pipeline: Pipeline, data: bytes, url: str | None) -> Any:
    return pipeline.run_bytes(data, Source(kind="url" if url else "file", url=url), "html")


def html_set(set_dir: Path, pipeline: Pipeline) -> tuple[Timed, Timed, Run]:
    """Both tools on every page, interleaved; cleaner's metadata kept for scoring."""
    ours, bare, meta = Timed(), Timed(), Run()
    for n, rec in enumerate(load_truth(set_dir)):
        page = Page(rec["id"], (set_dir / "html" / f"{rec['id']}.html").read_bytes(), _url(rec))
        if n % 2:  # who goes first alternates: neither always gets the warm cache
            _bare_page(page, bare)
        _our_page(page, pipeline, ours, meta)
        if not n % 2:
            _bare_page(page, bare)
    return ours, bare, meta


@dataclass(frozen=True)
class Page:
    id: str
    data: bytes
    url: str | None


def _bare_page(page: Page, bare: Timed) -> None:
    text = _cpu(lambda: trafilatura.extract(page.data, url=page.url), bare)
    bare.texts[page.id] = text or ""


def _our_page(page: Page, pipeline: Pipeline, ours: Timed, meta: Run) -> None:
    doc = _cpu(lambda: _ours(pipeline, page.data, page.url), ours)
    _keep(page.id, doc, ours, meta)


def _keep(page_id: str, doc: Any, ours: Timed, meta: Run) -> None:
    ok = isinstance(doc, Document)
    ours.texts[page_id] = doc.text if ok else ""
    meta.meta[page_id] = Meta(doc.title, doc.authors, doc.date) if ok else Meta()
    ours.records[page_id] = _fields(doc) if ok else {"reject": getattr(doc, "reason", None)}


def _fields(doc: Document) -> dict[str, Any]:
    """What a change must keep: the record minus what differs per run (timing, versions)."""
    record = doc.to_record()
    return {key: record[key] for key in record if key not in ("source", "cleaning")}


def report_html(set_dir: Path, pipeline: Pipeline) -> dict[str, dict[str, Any]]:
    ours, bare, meta = html_set(set_dir, pipeline)
    n = len(ours.texts)
    mine, base = score_predictions(set_dir, ours.texts), score_predictions(set_dir, bare.texts)
    ms, bare_ms = 1000 * ours.cpu / n, 1000 * bare.cpu / n
    print(f"\n== {set_dir.name}: {n} pages, HTML ({mine['metric']}) ==")
    print(f"  cleaner      {ms:6.1f} ms/page CPU   F1 {mine['f1']:.3f}")
    print(f"  trafilatura  {bare_ms:6.1f} ms/page CPU   F1 {base['f1']:.3f}")
    print(f"  ratio cleaner/trafilatura CPU per page: {ms / bare_ms:.2f}x")
    accuracy = meta_accuracy(load_truth(set_dir), meta)
    if accuracy:
        print("  cleaner metadata: " + ", ".join(f"{k} {v:.1%}" for k, v in accuracy.items()))
    return ours.records


def text_docs(texts: dict[str, str], pipeline: Pipeline) -> Timed:
    """The pipeline in text mode on each text; predictions and CPU."""
    out = Timed()
    for name, text in texts.items():
        doc = _cpu(partial(pipeline.run_text, text, Source(kind="file"), "text"), out)
        out.texts[name] = doc.text if isinstance(doc, Document) else ""
    return out


def report_text(set_dirs: list[Path], pipeline: Pipeline) -> None:
    print("\n== text mode (ms per document, CPU) ==")
    seeds = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    done = text_docs(seeds, pipeline)
    print(f"  seeds (repository, {len(seeds)} docs)  {1000 * done.cpu / len(seeds):6.1f} ms/doc")
    for set_dir in set_dirs:
        dumps = {p.stem: p.read_text(encoding="utf-8") for p in sorted(set_dir.glob("txt/*.txt"))}
        if dumps:
            done = text_docs(dumps, pipeline)
            f1 = score_predictions(set_dir, done.texts)["f1"]
            ms = 1000 * done.cpu / len(dumps)
            print(f"  {set_dir.name} txt ({len(dumps)} docs)  {ms:6.1f} ms/doc   F1 {f1:.3f}")


def save(path: Path, records: dict[str, dict[str, dict[str, Any]]]) -> None:
    """One line per page, sorted: two runs' files diff line by line."""
    with path.open("w", encoding="utf-8") as out:
        for set_name, pages in records.items():
            for page_id in sorted(pages):
                line = {**pages[page_id], "set": set_name, "page": page_id}
                out.write(json.dumps(line, ensure_ascii=False, sort_keys=True) + "\n")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def median_run(command: list[str], runs: int) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds (the process and the children it reaped,
    workers included) of a command run as a subprocess, output discarded."""
    walls, cpus = [], []
    for _ in range(runs):
        start, cpu = time.perf_counter(), _children_cpu()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        walls.append(time.perf_counter() - start)
        cpus.append(_children_cpu() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def report_startup(one_page: Path, runs: int) -> None:
    cli = str(Path(sys.executable).parent / "cleaner")
    print(f"\n== CLI start-up (median of {runs} runs; CPU = all its processes) ==")
    for name, command in [
        ("cleaner --help", [cli, "--help"]),
        (f"cleaner clean {one_page.name}", [cli, "clean", str(one_page)]),
    ]:
        wall, cpu = median_run(command, runs)
        print(f"  {name:<40} {wall:5.2f} s wall  {cpu:5.2f} s CPU")
    print(f"  load average now: {os.getloadavg()[0]:.1f} (wall time grows with it, CPU does not)")


def report_workers(folder: Path, repeat: int) -> None:
    from benchmarks.speed import control, pipeline

    one, two = pipeline(folder, repeat, 1), pipeline(folder, repeat, 2)
    ctl = control(1), control(2)
    print(f"\n== workers ({repeat} x {folder}) ==")
    print(f"  1 worker {one.docs_per_s:.1f} docs/s, 2 workers {two.docs_per_s:.1f} docs/s:")
    print(f"  2 workers / 1 worker {two.docs_per_s / one.docs_per_s:.2f}x")
    print(f"  control (20 ms CPU tasks) 2 / 1: {ctl[1] / ctl[0]:.2f}x (idle 2 cores: 2.00x)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path, help="eval set folders (html/, truth)")
    parser.add_argument("--cli-runs", type=int, default=5, help="runs per start-up figure")
    parser.add_argument("--repeat", type=int, default=3, help="passes over html/ for workers")
    parts = ["html", "text", "startup", "workers"]
    parser.add_argument("--skip", nargs="*", default=[], choices=parts)
    parser.add_argument("--save", type=Path, help="write cleaner's HTML records here (JSONL)")
    args = parser.parse_args()
    pipeline = Pipeline()
    first = sorted((args.sets[0] / "html").glob("*.html"))[0]
    _ours(pipeline, first.read_bytes(), None)  # imports and packs loaded: not timed
    warm = "Von Anna Beispiel\nEin kurzer Absatz, damit das Rollenmodell geladen wird.\n"
    pipeline.run_text(warm, Source(kind="text"), "text")  # nor text mode's (role model, tables)
    trafilatura.extract(first.read_bytes())
    warm_dates()  # dateparser's locales, which both tools' date search loads once: 1.7 s
    warm_justext()  # trafilatura's all-language stop list, both tools' jusText: ~200 ms
    records = {}
    if "html" not in args.skip:
        records = {set_dir.name: report_html(set_dir, pipeline) for set_dir in args.sets}
    if args.save:
        save(args.save, records)
    if "text" not in args.skip:
        report_text(args.sets, pipeline)
    if "startup" not in args.skip:
        report_startup(first, args.cli_runs)
    if "workers" not in args.skip:
        report_workers(args.sets[0] / "html", args.repeat)


if __name__ == "__main__":
    main()
