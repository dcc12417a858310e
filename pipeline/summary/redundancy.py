"""Redundancy control: Maximal Marginal Relevance selection with a near-duplicate veto.

Sentences are taken greedily by ``diversity * relevance - (1 - diversity) * redundancy``,
where relevance is the ranking score scaled to [0, 1] and redundancy the highest cosine
similarity (TF-IDF, in [0, 1]) to a sentence already chosen. Two sentences are never both
chosen when they are near-duplicates: cosine at least ``duplicate_cosine``, or one's
normalised word sequence contained in the other's (rolled-over captions, repeated phrases).
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
) -> list[int]:
    """Indices of the chosen sentences, in the order they were chosen.

    ``scores``: per-sentence ranking score (higher is better; 0 means not a candidate).
    ``vectors``: L2-normalised rows for cosine similarity. Only the ``pool_size`` best
    candidates are considered (the rest could not win against them anyway unless all of
    those are duplicates, in which case the pool is widened). A sentence longer than the
    remaining word budget is skipped, and the next one tried.
    """
    candidates = [i for i in np.lexsort((np.arange(len(scores)), -scores)) if scores[i] > 0]
    chosen: list[int] = []
    if not candidates or k <= 0:
        return chosen
    top = float(scores[candidates[0]])
    budget = max_words
    start = 0
    while len(chosen) < k and start < len(candidates):
        pool = np.array(candidates[start : start + pool_size] if not chosen else [*chosen, *candidates[start : start + pool_size]])
        start += pool_size
        pool_vectors = vectors[pool]
        sim = np.asarray((pool_vectors @ pool_vectors.T).todense())
        position = {int(i): p for p, i in enumerate(pool)}
        relevance = scores[pool] / top
        open_ = [int(i) for i in pool if int(i) not in chosen]
        while len(chosen) < k and open_:
            best, best_value = -1, -np.inf
            chosen_pos = [position[c] for c in chosen]
            for i in open_:
                p = position[i]
                redundancy = float(sim[p, chosen_pos].max()) if chosen_pos else 0.0
                value = diversity * relevance[p] - (1.0 - diversity) * redundancy
                if value > best_value:  # strict: the earlier (better-ranked) one wins ties
                    best, best_value = i, value
            open_.remove(best)
            p = position[best]
            if chosen and float(sim[p, [position[c] for c in chosen]].max()) >= duplicate_cosine:
                continue
            if _contained(texts[best], [texts[c] for c in chosen]):
                continue
            if budget is not None and word_counts[best] > budget:
                continue
            chosen.append(best)
            if budget is not None:
                budget -= word_counts[best]
                if budget <= 0:
                    return chosen
    return chosen


def _contained(text: str, others: Sequence[str]) -> bool:
    mine = normalised(text)
    for other in others:
        theirs = normalised(other)
        if mine in theirs or theirs in mine:
            return True
    return False
