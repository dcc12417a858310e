"""The extractive summary stage: transcript-aware, redundancy-controlled TextRank.

    terms -> similarity graph -> TextRank centrality -> x candidate prior -> MMR selection
    -> length control -> items in document order

One module per job: :mod:`.similarity` (terms, TF-IDF cosine graph), :mod:`.sumy_compat`
(sumy's exact TextRank weights), :mod:`.graph` (power iteration), :mod:`.candidates`
(transcript-aware prior), :mod:`.redundancy` (MMR), :mod:`.length` (how many sentences).
"""

from __future__ import annotations

import warnings

import numpy as np

from ..config import SummaryConfig
from ..errors import PipelineWarning
from ..result import SummaryItem
from ..types import Document
from .candidates import candidate_prior
from .graph import sumy_textrank, textrank
from .length import target_count, truncate_words
from .redundancy import mmr_select
from .similarity import content_terms, cosine_graph, tfidf_matrix
from .sumy_compat import sumy_terms, sumy_weights

#: above this many sentences each sentence keeps only its strongest neighbours in the graph
#: (measured: the full graph's cost grows quadratically past this size)
DENSE_LIMIT = 1500
#: neighbours kept per sentence in a pruned graph
TOP_NEIGHBOURS = 30
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
        ``similarity="sumy"`` this is exactly sumy's TextRank rating). Nothing is cached."""
        return self._rank(document)[0]

    def __call__(self, document: Document) -> tuple[SummaryItem, ...]:
        sentences = document.sentences
        if not sentences:
            return ()
        scores, terms = self._rank(document)
        if not scores.any():
            warnings.warn("summary: no sentence has content words; the summary is the first sentence", PipelineWarning)
            scores = np.zeros(len(sentences))
            scores[0] = 1.0
        config = self.config
        word_counts = [max(1, s.n_words) for s in sentences]
        k = target_count(config, len(sentences), document.n_words)
        vectors = tfidf_matrix(terms)
        chosen = mmr_select(
            scores,
            vectors,
            [s.text for s in sentences],
            word_counts,
            k=k,
            max_words=config.max_words,
            diversity=config.diversity,
            duplicate_cosine=config.duplicate_cosine,
            pool_size=max(POOL_SIZE, 4 * k),
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

    def _rank(self, document: Document) -> tuple[np.ndarray, list[list[str]]]:
        """Ranking scores and each sentence's content terms (for redundancy control)."""
        sentences = document.sentences
        terms = [content_terms(s) for s in sentences]
        if not sentences:
            return np.zeros(0), terms
        if self.config.similarity == "sumy":
            centrality = sumy_textrank(sumy_weights([sumy_terms(s) for s in sentences]))
        else:
            x = tfidf_matrix(terms)
            top_k = TOP_NEIGHBOURS if len(sentences) > DENSE_LIMIT else None
            centrality = textrank(cosine_graph(x, top_k=top_k))
        if not self.config.filter_candidates:
            return centrality, terms
        prior = candidate_prior(sentences, [len(t) for t in terms])
        return centrality * prior, terms


__all__ = ["Summarizer"]
