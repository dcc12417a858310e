"""Tests for the summary stage's parts: graph ranking, similarity, sumy weights, candidates,
redundancy control and length rules (pipeline/summary/*.py)."""

from __future__ import annotations

import numpy as np
import pytest
import scipy.sparse as sp

from pipeline.config import SummaryConfig
from pipeline.summary.candidates import candidate_prior
from pipeline.summary.graph import sumy_textrank, textrank
from pipeline.summary.length import target_count, truncate_words
from pipeline.summary.redundancy import mmr_select
from pipeline.summary.similarity import _top_k_rows, cosine_graph, tfidf_matrix
from pipeline.summary.sumy_compat import sumy_weights
from pipeline.types import Sentence


def _sentence(i: int, text: str) -> Sentence:
    return Sentence(index=i, text=text, start_char=0, end_char=len(text), start=None, end=None, speaker=None)


# ---- graph ------------------------------------------------------------------------------------


def test_textrank_puts_the_hub_of_a_star_first_and_sums_to_one():
    n = 6
    w = sp.lil_matrix((n, n))
    for leaf in range(1, n):
        w[0, leaf] = w[leaf, 0] = 1.0
    p = textrank(w.tocsr())
    assert p.sum() == pytest.approx(1.0)
    assert int(np.argmax(p)) == 0
    assert np.allclose(p[1:], p[1])  # leaves are symmetric


def test_textrank_handles_empty_and_edgeless_graphs():
    assert textrank(sp.csr_matrix((0, 0))).shape == (0,)
    p = textrank(sp.csr_matrix((4, 4)))
    assert np.allclose(p, 0.25)


def test_sparse_sumy_power_method_matches_sumys_dense_one():
    from sumy.summarizers.text_rank import TextRankSummarizer

    rng = np.random.default_rng(7)
    n = 40
    dense = rng.random((n, n)) * (rng.random((n, n)) < 0.2)
    dense = np.maximum(dense, dense.T)
    dense[3] = dense[:, 3] = 0.0  # an isolated sentence
    normalised = dense / (dense.sum(axis=1)[:, None] + 1e-7)
    matrix = np.full((n, n), (1.0 - 0.85) / n) + 0.85 * normalised  # sumy's exact expression
    expected = TextRankSummarizer.power_method(matrix, 1e-4)
    exact = sumy_textrank(sp.csr_matrix(dense))
    sparse_path = sumy_textrank(sp.csr_matrix(dense), dense_limit=0)
    assert np.array_equal(exact, expected)
    assert np.allclose(sparse_path, expected, rtol=1e-9, atol=1e-12)


def test_sumy_weights_follow_sumys_edge_formula():
    from sumy.summarizers.text_rank import TextRankSummarizer

    lists = [["cat", "sat", "mat"], ["cat", "cat", "dog"], ["bird"], ["bird"], []]
    w = sumy_weights(lists).toarray()
    for i, a in enumerate(lists):
        for j, b in enumerate(lists):
            assert w[i, j] == TextRankSummarizer._rate_sentences_edge(a, b)


# ---- similarity -------------------------------------------------------------------------------


def test_cosine_graph_is_symmetric_without_self_loops():
    x = tfidf_matrix([["solar", "panel"], ["solar", "cell"], ["wind", "turbine"], ["solar", "panel", "roof"], []])
    g = cosine_graph(x).toarray()
    assert np.allclose(g, g.T)
    assert np.all(np.diag(g) == 0)
    assert g[0, 3] > g[0, 1] > 0 and g[0, 2] == 0
    assert not g[4].any()  # a sentence without terms has no edges


def test_top_k_rows_keeps_each_rows_strongest_entries_ties_to_lower_column():
    m = sp.csr_matrix(np.array([[0.5, 0.9, 0.5, 0.1], [0.2, 0.0, 0.0, 0.0], [0.3, 0.3, 0.3, 0.3]]))
    kept = _top_k_rows(m.copy(), 2).toarray()
    assert kept.tolist() == [[0.5, 0.9, 0.0, 0.0], [0.2, 0.0, 0.0, 0.0], [0.3, 0.3, 0.0, 0.0]]


def test_pruned_graph_has_bounded_degree():
    rng = np.random.default_rng(0)
    terms = [[f"w{int(v)}" for v in rng.integers(0, 15, size=6)] for _ in range(300)]
    g = cosine_graph(tfidf_matrix(terms), top_k=10)
    assert g.nnz <= 2 * 10 * 300
    assert np.allclose(g.toarray(), g.toarray().T)


def test_tfidf_of_no_terms_is_a_zero_matrix():
    x = tfidf_matrix([[], []])
    assert x.shape[0] == 2 and x.nnz == 0


