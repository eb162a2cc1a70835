"""HTML to text plus page metadata. The only module that imports trafilatura.

trafilatura, htmldate and the modules hooking into them load on the first page, not on
import: the CLI (`cleaner --help`) and text-only runs never pay for them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.metadata import version
from typing import Protocol

from lxml import etree
from lxml import html as lxml_html

from cleaner.anatomy.grammar import BYLINE_START
from cleaner.config import ExtractSettings
from cleaner.errors import Rejected
from cleaner.extract.assemble import assemble
from cleaner.extract.embeds import cut_embeds
from cleaner.extract.headlines import drop_headlines, kicker_from
from cleaner.extract.lineroles import RULE as LINE_ROLES
from cleaner.extract.lineroles import split_lines
from cleaner.extract.text import repair_mojibake, to_lines
from cleaner.metadata.authors import split_authors
from cleaner.metadata.credits import (
    byline_authors,
    byline_credits,
    byline_texts,
    bylines,
    clean_authors,
    credit_as_written,
)
from cleaner.metadata.dates import published_and_modified
from cleaner.metadata.headline_byline import headline_bylines
from cleaner.metadata.html_meta import (
    PageMeta,
    found_day_matters,
    iso_date,
    page_meta,
    shown_or_merged,
)
from cleaner.metadata.visible_date import shown_dates
from cleaner.pagekind.signals import page_signals

EXTRACTOR = f"trafilatura {version('trafilatura')}"


@dataclass
class Extracted:
    """What trafilatura found in a page."""

    text: str
    lines: list[str] = field(default_factory=list)  # text as normalised lines, headlines cut
    cut: list[str] = field(default_factory=list)  # headline lines cut from the top
    pruned: list[str] = field(default_factory=list)  # text of elements the packs' selectors cut
    dropped: list[tuple[str, str]] = field(
        default_factory=list
    )  # (rule, line) cut after trafilatura
    title: str | None = None
    kicker: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    date_modified: str | None = None
    url: str | None = None
    sitename: str | None = None
    description: str | None = None
    captions: list[str] = field(default_factory=list)
    signals: dict[str, float] = field(default_factory=dict)  # page-kind evidence (pagekind)
    tail: list[str] = field(default_factory=list)  # trailing lines outside the article's core


# A UTF-8 lead letter before a C1 control: a page served as UTF-8 whose text was UTF-8 read
# as latin-1 before ("doesnâ\x80\x99t"). The parser and trafilatura drop the controls, which
# makes the text unrepairable later, so it is repaired before parsing.
_DOUBLE_ENCODED = re.compile("[\u00c2-\u00f4][\u0080-\u009f]")
# The C1 controls one by one: 32 substring searches cost a third of the regex's scan of a
# page (0.2 against 0.7 ms on 220 kB), and nearly no page holds any of them.
_C1_CONTROLS = tuple(chr(code) for code in range(0x80, 0xA0))


def _double_encoded(html: str) -> bool:
    return any(control in html for control in _C1_CONTROLS) and bool(_DOUBLE_ENCODED.search(html))


def parse(html: str) -> lxml_html.HtmlElement:
    """Parse with huge_tree so a deeply nested page parses instead of vanishing."""
    if _double_encoded(html):
        html = repair_mojibake(html)
    tree, too_deep = _parse(_sanitised(html))
    if too_deep:  # libxml2 drops everything below depth 2048 even with huge_tree
        tree, _ = _parse(_sanitised(_flatten(html)))
    return tree


# An XML declaration makes lxml refuse a str ("encoding declaration not supported") and could
# name another encoding than the UTF-8 handed over; a control character not allowed in XML
# makes libxml2 stop parsing there, losing the rest of the page.
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.I)
_C0_NOT_XML = bytes(range(0x20)).translate(None, b"\t\n\r")  # UTF-8 bytes = those characters
_NONCHARACTERS = ("\ufffe".encode(), "\uffff".encode())
_NONCHARACTER_LEAD = b"\xef\xbf"  # the UTF-8 bytes both begin with (U+FFC0-U+FFFF)
# A tag with thousands of attributes makes libxml2 and trafilatura quadratic (20,000 take 10 s,
# 200,000 many minutes); no article needs them, so a tag over 10,000 bytes keeps its name.
_LONG_TAG = re.compile(rb"<([A-Za-z][A-Za-z0-9:-]*)\s[^<>]{10000,}>")


def _sanitised(html: str) -> bytes:
    """The page as UTF-8 bytes libxml2 parses whole: lxml parses bytes faster than a str,
    and byte-level deletions (bytes.translate, replace) are cheaper than regex passes."""
    data = _XML_DECL.sub("", html, count=1).encode("utf-8", "replace")
    data = data.translate(None, _C0_NOT_XML)
    if _NONCHARACTER_LEAD in data:  # one scan of the page where there were two
        for noncharacter in _NONCHARACTERS:
            data = data.replace(noncharacter, b"")
    return _LONG_TAG.sub(rb"<\1>", data)


# lxml.html picks an element's class in Python (a call for every element handed to Python:
# ~5,000 a page, here and in trafilatura's copies); this lookup runs in C. It gives every
# element the plain HtmlElement, without the form helpers (FormElement.fields, InputElement
# .value) that lxml.html adds for five tags and nothing here or in trafilatura calls.
_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement,
    comment=lxml_html.HtmlComment,
    pi=lxml_html.HtmlProcessingInstruction,
    entity=lxml_html.HtmlEntity,
)


def _parse(data: bytes) -> tuple[lxml_html.HtmlElement, bool]:
    parser = lxml_html.HTMLParser(huge_tree=True, remove_comments=True, encoding="utf-8")
    parser.set_element_class_lookup(_CLASSES)
    try:
        tree = lxml_html.document_fromstring(data, parser=parser)
    except (ValueError, TypeError) as exc:  # lxml: "Document is empty" and friends
        raise Rejected("no_text", f"unparsable HTML ({exc})") from None
    return tree, any("Excessive depth" in error.message for error in parser.error_log)


_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*?(/?)>")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
_VOID |= {"param", "source", "track", "wbr"}  # void elements never nest
MAX_DEPTH = 1000  # well below libxml2's limit; real pages nest a few dozen levels


def _flatten(html: str) -> str:
    """Drop the tags nested deeper than MAX_DEPTH, keeping all the text inside them."""
    depth = 0

    def keep(match: re.Match[str]) -> str:
        nonlocal depth
        if match.group(2).lower() in _VOID or match.group(3):
            return match.group(0)
        depth += -1 if match.group(1) else 1
        inside = depth < MAX_DEPTH if match.group(1) else depth <= MAX_DEPTH
        return match.group(0) if inside else " "

    return _TAG.sub(keep, html)


def extract_html(
    html: str, url: str | None, settings: ExtractSettings, prune: Sequence[str] = ()
) -> Extracted:
    """Body text by trafilatura, metadata by html_meta; no text found is a reject.

    `prune` holds the rule packs' XPath selectors: elements cut before extraction, their text
    kept in `pruned` so that nothing is lost."""
    tree = parse(html)
    meta = complete_meta(page_meta(tree, url), tree, url)
    pruned = prune_tree(tree, prune)
    signals = page_signals(tree)  # before the embed cut: the page kind sees the page as served
    embedded = cut_embeds(tree)
    text = body_text(tree, url, settings)
    body = assemble(tree, text, meta.description, settings.block_scorer)
    page = _to_extracted(body.text, meta, url)
    by_roles: list[str] = []
    if settings.line_roles:
        page.lines, by_roles = split_lines(tree, page.lines)
        fields_from_tail(page, by_roles)
    page.tail = to_lines("\n".join(body.tail))  # the lines as the filters will see them
    page.pruned = pruned
    page.dropped = body.dropped + [(LINE_ROLES, line) for line in by_roles]
    page.dropped += [("html.embed", t) for t in embedded.embeds]
    page.captions += [c for c in embedded.captions if c not in page.captions]
    page.signals = signals
    return page


def body_text(tree: lxml_html.HtmlElement, url: str | None, settings: ExtractSettings) -> str:
    """trafilatura's body text; a page where it finds none is rejected as no_text."""
    text = extractor_text(tree, url, settings)
    if not text.strip():
        raise Rejected("no_text", "the extractor found no article text")
    return text


