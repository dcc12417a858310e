"""Document tone from sentence scores: one rule for a sentence, a clip and a whole talk.

VADER scores a text by adding the valences of its words into a sum ``x`` and normalising,
``compound = x / sqrt(x^2 + 15)``. This module reads a document the same way, with the
sentences as the units, so that a single sentence keeps exactly its VADER compound:

1. Each *opinion* sentence (|compound| >= 0.05) gives back its valence sum ``x_i``
   (VADER's normalisation inverted). Sentences without sentiment are left out, so that a
   talk full of neutral sentences is not pulled towards either side (and adding one does
   not change the score).
2. ``k`` opinion sentences count as ``E = min(k, evidence_cap)`` sentences of evidence.
   Up to ``evidence_cap`` (10) sentences the document is VADER's own sum of its sentences;
   beyond it, the *mean* valence times ``E``, so a long talk does not saturate at +/-1 the
   way whole-text VADER does.
3. Two review-fitted corrections, applied in proportion to the evidence, ``ramp = ((E - 1)
   / (evidence_cap - 1))^2`` (0 for one opinion sentence, 0.05 for three, 0.2 for five, 1
   from ``evidence_cap`` on), so a clip of a few sentences is read almost as VADER reads it:

   * VADER reads descriptive prose as slightly positive, so a long text whose opinion
     sentences average a valence of ``baseline`` is balanced, not positive;
   * the word evidence of :mod:`.words`: the ``margin`` (log-odds) of a weighting of the
     words and word pairs of the opinion sentences fitted on film reviews, squashed to
     ``word_weight * tanh(margin / word_scale)``. The bound ``word_weight`` (0.5 valence
     units, the valence of one sentence of compound +/-0.13) is a design choice, not a fit:
     the words decide a document whose sentences VADER reads as balanced (as it reads most
     film reviews), but cannot overturn a clear VADER reading of a talk in another domain.
4. ``X = E * (mean valence + ramp * (word_weight * tanh(margin / word_scale) - baseline))``;
   the document score is ``X / sqrt(X^2 + 15)`` in [-1, 1] (higher is more positive),
   VADER's normalisation.
5. The label is VADER's convention at every length: ``positive`` at score >= +band,
   ``negative`` at <= -band, else ``neutral`` (band 0.05; ``sentiment.neutral_band``).

The order of the sentences does not enter: it shows in the timeline, never in the
document label. (Weighting the end of a document more, where film reviews put their
verdict, gains two to five points of accuracy on the reviews, but lets the last few
sentences outvote a clear majority: ``benchmarks/results/sentiment_fit.md``.) The word
margin is order-free too: it reads the set of words of the opinion sentences.

``baseline`` (and the word weights) are fitted by ``benchmarks/fit_sentiment.py`` on the
development film reviews (a fixed part is held back for validation) and shipped in
``resources/sentiment/document_model.json`` (and ``word_weights.tsv``).
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

#: VADER's normalisation constant (``compound = x / sqrt(x^2 + ALPHA)``)
ALPHA = 15.0


def valence(compound: float) -> float:
    """The valence sum behind a VADER compound (the inverse of its normalisation); a
    compound of +/-1 is clipped to +/-0.9999 (about +/-274), which would invert to infinity."""
    c = min(max(compound, -0.9999), 0.9999)
    return c * math.sqrt(ALPHA / (1.0 - c * c))


def normalise(total: float) -> float:
    """VADER's normalisation of a valence sum into [-1, 1]."""
    return total / math.sqrt(total * total + ALPHA)


def ramp_of(evidence: int, cap: int) -> float:
    """Share of the review-fitted parts applied at ``evidence`` opinion sentences, in [0, 1]."""
    return ((min(evidence, cap) - 1) / (cap - 1)) ** 2


@dataclass(frozen=True, slots=True)
class DocumentRule:
    """Parameters of the document rule (see the module docstring).

    ``evidence_cap``: opinion sentences counted as evidence at most (and the count from
    which the corrections apply in full). ``baseline``: mean valence of the opinion
    sentences of a balanced long document. ``word_weight``: the most the word evidence can
    add to or take from the mean valence (0: no word evidence); ``word_scale``: the word
    margin (log-odds) at which it reaches tanh(1) = 76% of that. ``neutral_band``: the label
    band on the score.
    """

    evidence_cap: int = 10
    baseline: float = 0.0
    neutral_band: float = POSITIVE_THRESHOLD
    word_weight: float = 0.0
    word_scale: float = 1.0

    def __post_init__(self) -> None:
        if self.evidence_cap < 2:
            raise ValueError("document rule: evidence_cap must be at least 2")
        if not self.word_scale > 0:
            raise ValueError("document rule: word_scale must be positive")

    def terms(self, scores: Sequence[float]) -> tuple[float, int, float]:
        """(mean valence of the opinion sentences, evidence E, ramp) for sentence compounds;
        (0.0, 0, 0.0) when no sentence carries sentiment."""
        opinion = [valence(s) for s in scores if abs(s) >= POSITIVE_THRESHOLD]
        if not opinion:
            return 0.0, 0, 0.0
        evidence = min(len(opinion), self.evidence_cap)
        return math.fsum(opinion) / len(opinion), evidence, ramp_of(evidence, self.evidence_cap)

    def score(self, scores: Sequence[float], margin: float = 0.0) -> float:
        """Document score in [-1, 1] from sentence compounds (any order gives the same
        score) and the word margin of their opinion sentences (:mod:`.words`, log-odds);
        0.0 when no sentence carries sentiment; one opinion sentence: its compound."""
        mean, evidence, ramp = self.terms(scores)
        if evidence == 0:
            return 0.0
        if evidence == 1:  # one opinion sentence: exactly its compound, no round trip
            return next(float(s) for s in scores if abs(s) >= POSITIVE_THRESHOLD)
        words = self.word_weight * math.tanh(margin / self.word_scale)
        return normalise(evidence * (mean + ramp * (words - self.baseline)))

    def label(self, score: float, neutral_band: float | None = None) -> str:
        """positive | neutral | negative for a document score (``neutral_band``: None for
        the rule's own, VADER's 0.05)."""
        band = self.neutral_band if neutral_band is None else neutral_band
        if score >= band and score > 0:
            return "positive"
        if score <= -band and score < 0:
            return "negative"
        return "neutral"


def rule_from_dict(data: dict) -> DocumentRule:
    """The rule stored in ``document_model.json`` (extra keys such as fit figures are ignored)."""
    return DocumentRule(
        evidence_cap=int(data["evidence_cap"]),
        baseline=float(data["baseline"]),
        neutral_band=float(data["neutral_band"]),
        word_weight=float(data.get("word_weight", 0.0)),
        word_scale=float(data.get("word_scale", 1.0)),
    )


@lru_cache(maxsize=1)
def load_rule() -> DocumentRule:
    """The shipped document rule (read once per process)."""
    return rule_from_dict(json.loads(resource_path(*MODEL_FILE).read_text(encoding="utf-8")))
