"""Paragraphs the extractor left out of the middle of the body, put back.

trafilatura sometimes drops paragraphs or list items between blocks it keeps (a paragraph with
a few links, a list in a <div>, half an article). A left-out block with kept blocks before and
after it, in the same run of paragraphs (same container; for a list item, the list's), is the
body's own. Only such gaps are filled. Left out stay: blocks outside the kept span, in a box
of their own (an aside, a figure, a form, a teaser, share or widget box, hidden), mostly links,
items of a list the extractor took other items of (it chose among them: German news sites'
shop and info lists), and headings of a level the body shows none of or that head no kept
text (a link list's title).

A gap block in another container than its kept neighbours goes back too when it is built like
the body's own paragraphs: the same tag and class names over four levels as kept blocks that
hold a quarter of the kept text (a CMS renders every section of an article with one rich-text
component; collapsed FAQ or accordion sections sit in containers of their own). A build that
only a few kept lines share (one teaser card, one comment that trafilatura let through) is no
evidence. Class names that say "box" ('sidebar', 'promo') on an element that holds half the
kept text name the article's own region (a layout 'content-with-sidebar'), not a box inside it.
A gap block inside the body's core (the deepest element holding 80% of the kept text) goes
back from a container of its own as well, unless a link, an article element or a name with
'box' or 'card' lies between it and the core: a listicle's entries each sit in their own
container, while teaser cards, other stories and fact boxes sit in one of those.
After the last kept block, the blocks that still lie bare in the core (the same test) go back
too while the core goes on, when they are prose: at least ten words ending as a sentence ends
(the article's last paragraphs in a component trafilatura skipped; not a credit, tag list or
comment-feed line).
Figures in BENCHMARKS.md (issue 11).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import html as lxml_html

from cleaner.extract.blockfeatures import innermost_blocks
from cleaner.extract.headlines import key
from cleaner.extract.keptbody import KeptBody, build, kept_body

GAP_TAGS = ("p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "dd", "dt")
HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_LISTS = frozenset({"ul", "ol", "dl", "blockquote"})
MIN_KEPT_KEY = 20  # shorter texts are found inside any body by chance
MIN_GAP_KEY = 20  # letters and digits of a block worth putting back
MIN_KEY = min(MIN_KEPT_KEY, MIN_GAP_KEY)
BOX_LEVELS = 3  # levels above the run whose names are checked too (a form's widget box)
MAX_LINK_SHARE = 0.5  # a block mostly of links is a link list, not a paragraph
MIN_AFTER_WORDS = 10  # a paragraph after the last kept block (6 and 15 gave the same)
_SENTENCE_ENDS = (".", "!", "?", "…", ".”", "!”", "?”", '."', ")")
PARTLY_CHUNK = 40  # letters of the pieces a split block is looked for by
# Boxes inside an article that are not its text: their names (class/id words) say so.
_BOX = re.compile(
    r"share|social|related|promo|advert|(?<![a-z])ads?(?![a-z])|newsletter|subscri|caption"
    r"|teaser|comment|author|(?<![a-z])bio(?![a-z])|banner|widget|sidebar|recommend|popup"
    r"|modal|cookie|(?<![a-z])toc(?![a-z])|breadcrumb",
    re.I,
)
_NOT_TEXT = frozenset({"aside", "nav", "figure", "figcaption", "form", "footer", "header"})
_NOT_TEXT |= frozenset({"button", "label", "select", "script", "style", "noscript"})
# Between a block and the body's core: a link around it makes it a teaser card, an article
# element another story, a name with "box" or "card" a fact, info or teaser box.
_CARD_TAGS = _NOT_TEXT | frozenset({"a", "article"})
_CARD_NAMES = re.compile(r"box|card", re.I)


@dataclass
class _Block:
    node: lxml_html.HtmlElement
    raw: str  # its text nodes joined
    key: str
    kept: bool

    @property
    def text(self) -> str:
        return " ".join(self.raw.split())


@dataclass
class Filled:
    """The lines with the gap blocks inserted, the inserted texts, the kept blocks' evidence."""

    lines: list[str]
    inserted: list[str]
    kept: KeptBody


