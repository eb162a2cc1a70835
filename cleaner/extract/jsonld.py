"""The article object of a page's JSON-LD (schema.org NewsArticle and kin), read leniently.

Publishers' JSON-LD is often slightly broken (raw newlines in strings, trailing junk, several
objects in one script); a script that does not parse is skipped, never fatal.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import html as lxml_html

ARTICLE_TYPES = frozenset(
    {
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "BackgroundNewsArticle",
        "ReviewNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "ScholarlyArticle",
        "TechArticle",
    }
)


_TAG = re.compile(r"<[^<>]{1,200}>")


@dataclass
class LdArticle:
    """The fields of the article object we use; empty when the page has none."""

    headline: str | None = None
    authors: list[str] = field(default_factory=list)  # people (and what is not typed else)
    organizations: list[str] = field(default_factory=list)  # authors typed Organization
    date: str | None = None
    date_modified: str | None = None
    description: str | None = None
    publisher: str | None = None


def article_from_tree(tree: lxml_html.HtmlElement) -> LdArticle:
    """The first article-typed object in the page's JSON-LD scripts."""
    objects = list(_objects(tree))
    # Yoast and friends give the author as {"@id": ...}, the Person object elsewhere
    by_id = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str)}
    for obj in objects:
        if _types(obj) & ARTICLE_TYPES:
            return _article(obj, by_id)
    # no article object: a WebPage object (Yoast's graph) still dates the page it describes
    page = next((obj for obj in objects if "WebPage" in _types(obj)), {})
    return LdArticle(
        date=_text(page.get("datePublished")), date_modified=_text(page.get("dateModified"))
    )


def _objects(tree: lxml_html.HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iterfind(".//script[@type='application/ld+json']"):
        data = _load(script.text or "")
        if _shallow(data):  # the walks below recurse; real JSON-LD nests a few levels
            yield from _walk(data)


def _load(text: str) -> Any:
    try:
        return json.loads(text, strict=False)  # strict=False: raw newlines inside strings
    except RecursionError:  # nested deeper than the interpreter's stack: not metadata
        return None
    except ValueError:
        try:  # trailing junk after the object ("};", a second object)
            return json.JSONDecoder(strict=False).raw_decode(text.strip())[0]
        except ValueError:
            return None


MAX_DEPTH = 64


def _shallow(data: Any) -> bool:
    """No list or object nested deeper than MAX_DEPTH (checked without recursion)."""
    stack = [(data, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        children = node.values() if isinstance(node, dict) else node
        if isinstance(node, dict | list):
            stack.extend((child, depth + 1) for child in children)
    return True


def _walk(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _walk(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _walk(data["@graph"])


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    return {kind} if isinstance(kind, str) else {k for k in kind or () if isinstance(k, str)}


def _article(obj: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> LdArticle:
    publisher = _resolve(obj.get("publisher"), by_id)
    return LdArticle(
        headline=_text(obj.get("headline")) or _text(obj.get("name")),
        authors=people(obj.get("author"), by_id),
        organizations=people(obj.get("author"), by_id, organizations=True),
        date=_text(obj.get("datePublished")) or _text(obj.get("dateCreated")),
        date_modified=_text(obj.get("dateModified")),
        description=_text(obj.get("description")),
        publisher=_text(publisher.get("name")) if isinstance(publisher, dict) else None,
    )


def _resolve(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """A bare {"@id": ...} reference replaced by the object it names."""
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return by_id.get(value["@id"], value)
    return value


def people(value: Any, by_id: dict[str, dict[str, Any]], organizations: bool = False) -> list[str]:
    """Author names, references resolved; objects typed Organization (and not Person) apart
    (`organizations` selects them): a page credits an outlet only where it names no person."""
    if isinstance(value, list):
        return [name for item in value for name in people(item, by_id, organizations)]
    value = _resolve(value, by_id)
    kinds = _types(value) if isinstance(value, dict) else set()
    # NewsMediaOrganization, Corporation... end in "Organization" or are schema.org kin
    typed_org = "Person" not in kinds and any(k.endswith("Organization") for k in kinds)
    return names(value) if typed_org == organizations else []


def names(value: Any) -> list[str]:
    """Author names from a string, a Person/Organization object or a list of either."""
    if isinstance(value, list):
        return [name for item in value for name in names(item)]
    if isinstance(value, dict):
        value = value.get("name")
        if isinstance(value, list | dict):
            return names(value)
    text = _text(value)
    return [text] if text else []


def _text(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if not isinstance(value, str):
        return None
    # Some CMSs put markup or entities into JSON-LD strings ("&quot;", "<em>").
    text = " ".join(html.unescape(_TAG.sub(" ", value)).split())
    return text or None
