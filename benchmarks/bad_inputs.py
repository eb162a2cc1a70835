"""Time and memory on the hostile-input corpus (fixtures/bad/), against normal pages.

    python -m benchmarks.bad_inputs [--passes 3] [--top 8]

Builds the corpus in a temporary folder (committed cases + generated large ones), then:
1. cleans each case once in this process: seconds and resident memory (RSS) after it,
   the slowest cases listed, with the seeds (normal articles) measured in the same run as
   the baseline;
2. cleans the whole corpus `--passes` more times: RSS after each pass must stay flat (a leak
   would grow it pass after pass);
3. runs `cleaner clean` over the corpus as a user would: wall time, the summary line, and
   the peak RSS of the command and its workers.
"""

from __future__ import annotations

import argparse
import importlib.util
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from cleaner import clean_file

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "fixtures" / "bad"
MB = 1024 * 1024


def build_corpus(folder: Path) -> list[Path]:
    spec = importlib.util.spec_from_file_location("bad_generate", BAD / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    for path in (BAD / "files").iterdir():
        shutil.copyfile(path, folder / path.name)
    generate.make_large(folder, unreadable=False)
    return sorted(p for p in folder.rglob("*") if not p.is_dir() or p.name == "x.html")


def rss_mb() -> float:
    return float(psutil.Process().memory_info().rss) / MB


def timed(path: Path) -> tuple[float, str]:
    start = time.perf_counter()
    outcome = clean_file(path)
    seconds = time.perf_counter() - start
    return seconds, "record" if outcome.ok else outcome.reason  # type: ignore[union-attr]


def per_case(cases: list[Path], top: int) -> None:
    seeds = sorted((ROOT / "seeds").glob("*.txt"))
    timed(seeds[0])  # imports and rule packs load once, outside the measurement
    base = [timed(seed)[0] for seed in seeds]
    baseline = sum(base) / len(base)
    print(f"baseline: seeds (normal articles) {1000 * baseline:.1f} ms/doc, RSS {rss_mb():.0f} MB")
    rows = []
    for path in cases:
        seconds, outcome = timed(path)
        rows.append((seconds, path.name, outcome, rss_mb()))
    total = sum(row[0] for row in rows)
    print(f"bad corpus: {len(rows)} cases in {total:.2f} s, RSS after {rss_mb():.0f} MB")
    for seconds, name, outcome, rss in sorted(rows, reverse=True)[:top]:
        ratio = f"{seconds / baseline:5.1f}x a seed"
        print(f"  {name:<28} {outcome:<16} {seconds:6.2f} s ({ratio}) RSS {rss:.0f} MB")


def passes(cases: list[Path], count: int) -> None:
    for n in range(1, count + 1):
        start = time.perf_counter()
        for path in cases:
            clean_file(path)
        print(f"pass {n}: {time.perf_counter() - start:.2f} s, RSS after {rss_mb():.0f} MB")


def cli_run(folder: Path, out: Path) -> None:
    code = "from cleaner.cli import main; main()"
    args = ["clean", str(folder), "-o", str(out / "o.jsonl"), "--rejects", str(out / "r.jsonl")]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    summary = done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ""
    print(f"cleaner clean: exit {done.returncode} in {seconds:.1f} s; {summary}")
    print(f"  peak RSS of one process (main or worker): {peak:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3, help="repeat passes for the leak check")
    parser.add_argument("--top", type=int, default=8, help="how many slowest cases to list")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "bad", Path(tmp) / "out"
        folder.mkdir()
        out.mkdir()
        cases = build_corpus(folder)
        per_case(cases, args.top)
        passes(cases, args.passes)
        cli_run(folder, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