# ---- candidates -------------------------------------------------------------------------------


def test_candidate_prior_excludes_boilerplate_and_demotes_questions():
    texts = [
        "Please subscribe and hit the like button for more videos about rockets.",
        "Rocket engines burn fuel and oxidiser to produce thrust at high pressure.",
        "Why do rocket engines need so much oxidiser at launch time anyway?",
        "Okay.",
    ]
    sentences = [_sentence(i, t) for i, t in enumerate(texts)]
    prior = candidate_prior(sentences, [12, 12, 12, 1], [6, 6, 5, 0], [True, True, True, False])
    assert prior[0] == 0.0 and prior[3] == 0.0
    assert prior[1] > prior[2] > 0.0


def test_candidate_prior_falls_back_when_everything_is_excluded():
    sentences = [_sentence(i, t) for i, t in enumerate(["Yeah.", "Okay so."])]
    prior = candidate_prior(sentences, [1, 2], [0, 0], [False, False])
    assert np.all(prior > 0) and np.all(prior < 0.02)


# ---- redundancy -------------------------------------------------------------------------------


def test_mmr_skips_duplicates_and_respects_the_word_budget():
    terms = [["moon", "landing"], ["moon", "landing"], ["rocket", "fuel"], ["crew", "training"]]
    texts = ["The moon landing.", "The moon landing.", "Rocket fuel.", "Crew training."]
    scores = np.array([0.4, 0.3, 0.2, 0.1])
    x = tfidf_matrix(terms)
    common = dict(diversity=0.7, duplicate_cosine=0.6, pool_size=2)
    assert mmr_select(scores, x, texts, [3, 3, 2, 2], k=3, max_words=None, **common) == [0, 2, 3]
    assert mmr_select(scores, x, texts, [3, 3, 2, 2], k=3, max_words=5, **common) == [0, 2]
    assert mmr_select(np.zeros(4), x, texts, [3, 3, 2, 2], k=3, max_words=None, **common) == []


# ---- length -----------------------------------------------------------------------------------


def test_length_rules():
    assert target_count(SummaryConfig(), 0, 0) == 0
    assert target_count(SummaryConfig(max_words=50), 40, 900) == 40  # the budget decides
    assert target_count(SummaryConfig(ratio=0.0001), 40, 900) == 1
    assert truncate_words("one two three four", 2) == "one two\u2026"
    assert truncate_words("one two", 5) == "one two"


def test_cosine_graph_split_products_change_no_value(monkeypatch):
    """Rows of a dense block multiplied a few at a time give the same graph, pruning included."""
    import numpy as np
    import scipy.sparse as sp

    from pipeline.summary import similarity

    rng = np.random.default_rng(7)
    dense = (rng.random((300, 40)) < 0.3) * rng.random((300, 40))
    x = sp.csr_matrix(dense / np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-12))
    whole = similarity.cosine_graph(x, top_k=5, min_similarity=0.01)
    monkeypatch.setattr(similarity, "_BLOCK_ROWS", 128)
    blocked = similarity.cosine_graph(x, top_k=5, min_similarity=0.01)
    monkeypatch.setattr(similarity, "_MAX_PRODUCT_ENTRIES", 300 * 7)  # 7 rows per product
    split = similarity.cosine_graph(x, top_k=5, min_similarity=0.01)
    assert (blocked != split).nnz == 0
    assert whole.shape == split.shape and whole.nnz > 0


# ---- followers, coverage, statements ------------------------------------------------------


def test_a_follower_replaces_the_weakest_point_when_the_sentence_before_is_a_point():
    from pipeline.summary.followers import add_followers

    scores = np.array([0.9, 0.0, 0.5, 0.2, 0.0])
    leaning = np.array([0.0, 0.8, 0.0, 0.0, 0.6])  # 1 leans on 0; 4 on 3 (or the nearest earlier point)
    vectors = sp.identity(5, format="csr")
    chosen = add_followers([0, 2, 3], scores, leaning, vectors, [10] * 5, duplicate_cosine=0.6, max_words=None)
    assert chosen == [0, 1, 2]  # 3 (the weakest) gave way to 1; 4 would lean on 2 and is worth less than 1
    chosen = add_followers([2, 3], scores, np.array([0.0, 0.8, 0.0, 0.0, 0.0]), vectors, [10] * 5, duplicate_cosine=0.6, max_words=None)
    assert chosen == [2, 3]  # 1 has no earlier point to lean on
    # the sentence a follower leans on is never the one replaced
    chosen = add_followers([0, 2], np.array([0.1, 0.0, 0.5, 0.0, 0.0]), np.array([0.0, 0.8, 0.0, 0.0, 0.0]), vectors, [10] * 5, duplicate_cosine=0.6, max_words=None)
    assert chosen == [0, 1]
    # a follower that does not fit the word budget stays out
    chosen = add_followers([0, 2, 3], scores, leaning, vectors, [10, 30, 10, 10, 10], duplicate_cosine=0.6, max_words=30)
    assert 1 not in chosen


