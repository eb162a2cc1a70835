"""The closed set of line roles the model gives, and what each role means for the text.

The issue's finer roles are merged where they behave the same downstream: navigation,
furniture, teasers, boxes, tags, bios, source notes and legal lines are all `boiler` (cut,
no field); standfirst, crossheads, list items and interview turns are all `body` (kept).
"""

from __future__ import annotations

from typing import Literal

Role = Literal["body", "headline", "kicker", "byline", "date", "caption", "boiler"]
ROLES: tuple[Role, ...] = ("body", "headline", "kicker", "byline", "date", "caption", "boiler")
KEEP: frozenset[Role] = frozenset({"body"})
FIELD_OF: dict[Role, str] = {
    "headline": "title",
    "kicker": "kicker",
    "byline": "authors",
    "date": "date",
    "caption": "captions",
}
