"""The closed set of line roles the model gives, and what each role means for the text.

The issue's finer roles are merged where they behave the same downstream: navigation,
furniture, teasers, boxes, tags, bios, source notes and legal lines are all `boiler` (cut,
no field); crossheads, list items and interview turns are all `body` (kept). The standfirst
has a role of its own (kept like body): it sits among the header lines, where nearly every
other prose-shaped line is furniture, so it needs its own state and transitions.
"""

from __future__ import annotations

from typing import Literal

Role = Literal["body", "standfirst", "headline", "kicker", "byline", "date", "caption", "boiler"]
ROLES: tuple[Role, ...] = (
    "body",
    "standfirst",
    "headline",
    "kicker",
    "byline",
    "date",
    "caption",
    "boiler",
)
KEEP: frozenset[Role] = frozenset({"body", "standfirst"})
FIELD_OF: dict[Role, str] = {
    "headline": "title",
    "kicker": "kicker",
    "byline": "authors",
    "date": "date",
    "caption": "captions",
}
