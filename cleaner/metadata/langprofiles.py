"""langdetect's language profiles, loaded lazily: the same numbers, built per n-gram on demand.

langdetect's own loader turns its 55 profiles into one table of every n-gram (88,000 rows of
55 probabilities) before the first guess: 0.3 s of every process's first document, which is
most of `cleaner clean one.html`. A text of 300 characters looks up a few hundred n-grams, so
here each row is computed the first time it is asked for, by langdetect's own arithmetic, and
kept. The detector reads the table through `in` and `[]` only; both are served here.
"""

from __future__ import annotations

import json
import os
from typing import Any


class LazyRows(dict[str, list[float]]):
    """n-gram -> probability per language, computed on first look-up as langdetect's
    `DetectorFactory.add_profile` would (rows of `size` values, zero for languages that
    lack the n-gram, zero everywhere for n-grams longer than 3)."""

    def __init__(self, profiles: list[dict[str, Any]], size: int) -> None:
        super().__init__()
        self.freqs = [profile["freq"] for profile in profiles]
        self.totals = [profile["n_words"] for profile in profiles]
        self.size = size
        self.vocabulary: set[str] = set().union(*self.freqs)

    def __contains__(self, word: object) -> bool:
        return word in self.vocabulary

    def __missing__(self, word: str) -> list[float]:
        if word not in self.vocabulary:
            raise KeyError(word)
        row = [0.0] * self.size
        length = len(word)
        if 1 <= length <= 3:
            for index, (freq, totals) in enumerate(zip(self.freqs, self.totals, strict=True)):
                if word in freq:
                    row[index] = 1.0 * freq[word] / totals[length - 1]
        self[word] = row
        return row

    def fill(self) -> None:
        """Every row, profile by profile as langdetect's loader goes (0.25 s; row by row
        through `__missing__` would take 1.6 s). A row built already gets the same values."""
        for index, (freq, totals) in enumerate(zip(self.freqs, self.totals, strict=True)):
            for word, count in freq.items():
                row = dict.get(self, word)
                if row is None:
                    row = self[word] = [0.0] * self.size
                if 1 <= len(word) <= 3:
                    row[index] = 1.0 * count / totals[len(word) - 1]


def fill_profiles() -> None:
    """Every row now: for a worker pool's fork server, whose workers then share the table
    instead of each building the rows it meets, again after every recycling."""
    from langdetect import detector_factory

    install_lazy_profiles()
    detector_factory._factory.word_lang_prob_map.fill()


def install_lazy_profiles() -> None:
    """Give langdetect its factory with the lazy table, once per process (its detect_langs
    then skips its own loader). The languages keep langdetect's order (its folder listing)."""
    from langdetect import detector_factory

    if detector_factory._factory is not None:
        return
    folder = detector_factory.PROFILES_DIRECTORY
    names = os.listdir(folder)  # langdetect sizes its rows by the whole listing
    profiles = [_read(folder, name) for name in names if _is_profile(folder, name)]
    factory = detector_factory.DetectorFactory()
    factory.langlist = [profile["name"] for profile in profiles]
    factory.word_lang_prob_map = LazyRows(profiles, len(names))
    detector_factory._factory = factory


def _is_profile(folder: str, name: str) -> bool:
    return not name.startswith(".") and os.path.isfile(os.path.join(folder, name))


def _read(folder: str, name: str) -> dict[str, Any]:
    with open(os.path.join(folder, name), encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data
