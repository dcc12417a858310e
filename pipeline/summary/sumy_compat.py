"""sumy's TextRank, reproduced: its word filter, stop words, stemmer and edge weights.

sumy's ``TextRankSummarizer`` (0.13.0) rates sentence pair ``(i, j)`` as

    sum(words_j.count(w) for w in words_i) / (log(len(words_i)) + log(len(words_j)))

over each sentence's list of lower-cased, stop-word-filtered, Snowball-stemmed words (with
repetitions; the rating is ``rank`` itself when both lists hold one word, 0 when they share
none). The numerator is the inner product of the two sentences' term-count vectors, so the
whole matrix is ``C @ C.T`` on a sparse count matrix ``C``.

"Words" are this project's tokens kept by sumy's own word pattern (sumy's NLTK tokenizer
would need punkt data, which is never downloaded): feed sumy the same tokens and the two
rankings are the same. Stop words are read from the installed sumy package (no import of
sumy's modules, which pull in ``requests``); the stemmer is NLTK's English Snowball stemmer
(rule-based, no data files) -- exactly what ``sumy.nlp.stemmers.Stemmer("english")`` wraps.
"""

from __future__ import annotations

import math
import pkgutil
import re
from functools import lru_cache
from typing import Callable, Sequence

import numpy as np
import scipy.sparse as sp

from ..types import Sentence

#: sumy.nlp.tokenizers.Tokenizer._WORD_PATTERN: a letter, then letters, apostrophes, hyphens
WORD_PATTERN = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*$", re.UNICODE)

#: sumy's TextRankSummarizer constants
DAMPING = 0.85
EPSILON = 1e-4
ZERO_DIVISION_PREVENTION = 1e-7


def sumy_words(sentence: Sentence) -> tuple[str, ...]:
    """The sentence's words as sumy's ``Tokenizer.to_words`` would keep them (original case)."""
    if sentence.tokens:
        return tuple(t.text for t in sentence.tokens if WORD_PATTERN.match(t.text))
    return tuple(w for w in sentence.text.split() if WORD_PATTERN.match(w))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """sumy's English stop words (``sumy.utils.get_stop_words("english")``), lower-cased."""
    data = pkgutil.get_data("sumy", "data/stopwords/english.txt") or b""
    return frozenset(w.rstrip().lower() for w in data.decode("utf-8").splitlines() if w)


@lru_cache(maxsize=1)
def _stemmer() -> Callable[[str], str]:
    from nltk.stem.snowball import EnglishStemmer  # lazy: only the "sumy" mode needs NLTK

    return lru_cache(maxsize=200_000)(EnglishStemmer().stem)


def sumy_terms(sentence: Sentence) -> list[str]:
    """sumy's ``TextRankSummarizer._to_words_set``: lower-case, drop stop words, stem."""
    stops = stop_words()
    stem = _stemmer()
    return [stem(w) for w in (w.lower() for w in sumy_words(sentence)) if w not in stops]


def sumy_weights(term_lists: Sequence[Sequence[str]]) -> sp.csr_matrix:
    """sumy's symmetric edge-weight matrix (self-loops included), sparse, before row
    normalisation. Higher is more similar."""
    n = len(term_lists)
    vocab: dict[str, int] = {}
    rows, cols = [], []
    for i, terms in enumerate(term_lists):
        for t in terms:
            rows.append(i)
            cols.append(vocab.setdefault(t, len(vocab)))
    counts = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, max(1, len(vocab))))
    counts.sum_duplicates()
    overlap = (counts @ counts.T).tocoo()  # sum_w c_i(w) * c_j(w): sumy's "rank"
    lengths = np.array([len(t) for t in term_lists])
    # math.log, not np.log: bit-for-bit the logarithms sumy computes
    logs = np.array([math.log(k) if k > 0 else 0.0 for k in lengths])
    norm = logs[overlap.row] + logs[overlap.col]
    single = (lengths[overlap.row] == 1) & (lengths[overlap.col] == 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        values = np.where(single, overlap.data, overlap.data / np.where(single, 1.0, norm))
    keep = overlap.data > 0
    return sp.csr_matrix((values[keep], (overlap.row[keep], overlap.col[keep])), shape=(n, n))
