"""Which loaders read a set of cleaner outputs, with their defaults and with the schema.

    python -m benchmarks.loaders OUT1.jsonl OUT2.jsonl ...

Loads the files together with Hugging Face `datasets` (both file orders), and their
concatenation with polars, pandas and pyarrow; each with default settings and, where the
library takes one, with cleaner's published schema. Prints one line per attempt: ok with the
row count, or the error. Also prints the date precisions and offsets the outputs hold.
"""

from __future__ import annotations

import argparse
import collections
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson


def attempts(files: list[str], mixed: str, cache: str) -> dict[str, Callable[[], Any]]:
    import datasets
    import pandas as pd
    import polars as pl
    import pyarrow.json as paj

    from cleaner.schema import features, polars_schema

    def hf(order: list[str], **kw: Any) -> Any:
        return datasets.load_dataset("json", data_files=order, split="train", cache_dir=cache, **kw)

    return {
        "datasets, defaults": lambda: hf(files),
        "datasets, defaults, files reversed": lambda: hf(files[::-1]),
        "datasets, features=features()": lambda: hf(files, features=features()),
        "polars read_ndjson, defaults": lambda: pl.read_ndjson(mixed),
        "polars read_ndjson, schema=polars_schema()": lambda: pl.read_ndjson(
            mixed, schema=polars_schema()
        ),
        "pandas read_json(lines=True), defaults": lambda: pd.read_json(mixed, lines=True),
        "pyarrow.json.read_json, defaults": lambda: paj.read_json(mixed),
    }


def attempt(load: Callable[[], Any]) -> str:
    try:
        return f"ok, {len(load())} rows"
    except BaseException as exc:  # a polars panic is a BaseException
        cause = exc.__cause__ or exc
        return f"FAILS: {type(cause).__name__}: {str(cause).splitlines()[0][:100]}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("outputs", nargs="+")
    files = parser.parse_args().outputs
    records = [orjson.loads(line) for f in files for line in Path(f).read_bytes().splitlines()]
    print(f"{len(records)} records from {len(files)} files")
    print("precisions:", dict(collections.Counter(r["date_precision"] for r in records)))
    print("offsets:", dict(collections.Counter((r["date"] or "")[23:] for r in records)))
    with tempfile.TemporaryDirectory() as tmp:
        mixed = Path(tmp) / "mixed.jsonl"
        mixed.write_bytes(b"".join(Path(f).read_bytes() for f in files))
        for name, load in attempts(files, str(mixed), tmp).items():
            print(f"{name}: {attempt(load)}")


if __name__ == "__main__":
    main()
