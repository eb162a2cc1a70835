"""Train the line-role model of HTML pages (cleaner/extract/lineroles.crfsuite) from the dev sets.

    python training/train_lineroles.py ../shared --cv 5 --cache /tmp/pages.pkl  # held out
    python training/train_lineroles.py ../shared --cache /tmp/pages.pkl \
        --cut-above 0.8 --max-share 0.25                                       # ship

Data: the pages of ../shared/eval/{fundus-de-dev,wcxb-dev,trafeval-dev}. Each page runs through
our HTML pipeline; the lines the extractor gives (where extract/html.py calls the model) are
recorded with the features of the last lineroles.WINDOW of them (anatomy features + HTML
hints), and so is the pipeline's final text. Labels by the sets' own scoring: a line most of
whose 4-token shingles are in the truth text is `body`, one with few is `boiler`, one between
is not trained on; on trafeval-dev (snippets only) a line holding a `with` snippet is `body`,
one holding a `without` snippet `boiler`, the rest not trained on.

`--cv K` trains K models, each without one fold of sites (round-robin over each set's sorted
sites), tags the held-out pages, and prints each set's body F1 (the set's score.py) of the
pipeline's text with the tail the model cuts at each (threshold, max share) removed, next to
the text as it is: choose the setting there (no set may lose). Training is deterministic
(L-BFGS, fixed iterations, inputs in the sets' order). The recorded pages are cached
(--cache) so that a second run skips the pipeline; delete the cache when the pipeline or the
features change.
"""

from __future__ import annotations

import argparse
import json
import pickle
import re
import sys
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycrfsuite

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evalset import load_truth, score_predictions
from cleaner.config import Limits, Settings
from cleaner.document import Document, Source
from cleaner.extract import html as html_module
from cleaner.extract import lineroles
from cleaner.extract.text import clean_line, normalize
from cleaner.pipeline import Pipeline

MODEL = Path(lineroles.__file__).resolve().parent / lineroles.MODEL_FILE
SETTINGS = MODEL.with_name(lineroles.SETTINGS_FILE)
SETS = ("fundus-de-dev", "wcxb-dev", "trafeval-dev")
PARAMS = {"c1": 0.5, "c2": 0.01, "max_iterations": 100, "feature.possible_transitions": True}
SHINGLE = 4  # as the sets' score.py counts
BODY_SHARE, BOILER_SHARE = 0.5, 0.2
_TOKEN = re.compile(r"\w+")
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)
SHARES = (0.1, 0.25, 1.0)


@dataclass
class Page:
    kind: str  # the set
    group: str  # the site: the unit of cross-validation
    ident: str
    lines: list[str]
    feats: list[list[str]]
    final: list[str]  # the pipeline's output lines (model off)
    labels: list[str | None] = field(default_factory=list)  # None: not trained on
    cpu_ms: float = 0.0  # line_features on this page


def record(set_dir: Path) -> list[Page]:
    """Every page of a set through the pipeline, the model's input recorded."""
    seen: dict[str, Any] = {}

    def recorder(tree: Any, lines: list[str], model: Any = None) -> tuple[list[str], list[str]]:
        start = time.process_time()
        seen["feats"] = lineroles.line_features(tree, lines)
        seen["ms"] = 1000 * (time.process_time() - start)
        seen["lines"] = list(lines)
        return lines, []

    html_module.split_lines = recorder  # type: ignore[assignment]
    pipeline = Pipeline(Settings(limits=Limits(doc_timeout_s=None)))
    out = []
    for rec in load_truth(set_dir):
        seen.clear()
        data = (set_dir / "html" / f"{rec['id']}.html").read_bytes()
        url = rec.get("url") if str(rec.get("url", "")).startswith("http") else None
        doc = pipeline.run_bytes(data, Source(kind="url" if url else "file", url=url), "html")
        final = list(doc.lines) if isinstance(doc, Document) else []
        lines, feats = seen.get("lines", []), seen.get("feats", [])
        page = Page(set_dir.name, _site(set_dir.name, rec), rec["id"], lines, feats, final)
        page.cpu_ms = seen.get("ms", 0.0)
        out.append(page)
    return out


def _site(kind: str, rec: dict[str, Any]) -> str:
    if kind == "trafeval-dev":
        return str(rec["id"]).rsplit("-", 1)[0]
    return str(rec.get("publisher") or rec.get("host") or rec["id"])


def _labels(page: Page, rec: dict[str, Any]) -> list[str | None]:
    if rec.get("text"):
        return _shingle_labels(page.lines, rec["text"])
    good = [_norm(s) for s in rec.get("with") or []]
    bad = [_norm(s) for s in rec.get("without") or []]
    out: list[str | None] = []
    for line in page.lines:
        text = _norm(line)
        holds = any(s and (s in text or (text in s and len(text) > 30)) for s in good)
        out.append("body" if holds else "boiler" if any(s and s in text for s in bad) else None)
    return out


def _shingle_labels(lines: list[str], truth: str) -> list[str | None]:
    """By the scorer's own tokens (\\w+ runs, 4-grams): a line most of whose shingles are
    in the truth is body, one with few is boilerplate, one between is not trained on; a
    line shorter than a shingle is body when its tokens occur in the truth in a row."""
    tokens = _TOKEN.findall(truth)
    grams = set(_grams(tokens))
    joined = f" {' '.join(tokens)} "
    out: list[str | None] = []
    for line in lines:
        own = _TOKEN.findall(line)
        if len(own) < SHINGLE:
            out.append("body" if own and f" {' '.join(own)} " in joined else "boiler")
            continue
        share = sum(g in grams for g in _grams(own)) / (len(own) - SHINGLE + 1)
        out.append("body" if share >= BODY_SHARE else "boiler" if share <= BOILER_SHARE else None)
    return out


