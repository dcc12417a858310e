"""Emotional tone of a transcript (DESIGN.md §4 ``sentiment``).

Sentences are scored with VADER after removing audience cues and discourse fillers
(:mod:`.lexicon`); the document label and score come from one rule over the sentence scores
that gives a single sentence its VADER compound and a long talk a review-fitted average
(:mod:`.aggregate`) with word evidence from the opinion sentences (:mod:`.words`); each
speaker's score is the same rule over that speaker's sentences;
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
from .words import WordModel, load_word_model

__all__ = ["SentimentAnalyzer", "SentenceScorer", "POSITIVE_THRESHOLD"]


class SentimentAnalyzer:
    """Tone of a :class:`Document`. Cheap to build; VADER and the document rule load on
    first use and are kept for the life of the object."""

    def __init__(self, config: SentimentConfig, rule: DocumentRule | None = None, words: WordModel | None = None) -> None:
        self.config = config
        self._scorer = SentenceScorer(RULES if config.discourse_fillers else NON_FILLER_RULES)
        self._rule = rule
        self._words = words

    @property
    def rule(self) -> DocumentRule:
        """The document rule (the shipped one unless given)."""
        if self._rule is None:
            self._rule = load_rule()
        return self._rule

    @property
    def words(self) -> WordModel:
        """The word model (the shipped one unless given)."""
        if self._words is None:
            self._words = load_word_model()
        return self._words

    def score_sentences(self, texts: Sequence[str]) -> list[float]:
        """Compound of each text in [-1, 1] (higher is more positive), after cleaning."""
        return self._scorer.score_many(texts)

    def document_score(self, scores: Sequence[float], texts: Sequence[str]) -> tuple[float, str]:
        """(score in [-1, 1], label) of a document from its sentence compounds and texts
        (same order; higher is more positive; the label uses ``sentiment.neutral_band`` when
        set). The word margin is only computed when it can count (two or more opinion
        sentences)."""
        margin = 0.0
        if sum(1 for s in scores if abs(s) >= POSITIVE_THRESHOLD) >= 2:
            margin = self.words.margin(texts, scores)
        score = self.rule.score(scores, margin)
        return score, self.rule.label(score, self.config.neutral_band)

    def __call__(self, document: Document) -> Sentiment:
        sentences = document.sentences
        scores = self.score_sentences([s.text for s in sentences])
        n = len(scores)
        if n == 0:
            return Sentiment(label="neutral", score=0.0, positive=0.0, neutral=1.0, negative=0.0)
        texts = [s.text for s in sentences]
        score, label = self.document_score(scores, texts)
        n_pos = sum(1 for s in scores if s >= POSITIVE_THRESHOLD)
        n_neg = sum(1 for s in scores if s <= -POSITIVE_THRESHOLD)
        for message in caveats(document, scores):
            warnings.warn(message, PipelineWarning)
        # each speaker's tone is the document rule over that speaker's sentences, in order:
        # with one speaker it is the document score, exactly
        by_speaker: dict[str, tuple[list[float], list[str]]] = {}
        for sentence, value in zip(sentences, scores):
            if sentence.speaker is not None:
                own = by_speaker.setdefault(sentence.speaker, ([], []))
                own[0].append(value)
                own[1].append(sentence.text)
        return Sentiment(
            label=label,
            score=score,
            positive=n_pos / n,
            neutral=(n - n_pos - n_neg) / n,
            negative=n_neg / n,
            timeline=timeline(sentences, scores, self.config.timeline_windows),
            by_speaker=tuple((name, self.document_score(*own)[0]) for name, own in sorted(by_speaker.items())),
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
