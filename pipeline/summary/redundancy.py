"""Redundancy control: Maximal Marginal Relevance selection with a near-duplicate veto.

Sentences are taken greedily by ``diversity * relevance - (1 - diversity) * redundancy``,
where relevance is the ranking score scaled to [0, 1] and redundancy the highest cosine
similarity (TF-IDF, in [0, 1]) to a sentence already chosen. Two sentences are never both
chosen when they are near-duplicates: cosine at least ``duplicate_cosine``, or one's
normalised word sequence contained in the other's (rolled-over captions, repeated phrases).

Coverage: when the recording is divided into stretches (chapters, or equal parts), a
sentence from a stretch that no chosen sentence comes from yet gets ``coverage`` added to
its value, so the points spread over the recording's parts instead of its first examples.
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np
import scipy.sparse as sp

_NON_WORD = re.compile(r"[^\w]+")


def normalised(text: str) -> str:
    """Lower-case words joined by single spaces, padded (for whole-word containment)."""
    return " " + _NON_WORD.sub(" ", text.lower()).strip() + " "


def mmr_select(
    scores: np.ndarray,
    vectors: sp.csr_matrix,
    texts: Sequence[str],
    word_counts: Sequence[int],
    *,
    k: int,
    max_words: int | None,
    diversity: float,
    duplicate_cosine: float,
    pool_size: int,
    stretches: np.ndarray | None = None,
    coverage: float = 0.0,
) -> list[int]:
    """Indices of the chosen sentences, in the order they were chosen.

    ``scores``: per-sentence ranking score (higher is better; 0 means not a candidate).
    ``vectors``: L2-normalised rows for cosine similarity. The ``pool_size`` best candidates
    are considered first; when they run out (duplicates, word budget) the next ones are.
    A sentence longer than the remaining word budget is skipped, and the next one tried.
    MMR ties go to the better-ranked sentence (then the earlier one).
    ``stretches``: each sentence's stretch number (see the module docstring), ``coverage``
    the bonus (in units of relevance, [0, 1]) for a sentence of a stretch not yet covered.
    """
    n = len(scores)
    order = np.lexsort((np.arange(n), -scores))
    candidates = order[scores[order] > 0]
    chosen: list[int] = []
    if candidates.size == 0 or k <= 0:
        return chosen
    top = float(scores[candidates[0]])
    budget = max_words
    for start in range(0, candidates.size, pool_size):
        pool = candidates[start : start + pool_size]
        pool_vectors = vectors[pool]
        relevance = scores[pool] / top
        # highest similarity of each pool sentence to anything chosen so far
        if chosen:
            redundancy = np.asarray((pool_vectors @ vectors[chosen].T).max(axis=1).todense()).ravel()
        else:
            redundancy = np.zeros(pool.size)
        sim = pool_vectors @ pool_vectors.T
        open_ = np.ones(pool.size, dtype=bool)
        pool_stretch = stretches[pool] if stretches is not None else None
        while len(chosen) < k and open_.any():
            value = diversity * relevance - (1.0 - diversity) * redundancy
            if pool_stretch is not None and coverage:
                covered = np.isin(pool_stretch, stretches[chosen]) if chosen else np.zeros(pool.size, dtype=bool)
                value = value + coverage * ~covered
            value = np.where(open_, value, -np.inf)
            p = int(np.argmax(value))  # first maximum: the better-ranked sentence
            open_[p] = False
            best = int(pool[p])
            if redundancy[p] >= duplicate_cosine or _contained(texts[best], [texts[c] for c in chosen]):
                continue
            if budget is not None and word_counts[best] > budget:
                continue
            chosen.append(best)
            redundancy = np.maximum(redundancy, sim[p].toarray().ravel())
            if budget is not None:
                budget -= word_counts[best]
                if budget <= 0:
                    return chosen
        if len(chosen) >= k:
            break
    return chosen


def _contained(text: str, others: Sequence[str]) -> bool:
    mine = normalised(text)
    for other in others:
        theirs = normalised(other)
        if mine in theirs or theirs in mine:
            return True
    return False
