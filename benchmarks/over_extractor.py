"""Text mode over another extractor's output: does cleaning trafilatura's text improve it?

A user may hand cleaner text that trafilatura (or another tool) already extracted. Cleaning it
further must improve it, never damage it. For every page of each eval set this extracts with
bare `trafilatura.extract`, scores that text, then cleans it in text mode and scores again
(the set's own score.py). A page cleaner rejects keeps trafilatura's text (what a user who
falls back to the input would have).

    python -m benchmarks.over_extractor ../shared/eval/fundus-de-dev ../shared/eval/wcxb-dev
"""

from __future__ import annotations

import argparse
from pathlib import Path

import trafilatura

from benchmarks.evalset import load_truth, page_prf, pages, score_predictions, scorer
from cleaner.document import Source
from cleaner.pipeline import Pipeline

DAMAGE = 0.02  # a page's F1 moved by less than this is unchanged


def cleaned(pipeline: Pipeline, page_id: str, text: str) -> str:
    """Our text-mode output for one text, or the text itself when we reject it."""
    if not text.strip():
        return text
    outcome = pipeline.run_text(text, Source(kind="file", path=f"{page_id}.txt"), "text")
    return outcome.text if outcome.ok else text


def run_set(set_dir: Path, pipeline: Pipeline) -> None:
    raw: dict[str, str] = {}
    ours: dict[str, str] = {}
    for page in pages(set_dir):
        raw[page.id] = trafilatura.extract(page.html.read_bytes(), include_comments=False) or ""
        ours[page.id] = cleaned(pipeline, page.id, raw[page.id])
    print(f"== {set_dir.name}: {len(raw)} pages ==")
    for name, preds in (("trafilatura", raw), ("trafilatura + cleaner text", ours)):
        r = score_predictions(set_dir, preds)
        print(f"{name:28} F1 {r['f1']:.3f}  P {r['precision']:.3f}  R {r['recall']:.3f}")
    print_damage(set_dir, raw, ours)


def print_damage(set_dir: Path, raw: dict[str, str], ours: dict[str, str]) -> None:
    """Pages whose own F1 cleaning raised or lowered by more than DAMAGE (sets with a truth
    text): "never damage" is judged page by page, not on the mean."""
    score = scorer(set_dir)
    truth = {rec["id"]: rec["text"] for rec in load_truth(set_dir) if rec.get("text")}
    deltas = {
        page: page_prf(score, text, ours[page])[2] - page_prf(score, text, raw[page])[2]
        for page, text in truth.items()
    }
    worse = sorted((d, page) for page, d in deltas.items() if d < -DAMAGE)
    better = sum(d > DAMAGE for d in deltas.values())
    print(f"pages better / worse by > {DAMAGE}: {better} / {len(worse)} of {len(deltas)}")
    for delta, page in worse[:5]:
        print(f"  worst: {page} {delta:+.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="+", type=Path, help="eval set folders (with truth text)")
    args = parser.parse_args(argv)
    pipeline = Pipeline()
    for set_dir in args.sets:
        run_set(set_dir, pipeline)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
