"""Word evidence for a long text's tone: a fitted weighting of words and word pairs.

VADER's lexicon knows how words feel in general; a long text also says how it feels with
words VADER does not weigh, or weighs the same everywhere ("worst", "mess", "boring" next
to "effective", "memorable", "perfectly"). This module reads those as a linear model:

* the *features* of a text are the distinct words (lower case, letters and apostrophes) and
  adjacent word pairs within each sentence that carries sentiment (VADER compound
  |c| >= 0.05), so neutral sentences add nothing and the order of the sentences does not
  matter (a set, no pair crosses a sentence boundary);
* its *margin* is ``intercept + sum of the weights of its features`` (log-odds units, > 0
  leaning positive); a feature without a weight counts 0.

The weights are an L2 logistic regression over feature presence, fitted by
``benchmarks/fit_sentiment.py`` on the 800 fit film reviews only, pruned to the largest
weights and shipped in ``resources/sentiment/word_weights.tsv``. They are domain-specific
(film reviews); :mod:`.aggregate` gives them weight only in proportion to the evidence, so a
sentence or a short clip keeps VADER's reading.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from ..paths import resource_path
from .lexicon import POSITIVE_THRESHOLD

WEIGHTS_FILE = ("sentiment", "word_weights.tsv")

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def tokens(text: str) -> list[str]:
    """Lower-case words of ``text`` (letters with an inner apostrophe: "don't", "film's")."""
    return _TOKEN.findall(text.lower().translate(_APOSTROPHES))


def features(texts: Iterable[str], scores: Iterable[float]) -> list[str]:
    """Sorted distinct words and within-sentence word pairs ("not good") of the texts whose
    compound (``scores``, same order) carries sentiment."""
    out: set[str] = set()
    for text, score in zip(texts, scores):
        if abs(score) < POSITIVE_THRESHOLD:
            continue
        words = tokens(text)
        out.update(words)
        out.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return sorted(out)


@dataclass(frozen=True)
class WordModel:
    """``intercept`` and per-feature ``weights`` in log-odds (positive = leaning positive)."""

    intercept: float = 0.0
    weights: Mapping[str, float] = field(default_factory=dict)

    def margin(self, texts: Sequence[str], scores: Sequence[float]) -> float:
        """Margin of the sentences ``texts`` with compounds ``scores``; the intercept alone
        when none carries sentiment or none of their features has a weight."""
        hits = [self.weights[f] for f in features(texts, scores) if f in self.weights]
        return self.intercept + math.fsum(hits)


def parse_weights(text: str) -> WordModel:
    """A model from the TSV format: ``feature<TAB>weight`` lines, the intercept on a line
    ``#intercept<TAB>value``; other ``#`` lines are comments."""
    intercept, weights = 0.0, {}
    for line in text.splitlines():
        if not line.strip():
            continue
        key, _, value = line.rpartition("\t")
        if key == "#intercept":
            intercept = float(value)
        elif not line.startswith("#"):
            weights[key] = float(value)
    return WordModel(intercept, weights)


@lru_cache(maxsize=1)
def load_word_model() -> WordModel:
    """The shipped word model (read once per process). Like the other shipped models, a missing
    file is an error, not a silent change of every long text's tone."""
    return parse_weights(resource_path(*WEIGHTS_FILE).read_text(encoding="utf-8"))
