"""Sentence terms and sentence-to-sentence similarity (the TextRank graph's edges).

Default: TF-IDF cosine over content-word lemmas (spaCy's lemmas, stop words, numbers,
punctuation and spoken discourse words such as "yeah", "okay", "gonna" left out), with IDF
computed over the transcript's own sentences. Cosine is in [0, 1], higher is more similar.
Chosen on the dev sets over sumy's overlap / log-length weights and over BM25-weighted
cosine (k1 1.2, b 0.75): ROUGE-1 QMSum 24.8 / BBC 80.5 for TF-IDF, 24.9 / 78.2 for BM25,
23.9 / 74.0 for sumy's weights (all with the same candidates, MMR and length rules).

Long transcripts: the similarity matrix is computed in blocks of rows and each row keeps
only its ``top_k`` strongest neighbours, so memory and ranking time stay near-linear. Above
``WINDOW_ABOVE`` sentences (about nine hours of speech) a sentence is compared only with the
``WINDOW`` sentences on either side of it, so the cost is linear even when every sentence
shares words with every other (thousands of look-alike lines); below it, every pair is
compared, as before.
"""

from __future__ import annotations

from typing import NamedTuple, Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfTransformer

from ..types import Sentence

#: spoken discourse words and fillers that spaCy does not list as stop words; they carry no
#: topic, and transcripts are full of them
DISCOURSE_WORDS = frozenset(
    """
    yeah yes yep yup nope no okay ok oh ah uh um umm hmm mm mhm huh eh er erm ha haha wow hey hi
    hello bye alright right like just really actually basically literally gonna wanna gotta kinda
    sorta lot lots thing things stuff guy guys kind sort way bit okay-ay dunno ya yo
    """.split()
)

#: parts of speech that make a sentence a clause rather than a fragment
_CLAUSE_POS = frozenset({"VERB", "AUX"})
#: blocks of this many rows when multiplying the term matrix with its transpose
_BLOCK_ROWS = 2048
#: at most this many entries in one product of rows with the whole term matrix (~50 MB)
_MAX_PRODUCT_ENTRIES = 4_000_000
#: more sentences than this: each is compared only with its neighbours within WINDOW
#: positions (all pairs of 20,000 look-alike sentences cost 35 CPU-s, growing with n^2).
#: No development transcript comes near it (the longest QMSum meeting has 1,410 sentences).
WINDOW_ABOVE = 5000
#: sentences on either side compared with each one above WINDOW_ABOVE (WINDOW_ABOVE / 2, so
#: a sentence never has more candidates than in the largest all-pairs graph)
WINDOW = 2500


def content_terms(sentence: Sentence) -> list[str]:
    """Lower-cased lemmas of the sentence's content words (with repetitions, in order)."""
    return sentence_terms(sentence)[0]


class SentenceFeatures(NamedTuple):
    """Per-sentence token features: content terms, words (non-punctuation tokens, as
    ``Sentence.n_words``) and whether it has a verb or auxiliary (``True`` when untagged)."""

    terms: list[str]
    n_words: int
    has_verb: bool


def sentence_terms(sentence: Sentence, memo: dict[str, str] | None = None) -> SentenceFeatures:
    """The sentence's content terms (see :func:`content_terms`), word count and verb flag,
    in one pass over the tokens. ``memo`` caches lemma -> term ("" for no term) across the
    sentences of one document."""
    if not sentence.tokens:  # not tokenised (hand-built sentences): plain lower-cased words
        words = sentence.text.split()
        terms = [w for w in (w.strip(".,;:!?\"'()").lower() for w in words) if w.isalpha() and len(w) > 1 and w not in DISCOURSE_WORDS]
        return SentenceFeatures(terms, len(words), True)
    memo = {} if memo is None else memo
    terms = []
    n_words = 0
    has_verb = False
    for t in sentence.tokens:
        if t.is_punct or t.text.isspace():
            continue
        n_words += 1
        if not has_verb and t.pos in _CLAUSE_POS:
            has_verb = True
        if t.is_stop or t.like_num:
            continue
        lemma = t.lemma or t.text
        term = memo.get(lemma)
        if term is None:
            term = _term(lemma)
            memo[lemma] = term
        if term:
            terms.append(term)
    return SentenceFeatures(terms, n_words, has_verb)


def _term(lemma: str) -> str:
    """The content term of a lemma, or "" when it is not one."""
    term = lemma.lower()
    if len(term) < 2 or term in DISCOURSE_WORDS or not any(c.isalpha() for c in term):
        return ""
    return term


def tfidf_matrix(term_lists: Sequence[Sequence[str]], *, sublinear_tf: bool = True) -> sp.csr_matrix:
    """L2-normalised TF-IDF rows, one per sentence (an all-zero row for a sentence without
    terms); IDF is scikit-learn's smoothed ``log((1 + n) / (1 + df)) + 1`` over the
    document's sentences. Columns follow first appearance (deterministic)."""
    n = len(term_lists)
    vocabulary: dict[str, int] = {}
    indices: list[int] = []
    indptr = [0]
    for terms in term_lists:
        for t in terms:
            indices.append(vocabulary.setdefault(t, len(vocabulary)))
        indptr.append(len(indices))
    if not vocabulary:
        return sp.csr_matrix((n, 1))
    counts = sp.csr_matrix(
        (np.ones(len(indices)), np.asarray(indices, dtype=np.int64), np.asarray(indptr, dtype=np.int64)), shape=(n, len(vocabulary))
    )
    counts.sum_duplicates()
    weights = TfidfTransformer(sublinear_tf=sublinear_tf, norm="l2").fit_transform(counts)
    return sp.csr_matrix(weights, dtype=np.float64)


