"""Values moved out of the text into record fields, normalised per field."""

from __future__ import annotations

import re

from cleaner.document import Document
from cleaner.metadata.authors import split_authors
from cleaner.metadata.dates import to_iso

SCALAR_FIELDS = frozenset(
    {
        "title",
        "kicker",
        "description",
        "date",
        "date_modified",
        "url",
        "sitename",
        "dateline",
        "agency",
    }
)
LIST_FIELDS = frozenset({"authors", "captions"})
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