def test_a_personal_pronoun_follows_the_nearest_earlier_point_that_names_someone():
    from pipeline.summary.followers import add_followers

    scores = np.array([0.9, 0.5, 0.0, 0.0, 0.1])
    leaning = np.array([0.0, 0.0, 0.0, 0.7, 0.0])  # 3: "He said …"
    vectors = sp.identity(5, format="csr")
    personal = np.array([False, False, False, True, False])
    names = np.array([True, False, False, False, False])  # only 0 names someone
    chosen = add_followers([0, 1, 4], scores, leaning, vectors, [10] * 5, duplicate_cosine=0.6, max_words=None, personal=personal, names=names)
    assert chosen == [0, 1, 3]  # 3 leans on 0 (two points back); 4, the weakest, gave way
    nobody = np.zeros(5, dtype=bool)
    chosen = add_followers([0, 1, 4], scores, leaning, vectors, [10] * 5, duplicate_cosine=0.6, max_words=None, personal=personal, names=nobody)
    assert chosen == [0, 1, 4]  # no earlier point names anyone: "He" stays out


def test_the_closing_part_of_a_long_recording_is_a_stretch_of_its_own():
    from pipeline.summary.coverage import CLOSING_SHARE, stretches

    parts = stretches(list(range(200)), 5)
    assert parts is not None
    closing = int(np.ceil(200 * (1 - CLOSING_SHARE)))
    assert len(set(parts[closing:].tolist())) == 1 and parts[closing] != parts[closing - 1]
    assert parts[closing] == parts.max()
    assert stretches(list(range(30)), 5) is None  # a short text is not spread over


def test_statements_outrank_stories_in_a_talk_but_tense_is_ignored_in_a_meeting():
    from pipeline.config import SegmentConfig
    from pipeline.model import load_model
    from pipeline.segment import Segmenter
    from pipeline.summary.claims import ARGUMENT, NARRATIVE, STATEMENT, claim_factor
    from pipeline.types import Segment, Transcript

    segmenter = Segmenter(SegmentConfig(), load_model("en_core_web_sm").nlp)
    doc = segmenter(Transcript(segments=(Segment(
        "I started reading the magazine in 1975 and I got excited about it. "
        "Technology is so powerful that we can change how every city works. "
        "The problem is that nobody pays for the maintenance of the roads."
    ),)))
    story, claim, cue = doc.sentences
    assert claim_factor(story) == NARRATIVE < 1 < claim_factor(claim) == ARGUMENT < STATEMENT == claim_factor(cue)
    assert claim_factor(story, conversation=True) == claim_factor(claim, conversation=True) == 1.0
    assert claim_factor(cue, conversation=True) == STATEMENT


def test_cosine_graph_above_window_size_compares_only_near_rows(monkeypatch):
    """Above WINDOW_ABOVE rows only pairs at most WINDOW apart are compared, with the same
    values as the all-pairs graph; at or below it the graph is the all-pairs one."""
    from pipeline.summary import similarity

    rng = np.random.default_rng(3)
    dense = (rng.random((120, 8)) < 0.5) * rng.random((120, 8))
    x = sp.csr_matrix(dense / np.maximum(np.linalg.norm(dense, axis=1, keepdims=True), 1e-12))
    full = similarity.cosine_graph(x).toarray()
    monkeypatch.setattr(similarity, "WINDOW_ABOVE", 120)
    monkeypatch.setattr(similarity, "WINDOW", 10)
    assert (similarity.cosine_graph(x).toarray() == full).all()  # not above: all pairs
    monkeypatch.setattr(similarity, "WINDOW_ABOVE", 119)
    monkeypatch.setattr(similarity, "_BLOCK_ROWS", 32)
    monkeypatch.setattr(similarity, "_MAX_PRODUCT_ENTRIES", 7 * 52)  # 7 rows per product
    near = similarity.cosine_graph(x).toarray()
    distance = np.abs(np.subtract.outer(np.arange(120), np.arange(120)))
    assert (near == np.where(distance <= 10, full, 0.0)).all()
    pruned = similarity.cosine_graph(x, top_k=3)
    assert (abs(pruned - pruned.T)).nnz == 0 and pruned.nnz <= 2 * 3 * 120
    assert np.all(distance[pruned.toarray() > 0] <= 10)
