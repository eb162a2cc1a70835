"""`cleaner rules`: the rule packs a run would use (bundled and --rules-dir), with their rules
and examples, so a user can see what a pack does before writing or overriding one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from cleaner.cli.options import RulesDir, build_settings

if TYPE_CHECKING:  # the packs load when the command runs, not at `cleaner --help`
    from cleaner.filters.base import Pack, Rule


def rules(
    names: Annotated[list[str] | None, typer.Argument(help="Packs to show (default: all).")] = None,
    rules_dir: RulesDir = None,
    brief: Annotated[bool, typer.Option("--brief", help="One line per pack.")] = False,
) -> None:
    """List the bundled and your own rule packs, with their rules and examples."""
    from cleaner.filters.engine import available_packs

    settings = build_settings(",".join(names or []), rules_dir, 0)
    packs = [p for p in available_packs(settings.filters) if not names or p.name in names]
    for pack in packs:
        typer.echo(pack_line(pack) if brief else "\n".join(describe(pack)))


def pack_line(pack: Pack) -> str:
    from cleaner.filters.packs import is_bundled

    origin = "bundled" if is_bundled(pack) else "user"
    return f"{pack.name:<14} {len(pack.rules):>3} rules  {origin}: {pack.source}"


def describe(pack: Pack) -> Iterator[str]:
    yield pack_line(pack)
    yield from _indented("  ", pack.description)
    if pack.hosts:
        yield f"  hosts: {', '.join(pack.hosts)}"
    for signature in pack.signatures:
        yield f"  signature: {signature.pattern}"
    for path in pack.prune:
        yield f"  prune: {path}"
    for rule in pack.rules:
        yield from describe_rule(rule)
    yield ""


def describe_rule(rule: Rule) -> Iterator[str]:
    scope = "" if rule.where == "any" else f", {rule.where} {rule.window} lines"
    target = f" -> {rule.field}" if rule.field else ""
    yield f"  {rule.id}  [{rule.kind}{target}, stage {rule.stage}{scope}]"
    yield f"      pattern: {rule.pattern.pattern}"
    yield from _indented("      ", rule.note)
    for example in rule.match:
        yield f"      fires on:     {example!r}"
    for example in rule.keep:
        yield f"      leaves alone: {example!r}"


def _indented(prefix: str, text: str) -> Iterator[str]:
    if text:
        yield f"{prefix}{text}"
