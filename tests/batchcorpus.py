"""A small mixed corpus for the batch-run tests, written into a temporary folder.

Pages are generated from word lists (deterministic), so a test can make as many as it needs;
it also holds rejects (too short, empty), a skipped file and a copy of the WARC fixture.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURES, ROOT

SUBJECTS = ["Der Stadtrat", "Die Landesregierung", "Der Verein", "Die Feuerwehr", "Das Museum"]
VERBS = ["beschließt", "plant", "prüft", "verschiebt", "begrüßt"]
OBJECTS = ["den neuen Haushalt", "einen Radweg", "die Sanierung der Schule", "ein Sommerfest"]

PAGE = """<!doctype html><html lang="de"><head><meta charset="utf-8"><title>{title}</title>
</head><body><nav><a href="/">Start</a> <a href="/lokales">Lokales</a></nav><article>
<h1>{title}</h1>{paragraphs}</article><footer>Impressum Datenschutz</footer></body></html>"""


def sentence(n: int) -> str:
    subject = SUBJECTS[n % len(SUBJECTS)]
    verb = VERBS[(n // 5) % len(VERBS)]
    thing = OBJECTS[(n // 25) % len(OBJECTS)]
    return f"{subject} {verb} am Dienstag {thing}, wie ein Sprecher in Nummer {n} mitteilte."


def page(n: int) -> str:
    paragraphs = "".join(f"<p>{sentence(n * 7 + k)} {sentence(n + k)}</p>" for k in range(4))
    return PAGE.format(title=sentence(n)[:40], paragraphs=paragraphs)


def make_corpus(folder: Path, pages: int = 12) -> Path:
    """Pages, texts, rejects, a skipped file and the WARC fixture under `folder`/corpus."""
    root = folder / "corpus"
    (root / "html").mkdir(parents=True)
    (root / "text").mkdir()
    for n in range(pages):
        (root / "html" / f"page{n:04d}.html").write_text(page(n), encoding="utf-8")
        if n % 4 == 0:
            text = "\n".join(sentence(n + k) for k in range(5))
            (root / "text" / f"text{n:04d}.txt").write_text(text, encoding="utf-8")
    (root / "html" / "short.html").write_text("<html><body><p>Kurz.</p></body></html>")
    (root / "text" / "empty.txt").write_bytes(b"")
    (root / "notes.csv").write_text("a,b\n")
    shutil.copy(FIXTURES / "warc" / "news.warc.gz", root / "news.warc.gz")
    return root


def run_cli(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    """`cleaner ...` in a fresh interpreter, as a user would run it."""
    command = [sys.executable, "-c", "from cleaner.cli import main; main()", *args]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300)
    if check and done.returncode != 0:
        raise AssertionError(f"exit {done.returncode}: {done.stderr}")
    return done
