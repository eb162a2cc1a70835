"""Values moved out of the text into record fields, normalised per field. Which fields take
such values is marked in THE field list (cleaner.schema.fields, `from_text`)."""

from __future__ import annotations

import re

from cleaner.document import Document
from cleaner.metadata.authors import split_authors
from cleaner.metadata.dates import to_iso
from cleaner.schema.fields import RECORD
from cleaner.schema.types import ListOf, Scalar

_MOVABLE = [f for f in RECORD.fields if f.from_text]  # THE field list says which
SCALAR_FIELDS = frozenset(f.name for f in _MOVABLE if isinstance(f.type, Scalar))
LIST_FIELDS = frozenset(f.name for f in _MOVABLE if isinstance(f.type, ListOf))
FIELDS = SCALAR_FIELDS | LIST_FIELDS

_DATELINE_TAIL = re.compile(r",.*$")


def set_field(doc: Document, name: str, value: str) -> None:
    """Store a value: scalar fields keep the first value found, list fields collect."""
    value = value.strip()
    if not value:
        return
    if name == "authors":
        _add_unique(doc.authors, split_authors(value))
    elif name == "captions":
        _add_unique(doc.captions, [value])
    elif getattr(doc, name) is None:
        setattr(doc, name, _normalise(name, value))


def _normalise(name: str, value: str) -> str:
    if name in {"date", "date_modified"}:
        return to_iso(value) or value
    if name == "dateline":
        return _dateline_city(value)
    if name == "agency":
        return value.split("/")[0].strip()  # "dpa/lni" -> "dpa": the regional tag goes
    return value


def _dateline_city(value: str) -> str:
    """'NEW YORK, May 3' -> 'New York'; 'MÜNCHEN' -> 'München'; 'Peking' stays."""
    city = _DATELINE_TAIL.sub("", value).strip()
    if city.isupper():
        city = "-".join(part.title() for part in city.split("-"))
    return city


def _add_unique(target: list[str], values: list[str]) -> None:
    for value in values:
        if value not in target:
            target.append(value)
