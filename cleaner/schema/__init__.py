"""The published record schema: the field list, the JSON Schema files, Arrow and datasets types.

    from cleaner.schema import arrow_schema, features, json_schema, schema_path
    pyarrow.parquet.read_table("out.parquet").schema.equals(arrow_schema())
    datasets.load_dataset("json", data_files=["a.jsonl"], features=features())
    polars.read_ndjson("a.jsonl", schema=polars_schema())

Everything is derived from `cleaner.schema.fields` (the one field list); pyarrow and datasets
are optional and imported only by `arrow_schema()` and `features()`.
"""

from __future__ import annotations

from cleaner.metadata.timestamps import Precision, record_timestamp
from cleaner.schema.arrow import arrow_schema, features, polars_schema
from cleaner.schema.fields import RECORD, REJECT
from cleaner.schema.jsonschema import json_schema, schema_path

__all__ = [
    "RECORD",
    "REJECT",
    "Precision",
    "arrow_schema",
    "features",
    "json_schema",
    "polars_schema",
    "record_timestamp",
    "schema_path",
]
