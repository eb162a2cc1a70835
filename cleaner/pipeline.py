"""The pipeline: decode, extract, filter, describe, gate. One input in, one outcome out.

A step is a callable (Document) -> Document that may raise `Rejected`. The pipeline owns the
loop and the error policy: a rejected or broken input becomes a `Reject` with a reason and
the run goes on. Nothing here knows about files, URLs or processes.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cleaner.anatomy.apply import assign_roles
from cleaner.anatomy.edges import trim_edges
from cleaner.config import ExtractSettings, Settings
from cleaner.document import DocKind, Document, Outcome, Reject, Source
from cleaner.errors import Rejected
from cleaner.extract.html import EXTRACTOR, Extracted, extract_html, fields_from_tail
from cleaner.extract.tail import RULE as HTML_TAIL
from cleaner.extract.tail import cut_marked
from cleaner.extract.text import to_lines
from cleaner.filters.base import STAGES, Pack
from cleaner.filters.engine import apply_rules, available_packs, prune_paths, select_packs
from cleaner.metadata.header import title_from_repeat
from cleaner.metadata.language import detect_language
from cleaner.pagekind.step import describe_kind
from cleaner.readers.decode import decode, ensure_text
from cleaner.words import count_words

Step = Callable[[Document], Document]


@dataclass
class Trace:
    """What cleaning did to one input, for `cleaner explain` and for anyone debugging a rule.

    `doc` is the document after every step; `lines_in` the lines filtering started from (the
    normalised text, or what the HTML extractor gave); `verdict` the quality gate's rejection,
    or None when it would keep the page (shown, not applied, so a short page still shows its
    cuts). Every cut is in `doc.removed` as (rule, text); every kept line in `doc.lines`.
    """

    doc: Document
    lines_in: list[str]
    verdict: Rejected | None


INLINE = ("inline",)  # rule stages that repair text inside lines (shortcodes)
AFTER_ROLES = tuple(s for s in STAGES if s not in INLINE)  # the packs' work on the body
BEFORE_ROLES = tuple(s for s in AFTER_ROLES if s not in ("lead", "end"))  # site packs, whole page
GENERIC_PACK = "generic"
MAX_FILTER_ROUNDS = 4  # rounds of rules; the second almost always cuts nothing
log = logging.getLogger(__name__)


class Pipeline:
    """Turns raw inputs into documents with one fixed set of settings and packs."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.packs: Sequence[Pack] = available_packs(self.settings.filters)
        # the order is the pipeline: extraction first (it makes the lines), the gate last
        self.steps: list[Step] = [
            self.extract,
            self.header,
            self.filter,
            self.describe,
            self.page_kind,
        ]

    def run_bytes(self, data: bytes, source: Source, kind: DocKind) -> Outcome:
        """Decode raw bytes (file, HTTP body, WARC payload) and clean them."""
        source.raw_sha256 = hashlib.sha256(data).hexdigest()
        try:
            text, source.encoding = decode(data, source.encoding)
        except Rejected as exc:
            return Reject(source, exc.reason, exc.detail)
        return self.run_text(text, source, kind)

    def run_text(self, text: str, source: Source, kind: DocKind) -> Outcome:
        """Clean already decoded text; never raises for bad input."""
        try:
            doc = self.gate(self._through(self.start(text, source, kind), self.steps))
        except Rejected as exc:
            return Reject(source, exc.reason, exc.detail)
        except Exception as exc:  # one broken input must not end the run
            log.debug("internal error on %s", source.identity(), exc_info=True)
            return Reject(source, "internal_error", f"{type(exc).__name__}: {exc}")
        return doc

    def trace(self, data: bytes, source: Source, kind: DocKind) -> Trace:
        """Clean raw bytes step by step and say what happened (see `Trace`).

        Raises `Rejected` when the input is rejected before the gate (undecodable, no text)."""
        source.raw_sha256 = hashlib.sha256(data).hexdigest()
        text, source.encoding = decode(data, source.encoding)
        extract, *rest = self.steps
        doc = extract(self.start(text, source, kind))
        lines_in = list(doc.lines)
        doc = self._through(doc, rest)
        try:
            self.gate(doc)
        except Rejected as exc:
            return Trace(doc, lines_in, exc)
        return Trace(doc, lines_in, None)

    @staticmethod
    def _through(doc: Document, steps: Sequence[Step]) -> Document:
        for step in steps:
            doc = step(doc)
        return doc

    def start(self, text: str, source: Source, kind: DocKind) -> Document:
        """The document a decoded input starts as (too large a text is rejected here)."""
        text = ensure_text(text)
        limit = self.settings.limits.max_text_chars
        if len(text) > limit:
            raise Rejected("too_large", f"{len(text)} characters, the limit is {limit}")
        if source.raw_sha256 is None:
            source.raw_sha256 = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()
        return Document(source=source, kind=kind, raw=text, url=source.url, chars_in=len(text))

    def extract(self, doc: Document) -> Document:
        if doc.kind != "html":
            doc.lines = to_lines(doc.raw)
            return doc
        prune = prune_paths(doc.url, self.packs, self.settings.filters)
        page = _extract_html(doc.raw, doc.url, self.settings.extract, prune)
        doc.extractor = EXTRACTOR
        doc.lines = page.lines
        for line in page.cut:
            doc.remove("html.headline", line)
        for text in page.pruned:
            doc.remove("html.prune", text)
        for rule, text in page.dropped:
            doc.remove(rule, text)
        doc.title, doc.authors, doc.date = page.title, page.authors, page.date
        doc.kicker, doc.date_modified = page.kicker, page.date_modified
        doc.url = doc.url or page.url
        doc.sitename, doc.description = page.sitename, page.description
        doc.captions = list(page.captions)
        doc.page_signals = page.signals
        doc.html_tail = page.tail
        return doc

    def header(self, doc: Document) -> Document:
        # With the role model on, a title printed twice is one of its cases (headline, repeat).
        return title_from_repeat(doc) if doc.kind == "text" and not self._roles_on(doc) else doc

    def filter(self, doc: Document) -> Document:
        # A cut moves the windows and fractions rules look at: one round can leave what a
        # second would cut, so repeat until a round cuts nothing (cleaning is idempotent).
        packs = select_packs(doc, self.packs, self.settings.filters)
        if self._roles_on(doc):
            # The role model reads the page as it came (menus, share bars and teaser runs
            # are its evidence), once; the generic pack's line rules would blur that.
            # Site packs (chosen for this page, or the user's) know their site better than
            # any model: they run first; the generic pack only on the body afterwards.
            site = [pack for pack in packs if pack.name != GENERIC_PACK]
            apply_rules(apply_rules(doc, packs, INLINE), site, BEFORE_ROLES)
        for round_ in range(MAX_FILTER_ROUNDS):
            if self._roles_on(doc):  # again after a round's cuts: they change the context
                assign_roles(doc, self.settings.classifier)
            cuts = len(doc.removed)
            doc = self._filter_round(self.header(doc) if round_ else doc, packs)
            if len(doc.removed) == cuts:
                break
        return _cut_html_tail(doc) if doc.html_tail else doc

    def _roles_on(self, doc: Document) -> bool:
        return doc.kind == "text" and self.settings.filters.classify_text

    def _filter_round(self, doc: Document, packs: Sequence[Pack]) -> Document:
        if not self._roles_on(doc):
            return apply_rules(doc, packs)
        return trim_edges(apply_rules(doc, packs, AFTER_ROLES))

    def describe(self, doc: Document) -> Document:
        doc.language, doc.language_score = detect_language(doc.text, self.settings.language_seed)
        return doc

    def page_kind(self, doc: Document) -> Document:
        return describe_kind(doc, self.settings.kind)

    def gate(self, doc: Document) -> Document:
        words = count_words(doc.text)
        if words == 0:
            raise Rejected("no_text", "nothing was left after cleaning")
        if words < self.settings.gate.min_words:
            raise Rejected(
                "too_short", f"{words} words, the minimum is {self.settings.gate.min_words}"
            )
        return doc


def _extract_html(
    html: str, url: str | None, settings: ExtractSettings, prune: Sequence[str] = ()
) -> Extracted:
    """The extractor's result; an error raised inside it rejects the page (extract_failed)."""
    try:
        return extract_html(html, url, settings, prune)
    except Rejected:
        raise
    except Exception as exc:  # trafilatura or lxml failing on one page is not our bug
        raise Rejected("extract_failed", f"{type(exc).__name__}: {exc}") from None


def default_pipeline(settings: Settings | None = None) -> Pipeline:
    """A pipeline per settings object, built once per process (packs load once)."""
    return _cached(settings or Settings())


_CACHE: dict[Settings, Pipeline] = {}


def _cached(settings: Settings) -> Pipeline:
    if settings not in _CACHE:
        _CACHE[settings] = Pipeline(settings)
    return _CACHE[settings]


def _cut_html_tail(doc: Document) -> Document:
    """What the filters left of the lines the page puts after the article is cut; a closing
    byline or date line in it fills an empty field."""
    doc.lines, tail = cut_marked(doc.lines, doc.html_tail)
    for line in tail:
        doc.remove(HTML_TAIL, line)
    fields_from_tail(doc, tail)
    return doc
