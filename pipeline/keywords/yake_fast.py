"""YAKE's candidate scores, computed exactly as the ``yake`` package (0.7.3) computes them,
several times faster.

A drop-in for::

    yake.KeywordExtractor(lan="en", n=max_ngram, dedup_lim=1.0, top=ALL).extract_keywords(text)

which returns every valid candidate (a lower-cased word n-gram) with its score ``h``
(lower is more key), best first, ties in YAKE's first-seen order.

Why it is exact: the text goes through YAKE's own pre-filter, segtok sentence splitter and
tokenizer (``yake.data.utils``), words are tagged by YAKE's own ``get_tag`` and stop words
come from YAKE's own list; only YAKE's bookkeeping (one object per n-gram occurrence, a
networkx graph of co-occurrences) is replaced by plain counters and arrays. Every feature
is then computed with the same floating-point operations in the same order: the mean and
standard deviation of the term frequencies by numpy over the same array, the logarithms
with :mod:`math`, the median as numpy's (the mean of the two middle values, exact for
integers), the element-wise products and quotients as IEEE doubles (numpy's element-wise
``+ - * /`` round exactly as Python's). YAKE's composed scores are numpy scalars, so a
zero denominator gives ``inf``/``nan`` there rather than an exception; that is kept too.
``tests/test_yake_fast.py`` checks the result against the package on the development
sets, bit for bit.

What is not reproduced: YAKE's features other than the defaults (``features=None``), its
window size other than 1, and its de-duplication (``dedup_lim < 1``), none of which the
pipeline uses.
"""

from __future__ import annotations

import math
import string
from functools import lru_cache
from typing import Any

import numpy as np

#: YAKE's word tags that stop co-occurrence counting and make an n-gram invalid
_DISCARD = frozenset({"u", "d"})
_EXCLUDE = frozenset(string.punctuation)


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """YAKE's English stop-word list, read by YAKE itself."""
    import yake

    return frozenset(yake.KeywordExtractor(lan="en").stopword_set)


def yake_scores(text: str, max_ngram: int) -> list[tuple[str, float]]:
    """All of YAKE's valid candidates for ``text`` as ``(lower-cased n-gram, h)``, best first
    (``h``: YAKE's score, lower is more key), exactly as the ``yake`` package returns them
    with ``n=max_ngram``, ``dedup_lim=1.0`` and no ``top`` limit."""
    if not text:
        return []
    from yake.data.utils import pre_filter, tokenize_sentences

    try:
        sentences = tokenize_sentences(pre_filter(text.replace("\n", " ")))
    except Exception:  # noqa: BLE001 - YAKE answers [] to any failure; so do we
        return []
    words = _Words()
    token_word: list[int] = []  # per word token: index into ``words``
    token_first: list[bool] = []  # first token of its sentence (YAKE's tags read that)
    token_sentence: list[int] = []
    token_block: list[int] = []  # runs of words between punctuation: n-grams stay inside
    block = 0
    known = words.known  # a plain dict lookup first: this loop runs once per token
    for sentence_id, sentence in enumerate(sentences):
        block += 1
        for pos_sent, word in enumerate(sentence):
            index = known.get(word)
            if index is None:
                index = words.add(word)
            if index < 0:  # punctuation
                block += 1
                continue
            token_word.append(index)
            token_first.append(pos_sent == 0)
            token_sentence.append(sentence_id)
            token_block.append(block)
    if words.spaced:
        # a token with white space in it (segtok keeps "http://a b@c.org" whole) would make
        # two different n-grams one key; rare enough to leave to YAKE itself
        return _yake_package(text, max_ngram)
    stop = np.array(words.term_stop, dtype=bool)
    if not token_word or stop.all():
        return []  # YAKE computes no term scores, and no candidate can be valid
    return _score(words, np.array(token_word), np.array(token_first, dtype=bool), np.array(token_sentence), np.array(token_block), len(sentences), max_ngram)


