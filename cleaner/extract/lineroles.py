"""The line-role model of HTML pages: which lines of the extracted body are not the article.

The text-mode anatomy features of each line (anatomy/features.py: shape, grammar, position
against the body block, neighbours) plus what the markup says about it (extract/html_hints.py)
go into a linear-chain CRF (python-crfsuite) trained by training/train_lineroles.py on the
three dev sets' pages (our extractor's lines aligned to the truth) labels every line body or
boilerplate. Only the run of lines at the end of the body whose probability of boilerplate
reaches the threshold is cut, and only when it holds less than `max_share` of the body's
characters: tails of author bios, calls to action and related links look alike on every
site, while inside the body (tables, lists, code, a second container of the same article)
the model's reading was not reliable on held-out sites. Threshold and share were chosen on
held-out folds grouped by site (BENCHMARKS.md, issue 11) and ship in `lineroles.json` next to
the model file; the model tags deterministically; without it nothing is cut.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

import pycrfsuite
from lxml import html as lxml_html

from cleaner.anatomy.features import featurize
from cleaner.extract.html_hints import line_hints

MODEL_FILE = "lineroles.crfsuite"
SETTINGS_FILE = "lineroles.json"  # the threshold chosen on held-out folds, next to the model
CUT = "boiler"
RULE = "html.roles"
WINDOW = 16  # the last lines the model reads: a tail is short, and the features cost per line


@dataclass(frozen=True)
class LineModel:
    tagger: pycrfsuite.Tagger
    cut_above: float  # a tail line with P(boiler) at or above this is cut (> 1: never)
    max_share: float = 1.0  # a tail holding more of the body's characters is left alone


def line_features(tree: lxml_html.HtmlElement, lines: Sequence[str]) -> list[list[str]]:
    """The anatomy features of the last WINDOW lines with their HTML hints."""
    start = max(len(lines) - WINDOW, 0)
    hints = line_hints(tree, lines, start)
    return [own + hint for own, hint in zip(featurize(lines[start:]), hints, strict=True)]


@cache
def shipped() -> LineModel | None:
    """The shipped model, opened once per process (None when the package has none)."""
    folder = resources.files("cleaner.extract")
    if not (folder / MODEL_FILE).is_file():
        return None
    settings = json.loads((folder / SETTINGS_FILE).read_text("utf-8"))
    with resources.as_file(folder / MODEL_FILE) as file:
        tagger = pycrfsuite.Tagger()
        tagger.open(str(file))
    return LineModel(tagger, float(settings["cut_above"]), float(settings["max_share"]))


def cut_probabilities(model: LineModel, feats: list[list[str]]) -> list[float]:
    """P(boiler) of every line under the model (its marginals over the whole sequence)."""
    model.tagger.set(feats)
    return [model.tagger.marginal(CUT, i) for i in range(len(feats))]


def tail_start(lines: Sequence[str], probs: Sequence[float], model: LineModel) -> int:
    """Where the tail the model cuts starts: the run of lines at the end with P(boiler) at
    or above the threshold, when it is a small part of the text (len(lines): no cut)."""
    start = len(probs)
    while start > 0 and probs[start - 1] >= model.cut_above:
        start -= 1
    tail = sum(map(len, lines[start:]))
    if start == 0 or tail > model.max_share * sum(map(len, lines)):
        return len(lines)  # all of it, or a large part: no tail, trafilatura's reading stands
    return start


def split_lines(
    tree: lxml_html.HtmlElement, lines: list[str], model: LineModel | None = None
) -> tuple[list[str], list[str]]:
    """(lines kept, lines cut) of the extracted body under the model (the shipped one)."""
    model = model or shipped()
    if model is None or model.cut_above > 1.0 or not lines:
        return lines, []
    probs = cut_probabilities(model, line_features(tree, lines))
    start = tail_start(lines, [0.0] * (len(lines) - len(probs)) + probs, model)
    return lines[:start], lines[start:]
