"""THE record field list: every key of a record and of a reject, its type and its meaning.

`record.schema.json`, the Arrow schema and the `datasets.Features` are derived from these lists,
and the tests check `Document.to_record()` and `Reject.to_record()` against them, so a key
added to a record fails the tests until it is described here. The `source` object is derived
from the `Source` dataclass itself.
"""

from __future__ import annotations

import dataclasses
from types import UnionType
from typing import Literal, Union, get_args, get_origin, get_type_hints

from cleaner.document import Source
from cleaner.errors import REASONS
from cleaner.metadata.timestamps import Precision
from cleaner.pagekind.decide import PAGE_TYPES
from cleaner.schema.types import (
    INTEGER,
    STRING,
    TEXT,
    Field,
    ListOf,
    Scalar,
    ScalarKind,
    Struct,
)

SOURCE_DOCS = {
    "kind": "what the input was: a file, a fetched URL, a WARC record, or text given directly",
    "path": "the input file (or WARC file) as given; '' for a URL",
    "url": "the page address (fetched or from the WARC record); '' for a file",
    "warc_record_id": "WARC-Record-ID of the response record; '' unless a WARC",
    "fetched_at": "when the page was fetched (timestamp form of `date`); '' for a file",
    "status": "HTTP status of the fetch; 0 for a file (no HTTP exchange)",
    "content_type": "Content-Type header as served; '' for a file",
    "encoding": "character encoding the raw bytes were decoded with",
    "raw_sha256": "SHA-256 of the raw input bytes",
}
PRECISION = Scalar("string", enum=get_args(Precision))
TIMESTAMP_NOTE = "YYYY-MM-DDTHH:MM:SS.sss, then +HH:MM when the source gave an offset"


def _scalar_of(hint: object) -> Scalar:
    """`str | None` -> string, `int | None` -> integer (`Source.as_dict` writes "" and 0 for
    None: see there); a Literal of strings -> a closed set."""
    members = get_args(hint) if get_origin(hint) in (Union, UnionType) else (hint,)
    (only,) = [m for m in members if m is not type(None)]
    if get_origin(only) is Literal:
        return Scalar("string", False, tuple(get_args(only)))
    kinds: dict[object, ScalarKind] = {
        str: "string",
        int: "integer",
        float: "number",
        bool: "boolean",
    }
    return Scalar(kinds[only], False)


def _struct_of(cls: type, docs: dict[str, str]) -> Struct:
    hints = get_type_hints(cls)
    names = [f.name for f in dataclasses.fields(cls)]
    return Struct(tuple(Field(name, _scalar_of(hints[name]), docs[name]) for name in names))


SOURCE = _struct_of(Source, SOURCE_DOCS)
REMOVAL = Struct(
    (
        Field("rule", TEXT, "id of the rule (or classifier reason) that cut the text"),
        Field("text", TEXT, "the text it cut"),
    )
)
CLEANING = Struct(
    (
        Field("cleaner_version", TEXT, "version of cleaner that wrote the record"),
        Field("extractor", TEXT, "how the text was obtained: trafilatura, or text"),
        Field("rule_packs", ListOf(TEXT), "site rule packs applied, besides the generic one"),
        Field("removed", ListOf(REMOVAL), "every cut, in order: nothing leaves without a trace"),
        Field("chars_in", INTEGER, "characters of text before cleaning"),
        Field("chars_out", INTEGER, "characters of `text`"),
    )
)


RECORD = Struct(
    (
        Field("id", TEXT, "stable id: a hash of the source identity"),
        Field("text", TEXT, "the clean body, paragraphs separated by newlines, NFC"),
        Field("title", STRING, "headline", from_text=True),
        Field("kicker", STRING, "rubric before the headline ('Kicker : Title')", from_text=True),
        Field("description", STRING, "teaser or meta description", from_text=True),
        Field("authors", ListOf(TEXT), "bylines, one name each", from_text=True),
        Field("date", STRING, f"publication date: {TIMESTAMP_NOTE}", from_text=True),
        Field("date_precision", PRECISION, "which parts of `date` the source gave"),
        Field("date_modified", STRING, f"last update: {TIMESTAMP_NOTE}", from_text=True),
        Field("date_modified_precision", PRECISION, "which parts of `date_modified` are real"),
        Field("url", STRING, "canonical URL of the article", from_text=True),
        Field("sitename", STRING, "publisher or site name", from_text=True),
        Field("language", STRING, "ISO 639-1 code (langdetect, seeded)"),
        Field("language_score", Scalar("number"), "langdetect probability of `language`"),
        Field(
            "dateline",
            STRING,
            "city of the dateline ('PEKING (dpa-AFX) -' -> 'Peking')",
            from_text=True,
        ),
        Field("agency", STRING, "news agency of the dateline ('dpa-AFX')", from_text=True),
        Field(
            "captions", ListOf(TEXT), "image captions and credits cut from the text", from_text=True
        ),
        Field(
            "word_count", INTEGER, "words of `text`: whitespace-separated, each CJK character one"
        ),
        Field("page_type", Scalar("string", False, PAGE_TYPES), "what the page is"),
        Field("paywalled", Scalar("boolean"), "behind a paywall; null: the page does not say"),
        Field("source", SOURCE, "where the input came from; same keys for every kind"),
        Field("cleaning", CLEANING, "what cleaning did, for audits and `cleaner explain`"),
    )
)
REJECT = Struct(
    (
        Field("id", TEXT, "the id the record would have had"),
        Field("source", SOURCE, "where the input came from"),
        Field("reason", Scalar("string", False, tuple(REASONS)), "why no article came out"),
        Field("detail", TEXT, "a one-line explanation for people"),
    )
)
