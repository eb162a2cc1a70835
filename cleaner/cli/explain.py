"""`cleaner explain FILE`: every line of the input, kept or cut, and the rule or reason why.

Users need to see why a paragraph vanished. `Pipeline.trace` gives the cuts as (rule, text) in
`doc.removed` and the lines the filters started from (the normalised text, or what the HTML
extractor gave); this command lines the two up. The input goes through the readers like any
other, so a WARC is explained record by record, as the pages it holds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from cleaner.cli.options import Rules, RulesDir, build_settings, fail
from cleaner.config import Settings
from cleaner.document import Document, Removal
from cleaner.errors import Rejected

if TYPE_CHECKING:  # the pipeline loads when the command runs, not at `cleaner --help`
    from cleaner.pipeline import Pipeline, Trace
    from cleaner.readers.items import Item

Action = Literal["keep", "cut", "trim"]
FIELDS = ("title", "kicker", "date", "date_modified", "url", "dateline", "agency", "language")
STYLE: dict[Action, str] = {"keep": "green", "cut": "red", "trim": "yellow"}


@dataclass(frozen=True)
class LineStatus:
    """One input line: kept as is, cut whole, or kept with a part taken out."""

    action: Action
    line: str
    rules: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()  # for "trim": the text each rule took
    decider: str | None = None  # for a role's cut: the model, or the step that changed its role


def explain(
    path: Annotated[
        Path, typer.Argument(help="A page or text file (gzipped too), or a WARC: each record.")
    ],
    rules: Rules = "",
    rules_dir: RulesDir = None,
    color: Annotated[
        bool | None, typer.Option("--color/--no-color", help="Colour (default: on a terminal).")
    ] = None,
) -> None:
    """Show each line of FILE as kept or cut, with the rule or classifier reason."""
    from cleaner.pipeline import Pipeline
    from cleaner.readers.items import Item, iter_items

    if not path.is_file():
        fail(f"{path}: no such file")
    settings = build_settings(rules, rules_dir)
    pipeline = Pipeline(settings)
    targets = destinations(settings)
    items = [item for item in iter_items([path], settings.limits) if isinstance(item, Item)]
    if not items:
        fail(f"{path}: nothing to explain (no page or text in it)")
    for item in items:
        if len(items) > 1:
            typer.echo(f"== {item.source.url or item.source.identity()}", color=color)
        _show(item, pipeline, targets, color)


def _show(item: Item, pipeline: Pipeline, targets: dict[str, str], color: bool | None) -> None:
    try:
        trace = pipeline.trace(item.read(pipeline.settings.limits), item.source, item.kind)
    except Rejected as exc:
        typer.echo(f"-- rejected ({exc.reason}): {exc.detail}", color=color)
        return
    for status in attribute(trace.lines_in, trace.doc):
        typer.echo(render(status, targets), color=color)
    typer.echo(summary(trace.doc, verdict(trace)), color=color)


def verdict(trace: Trace) -> str:
    """What the quality gate says (shown, not applied)."""
    if trace.verdict is None:
        return "kept as an article"
    return f"rejected ({trace.verdict.reason}): {trace.verdict.detail}"


def attribute(before: list[str], doc: Document) -> list[LineStatus]:
    """Match each starting line to the output or to the removal records that took it."""
    left = Counter(doc.lines)
    out = []
    for line in before:
        if left[line] > 0:
            left[line] -= 1
            role = doc.line_roles.get(line)  # the role model's verdict, and who gave it
            out.append(LineStatus("keep", line, (role,) if role else ()))
        else:
            out.append(_with_decider(_lost(line, doc.removed), doc.line_roles.get(line)))
    return out


def _with_decider(status: LineStatus, verdict: str | None) -> LineStatus:
    """A cut made by a line's role names who gave that role ('boiler (anatomy.honest)')."""
    if verdict is None or status.action != "cut" or not status.rules[0].startswith("anatomy."):
        return status
    return replace(status, decider=verdict.rsplit("(", 1)[-1].rstrip(")"))


def _lost(line: str, removed: list[Removal]) -> LineStatus:
    whole = [r.rule for r in removed if line in r.text.split("\n")]
    if whole:
        return LineStatus("cut", line, (whole[0],))
    parts = [r for r in removed if r.text and r.text in line and r.text != line]
    if not parts:
        return LineStatus("cut", line, ("normalised",))
    rules, texts = tuple(r.rule for r in parts), tuple(r.text for r in parts)
    rest = line
    for text in texts:
        rest = rest.replace(text, "", 1)
    return LineStatus("trim" if rest.strip() else "cut", line, rules, texts)


def destinations(settings: Settings) -> dict[str, str]:
    """Rule id -> the fields a move_to_field rule fills, so a cut shows where text went."""
    from cleaner.anatomy.apply import RULE_PREFIX
    from cleaner.anatomy.roles import FIELD_OF
    from cleaner.filters.engine import available_packs

    packs = {
        rule.id: ",".join(sorted(rule.pattern.groupindex) or [rule.field or "?"])
        for pack in available_packs(settings.filters)
        for rule in pack.rules
        if rule.kind == "move_to_field"
    }
    return packs | {RULE_PREFIX + role: field for role, field in FIELD_OF.items()}


def render(status: LineStatus, targets: dict[str, str] | None = None) -> str:
    """One output line: action, rule(s) (-> field), then the text; coloured by action."""
    names = [_named(rule, targets or {}) for rule in status.rules]
    if status.action == "keep":
        head = f"keep  {names[0]}" if names else "keep "
    elif status.action == "cut":
        head = f"cut   {' + '.join(names)}" + (f" ({status.decider})" if status.decider else "")
    else:
        took = ", ".join(f"{r} took {p!r}" for r, p in zip(names, status.parts, strict=True))
        head = f"trim  {took}"
    return typer.style(f"{head} | {status.line}", fg=STYLE[status.action])


def _named(rule: str, targets: dict[str, str]) -> str:
    return f"{rule} -> {targets[rule]}" if rule in targets else rule


def summary(doc: Document, verdict: str) -> str:
    """The fields the cleaning filled, and the gate's verdict."""
    values = [f"{name}={getattr(doc, name)!r}" for name in FIELDS if getattr(doc, name)]
    lists = [f"{name}={getattr(doc, name)!r}" for name in ("authors", "captions")]
    kept = len(doc.lines)
    return "\n".join([f"-- {kept} lines kept, {len(doc.removed)} cuts; {verdict}", *values, *lists])