def fill(tree: lxml_html.HtmlElement, lines: list[str]) -> Filled:
    """`lines` (the extractor's) with the gap blocks of `tree` put back in place."""
    line_keys = [key(line) for line in lines]
    body_key = "".join(line_keys)  # = key() of the whole text, without a second pass
    blocks = _blocks(tree, body_key)
    evidence = kept_body((b.node, b.key) for b in blocks if b.kept)
    inserts: dict[int, list[str]] = {}
    anchor = -1
    for i, neighbours in _gap_candidates(blocks, body_key):
        if blocks[i].kept:
            anchor = _line_of(blocks[i].key, line_keys, anchor)
        elif anchor >= 0 and neighbours and _in_gap(blocks[i], neighbours, evidence):
            inserts.setdefault(anchor, []).append(blocks[i].text)
    if anchor >= 0:
        inserts.setdefault(anchor, []).extend(_after_last(blocks, body_key, evidence))
    return Filled(*_inserted(lines, inserts), evidence)


def _after_last(blocks: list[_Block], body_key: str, evidence: KeptBody) -> list[str]:
    """The blocks after the last kept one that continue the article inside its core."""
    last = max((i for i, b in enumerate(blocks) if b.kept), default=len(blocks))
    out: list[str] = []
    for block in blocks[last + 1 :]:
        if not _bare_in_core(block.node, evidence.core):
            break  # the article's core ends here
        if not _sentences(block.text) or _partly_in(block.key, body_key):
            continue
        if _plain_text(block.node, block.text, _run_of(block.node), evidence.regions):
            out.append(block.text)
    return out


def _gap_candidates(
    blocks: list[_Block], body_key: str
) -> Iterator[tuple[int, tuple[_Block, _Block] | None]]:
    """Each block's index with the kept blocks before and after it (None: not a candidate:
    kept, partly kept, at an edge, or an item of a list the extractor took some items of)."""
    after: list[_Block | None] = [None] * len(blocks)
    for i in range(len(blocks) - 2, -1, -1):
        nxt = blocks[i + 1]
        after[i] = nxt if nxt.kept else after[i + 1]
    taken_lists = {b.node.getparent(): True for b in blocks if b.kept and b.node.tag == "li"}
    kept_heads = {b.node.tag for b in blocks if b.kept and b.node.tag in HEADINGS}
    before: _Block | None = None
    for i, block in enumerate(blocks):
        later = after[i]
        if block.kept or before is None or later is None or block.node.getparent() in taken_lists:
            yield i, None
        elif _partly_in(block.key, body_key):
            yield i, None  # kept with a hidden label ('opens in a new tab'), or split
        elif block.node.tag in HEADINGS and (
            block.node.tag not in kept_heads or not _heads_text(blocks, i)
        ):
            yield i, None  # a heading goes back with the text it heads, not over a link list
        else:
            yield i, (before, later)
        before = block if block.kept else before


def _heads_text(blocks: list[_Block], i: int) -> bool:
    """Whether heading `i` is followed by a kept block of its own run."""
    nxt = blocks[i + 1] if i + 1 < len(blocks) else None
    return nxt is not None and nxt.kept and _run_of(nxt.node) is _run_of(blocks[i].node)


def _inserted(lines: list[str], inserts: dict[int, list[str]]) -> tuple[list[str], list[str]]:
    if not inserts:
        return lines, []
    out: list[str] = []
    for pos, line in enumerate(lines):
        out.append(line)
        out.extend(inserts.get(pos, []))
    return out, [text for texts in inserts.values() for text in texts]