class _Words:
    """The distinct word strings of a text, each with what YAKE derives from the string
    alone: punctuation or not, its two possible tags (first word of a sentence or not), its
    lower-cased form and its term (YAKE's ``DataCore.get_term``: lower-cased, a final "s"
    dropped from words longer than 3, a stop word as first seen)."""

    def __init__(self) -> None:
        self.known: dict[str, int] = {}  # word -> index, -1 for punctuation
        self.lower_ids: dict[str, int] = {}
        self.lower: list[int] = []  # per word: id of its lower-cased form
        self.lower_text: list[str] = []  # per lower-cased id
        self.term: list[int] = []  # per word: term id (terms numbered in first-seen order)
        self.tag_first: list[str] = []
        self.tag_later: list[str] = []
        self.term_ids: dict[str, int] = {}
        self.term_stop: list[bool] = []
        self.spaced = False

    def add(self, word: str) -> int:
        """Index a new word; -1 for punctuation (every character in string.punctuation)."""
        from yake.data.utils import get_tag

        if all(c in _EXCLUDE for c in word):
            self.known[word] = -1
            return -1
        found = self.known[word] = len(self.term)
        self.spaced = self.spaced or any(c.isspace() for c in word)
        lower = word.lower()
        lower_id = self.lower_ids.get(lower)
        if lower_id is None:
            lower_id = self.lower_ids[lower] = len(self.lower_text)
            self.lower_text.append(lower)
        self.lower.append(lower_id)
        unique = lower[:-1] if lower.endswith("s") and len(lower) > 3 else lower
        term = self.term_ids.get(unique)
        if term is None:
            simple = unique
            for mark in _EXCLUDE:
                simple = simple.replace(mark, "")
            stop_words = _stop_words()
            term = self.term_ids[unique] = len(self.term_stop)
            self.term_stop.append(lower in stop_words or unique in stop_words or len(simple) < 3)
        self.term.append(term)
        self.tag_first.append(get_tag(word, 0, _EXCLUDE))  # get_tag reads only "position > 0"
        self.tag_later.append(get_tag(word, 1, _EXCLUDE))
        return found


