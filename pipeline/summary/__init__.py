"""The extractive summary stage: transcript-aware, redundancy-controlled TextRank.

    terms -> similarity graph -> TextRank centrality -> x candidate prior -> MMR selection
    -> length control -> items in document order

One module per job: :mod:`.similarity` (terms, TF-IDF cosine graph), :mod:`.sumy_compat`
(sumy's exact TextRank weights), :mod:`.graph` (power iteration), :mod:`.candidates`
(transcript-aware prior), :mod:`.redundancy` (MMR), :mod:`.length` (how many sentences).
"""

from __future__ import annotations

import warnings
from typing import NamedTuple

import numpy as np
import scipy.sparse as sp

from ..config import SummaryConfig
from ..errors import PipelineWarning
from ..result import SummaryItem
from ..types import Document
from .candidates import CandidatePolicy, candidate_prior
from .graph import sumy_textrank, textrank
from .length import target_count, truncate_words
from .redundancy import mmr_select
from .similarity import cosine_graph, sentence_terms, tfidf_matrix
from .sumy_compat import sumy_terms, sumy_weights

#: a sentence with more neighbours than this keeps only its strongest ones, which bounds the
#: graph at O(n) edges (measured: the full graph of a 2-hour meeting has ~50 per sentence)
TOP_NEIGHBOURS = 50
#: MMR considers this many of the best-ranked candidates per round
POOL_SIZE = 200


class Summarizer:
    """Pick the most central, non-redundant, summary-worthy sentences of a document.

    ``__call__`` returns :class:`~pipeline.result.SummaryItem` values in document order;
    ``score`` is the sentence's ranking score divided by the best sentence's (in (0, 1],
    higher is more central).
    """

    def __init__(self, config: SummaryConfig) -> None:
        self.config = config

    def rank(self, document: Document) -> np.ndarray:
        """Per-sentence ranking scores (length ``len(document.sentences)``; higher is more
        central): TextRank stationary probability times the candidate prior (the prior is 1
        everywhere when ``summary.filter_candidates`` is false, so with
        ``similarity="sumy"`` this is exactly sumy's TextRank rating). Nothing is cached;
        a call costs a few milliseconds per thousand sentences."""
        return self._analyse(document).scores

    def __call__(self, document: Document) -> tuple[SummaryItem, ...]:
        sentences = document.sentences
        if not sentences:
            return ()
        config = self.config
        analysis = self._analyse(document)
        scores = analysis.scores
        if not any(analysis.term_counts):
            warnings.warn("summary: no sentence has content words; the summary may say little", PipelineWarning)
        elif config.filter_candidates and not analysis.candidates:
            warnings.warn("summary: no sentence looks like summary material (greetings, fillers, fragments); "
                          "the least bad ones are used", PipelineWarning)
        if not scores.any():
            scores = np.zeros(len(sentences))
            scores[0] = 1.0
        word_counts = [max(1, w) for w in analysis.word_counts]
        k = target_count(config, len(sentences), sum(analysis.word_counts))
        chosen = mmr_select(
            scores,
            analysis.vectors,
            [s.text for s in sentences],
            word_counts,
            k=k,
            max_words=config.max_words,
            diversity=config.diversity,
            duplicate_cosine=config.duplicate_cosine,
            pool_size=max(POOL_SIZE, 4 * k) if k < len(sentences) else POOL_SIZE,
        )
        top = float(scores.max())
        truncated = False
        if not chosen and config.max_words is not None:
            # Every candidate is longer than the budget: the best one, cut to the budget.
            best = int(np.lexsort((np.arange(len(scores)), -scores))[0])
            chosen, truncated = [best], True
            warnings.warn(
                f"summary: every candidate sentence is longer than summary.max_words={config.max_words}; "
                "the best one is cut to that many words",
                PipelineWarning,
            )
        items = []
        for i in sorted(chosen):
            s = sentences[i]
            text = truncate_words(s.text, config.max_words) if truncated and config.max_words else s.text
            items.append(
                SummaryItem(text=text, sentence=s.index, score=float(scores[i]) / top, start=s.start, end=s.end, speaker=s.speaker)
            )
        return tuple(items)

    # ---- internals ----------------------------------------------------------------------

    def _analyse(self, document: Document) -> _Analysis:
        sentences = document.sentences
        memo: dict[str, str] = {}
        features = [sentence_terms(s, memo) for s in sentences]
        terms = [f.terms for f in features]
        word_counts = [f.n_words for f in features]
        vectors = tfidf_matrix(terms)
        term_counts = [len(t) for t in terms]
        if not sentences:
            return _Analysis(np.zeros(0), vectors, word_counts, term_counts, 0)
        if self.config.similarity == "sumy":
            centrality = sumy_textrank(sumy_weights([sumy_terms(s) for s in sentences]))
        else:
            centrality = textrank(cosine_graph(vectors, top_k=TOP_NEIGHBOURS))
        n_candidates = len(sentences)
        if self.config.filter_candidates:
            prior = candidate_prior(sentences, word_counts, term_counts, [f.has_verb for f in features])
            n_candidates = int((prior >= CandidatePolicy().fallback_floor).sum())
            centrality = centrality * prior
        return _Analysis(centrality, vectors, word_counts, term_counts, n_candidates)


class _Analysis(NamedTuple):
    """What ranking computed: scores (higher is better), L2-normalised TF-IDF rows of the
    content terms (for redundancy control), each sentence's word and content-term counts,
    and how many sentences passed the candidate filter."""

    scores: np.ndarray
    vectors: sp.csr_matrix
    word_counts: list[int]
    term_counts: list[int]
    candidates: int


__all__ = ["Summarizer"]
