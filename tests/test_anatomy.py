"""The role model: roles for a page of our own writing, fields from roles, determinism, and
retraining that gives the same model file byte for byte."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from cleaner import clean_text
from cleaner.anatomy import model
from cleaner.anatomy.features import featurize
from cleaner.anatomy.model import tag
from cleaner.anatomy.roles import ROLES, Role

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

BODY = [
    "Der Gemeinderat hat am Dienstagabend mit großer Mehrheit ein neues Netz von Radwegen für "
    "die Innenstadt beschlossen. Bis zum Jahr 2027 sollen rund zwanzig Kilometer entstehen.",
    "Die Verwaltung hatte die Pläne seit dem vergangenen Sommer mit Anwohnern, Händlern und "
    "Verbänden besprochen. Vor allem die Händler hatten zunächst Bedenken angemeldet.",
    "Kritik aus der Opposition",
    "Die Fraktion der Freien Wähler stimmte gegen die Vorlage. Ihr Sprecher sagte, die Kosten "
    "von mehr als vierzig Millionen Euro seien in der angespannten Lage nicht zu rechtfertigen.",
]
PAGE = [
    "Neue Radwege für die Innenstadt beschlossen | Stadtanzeiger",
    "Startseite",
    "Politik",
    "Wirtschaft",
    "Sport",
    "Anmelden",
    "Neue Radwege für die Innenstadt beschlossen",
    "Von Erika Muster und Max Beispiel",
    "12.03.2024, 14:05 Uhr",
    "Teilen",
    "Merken",
    *BODY,
    "Mehr zum Thema",
    "Neues Hallenbad öffnet im Mai",
    "Impressum",
    "Datenschutz",
]


def test_every_line_gets_a_known_role() -> None:
    roles = tag(PAGE)
    assert len(roles) == len(PAGE) and set(roles) <= set(ROLES)
    assert [r for r, line in zip(roles, PAGE, strict=True) if line in BODY] == ["body"] * 4


def test_fields_come_from_roles() -> None:
    doc = clean_text("\n".join(PAGE))
    assert doc.ok
    assert doc.text == "\n".join(BODY)  # type: ignore[union-attr]
    assert doc.title == "Neue Radwege für die Innenstadt beschlossen"  # type: ignore[union-attr]
    assert doc.authors == ["Erika Muster", "Max Beispiel"]  # type: ignore[union-attr]
    assert doc.date == "2024-03-12T14:05"  # type: ignore[union-attr]


def test_clean_text_is_all_body() -> None:
    assert tag(BODY) == ["body"] * len(BODY)


def test_tagging_is_deterministic() -> None:
    assert tag(PAGE) == tag(PAGE)
    assert featurize(PAGE) == featurize(PAGE)


def test_empty_document_has_no_roles() -> None:
    assert tag([]) == []


def test_retraining_gives_the_same_file(tmp_path: Path) -> None:
    pytest.importorskip("pycrfsuite")
    sys.path.insert(0, str(ROOT))
    from training.train_roles import Example, train

    labels = ["boiler"] * 6 + ["headline", "byline", "date", "boiler", "boiler"]
    labels += ["body"] * 4 + ["boiler"] * 4
    examples = [Example("g", "textcase", "page", PAGE, labels, BODY)]
    first, second = tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"
    train(examples, first)
    train(examples, second)
    assert first.read_bytes() == second.read_bytes()


class _Marginals:
    """A tagger's per-line marginals, as pycrfsuite reports them after tag()."""

    def __init__(self, probs: dict[str, float]) -> None:
        self.probs = probs

    def marginal(self, label: str, i: int) -> float:
        return self.probs.get(label, 0.0)


_SIDES = (model.KEEP_ROLES, model.CUT_ROLES)


@pytest.mark.parametrize(
    ("path", "probs", "decided"),
    [
        ("boiler", {"body": 0.53, "boiler": 0.47}, "body"),  # kept on its own, cut by the path
        ("boiler", {"body": 0.3, "standfirst": 0.25, "boiler": 0.45}, "body"),  # keep side sums
        ("body", {"body": 0.4, "caption": 0.35, "boiler": 0.25}, "caption"),  # likeliest cut
        ("byline", {"byline": 0.6, "body": 0.4}, "byline"),  # agreement: the path's role
        ("standfirst", {"standfirst": 0.3, "body": 0.3, "boiler": 0.4}, "standfirst"),
    ],
)
def test_each_line_is_kept_by_its_own_probability(
    path: Role, probs: dict[str, float], decided: Role
) -> None:
    assert model._decided(_Marginals(probs), 0, path, _SIDES) == decided  # type: ignore[arg-type]


def _full_decision(probs: dict[str, float], best: Role) -> Role:
    """_decided without its shortcut: the keep side's summed marginal decides."""
    keep, cut = _SIDES
    kept = sum(probs.get(role, 0.0) for role in keep)
    if (best in keep) == (kept >= model.KEEP_AT):
        return best
    return max(keep if kept >= model.KEEP_AT else cut, key=lambda role: probs.get(role, 0.0))


def _distributions() -> list[tuple[Role, dict[str, float]]]:
    """Seeded random marginals over the roles, many near the keep threshold, each with a
    path role that is the likeliest or a random one."""
    rng = random.Random(7)
    out: list[tuple[Role, dict[str, float]]] = []
    for n in range(400):
        weights = [rng.random() ** (1 + n % 5) for _ in ROLES]
        total = sum(weights)
        probs = {role: w / total for role, w in zip(ROLES, weights, strict=True)}
        best = max(ROLES, key=probs.__getitem__) if n % 2 else rng.choice(ROLES)
        out.append((best, probs))
    out.append(("boiler", {"boiler": 0.5, "body": 0.5}))  # a tie at the threshold
    out.append(("body", {"body": 0.5, "boiler": 0.5}))
    return out


def test_the_sure_shortcut_gives_the_full_decision() -> None:
    for best, probs in _distributions():
        decided = model._decided(_Marginals(probs), 0, best, _SIDES)  # type: ignore[arg-type]
        assert decided == _full_decision(probs, best), (best, probs)


def test_marginals_of_a_line_sum_to_one_far_inside_the_margin() -> None:
    """The cut side of model._sure relies on it (see there)."""
    lines = (SEEDS / "000_8e662fcc69ae7db1.txt").read_text(encoding="utf-8").splitlines()
    lines = [line for line in lines if line.strip()]
    tagger = model.tagger()
    tagger.tag(featurize(lines))
    for i in range(len(lines)):
        total = sum(tagger.marginal(label, i) for label in tagger.labels())
        assert abs(total - 1) < model.SURE_MARGIN / 1000
