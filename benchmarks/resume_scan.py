"""How long --resume takes to check an output before it continues: every line is parsed.

    python -m benchmarks.resume_scan OUT.jsonl[.gz|.zst]   # a copy is scanned, not the file
    python -m benchmarks.resume_scan 20000                 # or N synthetic 3 KB records

Prints records, megabytes and seconds for `cleaner.run.resume.prepare_resume`.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time

from cleaner.run.resume import prepare_resume
from cleaner.writers.jsonl import JsonlWriter


def main(given: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        copy = os.path.join(folder, os.path.basename(given) if not given.isdigit() else "o.jsonl")
        if given.isdigit():
            _synthetic(copy, int(given))
        else:
            shutil.copyfile(given, copy)
        size = os.path.getsize(copy) / 2**20
        started = time.perf_counter()
        done = prepare_resume([copy])
        seconds = time.perf_counter() - started
    print(f"{len(done)} records, {size:.1f} MB on disk, scanned in {seconds:.2f} s")


def _synthetic(path: str, count: int) -> None:
    record = {"id": "", "text": "Wort " * 600, "source": {"kind": "file", "path": "/a/b.html"}}
    with JsonlWriter(path) as writer:
        for n in range(count):
            writer.write({**record, "id": f"{n:016x}"})


if __name__ == "__main__":
    main(sys.argv[1])
