"""Points that lean on the sentence before, shown right after it.

In a short written text (a news article) many of the sentences worth keeping go on from
the one before: "He said the plan would …", "It was the first …", "However, …". Alone
they cannot be read; shown right after the sentence they lean on they read as the article
does. :func:`add_followers` swaps such a sentence in for the weakest point when the
sentence before it is already a point and it ranks higher than that weakest point. Long
recordings do not use this: their points are far apart and each must stand alone.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np
import scipy.sparse as sp


def add_followers(
    chosen: Sequence[int],
    scores: np.ndarray,
    leaning: np.ndarray,
    vectors: sp.csr_matrix,
    word_counts: Sequence[int],
    *,
    duplicate_cosine: float,
    max_words: int | None,
) -> list[int]:
    """``chosen`` (unit indices) with followers swapped in. ``scores``: the points' values
    (higher is better); ``leaning[j] > 0``: the value of unit ``j`` when it is shown right
    after unit ``j - 1`` (0: it cannot follow, or it stands alone anyway). A follower
    replaces the lowest-valued point that no follower leans on, if it is worth more, is not
    a near-duplicate of a point (cosine at least ``duplicate_cosine``) and fits the word
    budget. The count of points does not change; the result is in ascending order."""
    points = set(int(c) for c in chosen)
    if not points or not leaning.any():
        return sorted(points)
    followers: set[int] = set()
    tried: set[int] = set()
    while True:
        open_ = [j for j in np.flatnonzero(leaning).tolist() if j not in points and j not in tried and j - 1 in points]
        if not open_:
            break
        j = min(open_, key=lambda i: (-leaning[i], i))
        tried.add(j)
        anchors = {f - 1 for f in followers} | {j - 1}
        replaceable = [c for c in points if c not in anchors]
        if not replaceable:
            continue
        weakest = min(replaceable, key=lambda c: (leaning[c] if c in followers else scores[c], -c))
        if leaning[j] <= (leaning[weakest] if weakest in followers else scores[weakest]):
            continue
        rest = sorted(points - {weakest})
        if rest and (vectors[j] @ vectors[rest].T).max() >= duplicate_cosine:
            continue
        if max_words is not None and sum(word_counts[c] for c in rest) + word_counts[j] > max_words:
            continue
        points = set(rest) | {j}
        followers.discard(weakest)
        followers.add(j)
    return sorted(points)
