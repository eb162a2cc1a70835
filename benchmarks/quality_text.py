"""Text-mode quality: clean the naive full-page text dumps (txt/) of an eval set.

    python -m benchmarks.quality_text ../shared/eval/fundus-de-dev [--limit N] [--worst K]

Prints, in one run and scored by the set's own score.py: nothing removed, jusText over the
lines, the C4 line rules, our rules alone and our full text pipeline (rules + the line-role model).
The baselines are implemented here so that they are measured on exactly the same inputs.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from benchmarks.evalset import Page, load_truth, page_prf, predict, score_predictions, scorer
from cleaner import clean_text
from cleaner.config import FilterSettings, Settings

# C4 (Raffel et al. 2020, section 2.2): keep lines ending in terminal punctuation, drop lines
# naming javascript/cookies/policies, drop pages with curly braces or lorem ipsum.
C4_END = (".", "!", "?", '"', "”", "“", "»", "«")
C4_BAD = re.compile(
    r"javascript|cookie|terms of use|privacy policy|datenschutz|nutzungsbedingungen", re.I
)
C4_MIN_WORDS = 3
JUSTEXT_LANGS = {
    "de": "German", "en": "English", "es": "Spanish", "fr": "French", "pl": "Polish",
    "it": "Italian", "pt": "Portuguese", "ru": "Russian", "no": "Norwegian_Bokmal",
    "et": "Estonian", "tl": "Tagalog",
}  # fmt: skip


def read(page: Page) -> str:
    return page.txt.read_text(encoding="utf-8", errors="replace")


def nothing(page: Page) -> str:
    return read(page)


def c4_lines(page: Page) -> str:
    text = read(page)
    if "lorem ipsum" in text.lower():
        return ""
    kept = [
        line.strip()
        for line in text.splitlines()
        if line.strip().endswith(C4_END)
        and len(line.split()) >= C4_MIN_WORDS
        and not C4_BAD.search(line)
        and "{" not in line
    ]
    return "\n".join(kept)


def justext_lines(langs: dict[str, str]) -> Callable[[Page], str]:
    """jusText's context-sensitive classifier with each text line as one paragraph."""
    import justext  # benchmark-only dependency (installed in the dev venv)

    def run(page: Page) -> str:
        lines = [line.strip() for line in read(page).splitlines() if line.strip()]
        if not lines:
            return ""
        body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
        name = JUSTEXT_LANGS.get(langs.get(page.id, ""), "German")
        paras = justext.justext(f"<html><body>{body}</body></html>", justext.get_stoplist(name))
        return "\n".join(p.text for p in paras if not p.is_boilerplate)

    return run


def ours(settings: Settings) -> Callable[[Page], str]:
    def run(page: Page) -> str:
        doc = clean_text(read(page), settings=settings)
        return doc.text if doc.ok else ""  # type: ignore[union-attr]

    return run


def methods(set_dir: Path) -> dict[str, Callable[[Page], str]]:
    langs = {rec["id"]: rec.get("lang", "") for rec in load_truth(set_dir)}
    full = Settings()
    rules_only = replace(full, filters=FilterSettings(classify_text=False))
    return {
        "nothing removed": nothing,
        "jusText over the lines": justext_lines(langs),
        "C4 line rules": c4_lines,
        "cleaner rules only": ours(rules_only),
        "cleaner rules + role model": ours(full),
    }


def row(name: str, result: dict[str, Any], seconds: float, pages: int) -> str:
    ms = 1000 * seconds / max(pages, 1)
    return (
        f"{name:<28} P {result['precision']:.3f}  R {result['recall']:.3f}  "
        f"F1 {result['f1']:.3f} ±{result.get('f1_std', 0.0):.3f}  ({ms:.1f} ms/page)"
    )


def worst(set_dir: Path, preds: dict[str, str], k: int) -> None:
    """The k pages with the lowest F1 (shingle sets) to study what still goes wrong."""
    score = scorer(set_dir)
    truth = {rec["id"]: rec for rec in load_truth(set_dir) if rec["id"] in preds}
    if "text" not in next(iter(truth.values())):
        return
    per_page = []
    for pid, rec in truth.items():
        p, r, f1 = page_prf(score, rec["text"], preds[pid])
        per_page.append((f1, p, r, pid))
    for f1, p, r, pid in sorted(per_page)[:k]:
        print(f"  worst: {pid:<40} P {p:.3f} R {r:.3f} F1 {f1:.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_dir", type=Path, help="an eval set folder (with txt/ and truth)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--worst", type=int, default=0, help="list the K worst pages of ours")
    parser.add_argument("--only", default="", help="comma-separated method names to run")
    args = parser.parse_args(argv)
    chosen = [m.strip() for m in args.only.split(",") if m.strip()]
    print(f"text mode on {args.set_dir} ({sum(1 for _ in args.set_dir.glob('txt/*.txt'))} txt)")
    preds: dict[str, str] = {}
    for name, fn in methods(args.set_dir).items():
        if chosen and not any(c in name for c in chosen):
            continue
        start = time.perf_counter()
        preds = predict(args.set_dir, fn, args.limit)
        seconds = time.perf_counter() - start
        result = score_predictions(args.set_dir, preds, only_predicted=args.limit is not None)
        print(row(name, result, seconds, len(preds)), flush=True)
    if args.worst and preds:
        worst(args.set_dir, preds, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