def extractor_text(tree: lxml_html.HtmlElement, url: str | None, settings: ExtractSettings) -> str:
    """trafilatura's cascade ('' when it finds none), its second opinion (readability,
    jusText) only where the main text needs one; the block scorer trains on this too."""
    import trafilatura

    # Installed with trafilatura, before its first page: the Python evaluators of its costliest
    # XPath expressions (same selections). raw_prune had no importer since the xpath_eval
    # rename, and xpath_eval came in only with the author search (first page with no author).
    import cleaner.extract.basic_clean
    import cleaner.extract.raw_prune
    import cleaner.extract.xpath_eval  # noqa: F401
    from cleaner.extract.second_opinion import asking_only_when_needed

    with asking_only_when_needed():
        result = trafilatura.bare_extraction(
            tree,  # trafilatura works on its own copy: `tree` stays whole
            url=url,
            with_metadata=False,  # html_meta reads JSON-LD and meta tags; trafilatura's is slower
            include_comments=settings.include_comments,
            include_tables=settings.include_tables,
            favor_precision=settings.favor_precision,
            favor_recall=settings.favor_recall,
        )
    return (result.text or "") if isinstance(result, trafilatura.settings.Document) else ""


def prune_tree(tree: lxml_html.HtmlElement, paths: Sequence[str]) -> list[str]:
    """Remove the elements the selectors match; return their texts (empty ones dropped)."""
    removed: list[str] = []
    for path in paths:
        for node in tree.xpath(path):
            if isinstance(node, lxml_html.HtmlElement) and node.getparent() is not None:
                text = " ".join(node.text_content().split())
                node.drop_tree()
                if text:
                    removed.append(text)
    return removed


