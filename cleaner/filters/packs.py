"""Load rule packs from TOML. A malformed pack fails at load time, naming file and rule.

Pack file format (see cleaner/rules/*.toml):

    [pack]
    name = "faz"
    description = "Frankfurter Allgemeine (faz.net): ..."
    hosts = ["faz.net"]                 # selects the pack for URLs on these hosts
    signatures = ['faz\\.net/']         # or when one of these is found in the text head
    prune = ["//aside"]                 # XPath of page elements cut before HTML extraction

    [[rule]]
    id = "faz.tail-weitere-themen"      # <pack>.<name>, unique
    kind = "drop_from"                  # one of filters.kinds.KINDS
    pattern = '^Weitere Themen$'
    note = "Teasers of other articles follow this heading."
    match = ["Weitere Themen"]          # must fire on each
    keep = ["Weitere Themen folgen."]   # must not fire on any
"""

from __future__ import annotations

import multiprocessing
import re
import sys
import tomllib
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

from lxml.etree import XPath, XPathSyntaxError

from cleaner.errors import RulePackError
from cleaner.filters.base import STAGES, WHERE, Pack, Rule
from cleaner.filters.kinds import DEFAULT_STAGE, KINDS
from cleaner.metadata.fields import FIELDS

T = TypeVar("T", bound=str)

_RULE_KEYS = {"id", "kind", "pattern", "note", "stage", "where", "window", "field"}
_RULE_KEYS |= {"min_fraction", "match", "keep", "flags"}


@cache
def builtin_packs() -> tuple[Pack, ...]:
    """The packs shipped in cleaner/rules, generic first, then by name."""
    folder = resources.files("cleaner") / "rules"
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".toml"))
    names.sort(key=lambda name: name != "generic.toml")
    return tuple(_load_text(folder.joinpath(n).read_text("utf-8"), f"rules/{n}") for n in names)


def load_dir(path: Path) -> tuple[Pack, ...]:
    """User packs from a directory (--rules-dir), sorted by file name."""
    if not path.is_dir():
        raise RulePackError(f"{path}: not a directory of rule packs")
    return tuple(load_file(p) for p in sorted(path.glob("*.toml")))


def warn_shadowing(user: Sequence[Pack]) -> None:
    """A user pack named like a bundled one replaces it: say so on stderr, so that a pack
    copied to be edited is not mistaken for the bundled rules (or the reverse)."""
    bundled = {pack.name: pack.source for pack in builtin_packs()}
    for pack in user:
        if pack.name in bundled:
            _warn_once(
                f"cleaner: rule pack {pack.name!r} from {pack.source} "
                f"replaces the bundled one ({bundled[pack.name]})"
            )


def is_bundled(pack: Pack) -> bool:
    return any(pack is shipped for shipped in builtin_packs())


@cache
def _warn_once(message: str) -> None:
    # every worker process loads the packs too: only the process the user started speaks
    if multiprocessing.parent_process() is None:
        print(message, file=sys.stderr)


def load_file(path: Path) -> Pack:
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise RulePackError(f"{path}: cannot read ({exc.strerror})") from None
    return _load_text(text, str(path))


def _load_text(text: str, source: str) -> Pack:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RulePackError(f"{source}: not valid TOML ({exc})") from None
    head = data.get("pack")
    if not isinstance(head, dict) or not isinstance(head.get("name"), str):
        raise RulePackError(f"{source}: needs a [pack] table with a name")
    rules = tuple(_rule(raw, source) for raw in data.get("rule", []))
    _check_unique(rules, source)
    return Pack(
        name=head["name"],
        description=str(head.get("description", "")),
        rules=rules,
        hosts=tuple(head.get("hosts", ())),
        signatures=tuple(_compile(s, source, "signature", 0) for s in head.get("signatures", ())),
        source=source,
        prune=tuple(_xpath(x, source) for x in head.get("prune", ())),
    )


def _rule(raw: dict[str, Any], source: str) -> Rule:
    rid = raw.get("id", "?")
    where = f"{source}: rule {rid}"
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise RulePackError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("id", "kind", "pattern", "note"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise RulePackError(f"{where}: '{key}' is required and must be a string")
    if raw["kind"] not in KINDS:
        raise RulePackError(f"{where}: unknown kind {raw['kind']!r} (one of {sorted(KINDS)})")
    rule = _build(raw, where)
    _check_fields(rule, where)
    return rule


def _build(raw: dict[str, Any], where: str) -> Rule:
    flags = re.IGNORECASE if "i" in raw.get("flags", "") else 0
    try:
        return Rule(
            id=raw["id"],
            kind=raw["kind"],
            pattern=_compile(raw["pattern"], where, "pattern", flags),
            note=raw["note"],
            stage=_choice(raw.get("stage", DEFAULT_STAGE[raw["kind"]]), STAGES, where, "stage"),
            where=_choice(raw.get("where", "any"), WHERE, where, "where"),
            window=int(raw.get("window", 5)),
            field=raw.get("field"),
            min_fraction=float(raw.get("min_fraction", 0.0)),
            match=tuple(raw.get("match", ())),
            keep=tuple(raw.get("keep", ())),
        )
    except (TypeError, ValueError) as exc:
        raise RulePackError(f"{where}: {exc}") from None


def _compile(pattern: str, where: str, what: str, flags: int) -> re.Pattern[str]:
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise RulePackError(f"{where}: bad {what} regex ({exc})") from None


def _xpath(expression: str, source: str) -> str:
    """A prune selector must compile as XPath now, not fail on the first page."""
    try:
        XPath(expression)
    except XPathSyntaxError as exc:
        raise RulePackError(f"{source}: bad prune XPath {expression!r} ({exc})") from None
    return expression


def _choice(value: str, allowed: tuple[T, ...], where: str, key: str) -> T:
    """`value` as the member of a closed set it names (typed as that set)."""
    for option in allowed:
        if value == option:
            return option
    raise RulePackError(f"{where}: {key} must be one of {allowed}, not {value!r}")


def _check_fields(rule: Rule, where: str) -> None:
    names = set(rule.pattern.groupindex) | ({rule.field} if rule.field else set())
    bad = names - FIELDS
    if bad:
        raise RulePackError(f"{where}: {sorted(bad)} are not record fields ({sorted(FIELDS)})")
    if rule.kind == "move_to_field" and not names:
        raise RulePackError(f"{where}: move_to_field needs named groups or a 'field'")
    if not rule.match:
        raise RulePackError(f"{where}: give at least one 'match' example")


def _check_unique(rules: tuple[Rule, ...], source: str) -> None:
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RulePackError(f"{source}: rule id {rule.id} is used twice")
        seen.add(rule.id)