def cosine_graph(x: sp.csr_matrix, *, top_k: int | None = None, min_similarity: float = 0.0) -> sp.csr_matrix:
    """Symmetric cosine-similarity graph between the rows of ``x`` (L2-normalised), without
    self-loops. With ``top_k``, in a block of rows averaging more than ``top_k`` neighbours,
    a row with more keeps only its ``top_k`` strongest before symmetrising (element-wise
    maximum), so the graph has O(n * top_k) edges.
    Entries at or below ``min_similarity`` are dropped. With more than ``WINDOW_ABOVE`` rows,
    only pairs at most ``WINDOW`` rows apart are compared (time and memory linear in n)."""
    n = x.shape[0]
    window = WINDOW if n > WINDOW_ABOVE else None
    blocks = []
    # Rows per product, so that a product of rows that all share words (thousands of short
    # look-alike sentences) holds at most _MAX_PRODUCT_ENTRIES entries: a whole dense block
    # of 2,048 x 20,000 cosines and its copies once took 2.6 GB. Products are computed row
    # by row, so splitting a block changes no value.
    width = n if window is None else min(n, _BLOCK_ROWS + 2 * window)
    step = max(1, min(_BLOCK_ROWS, _MAX_PRODUCT_ENTRIES // max(1, width)))
    for lo in range(0, n, _BLOCK_ROWS):
        hi = min(n, lo + _BLOCK_ROWS)
        spans = [(a, min(hi, a + step)) for a in range(lo, hi, step)]
        if len(spans) == 1:
            parts = [_rows_product(x, lo, hi, window, min_similarity)]
            entries = parts[0].nnz
        else:  # count first, keep the block's pruning decision, then make each part again
            parts = []
            entries = sum(_rows_product(x, a, b, window, min_similarity).nnz for a, b in spans)
        # only a dense block needs pruning: a sparse one is already O(rows * top_k)
        prune = top_k is not None and entries > top_k * (hi - lo)
        for i, (a, b) in enumerate(spans):
            part = parts[i] if parts else _rows_product(x, a, b, window, min_similarity)
            blocks.append(_top_k_rows(part, top_k) if prune else part)
    sim = sp.vstack(blocks).tocsr() if blocks else sp.csr_matrix((n, n))
    if top_k is not None:
        sim = sim.maximum(sim.T).tocsr()
    return sim


def _rows_product(x: sp.csr_matrix, a: int, b: int, window: int | None, min_similarity: float) -> sp.csr_matrix:
    """Cosines of rows ``a:b`` with every row (``window`` None) or with the rows at most
    ``window`` positions away, as a ``(b - a) x n`` matrix without self-loops and weak edges."""
    if window is None:
        return _drop(sp.csr_matrix(x[a:b] @ x.T), a, min_similarity)
    n = x.shape[0]
    first, last = max(0, a - window), min(n, b + window)
    coo = sp.csr_matrix(x[a:b] @ x[first:last].T).tocoo()
    cols = coo.col + first
    keep = (coo.data > min_similarity) & (np.abs(cols - (coo.row + a)) <= window) & (cols != coo.row + a)
    return sp.csr_matrix((coo.data[keep], (coo.row[keep], cols[keep])), shape=(b - a, n))


def _drop(block: sp.csr_matrix, row_offset: int, min_similarity: float) -> sp.csr_matrix:
    """Remove self-loops and weak edges from a block of rows starting at ``row_offset``."""
    coo = block.tocoo()
    keep = (coo.row + row_offset != coo.col) & (coo.data > min_similarity)
    return sp.csr_matrix((coo.data[keep], (coo.row[keep], coo.col[keep])), shape=block.shape)


def _top_k_rows(block: sp.csr_matrix, k: int) -> sp.csr_matrix:
    """Each row's ``k`` largest entries (ties: lower column); rows with at most ``k``
    entries are untouched, and only the entries of heavier rows are sorted."""
    block.sort_indices()
    counts = np.diff(block.indptr)
    if counts.size == 0 or counts.max() <= k:
        return block
    rows = np.repeat(np.arange(block.shape[0]), counts)
    heavy = counts[rows] > k
    idx = np.flatnonzero(heavy)
    # one stable sort on "row, then descending value" (values are cosines in (0, 1]);
    # stability keeps the lower column first among equal values
    order = idx[np.argsort(rows[idx] + (1.0 - np.clip(block.data[idx], 0.0, 1.0)) * 0.5, kind="stable")]
    first = np.r_[True, rows[order][1:] != rows[order][:-1]]
    run_start = np.maximum.accumulate(np.where(first, np.arange(order.size), 0))
    keep = ~heavy
    keep[order[(np.arange(order.size) - run_start) < k]] = True
    return sp.csr_matrix((block.data[keep], (rows[keep], block.indices[keep])), shape=block.shape)
