"""Emotional tone of a transcript (DESIGN.md §4 ``sentiment``).

Sentences are scored with VADER after removing audience cues and discourse fillers
(:mod:`.lexicon`); the document label and score come from one rule over the sentence scores
that gives a single sentence its VADER compound and a long talk a review-fitted average
(:mod:`.aggregate`); each speaker's score is the same rule over that speaker's sentences;
:mod:`.timeline` shows how the tone moves; :mod:`.caveats` warns where the label is
unreliable. All scores are in [-1, 1], higher is more positive.
"""

from __future__ import annotations

import warnings
from typing import Sequence

from ..config import SentimentConfig
from ..errors import PipelineWarning
from ..result import Moment, Sentiment
from ..types import Document
from .aggregate import DocumentRule, load_rule
from .caveats import caveats
from .lexicon import NON_FILLER_RULES, POSITIVE_THRESHOLD, RULES, SentenceScorer
from .timeline import timeline

__all__ = ["SentimentAnalyzer", "SentenceScorer", "POSITIVE_THRESHOLD"]


class SentimentAnalyzer:
    """Tone of a :class:`Document`. Cheap to build; VADER and the document rule load on
    first use and are kept for the life of the object."""

    def __init__(self, config: SentimentConfig, rule: DocumentRule | None = None) -> None:
        self.config = config
        self._scorer = SentenceScorer(RULES if config.discourse_fillers else NON_FILLER_RULES)
        self._rule = rule

    @property
    def rule(self) -> DocumentRule:
        """The document rule (the shipped one unless given)."""
        if self._rule is None:
            self._rule = load_rule()
        return self._rule

    def score_sentences(self, texts: Sequence[str]) -> list[float]:
        """Compound of each text in [-1, 1] (higher is more positive), after cleaning."""
        return self._scorer.score_many(texts)

    def document_score(self, scores: Sequence[float]) -> tuple[float, str]:
        """(score in [-1, 1], label) of a document from its sentence compounds in document
        order (higher is more positive; the label uses ``sentiment.neutral_band`` when set)."""
        score = self.rule.score(scores)
        return score, self.rule.label(score, self.config.neutral_band)

    def __call__(self, document: Document) -> Sentiment:
        sentences = document.sentences
        scores = self.score_sentences([s.text for s in sentences])
        n = len(scores)
        if n == 0:
            return Sentiment(label="neutral", score=0.0, positive=0.0, neutral=1.0, negative=0.0)
        score, label = self.document_score(scores)
        n_pos = sum(1 for s in scores if s >= POSITIVE_THRESHOLD)
        n_neg = sum(1 for s in scores if s <= -POSITIVE_THRESHOLD)
        for message in caveats(document, scores):
            warnings.warn(message, PipelineWarning)
        # each speaker's tone is the document rule over that speaker's sentences, in order:
        # with one speaker it is the document score, exactly
        by_speaker: dict[str, list[float]] = {}
        for sentence, value in zip(sentences, scores):
            if sentence.speaker is not None:
                by_speaker.setdefault(sentence.speaker, []).append(value)
        return Sentiment(
            label=label,
            score=score,
            positive=n_pos / n,
            neutral=(n - n_pos - n_neg) / n,
            negative=n_neg / n,
            timeline=timeline(sentences, scores, self.config.timeline_windows),
            by_speaker=tuple((name, self.rule.score(v)) for name, v in sorted(by_speaker.items())),
            most_positive=self._moment(document, scores, positive=True),
            most_negative=self._moment(document, scores, positive=False),
        )

    @staticmethod
    def _moment(document: Document, scores: Sequence[float], *, positive: bool) -> Moment | None:
        sign = 1.0 if positive else -1.0
        candidates = [i for i, s in enumerate(scores) if sign * s >= POSITIVE_THRESHOLD]
        if not candidates:
            return None
        best = min(candidates, key=lambda i: (-sign * scores[i], i))  # strongest, then earliest
        sentence = document.sentences[best]
        return Moment(sentence=sentence.index, start=sentence.start, text=sentence.text, score=scores[best])
