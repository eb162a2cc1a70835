"""Documents per second: the full pipeline with 1 and 2 workers against bare trafilatura.

    python -m benchmarks.speed /work/shared/eval/fundus-de-dev/html --repeat 4

The same pages (the folder walked `repeat` times) go through, in one run: bare
`trafilatura.extract` in this process (the baseline), then `cleaner clean`'s batch runner with
1 and 2 worker processes (decoding, extraction, rule packs, metadata, language, JSONL out),
then the baseline again; the baseline figure is the mean of its two passes, so load on the
machine during the run hurts both sides alike. Pages are read from the eval folder, never
copied into the repository.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

import trafilatura

from cleaner.batch import Outputs, run_batch
from cleaner.config import RunSettings, Settings
from cleaner.parallel import run_parallel


def bare_trafilatura(files: list[Path]) -> float:
    """Docs/s of trafilatura.extract on the raw bytes, one process, no pool."""
    started = time.perf_counter()
    for path in files:
        trafilatura.extract(path.read_bytes())
    return len(files) / (time.perf_counter() - started)


def pipeline(folder: Path, repeat: int, jobs: int) -> float:
    """Docs/s of the whole batch run (pool start included) writing JSONL to a temp folder."""
    list(run_parallel([], Settings(), RunSettings(jobs=jobs)))  # fork server up: not timed
    with tempfile.TemporaryDirectory() as tmp:
        outputs = Outputs(os.path.join(tmp, "o.jsonl"), os.path.join(tmp, "r.jsonl"))
        started = time.perf_counter()
        counts, _ = run_batch([folder] * repeat, outputs, Settings(), RunSettings(jobs=jobs))
        return counts.read / (time.perf_counter() - started)


def load() -> float:
    return os.getloadavg()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of .html pages (an eval set's html/)")
    parser.add_argument("--repeat", type=int, default=4, help="walk the folder this many times")
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.html")) * args.repeat
    bare_before = bare_trafilatura(files)
    one = pipeline(args.folder, args.repeat, 1)
    two = pipeline(args.folder, args.repeat, 2)
    bare = (bare_before + bare_trafilatura(files)) / 2
    print(f"documents: {len(files)} ({args.repeat} x {args.folder}), cores: {os.cpu_count()}")
    print(f"load average after the run (other processes compete for the cores): {load():.1f}")
    print(f"bare trafilatura, 1 process : {bare:7.1f} docs/s  (1.00x)")
    print(f"cleaner, 1 worker           : {one:7.1f} docs/s  ({one / bare:.2f}x)")
    print(f"cleaner, 2 workers          : {two:7.1f} docs/s  ({two / bare:.2f}x, target >= 1.6x)")
    print(f"2 workers / 1 worker        : {two / one:.2f}x")


if __name__ == "__main__":
    main()