def _score(words: _Words, token_word: np.ndarray, first: np.ndarray, sentence: np.ndarray, block: np.ndarray, n_sentences: int, max_ngram: int) -> list[tuple[str, float]]:
    """YAKE's scores from the word tokens (arrays, one entry per word token in text order)."""
    n_terms = len(words.term_stop)
    stop = np.array(words.term_stop, dtype=bool)
    term = np.array(words.term)[token_word]
    tags = np.where(first, np.array(words.tag_first, dtype="U1")[token_word], np.array(words.tag_later, dtype="U1")[token_word])
    clean = (tags != "u") & (tags != "d")

    # ---- single-term features (DataCore.build_single_terms_features, SingleWord.update_h)
    tf = np.bincount(term, minlength=n_terms).astype(np.float64)
    tf_a = np.bincount(term, weights=(tags == "a"), minlength=n_terms)
    tf_n = np.bincount(term, weights=(tags == "n"), minlength=n_terms)
    valid_tfs = tf[~stop]  # terms in first-seen order, as YAKE's dict
    avg_tf = valid_tfs.mean()
    std_tf = valid_tfs.std()
    max_tf = float(tf.max())
    # co-occurrence edges: a word and the one before it in the same block, both not u/d
    linked = (block[1:] == block[:-1]) & clean[1:] & clean[:-1]
    edge_codes, edge_counts = np.unique(term[:-1][linked] * n_terms + term[1:][linked], return_counts=True)
    edge_left, edge_right = edge_codes // n_terms, edge_codes % n_terms
    edge_tf = edge_counts.astype(np.float64)
    out_degree = np.bincount(edge_left, minlength=n_terms)
    out_weight = np.bincount(edge_left, weights=edge_tf, minlength=n_terms)
    in_degree = np.bincount(edge_right, minlength=n_terms)
    in_weight = np.bincount(edge_right, weights=edge_tf, minlength=n_terms)
    with np.errstate(divide="ignore", invalid="ignore"):
        pwl = np.where(in_weight == 0, 0.0, in_degree / in_weight)
        pwr = np.where(out_weight == 0, 0.0, out_degree / out_weight)
    wrel = (0.5 + (pwl * (tf / max_tf))) + (0.5 + (pwr * (tf / max_tf)))
    wfreq = tf / (avg_tf + std_tf)
    # the distinct sentences of each term, ascending: spread and median position
    pairs = np.unique(term.astype(np.int64) * (n_sentences + 1) + sentence)
    pair_term, pair_sentence = pairs // (n_sentences + 1), pairs % (n_sentences + 1)
    spread = np.bincount(pair_term, minlength=n_terms)
    begin = np.searchsorted(pair_term, np.arange(n_terms))
    median = (pair_sentence[begin + (spread - 1) // 2] + pair_sentence[begin + spread // 2]) / 2
    wspread = spread / n_sentences
    log = math.log
    wcase = np.array([max(a, n) / (1.0 + log(f)) for a, n, f in zip(tf_a.tolist(), tf_n.tolist(), tf.tolist())])
    wpos = np.array([log(log(3.0 + m)) for m in median.tolist()])
    term_h = ((wpos * wrel) / (wcase + (wfreq / wrel) + (wspread / wrel))).tolist()

    # ---- candidates: every n-gram of 1..max_ngram words inside a block ------------------
    # gram ids grow one word at a time: id(k words ending at i) = dense id of
    # (id(k-1 words ending at i-1), lower-cased word i)
    lower = np.array(words.lower)[token_word]
    n_lower = len(words.lower_text)
    n_tokens = len(token_word)
    positions = np.arange(n_tokens)
    found: list[tuple[np.ndarray, np.ndarray, np.ndarray, int]] = []  # (first end, occurrences, any clean, size) per gram
    gram = lower.astype(np.int64)
    gram_clean = clean
    ok = np.ones(n_tokens, dtype=bool)
    for size in range(1, max_ngram + 1):
        if size > 1:
            ok = np.zeros(n_tokens, dtype=bool)
            ok[1:] = previous_ok[:-1] & (block[1:] == block[:-1])
            code = np.full(n_tokens, -1, dtype=np.int64)
            code[1:] = previous_gram[:-1] * n_lower + lower[1:]
            gram = np.full(n_tokens, -1, dtype=np.int64)
            if ok.any():
                gram[ok] = np.unique(code[ok], return_inverse=True)[1].ravel()
            gram_clean = np.zeros(n_tokens, dtype=bool)
            gram_clean[1:] = previous_clean[:-1] & clean[1:]
        if not ok.any():
            break
        ends = positions[ok]
        _, first_at, inverse, counts = np.unique(gram[ok], return_index=True, return_inverse=True, return_counts=True)
        any_clean = np.bincount(inverse.ravel(), weights=gram_clean[ok], minlength=len(counts)) > 0
        found.append((ends[first_at], counts.astype(np.float64), any_clean, size))
        previous_gram, previous_clean, previous_ok = gram, gram_clean, ok

    # YAKE's candidate order: by where first seen (end word), shorter first at one word
    end_at = np.concatenate([f[0] for f in found])
    sizes = np.concatenate([np.full(len(f[0]), f[3]) for f in found])
    counts = np.concatenate([f[1] for f in found])
    any_clean = np.concatenate([f[2] for f in found])
    valid = any_clean & ~stop[term[end_at]] & ~stop[term[end_at - sizes + 1]]
    order = np.lexsort((sizes, end_at))
    order = order[valid[order]]

    keys: list[str] = []
    scores: list[float] = []
    lower_text = words.lower_text
    term_list = term.tolist()
    lower_list = lower.tolist()
    stop_list = stop.tolist()
    tf_list = tf.tolist()
    edges = dict(zip(edge_codes.tolist(), edge_tf.tolist()))
    for end, size, count in zip(end_at[order].tolist(), sizes[order].tolist(), counts[order].tolist()):
        begin_at = end - size + 1
        terms = term_list[begin_at : end + 1]
        keys.append(" ".join([lower_text[w] for w in lower_list[begin_at : end + 1]]))
        scores.append(_composed_h(terms, count, term_h, stop_list, tf_list, edges, n_terms))
    ranked = sorted(range(len(keys)), key=scores.__getitem__)  # stable: first-seen order on ties
    return [(keys[i], scores[i]) for i in ranked]


def _composed_h(terms: list[int], count: float, term_h: list[float], stop: list[bool], tf: list[float], edges: dict[int, float], n_terms: int) -> float:
    """ComposedWord.update_h: stop words inside weighted by how often they link their
    neighbours ("bi"), in YAKE's order of operations."""
    sum_h, prod_h = 0.0, 1.0
    last = len(terms) - 1
    for t, term in enumerate(terms):
        if not stop[term]:
            sum_h += term_h[term]
            prod_h *= term_h[term]
            continue
        prob_t1 = prob_t2 = 0.0
        if t > 0:
            link = edges.get(terms[t - 1] * n_terms + term)
            if link is not None:
                prob_t1 = link / tf[terms[t - 1]]
        if t < last:
            link = edges.get(term * n_terms + terms[t + 1])
            if link is not None:
                prob_t2 = link / tf[terms[t + 1]]
        prob = prob_t1 * prob_t2
        prod_h *= 1 + (1 - prob)
        sum_h -= 1 - prob
    denominator = (sum_h + 1) * count
    if denominator == 0.0:  # numpy scalars in YAKE: inf or nan, not an exception
        with np.errstate(divide="ignore", invalid="ignore"):
            return float(np.float64(prod_h) / np.float64(denominator))
    return prod_h / denominator


def _yake_package(text: str, max_ngram: int) -> list[tuple[str, float]]:
    import yake

    extractor = yake.KeywordExtractor(lan="en", n=max_ngram, dedup_lim=1.0, top=10**9)
    return [(str(kw), float(h)) for kw, h in extractor.extract_keywords(text)]
