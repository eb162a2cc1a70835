"""`cleaner explain FILE`: every line of the input, kept or cut, and the rule or reason why.

Users need to see why a paragraph vanished. The document already records every cut as
(rule, text) in `doc.removed`; this command lines those records up with the lines the
filters started from (the normalised text, or what the HTML extractor gave).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from cleaner.cli import Rules, RulesDir, app, build_settings, fail
from cleaner.config import GateSettings, Settings
from cleaner.document import Document, Removal, Source
from cleaner.errors import CleanerError, Rejected
from cleaner.filters.engine import available_packs
from cleaner.pipeline import Pipeline
from cleaner.readers.decode import decode
from cleaner.readers.files import kind_of, read_input

FIELDS = ("title", "kicker", "date", "date_modified", "url", "dateline", "agency", "language")
STYLE = {"keep": "green", "cut": "red", "trim": "yellow"}


@dataclass(frozen=True)
class LineStatus:
    """One input line: kept as is, cut whole, or kept with a part taken out."""

    action: str  # "keep", "cut" or "trim"
    line: str
    rules: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()  # for "trim": the text each rule took


@app.command()
def explain(
    path: Annotated[Path, typer.Argument(help="A .txt or .html file (gzipped too).")],
    rules: Rules = "",
    rules_dir: RulesDir = None,
    color: Annotated[
        bool | None, typer.Option("--color/--no-color", help="Colour (default: on a terminal).")
    ] = None,
) -> None:
    """Show each line of FILE as kept or cut, with the rule or classifier reason."""
    if not path.is_file():
        fail(f"{path}: no such file")
    try:
        doc, before, verdict = run(path, rules, rules_dir)
    except CleanerError as exc:
        fail(f"{path}: {exc}")
        return
    targets = destinations(build_settings(rules, rules_dir, GateSettings.min_words))
    for status in attribute(before, doc):
        typer.echo(render(status, targets), color=color)
    typer.echo(summary(doc, verdict), color=color)


def run(path: Path, rules: str, rules_dir: Path | None) -> tuple[Document, list[str], str]:
    """Clean the file step by step; return the document, the lines filtering started from,
    and what the quality gate says (the gate's verdict is shown, not applied)."""
    settings = build_settings(rules, rules_dir, GateSettings.min_words)
    pipeline = Pipeline(settings)
    source = Source(kind="file", path=str(path))
    text, source.encoding = decode(read_input(path, settings.limits), None)
    doc = pipeline._start(text, source, kind_of(path) or "text")
    extract, *rest = pipeline.steps
    doc = extract(doc)
    before = list(doc.lines)
    for step in rest:
        if step != pipeline._gate:
            doc = step(doc)
    try:
        pipeline._gate(doc)
    except Rejected as exc:
        return doc, before, f"rejected ({exc.reason}): {exc.detail}"
    return doc, before, "kept as an article"


def attribute(before: list[str], doc: Document) -> list[LineStatus]:
    """Match each starting line to the output or to the removal records that took it."""
    left = Counter(doc.lines)
    out = []
    for line in before:
        if left[line] > 0:
            left[line] -= 1
            out.append(LineStatus("keep", line))
        else:
            out.append(_lost(line, doc.removed))
    return out


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
    return {
        rule.id: ",".join(sorted(rule.pattern.groupindex) or [rule.field or "?"])
        for pack in available_packs(settings.filters)
        for rule in pack.rules
        if rule.kind == "move_to_field"
    }


def render(status: LineStatus, targets: dict[str, str] | None = None) -> str:
    """One output line: action, rule(s) (-> field), then the text; coloured by action."""
    names = [_named(rule, targets or {}) for rule in status.rules]
    if status.action == "keep":
        head = "keep "
    elif status.action == "cut":
        head = f"cut   {' + '.join(names)}"
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
