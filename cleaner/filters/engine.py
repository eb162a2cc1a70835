"""Choose the packs for a document and run their rules, stage by stage."""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.config import FilterSettings
from cleaner.document import Document
from cleaner.errors import SettingsError
from cleaner.filters.base import STAGES, Pack, Rule
from cleaner.filters.kinds import KINDS, PATTERN_FREE
from cleaner.filters.packs import builtin_packs, load_dir, warn_shadowing
from cleaner.filters.prefilter import Haystack
from cleaner.urls import host_of

SIGNATURE_SPAN = 3000  # characters of text searched for pack signatures


def available_packs(settings: FilterSettings) -> tuple[Pack, ...]:
    """Built-in packs plus the user's --rules-dir packs (which may override by name)."""
    packs = {pack.name: pack for pack in builtin_packs()}
    if settings.rules_dir is not None:
        user = load_dir(settings.rules_dir)
        warn_shadowing(user)
        packs.update((pack.name, pack) for pack in user)
    unknown = set(settings.rules) - set(packs)
    if unknown:
        raise SettingsError(f"unknown rule packs {sorted(unknown)}; known: {sorted(packs)}")
    return tuple(packs.values())


def select_packs(doc: Document, packs: Sequence[Pack], settings: FilterSettings) -> list[Pack]:
    """The generic pack, the forced ones, and (unless turned off) those the document matches."""
    host = host_of(doc.url or doc.source.url)
    head = doc.raw[:SIGNATURE_SPAN] if doc.kind == "text" else "\n".join(doc.lines)[:SIGNATURE_SPAN]
    chosen = []
    for pack in packs:
        forced = pack.name == "generic" or pack.name in settings.rules
        if forced or (settings.auto_select and _matches(pack, host, head)):
            chosen.append(pack)
    return chosen


def prune_paths(url: str | None, packs: Sequence[Pack], settings: FilterSettings) -> list[str]:
    """XPath selectors of the packs that apply to a page before its text exists: generic,
    forced and (unless turned off) host-matched packs; signatures need text, so not those."""
    host = host_of(url)
    chosen = [
        pack
        for pack in packs
        if pack.name == "generic"
        or pack.name in settings.rules
        or (settings.auto_select and _matches(pack, host, ""))
    ]
    return [path for pack in chosen for path in pack.prune]


def _matches(pack: Pack, host: str, head: str) -> bool:
    if host and any(host == h or host.endswith("." + h) for h in pack.hosts):
        return True
    return any(sig.search(head) for sig in pack.signatures)


def ordered_rules(packs: Sequence[Pack]) -> list[Rule]:
    """Rules sorted by stage; within a stage, pack order then file order."""
    rules = [rule for pack in packs for rule in pack.rules]
    return sorted(rules, key=lambda rule: STAGES.index(rule.stage))


def apply_rules(doc: Document, packs: Sequence[Pack], stages: Sequence[str] = STAGES) -> Document:
    """Run the rules of the chosen packs in `stages` on the document, recording the packs used."""
    doc.rule_packs = [pack.name for pack in packs]
    text, cuts = Haystack(doc.lines), len(doc.removed)
    for rule in ordered_rules(packs):
        if rule.stage not in stages:
            continue
        if len(doc.removed) != cuts:  # a cut or strip changed the lines: test what is left
            text, cuts = Haystack(doc.lines), len(doc.removed)
        if rule.kind in PATTERN_FREE or text.may_match(rule.pattern):
            KINDS[rule.kind](doc, rule)
    return doc
