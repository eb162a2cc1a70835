"""The trained page-kind classifier: two small gradient-boosted tree ensembles stored as JSON.

training/train_kind.py writes `kind_model.json`: one booster scores article vs not, a second
index vs other for the pages that are not articles. Here they are evaluated in plain Python
(no numpy, no scikit-learn at run time), with inputs rounded to float32 as scikit-learn's trees
compare them, so the result is the training library's to the last bit, on every run.
"""

from __future__ import annotations

import json
import math
from array import array
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from cleaner.pagekind.signals import Signals

MODEL_FILE = "kind_model.json"


@dataclass(frozen=True)
class Tree:
    """Nodes in arrays, as scikit-learn stores them; a leaf has feature -1."""

    feature: tuple[int, ...]
    threshold: tuple[float, ...]
    left: tuple[int, ...]
    right: tuple[int, ...]
    value: tuple[float, ...]

    def leaf_value(self, x: array[float]) -> float:
        node = 0
        while self.feature[node] >= 0:
            go_left = x[self.feature[node]] <= self.threshold[node]
            node = self.left[node] if go_left else self.right[node]
        return self.value[node]


@dataclass(frozen=True)
class Booster:
    """Binary gradient boosting with log loss: P(positive) = sigmoid(baseline + lr * sum)."""

    baseline: float
    learning_rate: float
    trees: tuple[Tree, ...]

    def probability(self, x: array[float]) -> float:
        raw = self.baseline + self.learning_rate * sum(t.leaf_value(x) for t in self.trees)
        return 1.0 / (1.0 + math.exp(-raw))


@dataclass(frozen=True)
class KindModel:
    features: tuple[str, ...]
    article: Booster  # P(article)
    index: Booster  # P(index) among pages that are not articles (else other)
    article_threshold: float  # P(article) at or above this: article

    def vector(self, signals: Signals) -> array[float]:
        return array("f", [signals.get(name, 0.0) for name in self.features])

    def predict(self, signals: Signals) -> str:
        x = self.vector(signals)
        if self.article.probability(x) >= self.article_threshold:
            return "article"
        return "index" if self.index.probability(x) >= 0.5 else "other"


def _tree(data: dict[str, Any]) -> Tree:
    return Tree(
        tuple(int(v) for v in data["feature"]),
        tuple(float(v) for v in data["threshold"]),
        tuple(int(v) for v in data["left"]),
        tuple(int(v) for v in data["right"]),
        tuple(float(v) for v in data["value"]),
    )


def _booster(data: dict[str, Any]) -> Booster:
    trees = tuple(_tree(t) for t in data["trees"])
    return Booster(float(data["baseline"]), float(data["learning_rate"]), trees)


def from_json(data: dict[str, Any]) -> KindModel:
    return KindModel(
        features=tuple(str(f) for f in data["features"]),
        article=_booster(data["article"]),
        index=_booster(data["index"]),
        article_threshold=float(data["article_threshold"]),
    )


@cache
def shipped_model() -> KindModel:
    """The model file inside the package, loaded once per process, without network."""
    text = files("cleaner.pagekind").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return from_json(json.loads(text))