def complete_meta(meta: PageMeta, tree: lxml_html.HtmlElement, url: str | None) -> PageMeta:
    """Fill authors and date from the page body when JSON-LD and meta tags had none."""
    if not meta.authors:
        people, credited = _page_authors(tree)
        if _extend_a_credit(people, meta.credited):
            people = []  # "ServiceTitan November": the credited outlet and a date's month
        meta.authors = people or meta.credited or credited
    shown = shown_dates(tree)
    found = None
    if found_day_matters(meta, shown):
        found = _found_date(tree, url, extensive=meta.date is None and not shown)
    meta.date = shown_or_merged(meta, found, shown)
    return meta


def _found_date(tree: lxml_html.HtmlElement, url: str | None, extensive: bool) -> str | None:
    """htmldate's published day (original_date: published over modified). Its extensive
    search costs ~60 ms a page, so it only runs when nothing else gives a date."""
    import htmldate  # loads on the first page, not on import

    found = iso_date(htmldate.find_date(tree, url=url, extensive_search=False, original_date=True))
    if found is None and extensive:
        found = iso_date(
            htmldate.find_date(tree, url=url, extensive_search=True, original_date=True)
        )
    return found


def warm_dates() -> None:
    """Load now what htmldate's extensive search loads on first use: dateparser's patterns for
    every locale (1.7 s, on the clock of the first page that hands it a string that is no
    date). For the worker pool's fork server and the benchmarks: paid once, outside a page."""
    from htmldate import extractors

    external = getattr(extractors, "get_external_parser", None)  # htmldate's lazy loader
    if external is not None:
        external().get_date_data("no date 12")  # no locale parses it: every locale loads


def _to_extracted(text: str, meta: PageMeta, url: str | None) -> Extracted:
    lines, cut = drop_headlines(to_lines(text), meta.headlines)
    return Extracted(
        text=text,
        lines=lines,
        cut=cut,
        title=meta.title,
        kicker=meta.kicker or kicker_from(cut, meta.title),
        authors=meta.authors,
        date=meta.date,
        date_modified=meta.date_modified,
        url=url or meta.url,
        sitename=meta.sitename,
        description=meta.description,
        captions=meta.captions,
    )


MAX_TAIL_FIELD_WORDS = 8  # a closing byline or date line is short; a sentence naming one is not


class HasFields(Protocol):
    """A page or document: the fields a closing line can fill."""

    authors: list[str]
    date: str | None


def fields_from_tail(page: HasFields, tail: list[str]) -> None:
    """Nothing lost: a closing byline ('Autor: X') or date line in the cut tail fills the
    field when the page's metadata left it empty."""
    for line in (t for t in tail if len(t.split()) <= MAX_TAIL_FIELD_WORDS):
        if not page.authors and BYLINE_START.match(line):
            page.authors = split_authors(line)
        if page.date is None:
            published, modified = published_and_modified(line)
            page.date = published or modified


def _extend_a_credit(people: list[str], credited: list[str]) -> bool:
    return bool(people) and all(
        any(person.startswith(f"{name} ") for name in credited) for person in people
    )


def _page_authors(tree: lxml_html.HtmlElement) -> tuple[list[str], list[str]]:
    """(people, credited): people in a byline element, else in trafilatura's author search
    (thorough, but ~20 ms on a big page); credited: whoever that search names when it names
    no person (a team, a handle), a stand-in after the author fields' outlets."""
    from cleaner.extract.author_search import trafilatura_author

    texts = byline_texts(bylines(tree))  # the author search leaves `tree` as it is
    people = byline_authors(texts)
    if not people:  # a byline that only its words mark ("By X" under the <h1>)
        near = headline_bylines(tree)
        people, texts = byline_authors(near), texts + near
    found = trafilatura_author(tree) if not people else None  # joined with '; '
    if not found:
        return people, ([] if people else byline_credits(texts))
    people, credited = clean_authors([found]), clean_authors(found.split("; "), named=True)
    written = credit_as_written(found, texts)
    if written:  # the page's own form of what the search found, in the role it found it in
        people, credited = (written if people else []), written
    return people, credited
