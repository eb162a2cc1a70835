"""The lazy profile table gives langdetect exactly the numbers of its own loader."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from langdetect import detector_factory
from langdetect.detector import Detector
from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

from cleaner.metadata.langdetector import ArrayDetector
from cleaner.metadata.langprofiles import LazyRows, _is_profile, _read, install_lazy_profiles
from cleaner.metadata.language import SAMPLE_CHARS, detect_language

TEXTS = [
    "Die Stadt baut eine neue Brücke über den Fluss, die im Sommer fertig sein soll.",
    "The council will build a new bridge over the river, to be finished in summer.",
    "La ville construit un nouveau pont sur le fleuve, qui sera terminé cet été.",
    "Город строит новый мост через реку, его закончат летом.",
]


def _eager() -> DetectorFactory:
    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    return factory


def _lazy_rows() -> LazyRows:
    names = os.listdir(PROFILES_DIRECTORY)
    found = [n for n in names if _is_profile(PROFILES_DIRECTORY, n)]
    return LazyRows([_read(PROFILES_DIRECTORY, n) for n in found], len(names))


def test_every_row_and_membership_is_langdetects_own() -> None:
    eager, lazy = _eager().word_lang_prob_map, _lazy_rows()
    assert all(lazy[word] == row for word, row in eager.items())
    assert all(word in lazy for word in eager) and len(lazy.vocabulary) == len(eager)
    assert "qqqq" not in lazy


def test_detection_matches_langdetects_loader() -> None:
    eager = _eager()
    for text in TEXTS:
        DetectorFactory.seed = 0
        detector = eager.create()
        detector.append(text)
        best = detector.get_probabilities()[0]
        assert detect_language(text, 0) == (best.lang, round(best.prob, 4))


def test_filling_gives_langdetects_whole_table() -> None:
    eager, lazy = _eager().word_lang_prob_map, _lazy_rows()
    lazy["der"]  # a row built on demand first: filling must leave it as it is
    lazy.fill()
    assert dict(lazy) == eager


def _repository_texts() -> list[str]:
    """Article texts of many languages and lengths: the seeds and the text fixtures."""
    root = Path(__file__).resolve().parent.parent
    files = sorted(root.glob("seeds/*.txt")) + sorted(root.glob("fixtures/text/**/*.txt"))
    return TEXTS + [file.read_text(encoding="utf-8")[:SAMPLE_CHARS] for file in files]


@pytest.mark.parametrize("seed", [0, 7])
def test_array_detector_gives_langdetects_probabilities_bit_for_bit(seed: int) -> None:
    install_lazy_profiles()
    texts = _repository_texts()
    assert len(texts) > 20
    for text in texts:
        ours, theirs = ArrayDetector(detector_factory._factory), Detector(detector_factory._factory)
        for detector in (ours, theirs):
            detector.seed = seed
            detector.append(text)
        assert ours._extract_ngrams() == theirs._extract_ngrams()
        assert _guesses(ours) == _guesses(theirs)
        assert ours.langprob == theirs.langprob


def _guesses(detector: Detector) -> list[tuple[str, float]]:
    return [(guess.lang, guess.prob) for guess in detector.get_probabilities()]
