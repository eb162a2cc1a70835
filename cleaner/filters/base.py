"""Rules and packs as loaded from TOML: plain frozen data, no behaviour."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

# Stages run in this order; a rule's stage defaults by kind (see kinds.DEFAULT_STAGE).
# inline: shortcodes and markup left in text; header: fields at the top (url, date, title);
# tail: teaser tails cut from a marker on; lines: single boilerplate lines anywhere;
# lead: the first body line (datelines); end: the last lines (agency initials).
Stage = Literal["inline", "header", "tail", "lines", "lead", "end"]
Where = Literal["any", "head", "tail"]
STAGES: tuple[Stage, ...] = get_args(Stage)
WHERE: tuple[Where, ...] = get_args(Where)


@dataclass(frozen=True)
class Rule:
    """One rule of a pack. `pattern` is searched in a line (anchor it yourself)."""

    id: str
    kind: str
    pattern: re.Pattern[str]
    note: str
    stage: Stage
    where: Where = "any"  # which lines it looks at: all, the first `window`, the last `window`
    window: int = 5
    field: str | None = None  # move_to_field without named groups, drop_repeat_of
    min_fraction: float = 0.0  # drop_from: the marker must sit at least this far down the text
    match: tuple[str, ...] = ()  # examples the rule must fire on (checked by a test)
    keep: tuple[str, ...] = ()  # examples it must leave alone


@dataclass(frozen=True)
class Pack:
    """A named set of rules with what selects it: URL hosts and text signatures."""

    name: str
    description: str
    rules: tuple[Rule, ...]
    hosts: tuple[str, ...] = ()
    signatures: tuple[re.Pattern[str], ...] = ()
    source: str = ""  # the file it was loaded from, for error messages
    prune: tuple[str, ...] = ()  # XPath of page elements cut before extraction (HTML only)
