"""`cleaner explain FILE`: every input line shown as kept, cut or trimmed, with its reason."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.cli.explain import LineStatus, _with_decider, attribute, render
from cleaner.document import Document, Source
from tests.conftest import FIXTURES, SEEDS

SEED_FILES = sorted(SEEDS.glob("*.txt"))
ANSI = "\x1b["


def explain(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["explain", *args])
    return result.exit_code, result.output


def statuses(output: str) -> list[str]:
    return [line.split()[0] for line in output.splitlines() if not line.startswith(("--", " "))]


@pytest.mark.parametrize("seed", SEED_FILES, ids=lambda p: p.stem)
def test_seed_lines_kept_match_the_expected_text(seed: Path) -> None:
    code, output = explain("--no-color", str(seed))
    assert code == 0, output
    expected = json.loads((SEEDS / "expected" / f"{seed.stem}.json").read_text())["text"]
    shown = [s for s in statuses(output) if s in {"keep", "trim", "cut"}]
    assert shown.count("keep") + shown.count("trim") == len(expected.split("\n"))
    assert "kept as an article" in output
    assert ANSI not in output


def test_seed_004_shows_the_dateline_and_initials_trimmed() -> None:
    code, output = explain("--no-color", str(SEEDS / "004_a6927e8d2a57a50c.txt"))
    assert code == 0
    assert "trim  generic.date-header -> date took 'date 2021-04'" in output
    assert "generic.agency-dateline -> agency,dateline took 'PEKING (dpa-AFX) -'" in output
    assert "dpa.editor-initials took '/ngu/zb/mis'" in output
    assert "dateline='Peking'" in output and "agency='dpa-AFX'" in output


def test_seed_001_names_the_rule_for_each_cut() -> None:
    _, output = explain("--no-color", str(SEEDS / "001_6755c53f16471b82.txt"))
    # the read-time line is cut by whichever decider reaches it first (the model or the
    # generic reading-time rule, as the retrained model has it), and that one is named
    assert re.search(
        r"^cut   (anatomy\.boiler \(anatomy\.crf\)|generic\.reading-time) \| 1 Min\.$", output, re.M
    )
    assert "cut   faz.kicker-title -> kicker,title | Bezahldienste : Alibaba" in output
    assert "url='https://www.faz.net/-hbv-7vnd7'" in output
    assert "keep  body (anatomy.crf) | " in output


def test_line_roles_are_shown() -> None:
    _, output = explain("--no-color", str(FIXTURES / "text" / "de_regional_dump.txt"))
    assert "cut   anatomy.boiler (anatomy.crf) | Politik" in output
    assert "keep  body (anatomy.crf) | Die Verwaltung" in output


def test_colour_when_asked() -> None:
    _, output = explain("--color", str(SEEDS / "003_f042610608fd6644.txt"))
    assert ANSI in output


def test_missing_file_is_a_clear_error() -> None:
    code, output = explain("no/such/file.txt")
    assert code == 2
    assert "no/such/file.txt: no such file" in output


def test_a_rejected_text_is_still_explained(tmp_path: Path) -> None:
    page = tmp_path / "short.txt"
    page.write_text("Teilen\nNur ein kurzer Satz hier.\n", encoding="utf-8")
    code, output = explain("--no-color", str(page))
    assert code == 0
    assert "cut   anatomy.boiler (classifier) | Teilen" in output  # the model saw no body
    assert "rejected (too_short)" in output


def test_attribute_matches_lines_to_removals() -> None:
    doc = Document(source=Source(kind="text"), kind="text", raw="")
    doc.lines = ["Body one.", "Body two."]
    doc.remove("rule.a", "Menü")
    doc.remove("rule.b", "PARIS (AFP) -")
    doc.remove("rule.c", "Weitere Themen\nTeaser")
    before = ["Menü", "PARIS (AFP) - Body one.", "Body two.", "Weitere Themen", "Teaser", "???"]
    got = attribute(before, doc)
    assert got == [
        LineStatus("cut", "Menü", ("rule.a",)),
        LineStatus("trim", "PARIS (AFP) - Body one.", ("rule.b",), ("PARIS (AFP) -",)),
        LineStatus("keep", "Body two."),
        LineStatus("cut", "Weitere Themen", ("rule.c",)),
        LineStatus("cut", "Teaser", ("rule.c",)),
        LineStatus("cut", "???", ("normalised",)),
    ]


def test_a_line_taken_in_parts_by_two_rules_is_cut() -> None:
    doc = Document(source=Source(kind="text"), kind="text", raw="")
    doc.remove("generic.shortcode", "[/su_spoiler]")
    doc.remove("generic.caption-credit", "Quelle: Shutterstock.com")
    got = attribute(["Quelle: Shutterstock.com[/su_spoiler]"], doc)
    assert got[0].action == "cut"
    assert got[0].rules == ("generic.shortcode", "generic.caption-credit")


def test_a_role_changed_after_the_model_names_that_step(monkeypatch: pytest.MonkeyPatch) -> None:
    """The model calls 'Supported by' a byline; it names nobody, so it is furniture, and the
    record of the line says which step decided that."""
    from cleaner.anatomy import apply
    from cleaner.config import ClassifierSettings

    body = "Der Rat hat am Dienstag ein neues Netz von Radwegen beschlossen."
    roles = {"Supported by": "byline", body: "body"}
    monkeypatch.setattr(apply, "tag", lambda lines, hint=None: [roles[line] for line in lines])
    doc = Document(source=Source(kind="text"), kind="text", raw="", lines=["Supported by", body])
    apply.assign_roles(doc, ClassifierSettings())
    assert doc.line_roles == {"Supported by": "boiler (anatomy.honest)", body: "body (anatomy.crf)"}
    cut = _with_decider(LineStatus("cut", "Supported by", ("anatomy.boiler",)), "boiler (x.y)")
    assert "cut   anatomy.boiler (x.y) | Supported by" in render(cut)
