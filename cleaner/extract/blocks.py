"""The learned block scorer: a second opinion on the extractor's choice of blocks.

trafilatura proposes the body; the scorer (logistic regression over blockfeatures, trained by
training/train_blocks.py, shipped as blocks_model.json) gives every DOM block a probability of
being body text. A line the extractor kept whose every block scores below `drop_below` is cut
(recorded, not lost); a block it left out that scores above `recover_above` goes back after the
kept block before it (trafilatura sometimes drops half an article). Thresholds were chosen on
held-out folds grouped by site and are part of the model file. Pure Python: no sklearn here.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from lxml import html as lxml_html

from cleaner.extract.blockfeatures import Block, add_features, page_blocks
from cleaner.extract.headlines import key

MODEL_FILE = "blocks_model.json"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class BlockModel:
    """Two weight sets by feature name and the decision thresholds. `keep` scores the blocks
    the extractor kept, `recover` those it left out: the two questions differ (is this kept
    block boilerplate after all; is this left-out one body text) and so do their base rates."""

    keep: dict[str, float]
    recover: dict[str, float]
    drop_below: float
    recover_above: float
    min_recover_chars: int
    recover_outside: bool = True  # also after the last / before the first kept block

    @property
    def acts(self) -> bool:
        """Whether any line can be dropped or recovered with these thresholds."""
        return self.drop_below > 0.0 or self.recover_above <= 1.0


@dataclass
class Rescored:
    """The extractor's lines after the scorer's second opinion."""

    lines: list[str]
    dropped: list[str] = field(default_factory=list)
    recovered: list[str] = field(default_factory=list)


@cache
def load_model(path: str | None = None) -> BlockModel:
    """The shipped model (or one at `path`, for benchmarks of fold models); loaded once."""
    if path:
        raw = json.loads(Path(path).read_text("utf-8"))
    else:
        raw = json.loads((resources.files("cleaner.extract") / MODEL_FILE).read_text("utf-8"))
    return BlockModel(
        keep={k: float(v) for k, v in raw["keep"].items()},
        recover={k: float(v) for k, v in raw["recover"].items()},
        drop_below=float(raw["drop_below"]),
        recover_above=float(raw["recover_above"]),
        min_recover_chars=int(raw["min_recover_chars"]),
        recover_outside=bool(raw.get("recover_outside", True)),
    )


def probability(features: dict[str, float], model: BlockModel) -> float:
    """P(body text) by the weight set that fits the block (kept by the extractor or not)."""
    weights = model.keep if features.get("kept") else model.recover
    score = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


def scored_blocks(tree: lxml_html.HtmlElement, text: str, model: BlockModel) -> list[Block]:
    """Every block of the page with its features and `prob` (body text probability)."""
    blocks = page_blocks(tree)
    add_features(blocks, key(text))
    for block in blocks:
        block.prob = probability(block.features, model)
    return blocks


def second_opinion(tree: lxml_html.HtmlElement, text: str) -> Rescored:
    """The extractor's text lines, rescored by the shipped model."""
    model = load_model()
    if not model.acts:  # cross-validation found no safe setting: spare the page the cost
        return Rescored(text.split("\n"))
    return rescore(text.split("\n"), scored_blocks(tree, text, model), model)


def rescore(lines: list[str], blocks: list[Block], model: BlockModel) -> Rescored:
    """Drop the kept lines the scorer rejects; put back the left-out blocks it is sure of."""
    by_key: dict[str, list[Block]] = {}
    for block in blocks:
        by_key.setdefault(block.key, []).append(block)
    out = Rescored(lines=[])
    inserts = _recoveries(lines, blocks, model)
    for pos in range(-1, len(lines)):
        if pos >= 0:
            _keep_or_drop(lines[pos], by_key.get(key(lines[pos]), []), model, out)
        for block in inserts.get(pos, []):
            out.lines.append(block.text)
            out.recovered.append(block.text)
    return out


def _keep_or_drop(line: str, matches: list[Block], model: BlockModel, out: Rescored) -> None:
    if matches and all(b.prob < model.drop_below for b in matches):
        out.dropped.append(line)
    else:
        out.lines.append(line)


def _recoveries(lines: list[str], blocks: list[Block], model: BlockModel) -> dict[int, list[Block]]:
    """Left-out blocks to insert, by the index of the line they follow (-1: before all)."""
    line_keys = [key(line) for line in lines]
    inserts: dict[int, list[Block]] = {}
    anchor, seen = -1, set(line_keys)
    present = _trigrams("\n".join(lines))
    for block in blocks:
        if block.features.get("kept"):
            anchor = _line_of(block.key, line_keys, anchor)
        elif _recoverable(block, model) and block.key not in seen:
            seen.add(block.key)
            if not _mostly_in(_trigrams(block.text), present):
                inserts.setdefault(anchor, []).append(block)
    return inserts


ALREADY_THERE = 0.8  # share of a block's word trigrams in the text that makes it a copy


def _trigrams(text: str) -> set[tuple[str, ...]]:
    tokens = _WORD.findall(text.lower())
    return {tuple(tokens[i : i + 3]) for i in range(len(tokens) - 2)}


def _mostly_in(mine: set[tuple[str, ...]], present: set[tuple[str, ...]]) -> bool:
    """A block the text already holds but for a few words (a screen-reader note inside a
    link, 'opens in a new tab') is no missing paragraph: put back, it would be there twice."""
    return bool(mine) and len(mine & present) >= ALREADY_THERE * len(mine)


def _recoverable(block: Block, model: BlockModel) -> bool:
    if not model.recover_outside and not block.features.get("inside_kept_span"):
        return False  # the missing half of an article lies between kept blocks
    return len(block.text) >= model.min_recover_chars and block.prob >= model.recover_above


def _line_of(block_key: str, line_keys: list[str], after: int) -> int:
    """The line that is mostly the block (searching forward from the last anchor). A short
    block found inside a longer line ('Newsletter' in a menu and in the closing line) is not
    that line: anchored there, a lead before the body would be put back at its end."""
    for i in range(max(after, 0), len(line_keys)):
        if block_key in line_keys[i] and 2 * len(block_key) >= len(line_keys[i]):
            return i
    return after
