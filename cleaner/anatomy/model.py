"""The shipped role model (a linear-chain CRF, python-crfsuite) and the tagging call.

The model file is data inside the package (`roles.crfsuite`), rebuilt by
`training/train_roles.py`; it loads without network and tags deterministically.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources

import pycrfsuite

from cleaner.anatomy.features import featurize
from cleaner.anatomy.roles import ROLES, Role
from cleaner.anatomy.wrap import joined, paragraphs

MODEL_FILE = "roles.crfsuite"
MODEL_NAME = "anatomy.crf"  # how explain and the removal records name the model's decisions


@cache
def tagger() -> pycrfsuite.Tagger:
    """The tagger, opened once per process from the package data."""
    path = resources.files("cleaner.anatomy") / MODEL_FILE
    with resources.as_file(path) as file:
        model = pycrfsuite.Tagger()
        model.open(str(file))
    return model


def tag(lines: Sequence[str], hint: str | None = None) -> list[Role]:
    """A role for every line (an empty document has none); a hard-wrapped text is tagged
    by its paragraphs, each line taking its paragraph's role."""
    if not lines:
        return []
    spans = paragraphs(lines)
    labels = tagger().tag(featurize(joined(lines, spans), hint))
    return [_role(label) for span, label in zip(spans, labels, strict=True) for _ in span]


def _role(label: str) -> Role:
    return label if label in ROLES else "boiler"
