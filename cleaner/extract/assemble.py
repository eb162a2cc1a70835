"""From the extractor's text to the body: the block scorer's second opinion, paragraphs the
extractor left out between kept ones put back, repeated paragraphs cut, the standfirst
restored, the trailing lines outside the body's core marked. Every line cut is returned with
the rule that cut it."""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import html as lxml_html

from cleaner.extract.blocks import Rescored, second_opinion
from cleaner.extract.gaps import fill
from cleaner.extract.lead import find_lead
from cleaner.extract.repeats import drop_repeats
from cleaner.extract.tail import outside_tail


@dataclass
class Body:
    """The body text, the (rule, line) pairs cut on the way, and the tail: the lines at the
    end of the text that lie outside the article's core (cut after the filters)."""

    text: str
    dropped: list[tuple[str, str]] = field(default_factory=list)
    tail: list[str] = field(default_factory=list)


def assemble(
    tree: lxml_html.HtmlElement, text: str, description: str | None, scorer: bool = True
) -> Body:
    """The extractor's `text` made into the article body (`tree` is the page it came from);
    `scorer` False skips the block scorer (for ablations)."""
    rescored = second_opinion(tree, text) if scorer else Rescored(text.split("\n"))
    filled = fill(tree, rescored.lines)
    lines, copies = drop_repeats(filled.lines)
    body = "\n".join(lines)
    lead = find_lead(tree, description, body)
    dropped = [("html.blocks", line) for line in rescored.dropped]
    dropped += [("html.repeat", line) for line in copies]
    return Body(f"{lead}\n{body}" if lead else body, dropped, outside_tail(lines, filled.kept))
