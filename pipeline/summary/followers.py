"""Points that lean on an earlier point, shown after it.

In a short written text (a news article) many of the sentences worth keeping go on from
what was said before: "He said the plan would …", "It was the first …", "However, …".
Alone they cannot be read; shown after a point that names what they lean on, they read as
the article does. :func:`add_followers` swaps such a sentence in for the weakest point when
an earlier point can carry it -- the nearest earlier point for "It …" or "However, …"
(in a short article it is about the same subject), the nearest earlier point that names
someone for "He …", "Her …" -- and it ranks higher than the weakest point. Long recordings do not use this: their points are far apart and each
must stand alone.
"""

from __future__ import annotations

from bisect import bisect_left
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
    personal: np.ndarray | None = None,
    names: np.ndarray | None = None,
) -> list[int]:
    """``chosen`` (unit indices) with followers swapped in. ``scores``: the points' values
    (higher is better); ``leaning[j] > 0``: the value of unit ``j`` when it is shown after
    a point it can lean on (0: it cannot, or it stands alone anyway). ``personal[j]``: unit
    ``j`` opens with a personal pronoun ("He", "Her") and leans on the nearest earlier point
    that ``names`` someone (``names[c]``: unit ``c`` holds a proper name); any other
    follower leans on the nearest earlier point. A follower replaces the
    lowest-valued point that no follower leans on, if it is worth more, is not a
    near-duplicate of a point (cosine at least ``duplicate_cosine``) and fits the word
    budget. The number of points does not change; the result is in ascending order."""
    points = set(int(c) for c in chosen)
    if not points or not leaning.any():
        return sorted(points)
    followers: dict[int, int] = {}  # follower -> the point it leans on
    tried: set[int] = set()
    candidates = np.flatnonzero(leaning).tolist()

    def anchor(j: int) -> int | None:
        ordered = sorted(points)
        earlier = ordered[: bisect_left(ordered, j)]
        if personal is None or names is None or not personal[j]:
            return earlier[-1] if earlier else None
        for c in reversed(earlier):
            if names[c]:
                return c
        return None

    def value(c: int) -> float:
        return float(leaning[c] if c in followers else scores[c])

    while True:
        open_ = [j for j in candidates if j not in points and j not in tried and anchor(j) is not None]
        if not open_:
            break
        j = min(open_, key=lambda i: (-leaning[i], i))
        tried.add(j)
        held = set(followers.values()) | {anchor(j)}
        replaceable = [c for c in points if c not in held]
        if not replaceable:
            continue
        weakest = min(replaceable, key=lambda c: (value(c), -c))
        if leaning[j] <= value(weakest):
            continue
        rest = sorted(points - {weakest})
        if rest and (vectors[j] @ vectors[rest].T).max() >= duplicate_cosine:
            continue
        if max_words is not None and sum(word_counts[c] for c in rest) + word_counts[j] > max_words:
            continue
        followers[j] = int(anchor(j))  # type: ignore[arg-type]
        points = set(rest) | {j}
        followers.pop(weakest, None)
    return sorted(points)
