"""What the library's per-document time limit costs: clean_text/clean_html per call, with
the limit (a shared worker process) and without it (in the calling process).

    python -m benchmarks.library_limit ../shared/eval/fundus-de-dev --files 200

Prints calls per second both ways and the first call's start-up (the worker's start).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from cleaner import clean_file
from cleaner.config import Limits, Settings


def rate(files: list[Path], settings: Settings) -> float:
    started = time.perf_counter()
    for path in files:
        clean_file(path, settings)
    return len(files) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--files", type=int, default=200)
    args = parser.parse_args()
    found = sorted(p for p in args.folder.rglob("*") if p.suffix in {".html", ".txt"})
    files = found[: args.files]
    limited, unlimited = Settings(), Settings(limits=Limits(doc_timeout_s=None))
    started = time.perf_counter()
    clean_file(files[0], limited)  # starts the shared worker
    first = time.perf_counter() - started
    clean_file(files[0], unlimited)  # warms this process alike
    slow, fast = rate(files, limited), rate(files, unlimited)
    print(f"{len(files)} files from {args.folder}")
    print(f"first call with the limit (worker start): {first:.2f} s")
    print(f"with the limit   : {slow:.1f} calls/s")
    print(f"without the limit: {fast:.1f} calls/s")
    print(f"cost per call    : {1000 / slow - 1000 / fast:.2f} ms")


if __name__ == "__main__":
    main()
