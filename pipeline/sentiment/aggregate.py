"""Document tone from sentence scores: a tiny calibrated logistic model.

Why not VADER on the whole text: its compound saturates on long texts (near +1 for almost
any talk) and on the Pang & Lee reviews it is right only about 64% of the time. Why not the
plain mean of sentence scores with VADER's 0.05 threshold: VADER reads most descriptive
prose as mildly positive (``plot`` summaries, "good" in "good guys"), so the mean is shifted
up and its best threshold is not 0.05.

The model (fitted by ``benchmarks/fit_sentiment.py`` on the development reviews, shipped as
``resources/sentiment/document_model.json``) is a logistic regression over a handful of
aggregate features of the sentence compounds (:func:`features`; the shipped model uses two):
standardised with the stored mean and scale, then ``z = intercept + coef . x``. The
document score is ``tanh(z / 2) = 2 * P(positive) - 1`` in [-1, 1] (higher is more
positive). The label is ``positive`` above ``+neutral_band``, ``negative`` below
``-neutral_band``, else ``neutral``. A document with fewer than ``min_opinion_sentences``
sentences, or fewer than ``min_opinion_share`` of its sentences, that carry any sentiment
(|compound| >= 0.05) is neutral with score 0, whatever the model says: no evidence, no tone.

Caveat: reviews are the only document-level tone labels at hand, so the boundary is the
reviews' (an opinion-weighted mean compound of about +0.09, VADER being positively skewed
on descriptive prose); a transcript whose positive and negative sentences exactly balance
leans negative. ``sentiment.neutral_band`` widens the neutral zone for such documents.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from ..paths import resource_path
from .lexicon import POSITIVE_THRESHOLD

MODEL_FILE = ("sentiment", "document_model.json")


def features(scores: Sequence[float]) -> dict[str, float]:
    """Aggregate features of sentence compounds (each in [-1, 1]); zeros for no sentences.

    Sentences weigh more the later they come: weights rise linearly from 0.5 at the first
    sentence to 1.5 at the last (reviews and talks tend to end on their verdict). "Opinion"
    sentences are those with |compound| >= 0.05.

    ``mean``: mean compound. ``late_mean``: position-weighted mean compound.
    ``opinion_late_mean``: position-weighted mean over opinion sentences only, so that it
    does not shrink with the share of neutral sentences (a talk has far more of those than a
    review: the model must not read "few opinions" as "negative").
    ``tail_mean``: mean over the last fifth of the sentences; ``opinion_tail_mean``: the same
    over its opinion sentences (0 when it has none).
    ``pos_share``/``neg_share``: shares of sentences at or beyond +/-0.05.
    """
    n = len(scores)
    if n == 0:
        return {name: 0.0 for name in FEATURE_NAMES}
    k = max(1, n // 5)
    weights = [0.5 + (i / (n - 1) if n > 1 else 0.5) for i in range(n)]
    opinion = [(w, s) for w, s in zip(weights, scores) if abs(s) >= POSITIVE_THRESHOLD]
    tail = scores[-k:]
    tail_opinion = [s for s in tail if abs(s) >= POSITIVE_THRESHOLD]
    return {
        "mean": math.fsum(scores) / n,
        "late_mean": math.fsum(w * s for w, s in zip(weights, scores)) / n,
        "opinion_late_mean": (math.fsum(w * s for w, s in opinion) / math.fsum(w for w, _ in opinion)) if opinion else 0.0,
        "tail_mean": math.fsum(tail) / len(tail),
        "opinion_tail_mean": math.fsum(tail_opinion) / len(tail_opinion) if tail_opinion else 0.0,
        "pos_share": sum(1 for s in scores if s >= POSITIVE_THRESHOLD) / n,
        "neg_share": sum(1 for s in scores if s <= -POSITIVE_THRESHOLD) / n,
    }


FEATURE_NAMES: tuple[str, ...] = (
    "mean", "late_mean", "opinion_late_mean", "tail_mean", "opinion_tail_mean", "pos_share", "neg_share",
)


@dataclass(frozen=True, slots=True)
class DocumentModel:
    """Coefficients of the document model (see module docstring)."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    neutral_band: float
    min_opinion_sentences: int
    min_opinion_share: float = 0.0

    def has_opinion(self, scores: Sequence[float]) -> bool:
        """Whether enough sentences carry sentiment (|compound| >= 0.05) to judge the tone."""
        opinion = sum(1 for s in scores if abs(s) >= POSITIVE_THRESHOLD)
        return opinion > 0 and opinion >= self.min_opinion_sentences and opinion >= self.min_opinion_share * len(scores)

    def score(self, scores: Sequence[float]) -> float:
        """Document score in [-1, 1]: ``2 * P(positive) - 1``; 0.0 when too little opinion."""
        if not self.has_opinion(scores):
            return 0.0
        values = features(scores)
        z = self.intercept + math.fsum(
            c * (values[name] - m) / s for name, m, s, c in zip(self.features, self.mean, self.scale, self.coef)
        )
        return math.tanh(z / 2.0)

    def label(self, score: float, neutral_band: float | None = None) -> str:
        """positive | neutral | negative for a document score (``neutral_band``: None for
        the model's own)."""
        band = self.neutral_band if neutral_band is None else neutral_band
        if score > band:
            return "positive"
        if score < -band:
            return "negative"
        return "neutral"


def model_from_dict(data: dict) -> DocumentModel:
    names = tuple(data["features"])
    unknown = [n for n in names if n not in FEATURE_NAMES]
    if unknown:
        raise ValueError(f"document model uses unknown features {unknown}")
    return DocumentModel(
        features=names,
        mean=tuple(float(v) for v in data["mean"]),
        scale=tuple(float(v) if float(v) > 0 else 1.0 for v in data["scale"]),
        coef=tuple(float(v) for v in data["coef"]),
        intercept=float(data["intercept"]),
        neutral_band=float(data["neutral_band"]),
        min_opinion_sentences=int(data["min_opinion_sentences"]),
        min_opinion_share=float(data.get("min_opinion_share", 0.0)),
    )


@lru_cache(maxsize=1)
def load_model() -> DocumentModel:
    """The shipped document model (read once per process)."""
    return model_from_dict(json.loads(resource_path(*MODEL_FILE).read_text(encoding="utf-8")))