def _blocks(tree: lxml_html.HtmlElement, body_key: str) -> list[_Block]:
    out: list[_Block] = []
    for node in innermost_blocks(tree, GAP_TAGS):  # a block's inner blocks stand for it
        raw = " ".join(node.itertext())
        if len(raw) < MIN_KEY:
            continue  # too short to have MIN_KEY letters: no key needed (the costly part)
        block_key = key(raw)
        if len(block_key) >= MIN_KEY:
            out.append(_Block(node, raw, block_key, block_key in body_key))
    return out


def _partly_in(block_key: str, body_key: str) -> bool:
    """Its first or second half, or half of its pieces, are in the body: kept apart from a
    hidden label ('Link wird in einem neuen Tab geöffnet' in the middle), or split."""
    half = max(MIN_GAP_KEY, len(block_key) // 2)
    if block_key[:half] in body_key or block_key[-half:] in body_key:
        return True
    step = PARTLY_CHUNK
    pieces = [block_key[i : i + step] for i in range(0, len(block_key) - step + 1, step)]
    return len(pieces) >= 3 and 2 * sum(piece in body_key for piece in pieces) >= len(pieces)


def _in_gap(block: _Block, neighbours: tuple[_Block, _Block], evidence: KeptBody) -> bool:
    """Whether a left-out block lies between kept blocks of its own run of paragraphs, or is
    built like the body's own paragraphs."""
    if len(block.key) < MIN_GAP_KEY:
        return False
    run = _run_of(block.node)
    own_run = any(run is _run_of(kept.node) for kept in neighbours)
    body_like = own_run or build(block.node) in evidence.main_builds
    if not body_like and not _bare_in_core(block.node, evidence.core):
        return False
    return _plain_text(block.node, block.text, run, evidence.regions)


def _bare_in_core(node: lxml_html.HtmlElement, core: lxml_html.HtmlElement | None) -> bool:
    """Inside the body's core with no card or box of its own between it and the core: a
    listicle's entries, each in a container of its own, are the article's paragraphs."""
    if core is None:
        return False
    for element in node.iterancestors():
        if element is core:
            return True
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if element.tag in _CARD_TAGS or _CARD_NAMES.search(names):
            return False
    return False


def _sentences(text: str) -> bool:
    """Prose: enough words, ending as a sentence ends (not a credit, tag or feed line)."""
    return len(text.split()) >= MIN_AFTER_WORDS and text.rstrip().endswith(_SENTENCE_ENDS)


def _run_of(node: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The container of a block's run of paragraphs (a list item's list's parent)."""
    parent = node.getparent()
    if parent is not None and parent.tag in _LISTS:
        parent = parent.getparent()
    return parent


def _plain_text(
    node: lxml_html.HtmlElement, text: str, run: object, regions: set[lxml_html.HtmlElement]
) -> bool:
    """Not mostly links, not hidden, not inside a box that is not the article's text (the
    article's own region, in `regions`, is no box whatever its names)."""
    if node.find(".//script") is not None or node.find(".//style") is not None:
        return False  # its text would carry code
    links = sum(len(" ".join(a.text_content().split())) for a in node.iter("a"))
    if links > MAX_LINK_SHARE * len(text):
        return False
    element: lxml_html.HtmlElement | None = node
    above = -1  # levels above the run: a box around the run (a form's widget) counts too
    while element is not None and above < BOX_LEVELS:
        boxed = _boxed(element) and element not in regions
        if element.tag in _NOT_TEXT or _hidden(element) or boxed:
            return False
        if element is run or above >= 0:
            above += 1
        element = element.getparent()
    return True


def _hidden(element: lxml_html.HtmlElement) -> bool:
    style = (element.get("style") or "").replace(" ", "").lower()
    return element.get("hidden") is not None or "display:none" in style


def _boxed(element: lxml_html.HtmlElement) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return bool(names.strip()) and bool(_BOX.search(names))


def _line_of(block_key: str, line_keys: list[str], after: int) -> int:
    """The line that holds the kept block (searching forward from the last anchor)."""
    probe = block_key[: MIN_KEPT_KEY * 3]
    for i in range(max(after, 0), len(line_keys)):
        if probe in line_keys[i]:
            return i
    return after
