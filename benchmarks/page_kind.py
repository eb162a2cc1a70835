"""Page kind: are non-articles called non-articles, do articles stay articles?

    python -m benchmarks.page_kind ../shared/eval/wcxb-dev ../shared/eval/wcxb-dev-other \\
        ../shared/eval/fundus-de-dev ../shared/eval/trafeval-dev [--cv /tmp/kind_features.json]

Every page runs through the shipped pipeline with --articles-only, from its raw bytes and URL.
A set whose truth has non-article page types (wcxb-dev-other) reports the share of its pages
called non-article (a not_article reject; other rejects, such as too_short, are counted apart);
an article set reports the share kept (page_type article or liveblog) and lists the others.
These are in-sample figures (the model was trained on these sets). --cv adds the held-out
figures of grouped 5-fold cross-validation by site (needs scikit-learn; the features file is
the one training/train_kind.py --cache writes, built here if missing).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from cleaner.config import KindSettings, Settings
from cleaner.document import Source
from cleaner.pipeline import Pipeline
from training.kind_data import url_of

TARGET_NON_ARTICLE, TARGET_ARTICLE = 0.85, 0.97


def outcomes(set_dir: Path, pipe: Pipeline) -> dict[str, tuple[str, str]]:
    """id -> (kept | reason, page_type or reject detail)."""
    out: dict[str, tuple[str, str]] = {}
    for line in (set_dir / "truth.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        path = set_dir / "html" / f"{rec['id']}.html"
        source = Source(kind="file", path=str(path), url=url_of(rec))
        result = pipe.run_bytes(path.read_bytes(), source, "html")
        if result.ok:
            paywall = {True: "paywalled", False: "free", None: "unknown"}[result.paywalled]  # type: ignore[union-attr]
            out[rec["id"]] = ("kept", f"{result.page_type} {paywall}")  # type: ignore[union-attr]
        else:
            out[rec["id"]] = (result.reason, result.detail)  # type: ignore[union-attr]
    return out


def report(set_dir: Path, results: dict[str, tuple[str, str]]) -> None:
    n = len(results)
    reasons = Counter(reason for reason, _ in results.values())
    truth = [json.loads(line) for line in (set_dir / "truth.jsonl").open(encoding="utf-8")]
    non_article = any(rec.get("page_type", "article") != "article" for rec in truth)
    if non_article:
        called = reasons["not_article"]
        share = called / n
        other = n - called - reasons["kept"]
        print(
            f"{set_dir.name:16} non-article called non-article {share:6.1%} ({called}/{n}; "
            f"{other} rejected for another reason, {reasons['kept']} kept as articles) "
            f"target >= {TARGET_NON_ARTICLE:.0%}"
        )
    else:
        kept = reasons["kept"]
        print(
            f"{set_dir.name:16} articles kept as article/liveblog {kept / n:6.1%} ({kept}/{n}) "
            f"target >= {TARGET_ARTICLE:.0%}; not_article: "
            f"{dict(Counter(d for r, d in results.values() if r == 'not_article'))}; "
            f"other rejects: {dict(reasons - Counter({'kept': kept, 'not_article': n}))}"
        )
        access = Counter(d.split()[1] for r, d in results.values() if r == "kept")
        print(f"{'':16} paywalled among kept: {dict(sorted(access.items()))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sets", nargs="+", type=Path)
    parser.add_argument("--cv", type=Path, help="features file for the cross-validation figures")
    args = parser.parse_args()
    pipe = Pipeline(Settings(kind=KindSettings(articles_only=True)))
    print("in-sample, shipped model, --articles-only:")
    for set_dir in args.sets:
        report(set_dir, outcomes(set_dir, pipe))
    if args.cv:
        from training.train_kind import cross_validate

        print("held-out (5-fold grouped by site), page kind alone:")
        cross_validate(args.sets, args.cv)


if __name__ == "__main__":
    main()
