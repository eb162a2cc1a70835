"""The published schema: derived from the one field list, and every record conforms to it."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

from cleaner import Source, clean_html, clean_text
from cleaner.document import Document, Reject
from cleaner.metadata.timestamps import record_timestamp
from cleaner.schema import RECORD, REJECT, arrow_schema, json_schema, schema_path
from cleaner.schema.jsonschema import Which, render
from cleaner.schema.types import ListOf, Struct
from tests.conftest import FIXTURES, SEEDS


@pytest.mark.parametrize("which", ["record", "reject"])
def test_shipped_file_is_generated_from_the_field_list(which: Which) -> None:
    shipped = schema_path(which).read_text(encoding="utf-8")
    assert shipped == render(which), "run `python -m cleaner.schema` to regenerate"


def _records() -> list[dict[str, Any]]:
    docs: list[Document | Reject] = [clean_text(p.read_text("utf-8")) for p in SEEDS.glob("*.txt")]
    docs += [clean_html(p.read_bytes()) for p in sorted((FIXTURES / "html").glob("*.html"))]
    return [doc.to_record() for doc in docs if isinstance(doc, Document)]


RECORDS = _records()


def _keys_in_order(value: Any, struct: Struct, where: str = "") -> None:
    assert list(value) == struct.names(), where or "record"
    for field in struct.fields:
        item, kind = value[field.name], field.type
        if isinstance(kind, Struct):
            _keys_in_order(item, kind, f"{where}.{field.name}")
        elif isinstance(kind, ListOf) and isinstance(kind.item, Struct):
            for element in item:
                _keys_in_order(element, kind.item, f"{where}.{field.name}[]")


@pytest.mark.parametrize("index", range(len(RECORDS)))
def test_record_keys_are_the_field_list_in_order(index: int) -> None:
    _keys_in_order(RECORDS[index], RECORD)


@pytest.mark.parametrize("index", range(len(RECORDS)))
def test_record_validates_against_the_shipped_schema(index: int) -> None:
    schema = json.loads(schema_path("record").read_text(encoding="utf-8"))
    jsonschema.validate(RECORDS[index], schema)


def test_reject_validates_and_keeps_the_field_order() -> None:
    source = Source(kind="warc", path="a.warc", status=404)
    record = Reject(source, "http_status", "404").to_record()
    _keys_in_order(record, REJECT)
    jsonschema.validate(record, json_schema("reject"))


def test_schema_refuses_a_record_of_another_type() -> None:
    record = dict(RECORDS[0], date="2017-02")  # a bare partial date is not the record's form
    record["source"] = dict(record["source"], status="200")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(record, json_schema("record"))


def test_source_kinds_are_a_closed_set_taken_from_the_dataclass() -> None:
    kind = json_schema()["properties"]["source"]["properties"]["kind"]
    assert kind["enum"] == ["file", "url", "warc", "text"]


def test_arrow_schema_takes_every_record() -> None:
    pa = pytest.importorskip("pyarrow")
    table = pa.Table.from_pylist(RECORDS, schema=arrow_schema())
    assert table.column_names == RECORD.names() and table.num_rows == len(RECORDS)


def test_datasets_features_match_the_arrow_schema() -> None:
    pytest.importorskip("datasets")
    from cleaner.schema import features

    assert list(features()) == RECORD.names()
    assert features().arrow_schema.names == arrow_schema().names


@pytest.mark.parametrize(
    ("iso", "form", "precision"),
    [
        ("2017", "2017-01-01T00:00:00.000", "year"),
        ("2017-02", "2017-02-01T00:00:00.000", "month"),
        ("2024-03-12", "2024-03-12T00:00:00.000", "day"),
        ("2024-03-12T10:15", "2024-03-12T10:15:00.000", "minute"),
        ("2024-03-12T10:15:07+01:00", "2024-03-12T10:15:07.000+01:00", "second"),
        ("2024-03-12T10:15:07.123456Z", "2024-03-12T10:15:07.123+00:00", "second"),
        ("2024-03-12 10:15-0500", "2024-03-12T10:15:00.000-05:00", "minute"),
        ("2024-03-12T10:15+05", "2024-03-12T10:15:00.000+05:00", "minute"),
        ("2024-02-30", None, None),
        ("2024-13", None, None),
        ("12. März 2024", None, None),
        (None, None, None),
    ],
)
def test_record_timestamp(iso: str | None, form: str | None, precision: str | None) -> None:
    assert record_timestamp(iso) == (form, precision)


def test_fetched_at_takes_the_same_form() -> None:
    source = Source(kind="warc", path="x.warc", fetched_at="2024-05-06T07:08:09Z")
    assert source.as_dict()["fetched_at"] == "2024-05-06T07:08:09.000+00:00"


def test_fields_a_rule_may_fill_are_marked_in_the_field_list() -> None:
    from cleaner.metadata.fields import FIELDS, LIST_FIELDS, set_field

    marked = {f.name for f in RECORD.fields if f.from_text}
    assert marked == FIELDS
    assert {"authors", "captions"} == LIST_FIELDS
    doc = Document(raw="", kind="text", source=Source(kind="text"))
    for name in sorted(FIELDS):  # every marked field is one a Document can hold
        set_field(doc, name, "Erika Muster" if name == "authors" else "Berlin")
        assert getattr(doc, name) in ("Berlin", ["Erika Muster"], ["Berlin"])
