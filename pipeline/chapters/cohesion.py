"""Lexical cohesion between neighbouring stretches of a transcript (TextTiling-style).

For every gap between two sentences we compare the content words of the stretch before it
with those of the stretch after it: cosine similarity of TF-IDF-weighted lemma counts. Where
the topic changes the two stretches share few words, so the similarity dips; the *depth* of
a dip (how far it lies below the highest similarity on either side) is the evidence for a
boundary.

Windows are measured in content words, not sentences, because a meeting has many one-word
turns ("Yeah.") and a lecture long sentences; a window of sentences would mean very
different amounts of text in the two. Everything is vectorised: the window sums are one
sparse matrix product each, the running maxima one strided view each, so time and memory grow
linearly with the transcript.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from numpy.lib.stride_tricks import sliding_window_view
from scipy.ndimage import uniform_filter1d

from ..types import Sentence

#: parts of speech whose lemmas carry the topic
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})


@dataclass(frozen=True, slots=True)
class Curve:
    """Per-gap cohesion values; gap ``g`` (1 <= g < n) lies before sentence ``g``.

    ``similarity``: cosine in [0, 1] (higher: the two sides share more vocabulary).
    ``depth``: how far the similarity dips below its neighbourhood's peaks (>= 0; higher is
    stronger evidence for a topic change). Index 0 is unused (0.0).
    """

    similarity: np.ndarray
    depth: np.ndarray


def content_lemmas(sentence: Sentence, skip: frozenset[str]) -> list[str]:
    """Lower-case lemmas of the sentence's content words (no stop words, fillers, numbers)."""
    out = []
    for t in sentence.tokens:
        if t.is_stop or t.is_punct or t.like_num or t.pos not in _CONTENT_POS:
            continue
        lemma = (t.lemma or t.text).lower()
        if len(lemma) < 3 or not lemma.isalpha() or lemma in skip or t.text.lower() in skip:
            continue
        out.append(lemma)
    return out


def term_matrix(lemmas: list[list[str]]) -> sparse.csr_matrix:
    """Sentences x vocabulary, sublinear TF times IDF (IDF over sentences, smoothed).

    The vocabulary is numbered in order of first occurrence, so the matrix is the same for
    the same input whatever the hash seed."""
    vocabulary: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    for words in lemmas:
        for w in words:
            indices.append(vocabulary.setdefault(w, len(vocabulary)))
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float64)
    counts = sparse.csr_matrix((data, np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)), shape=(len(lemmas), max(1, len(vocabulary))))
    counts.sum_duplicates()
    n = max(1, counts.shape[0])
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    counts.data = 1.0 + np.log(counts.data)
    return (counts @ sparse.diags(idf)).tocsr()


def window_bounds(weights: np.ndarray, window: float) -> tuple[np.ndarray, np.ndarray]:
    """For each gap g in 1..n-1: the first sentence of the left window (holding at least
    ``window`` words ending at g) and the end (exclusive) of the right window starting at g."""
    cum = np.concatenate(([0.0], np.cumsum(weights)))  # cum[i] = words before sentence i
    gaps = np.arange(1, len(weights))
    left = np.searchsorted(cum, cum[gaps] - window, side="right") - 1
    right = np.searchsorted(cum, cum[gaps] + window, side="left")
    return np.clip(left, 0, None), np.clip(right, None, len(weights))


def band(rows_from: np.ndarray, rows_to: np.ndarray, n_cols: int) -> sparse.csr_matrix:
    """0/1 matrix whose row r has ones in columns ``[rows_from[r], rows_to[r])``."""
    lengths = np.maximum(rows_to - rows_from, 0)
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    starts = np.repeat(rows_from - indptr[:-1], lengths)
    cols = starts + np.arange(indptr[-1])
    return sparse.csr_matrix((np.ones(indptr[-1]), cols, indptr), shape=(len(rows_from), n_cols))


def cohesion_curve(matrix: sparse.csr_matrix, weights: np.ndarray, window: float, reach: int) -> Curve:
    """Similarity of the ``window``-word stretches either side of each gap, smoothed, and
    the depth of each gap below the highest similarity within ``reach`` gaps on each side."""
    n = matrix.shape[0]
    if n < 2:
        return Curve(np.zeros(max(n, 1)), np.zeros(max(n, 1)))
    left_from, right_to = window_bounds(weights, window)
    gaps = np.arange(1, n)
    left = band(left_from, gaps, n) @ matrix
    right = band(gaps, right_to, n) @ matrix
    dot = np.asarray(left.multiply(right).sum(axis=1)).ravel()
    norms = np.sqrt(np.asarray(left.multiply(left).sum(axis=1)).ravel() * np.asarray(right.multiply(right).sum(axis=1)).ravel())
    similarity = np.divide(dot, norms, out=np.zeros_like(dot), where=norms > 0)
    smooth = uniform_filter1d(similarity, size=3, mode="nearest")
    reach = max(1, reach)
    # the highest value within ``reach`` gaps on the left (right) of each gap, itself included
    windows = sliding_window_view(np.concatenate((np.full(reach, smooth[0]), smooth, np.full(reach, smooth[-1]))), reach + 1)
    left_peak = windows[: len(smooth)].max(axis=1)
    right_peak = windows[reach:].max(axis=1)
    depth = (left_peak - smooth) + (right_peak - smooth)
    return Curve(np.concatenate(([0.0], similarity)), np.concatenate(([0.0], depth)))

