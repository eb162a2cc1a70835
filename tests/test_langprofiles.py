"""The lazy profile table gives langdetect exactly the numbers of its own loader."""

from __future__ import annotations

import os

from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

from cleaner.metadata.langprofiles import LazyRows, _is_profile, _read
from cleaner.metadata.language import detect_language

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
