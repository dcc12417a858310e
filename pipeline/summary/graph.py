"""TextRank on a sparse sentence graph: power iteration with a fixed cap and tolerance.

Everything is a scipy sparse matrix and NumPy vector operations, so one iteration costs
O(edges); with a pruned graph (each sentence keeps its strongest neighbours, see
:func:`pipeline.summary.similarity.cosine_graph`) a long transcript's graph has O(n) edges
and ranking stays near-linear in its length.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

#: PageRank damping (TextRank's paper and sumy use 0.85)
DAMPING = 0.85


def textrank(
    weights: sp.spmatrix,
    *,
    damping: float = DAMPING,
    tol: float = 1e-6,
    max_iter: int = 200,
) -> np.ndarray:
    """Stationary scores of a random walk on the weighted graph, as a probability vector.

    ``weights[i, j] >= 0`` is the edge weight from sentence i to j. Rows are normalised to sum
    to 1; a sentence with no edges (dangling) spreads its mass uniformly, so scores always sum
    to 1. Stops when the L1 change is below ``tol`` or after ``max_iter`` iterations.
    Higher is more central. An empty graph gives an empty vector.
    """
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    w = sp.csr_matrix(weights, dtype=np.float64)
    out_degree = np.asarray(w.sum(axis=1)).ravel()
    dangling = out_degree <= 0
    inv = np.zeros(n)
    inv[~dangling] = 1.0 / out_degree[~dangling]
    transition_t = (sp.diags(inv) @ w).T.tocsr()  # column-stochastic on non-dangling rows
    p = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        leaked = p[dangling].sum()
        nxt = (1.0 - damping) / n + damping * (transition_t @ p + leaked / n)
        nxt /= nxt.sum()
        delta = np.abs(nxt - p).sum()
        p = nxt
        if delta < tol:
            break
    return p


def sumy_textrank(weights: sp.spmatrix, *, max_iter: int = 10_000, dense_limit: int = 2500) -> np.ndarray:
    """sumy's ``TextRankSummarizer.power_method`` on sumy's matrix (higher is more central).

    sumy row-normalises with a ``1e-7`` guard, mixes in a ``(1 - d) / n`` teleport *without*
    redistributing the mass of empty rows, and iterates ``p <- M.T p`` until the L2 change is
    at most ``1e-4``. Up to ``dense_limit`` sentences the very same dense NumPy operations are
    run, so the scores are bit-for-bit sumy's (sumy breaks exact ties by float noise, and only
    identical arithmetic reproduces that). Beyond it the same arithmetic runs on the sparse
    matrix (no n x n array; equal to sumy up to float rounding). ``max_iter`` is a safety cap
    sumy does not have (it converges in a few dozen iterations).
    """
    from .sumy_compat import DAMPING as D, EPSILON, ZERO_DIVISION_PREVENTION

    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    p = np.array([1.0 / n] * n)
    if n <= dense_limit:
        dense = np.asarray(sp.csr_matrix(weights, dtype=np.float64).todense())
        dense /= dense.sum(axis=1)[:, np.newaxis] + ZERO_DIVISION_PREVENTION
        matrix_t = (np.full((n, n), (1.0 - D) / n) + D * dense).T
        for _ in range(max_iter):
            nxt = np.dot(matrix_t, p)
            delta = np.linalg.norm(np.subtract(nxt, p))
            p = nxt
            if not delta > EPSILON:
                break
        return p
    w = sp.csr_matrix(weights, dtype=np.float64)
    row_sums = np.asarray(w.sum(axis=1)).ravel()
    normalised_t = (sp.diags(1.0 / (row_sums + ZERO_DIVISION_PREVENTION)) @ w).T.tocsr()
    teleport = (1.0 - D) / n
    for _ in range(max_iter):
        nxt = teleport * p.sum() + D * (normalised_t @ p)
        delta = np.linalg.norm(nxt - p)
        p = nxt
        if not delta > EPSILON:
            break
    return p
