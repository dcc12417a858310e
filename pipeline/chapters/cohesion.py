"""Lexical cohesion between stretches of a transcript (C99-style similarity of blocks).

Sentences are grouped into blocks of about the same number of content words (not of
sentences: a meeting has many one-word turns, "Yeah.", a lecture long sentences), and each
block is a vector of TF-IDF-weighted content-word lemmas. The cosine similarity of every two
blocks forms the matrix in which a topic shows as a bright square on the diagonal: blocks
about the same thing share vocabulary. Everything is sparse linear algebra (one band-matrix
product sums the sentences of every block), so the cost grows with the number of blocks,
which the caller keeps bounded.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from ..types import Sentence

#: parts of speech whose lemmas carry the topic
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})


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


def band(rows_from: np.ndarray, rows_to: np.ndarray, n_cols: int) -> sparse.csr_matrix:
    """0/1 matrix whose row r has ones in columns ``[rows_from[r], rows_to[r])``."""
    lengths = np.maximum(rows_to - rows_from, 0)
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    starts = np.repeat(rows_from - indptr[:-1], lengths)
    cols = starts + np.arange(indptr[-1])
    return sparse.csr_matrix((np.ones(indptr[-1]), cols, indptr), shape=(len(rows_from), n_cols))


def block_similarity(matrix: sparse.csr_matrix, starts: np.ndarray) -> np.ndarray:
    """Cosine similarity (in [0, 1], higher is more alike) between every two blocks of
    sentences; block ``b`` holds sentences ``starts[b]`` up to the next block's start."""
    n = matrix.shape[0]
    ends = np.append(starts[1:], n)
    blocks = band(starts, ends, n) @ matrix
    norms = np.sqrt(np.asarray(blocks.multiply(blocks).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    unit = sparse.diags(1.0 / norms) @ blocks
    return np.asarray((unit @ unit.T).todense())
