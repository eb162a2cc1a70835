"""The one data type that flows through the pipeline, and its JSONL record form."""

from __future__ import annotations

import hashlib
import os
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from cleaner._version import __version__
from cleaner.errors import Reason
from cleaner.metadata.timestamps import record_timestamp
from cleaner.words import count_words

DocKind = Literal["html", "text"]  # how the raw input is read
SourceKind = Literal["file", "url", "warc", "text"]  # where it came from


@dataclass
class Source:
    """Where an input came from; copied into every record and reject."""

    kind: SourceKind
    path: str | None = None
    url: str | None = None
    warc_record_id: str | None = None
    fetched_at: str | None = None
    status: int | None = None
    content_type: str | None = None
    encoding: str | None = None
    raw_sha256: str | None = None

    def identity(self) -> str:
        """What makes this input unique: url, or the file's real path (plus the WARC record
        id). The real path (absolute, links resolved), so `fundus/a.html`, `./fundus/a.html`
        and `/abs/fundus/a.html` are one input to --resume; `path` keeps the spelling given."""
        if self.kind == "warc":
            return f"warc:{real_path(self.path or '')}#{self.warc_record_id}"
        if self.url and self.kind == "url":
            return f"url:{self.url}"
        if self.path:
            return f"file:{real_path(self.path)}"
        return f"{self.kind}:{self.raw_sha256}"

    def as_dict(self) -> dict[str, Any]:
        """The record's `source` object: the same keys, typed the same, for every kind. A field
        that does not apply to this kind (a file's `status`) is "" or 0, never null: loaders
        infer a column's type from its first rows, and a column of nulls in a file of local
        pages gets no type that a later WARC or fetched record's value could fit."""
        values = asdict(self)
        values["fetched_at"] = record_timestamp(self.fetched_at)[0]
        return {k: printable(v) if isinstance(v, str) else _absent(k, v) for k, v in values.items()}


@dataclass
class Removal:
    """One cut: the rule (or classifier reason) that made it and the text it took."""

    rule: str
    text: str


@dataclass
class Document:
    """An input on its way to becoming a record. Steps fill the fields in place."""

    source: Source
    kind: DocKind
    raw: str
    lines: list[str] = field(default_factory=list)
    title: str | None = None
    kicker: str | None = None
    description: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    date_modified: str | None = None
    url: str | None = None
    sitename: str | None = None
    language: str | None = None
    language_score: float | None = None
    dateline: str | None = None
    agency: str | None = None
    captions: list[str] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    line_roles: dict[str, str] = field(default_factory=dict)  # line -> "role (decided by)"
    rule_packs: list[str] = field(default_factory=list)
    extractor: str = "text"
    chars_in: int = 0
    page_type: str = "article"  # article, liveblog, media, index, other (pagekind.decide)
    paywalled: bool | None = None  # None: the page does not say
    page_signals: dict[str, float] = field(default_factory=dict)  # HTML evidence of the kind
    html_tail: list[str] = field(default_factory=list)  # lines outside the article (extract.tail)

    ok = True  # an article; a Reject has ok = False

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    def remove(self, rule: str, text: str) -> None:
        """Record a cut so that nothing leaves the text without a trace."""
        self.removed.append(Removal(rule, text))

    def to_record(self) -> dict[str, Any]:
        """The flat JSONL record: every key always present, `id` and `text` first, keys and
        types as cleaner.schema.fields describes them (a test holds the two together)."""
        text = self.text
        date, date_precision = record_timestamp(self.date)
        modified, modified_precision = record_timestamp(self.date_modified)
        return {
            "id": record_id(self.source),
            "text": text,
            "title": self.title,
            "kicker": self.kicker,
            "description": self.description,
            "authors": list(self.authors),
            "date": date,
            "date_precision": date_precision,
            "date_modified": modified,
            "date_modified_precision": modified_precision,
            "url": printable(self.url) if self.url else self.url,
            "sitename": self.sitename,
            "language": self.language,
            "language_score": self.language_score,
            "dateline": self.dateline,
            "agency": self.agency,
            "captions": list(self.captions),
            "word_count": count_words(text),
            "page_type": self.page_type,
            "paywalled": self.paywalled,
            "source": self.source.as_dict(),
            "cleaning": self._cleaning(len(text)),
        }

    def _cleaning(self, chars_out: int) -> dict[str, Any]:
        return {
            "cleaner_version": __version__,
            "extractor": self.extractor,
            "rule_packs": list(self.rule_packs),
            "removed": [asdict(r) for r in self.removed],
            "chars_in": self.chars_in,
            "chars_out": chars_out,
        }


@dataclass
class Reject:
    """An input that did not become an article, with a reason from errors.REASONS."""

    source: Source
    reason: Reason
    detail: str = ""
    ok = False

    def to_record(self) -> dict[str, Any]:
        return {
            "id": record_id(self.source),
            "source": self.source.as_dict(),
            "reason": self.reason,
            "detail": self.detail,
        }


Outcome = Document | Reject
NOT_APPLICABLE: dict[str, Any] = {"status": 0}  # a source field absent for a kind; else ""


def _absent(name: str, value: Any) -> Any:
    return NOT_APPLICABLE.get(name, "") if value is None else value


def record_id(source: Source) -> str:
    """Stable id: a hash of the source identity, short enough to read."""
    return hashlib.sha256(source.identity().encode("utf-8", "surrogatepass")).hexdigest()[:16]


def real_path(path: str) -> str:
    """Absolute, with symlinks and `..` resolved: one spelling for one file."""
    return os.path.realpath(path)


def printable(value: str) -> str:
    """Text JSON can carry. A file name's bytes that are not UTF-8 reach Python as lone
    surrogates (surrogateescape), which no encoder accepts: they are written as \\xNN."""
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that did not come from a byte
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
