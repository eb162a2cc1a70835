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
from cleaner.anatomy.roles import KEEP, ROLES, Role
from cleaner.anatomy.wrap import joined, paragraphs

MODEL_FILE = "roles.crfsuite"
KEEP_ROLES: tuple[Role, ...] = tuple(role for role in ROLES if role in KEEP)
CUT_ROLES: tuple[Role, ...] = tuple(role for role in ROLES if role not in KEEP)
KEEP_AT = 0.5  # a line is kept when the model keeps it with at least this probability
SURE_MARGIN = 1e-9  # see _sure: far above the marginals' rounding, far below any real doubt
_CUT_SURE_AT = 1 - KEEP_AT + SURE_MARGIN
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
    model = tagger()
    path = model.tag(featurize(joined(lines, spans), hint))
    known = frozenset(model.labels())  # a model trained without kickers has no such label
    sides = tuple(r for r in KEEP_ROLES if r in known), tuple(r for r in CUT_ROLES if r in known)
    labels = [_decided(model, i, _role(label), sides) for i, label in enumerate(path)]
    return [label for span, label in zip(spans, labels, strict=True) for _ in span]


def _decided(
    model: pycrfsuite.Tagger, i: int, best: Role, sides: tuple[tuple[Role, ...], tuple[Role, ...]]
) -> Role:
    """Keep or cut by the line's own probability of being kept, not by the best path: the
    path can cut a paragraph the model keeps with p = 0.53 because a heading above it went
    ("minimum risk" for each line's keep/cut, which is what the text is judged by). The role
    stays the path's where it agrees; otherwise the likeliest role on the other side."""
    keep, cut = sides
    if (best in keep or best in cut) and _sure(model.marginal(best, i), best in keep):
        return best
    kept = sum(model.marginal(role, i) for role in keep)
    if (best in KEEP_ROLES) == (kept >= KEEP_AT):
        return best
    return max(keep if kept >= KEEP_AT else cut, key=lambda role: model.marginal(role, i))


def _sure(own: float, keeps: bool) -> bool:
    """Whether the best role's own marginal already puts the line on the path's side, so
    that the sum over the keep roles need not be asked (one C call a line instead of two).
    A keep role: `kept` adds non-negative floats, one of them `own`, and a rounded sum of
    non-negative floats is never below any of its terms, so own >= KEEP_AT gives
    kept >= KEEP_AT. A cut role: a position's marginals sum to 1 up to the rounding of
    crfsuite's scaled forward-backward (~1e-15), so kept <= 1 - own + 1e-15 < KEEP_AT once
    own exceeds 1 - KEEP_AT by SURE_MARGIN, far above that error."""
    return own >= KEEP_AT if keeps else own > _CUT_SURE_AT


def _role(label: str) -> Role:
    return label if label in ROLES else "boiler"
