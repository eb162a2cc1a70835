"""Documents per second: the full pipeline with 1 and 2 workers against bare trafilatura.

    python -m benchmarks.speed /work/shared/eval/fundus-de-dev/html --repeat 4

The same pages (the folder walked `repeat` times) go through, in one run: bare
`trafilatura.extract` in this process (the baseline), then `cleaner clean`'s batch runner with
1 and 2 worker processes (decoding, extraction, rule packs, metadata, language, JSONL out),
then the baseline again; the baseline figure is the mean of its two passes.

Two figures per row. Wall-clock docs/s is what the run got; on a machine shared with other
jobs it depends on their load (printed). CPU ms per document (this process plus the worker
processes, read from the fork server's reaped-children times) does not: with N idle cores,
N workers can do at most N * 1000 / cpu_ms docs/s, which gives the CPU-bound ratio to bare
trafilatura. Pages are read from the eval folder, never copied into the repository.
"""

from __future__ import annotations

import argparse
import multiprocessing
import multiprocessing.forkserver as forkserver
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psutil
import trafilatura
from pebble import ProcessPool

from benchmarks.repeat import repeated
from cleaner.config import RunSettings, Settings
from cleaner.run.local import run_batch
from cleaner.run.pool import Pool
from cleaner.run.sink import Outputs


@dataclass(frozen=True)
class Row:
    docs_per_s: float  # wall clock
    cpu_ms: float  # CPU per document, all processes


def bare_trafilatura(files: list[Path]) -> Row:
    """trafilatura.extract on the raw bytes, one process, no pool."""
    wall, cpu = time.perf_counter(), time.process_time()
    for path in files:
        trafilatura.extract(path.read_bytes())
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return Row(len(files) / wall, 1000 * cpu / len(files))


def workers_cpu() -> float:
    """CPU seconds of the fork server's finished children (the pool's workers)."""
    pid = forkserver._forkserver._forkserver_pid  # type: ignore[attr-defined]
    times = psutil.Process(pid).cpu_times()
    return float(times.children_user + times.children_system)


def pipeline(folder: Path, repeat: int, jobs: int) -> Row:
    """The whole batch run (pool start included) writing JSONL to a temp folder."""
    with Pool(Settings(), RunSettings(jobs=jobs)) as pool:  # fork server up: not timed
        list(pool.ordered([]))
    time.sleep(0.5)  # let the fork server reap the warm-up workers
    with tempfile.TemporaryDirectory() as tmp:
        outputs = Outputs(os.path.join(tmp, "o.jsonl"), os.path.join(tmp, "r.jsonl"))
        passes = repeated(folder, repeat, Path(tmp))
        before = (time.perf_counter(), time.process_time(), workers_cpu())
        counts = run_batch(passes, outputs, Settings(), RunSettings(jobs=jobs))
        wall = time.perf_counter() - before[0]
        time.sleep(0.5)  # the stopped workers are reaped, their times counted
        cpu = time.process_time() - before[1] + workers_cpu() - before[2]
    return Row(counts.read / wall, 1000 * cpu / counts.read)


def burn(_: int) -> int:
    """20 ms of pure CPU: the control task."""
    started = time.process_time()
    while time.process_time() - started < 0.02:
        pass
    return 0


def control(jobs: int, tasks: int = 100) -> float:
    """Tasks/s of the control through a pebble pool: how much of `jobs` cores the machine
    gives right now (ideal: jobs * 50), independent of cleaner."""
    from collections import deque
    from concurrent.futures import Future

    pool = ProcessPool(max_workers=jobs, context=multiprocessing.get_context("forkserver"))
    pool.schedule(burn, args=(0,)).result()  # workers up
    started, pending = time.perf_counter(), deque[Future[int]]()
    for n in range(tasks):
        pending.append(pool.schedule(burn, args=(n,)))
        while len(pending) >= 4 * jobs:
            pending.popleft().result()
    while pending:
        pending.popleft().result()
    rate = tasks / (time.perf_counter() - started)
    pool.stop()  # type: ignore[no-untyped-call]
    pool.join()
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="folder of .html pages (an eval set's html/)")
    parser.add_argument("--repeat", type=int, default=4, help="walk the folder this many times")
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.html")) * args.repeat
    first = bare_trafilatura(files)
    one, two = pipeline(args.folder, args.repeat, 1), pipeline(args.folder, args.repeat, 2)
    second = bare_trafilatura(files)
    bare = Row((first.docs_per_s + second.docs_per_s) / 2, (first.cpu_ms + second.cpu_ms) / 2)
    report(files, args, bare, one, two)
    ctl = control(1), control(2)
    print(f"control, 20 ms CPU tasks    : 1 worker {ctl[0]:.1f}/s, 2 workers {ctl[1]:.1f}/s")
    print(f"  cores the machine gave 2 workers: {ctl[1] / ctl[0]:.2f} (idle machine: 2.00);")
    print(f"  cleaner 2 workers / 1 worker: {two.docs_per_s / one.docs_per_s:.2f}")


def report(files: list[Path], args: argparse.Namespace, bare: Row, one: Row, two: Row) -> None:
    print(f"documents: {len(files)} ({args.repeat} x {args.folder}), cores: {os.cpu_count()}")
    print(f"load average after the run (other jobs on the machine): {os.getloadavg()[0]:.1f}")
    print("                             wall docs/s  ratio   CPU ms/doc  CPU-bound ratio")
    rows = [("bare trafilatura, 1 process", bare, 1), ("cleaner, 1 worker", one, 1)]
    for name, row, cores in [*rows, ("cleaner, 2 workers", two, 2)]:
        bound = cores * bare.cpu_ms / row.cpu_ms
        wall = row.docs_per_s / bare.docs_per_s
        print(f"{name:<28} {row.docs_per_s:9.1f} {wall:7.2f}x {row.cpu_ms:10.1f} {bound:10.2f}x")
    print("target: cleaner with 2 workers >= 1.6x bare trafilatura")


if __name__ == "__main__":
    main()