def _grams(tokens: list[str]) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)]


def _norm(text: str) -> str:
    return " ".join(clean_line(normalize(text)).split())


def train(pages: Iterable[Page], path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for page in pages:
        labels = page.labels[len(page.labels) - len(page.feats) :]  # the window's
        keep = [i for i, lab in enumerate(labels) if lab is not None]
        if keep:
            trainer.append([page.feats[i] for i in keep], [labels[i] for i in keep])
    trainer.set_params(PARAMS)
    trainer.train(str(path))


def folds(pages: list[Page], k: int) -> dict[str, int]:
    out: dict[str, int] = {}
    for kind in SETS:
        groups = sorted({p.group for p in pages if p.kind == kind})
        out.update({f"{kind}:{g}": n % k for n, g in enumerate(groups)})
    return out


def held_out_probs(pages: list[Page], k: int) -> dict[str, list[float]]:
    """P(boiler) of every line of every page, by the model of the fold that never saw its site."""
    fold_of = folds(pages, k)
    probs: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(k):
            path = Path(tmp) / f"fold{fold}.crfsuite"
            train([p for p in pages if fold_of[f"{p.kind}:{p.group}"] != fold], path)
            model = _open(path)
            for page in pages:
                if fold_of[f"{page.kind}:{page.group}"] == fold and page.lines:
                    key = f"{page.kind}:{page.ident}"
                    probs[key] = lineroles.cut_probabilities(model, page.feats)
            print(f"fold {fold} done", flush=True)
    return probs


def _open(path: Path) -> lineroles.LineModel:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return lineroles.LineModel(tagger, 1.01)


def text_after(page: Page, probs: list[float] | None, setting: tuple[float, float]) -> str:
    """The pipeline's text without the tail the model cuts with (threshold, max share)."""
    if not probs:
        return "\n".join(page.final)
    model = lineroles.LineModel(pycrfsuite.Tagger(), *setting)
    probs = [0.0] * (len(page.lines) - len(probs)) + probs
    start = lineroles.tail_start(page.lines, probs, model)
    cut = set(page.lines[start:]) - set(page.lines[:start])
    return "\n".join(line for line in page.final if line not in cut)


def report(pages: list[Page], shared: Path, probs: dict[str, list[float]]) -> None:
    """Each set's F1 now and at every (threshold, max share) of the grid."""
    for share in SHARES:
        for kind in SETS:
            mine = [p for p in pages if p.kind == kind]
            set_dir = shared / "eval" / kind
            row = [f"share {share} {kind:14s} now {_f1(set_dir, mine, {}, (2.0, 0.0)):.4f}"]
            for t in THRESHOLDS:
                row.append(f"{t}: {_f1(set_dir, mine, probs, (t, share)):.4f}")
            print("  ".join(row), flush=True)
    for kind in SETS:
        mine = [p for p in pages if p.kind == kind]
        cost = sum(p.cpu_ms for p in mine) / max(len(mine), 1)
        print(f"{kind}: line_features {cost:.1f} ms/page (CPU, recorded run)")


def _f1(
    set_dir: Path, pages: list[Page], probs: dict[str, list[float]], setting: tuple[float, float]
) -> float:
    preds = {p.ident: text_after(p, probs.get(f"{p.kind}:{p.ident}"), setting) for p in pages}
    return float(score_predictions(set_dir, preds)["f1"])


def load_pages(shared: Path, cache: Path | None) -> list[Page]:
    if cache and cache.exists():
        pages: list[Page] = pickle.loads(cache.read_bytes())
    else:
        pages = [page for kind in SETS for page in record(shared / "eval" / kind)]
    if cache and not cache.exists():
        cache.write_bytes(pickle.dumps(pages))
    for kind in SETS:  # labels from the truth as it is now (the cache holds what ran)
        truth = {rec["id"]: rec for rec in load_truth(shared / "eval" / kind)}
        for page in pages:
            if page.kind == kind:
                page.labels = _labels(page, truth[page.ident])
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", type=Path, help="the shared data folder (../shared)")
    parser.add_argument("--cv", type=int, default=0, help="report K-fold held-out figures")
    parser.add_argument("--cut-above", type=float, default=1.01, help="the shipped threshold")
    parser.add_argument("--max-share", type=float, default=0.25, help="the shipped tail share")
    parser.add_argument("--cache", type=Path, default=None, help="recorded pages (pickle)")
    args = parser.parse_args(argv)
    pages = load_pages(args.shared, args.cache)
    labelled = sum(lab is not None for p in pages for lab in p.labels)
    print(f"{len(pages)} pages, {labelled} labelled lines", flush=True)
    if args.cv:
        report(pages, args.shared, held_out_probs(pages, args.cv))
        return 0
    train(pages, MODEL)
    settings = {"cut_above": args.cut_above, "max_share": args.max_share}
    SETTINGS.write_text(json.dumps(settings) + "\n", "utf-8")
    print(f"trained on {len(pages)} pages -> {MODEL} ({settings})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
