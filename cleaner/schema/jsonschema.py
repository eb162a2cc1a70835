"""The record and reject field lists as JSON Schema (draft 2020-12), shipped beside this module."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

from cleaner.schema.fields import RECORD, REJECT
from cleaner.schema.types import ListOf, Scalar, Struct, ValueType

Which = Literal["record", "reject"]
HERE = Path(__file__).resolve().parent
DIALECT = "https://json-schema.org/draft/2020-12/schema"
TITLES: dict[Which, str] = {
    "record": "cleaner record: one cleaned article (one JSON Lines line)",
    "reject": "cleaner reject: an input that gave no article, with the reason",
}


def schema_path(which: Which = "record") -> Path:
    return HERE / f"{which}.schema.json"


def json_schema(which: Which = "record") -> dict[str, Any]:
    """The schema as a dict, generated from the field list (the shipped file is this, dumped)."""
    struct = RECORD if which == "record" else REJECT
    return {"$schema": DIALECT, "title": TITLES[which], **_type(struct)}


def render(which: Which = "record") -> str:
    return json.dumps(json_schema(which), indent=2, ensure_ascii=False) + "\n"


def _type(value: ValueType) -> dict[str, Any]:
    if isinstance(value, Scalar):
        return _scalar(value)
    if isinstance(value, ListOf):
        return {"type": "array", "items": _type(value.item)}
    return _object(value)


def _scalar(value: Scalar) -> dict[str, Any]:
    kind: Any = [value.kind, "null"] if value.nullable else value.kind
    if not value.enum:
        return {"type": kind}
    return {"type": kind, "enum": [*value.enum, *([None] if value.nullable else [])]}


def _object(struct: Struct) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {f.name: {"description": f.doc, **_type(f.type)} for f in struct.fields},
        "required": struct.names(),
        "additionalProperties": False,
    }


def write_files() -> list[Path]:
    """Regenerate the shipped schema files (`python -m cleaner.schema`)."""
    paths = []
    for which in TITLES:
        schema_path(which).write_text(render(which), encoding="utf-8")
        paths.append(schema_path(which))
    return paths
