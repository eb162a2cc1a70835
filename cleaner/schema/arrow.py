"""The record types for Arrow and Hugging Face `datasets`, derived from the field list.

pyarrow and datasets are optional: they are imported here, when asked for, never at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cleaner.errors import OutputError
from cleaner.schema.fields import RECORD, REJECT
from cleaner.schema.jsonschema import Which
from cleaner.schema.types import ListOf, Scalar, ValueType

if TYPE_CHECKING:
    import pyarrow


def arrow_schema(which: Which = "record") -> pyarrow.Schema:
    """The pyarrow schema of a record (or reject): what Parquet output is written with."""
    pa = _pyarrow()
    struct = RECORD if which == "record" else REJECT
    return pa.schema(
        [pa.field(f.name, _arrow_type(pa, f.type), _nullable(f.type)) for f in struct.fields]
    )


def features(which: Which = "record") -> Any:
    """The `datasets.Features` of a record, for `load_dataset(..., features=features())`."""
    try:
        import datasets
    except ImportError:
        raise OutputError("features() needs the datasets package (pip install datasets)") from None
    return datasets.Features.from_arrow_schema(arrow_schema(which))


def polars_schema(which: Which = "record") -> Any:
    """The polars schema, for `pl.read_ndjson(path, schema=polars_schema())`: polars infers
    types from the first 100 rows and fails on a key that is null in all of them but set later."""
    try:
        import polars
    except ImportError:
        raise OutputError("polars_schema() needs polars (pip install polars)") from None
    frame = polars.from_arrow(arrow_schema(which).empty_table())
    return frame.schema  # type: ignore[union-attr]  # a table gives a DataFrame


def _arrow_type(pa: Any, value: ValueType) -> Any:
    if isinstance(value, Scalar):
        kinds = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64()}
        return kinds.get(value.kind, pa.bool_())
    if isinstance(value, ListOf):
        return pa.list_(_arrow_type(pa, value.item))
    return pa.struct(
        [pa.field(f.name, _arrow_type(pa, f.type), _nullable(f.type)) for f in value.fields]
    )


def _nullable(value: ValueType) -> bool:
    """Lists and objects are never null in a record; scalars as the field list says."""
    return isinstance(value, Scalar) and value.nullable


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError:
        raise OutputError("this needs pyarrow (pip install 'cleaner[parquet]')") from None
    return pyarrow
