"""Peak memory of a long batch run: flat from 1,000 to 10,000 documents.

    python -m benchmarks.memory /work/shared/eval/fundus-de-dev/html --docs 10000 --jobs 2

Runs `cleaner clean PASS1 PASS2 ... -o OUT --rejects REJ --jobs N` (symlinks to the folder,
enough to hold `docs` pages) in a child process and samples the memory (PSS) of the whole
process tree (the main process, the fork server and the workers) while counting the
lines written. Prints the peak seen up to 1k documents and the peak over the whole run:
equal figures mean memory does not grow with the input. Needs psutil (a dask dependency).
"""

from __future__ import annotations

import argparse
import math
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

from benchmarks.repeat import repeated

MB = 1024 * 1024


def tree_memory(proc: psutil.Process) -> tuple[int, int]:
    """(main process PSS, PSS of the main process plus all its descendants).

    PSS, not RSS: forked workers share the fork server's pages, which RSS would count once
    per process."""
    try:
        main = proc.memory_full_info().pss
        children = proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0, 0
    total = main
    for child in children:
        try:
            total += child.memory_full_info().pss
        except psutil.NoSuchProcess:
            continue
    return main, total


class LineCounter:
    """Lines in growing files, reading only what was added since the last call."""

    def __init__(self, *paths: Path) -> None:
        self.offsets = dict.fromkeys(paths, 0)
        self.lines = 0

    def __call__(self) -> int:
        for path, offset in self.offsets.items():
            if path.exists():
                with path.open("rb") as handle:
                    handle.seek(offset)
                    added = handle.read()
                self.lines += added.count(b"\n")
                self.offsets[path] = offset + len(added)
        return self.lines


def run(folder: Path, docs: int, jobs: int, marks: list[int]) -> dict[int, tuple[int, int]]:
    """Peak (main, tree) PSS seen before the output reached each mark (in documents)."""
    repeat = math.ceil(docs / len(list(folder.glob("*.html"))))
    with tempfile.TemporaryDirectory() as tmp:
        out, rej = Path(tmp) / "o.jsonl", Path(tmp) / "r.jsonl"
        code = "from cleaner.cli import main; main()"
        passes = [str(path) for path in repeated(folder, repeat, Path(tmp))]
        args = ["clean", *passes, "-o", str(out), "--rejects", str(rej)]
        child = subprocess.Popen([sys.executable, "-c", code, *args, "-j", str(jobs)])
        proc = psutil.Process(child.pid)
        peaks = {mark: (0, 0) for mark in marks}
        counter = LineCounter(out, rej)
        while child.poll() is None:
            main, total = tree_memory(proc)
            done = counter()
            for mark in marks:
                if done <= mark:
                    peaks[mark] = (max(peaks[mark][0], main), max(peaks[mark][1], total))
            time.sleep(0.5)
        print(f"documents written: {counter()}")
    return peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of .html pages (an eval set's html/)")
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    marks = [1_000, args.docs]
    peaks = run(args.folder, args.docs, args.jobs, marks)
    for mark in marks:
        main_mb, tree_mb = peaks[mark][0] / MB, peaks[mark][1] / MB
        print(f"peak up to {mark:>6} docs: main {main_mb:6.1f} MB, all processes {tree_mb:6.1f} MB")


if __name__ == "__main__":
    main()
