"""The word evidence of the document tone (pipeline/sentiment/words.py and its place in the
rule): order-free, blind to neutral sentences, bounded, and absent for one sentence."""

from __future__ import annotations

import math
import random
import re

import pytest

from pipeline.config import SentimentConfig
from pipeline.paths import resource_path
from pipeline.sentiment import SentimentAnalyzer
from pipeline.sentiment.aggregate import DocumentRule, load_rule, normalise
from pipeline.sentiment.words import WEIGHTS_FILE, WordModel, features, load_word_model, parse_weights, tokens


def test_tokens_and_features():
    assert tokens("It's the WORST film\u2019s plot, isn't it?") == ["it's", "the", "worst", "film's", "plot", "isn't", "it"]
    # only sentences that carry sentiment; pairs never cross a sentence boundary
    assert features(["not good at all", "the bus leaves", "so bad"], [-0.4, 0.0, -0.6]) == sorted(
        ["not", "good", "at", "all", "not good", "good at", "at all", "so", "bad", "so bad"]
    )
    assert features(["Great."], [0.02]) == []


def test_margin_is_the_intercept_plus_the_weights_present():
    model = WordModel(0.25, {"worst": -1.0, "not good": -0.5, "great": 0.75})
    assert model.margin(["the worst, not good"], [-0.6]) == pytest.approx(0.25 - 1.5)
    assert model.margin(["great great great"], [0.8]) == pytest.approx(1.0)  # presence, not counts
    assert model.margin(["the worst"], [0.0]) == 0.25  # a neutral sentence adds nothing
    assert model.margin([], []) == 0.25


def test_parse_weights_round_trip():
    model = parse_weights("# comment\n#intercept\t0.5\nbad\t-1.25\nnot bad\t0.75\n\n")
    assert model == WordModel(0.5, {"bad": -1.25, "not bad": 0.75})


def test_shipped_word_model_is_small_sorted_and_sane():
    text = resource_path(*WEIGHTS_FILE).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    keys = [line.rsplit("\t", 1)[0] for line in lines]
    assert keys == sorted(keys) and len(keys) == len(set(keys))  # deterministic file
    assert 100 <= len(keys) <= 10_000 and len(text) < 200_000
    assert all(re.fullmatch(r"[a-z']+( [a-z']+)?", k) for k in keys)
    model = load_word_model()
    assert model.weights["worst"] < 0 < model.weights["great"]
    rule = load_rule()
    assert 0.0 < rule.word_weight <= 1.0 and rule.word_scale > 0


def test_word_evidence_is_bounded_and_ramped():
    rule = load_rule()
    scores = [0.6, -0.5, 0.4, -0.3, 0.5, -0.6, 0.3, -0.4, 0.5, -0.5, 0.2, -0.2]
    low, high = rule.score(scores, -1e6), rule.score(scores, 1e6)
    mean, evidence, ramp = rule.terms(scores)
    assert ramp == 1.0
    assert high == pytest.approx(normalise(evidence * (mean + rule.word_weight - rule.baseline)))
    assert low == pytest.approx(normalise(evidence * (mean - rule.word_weight - rule.baseline)))
    # a clear VADER reading is not overturned by any margin
    clear = [0.9] * 12
    assert rule.score(clear, -1e6) > 0.05
    # one opinion sentence: the margin does not count at all; two: barely
    assert rule.score([0.4], -1e6) == 0.4
    assert abs(rule.score([0.4, 0.3], 5.0) - rule.score([0.4, 0.3], -5.0)) < 0.01


def test_order_and_neutral_sentences_do_not_change_the_document_score():
    analyzer = SentimentAnalyzer(SentimentConfig())
    rng = random.Random(5)
    pool = [
        "The plot is a boring mess and the script is worse.",
        "The performances are wonderful, especially the lead.",
        "Unfortunately the ending feels wasted.",
        "It is one of the best films of the year.",
        "The jokes are stupid.",
        "A great score helps.",
    ] * 3
    neutral = ["The film runs two hours.", "It opens in March."]
    scores = analyzer.score_sentences(pool)
    base = analyzer.document_score(scores, pool)
    for _ in range(10):
        order = list(range(len(pool)))
        rng.shuffle(order)
        texts = [pool[i] for i in order] + neutral
        assert analyzer.document_score([scores[i] for i in order] + analyzer.score_sentences(neutral), texts) == base


def test_without_a_word_model_the_rule_is_vaders_mean():
    rule = DocumentRule(10, 0.4, word_weight=0.0)
    scores = [0.5, -0.2, 0.3] * 5
    assert rule.score(scores, 100.0) == rule.score(scores, -100.0) == rule.score(scores)
    analyzer = SentimentAnalyzer(SentimentConfig(), rule=rule, words=WordModel())
    assert analyzer.document_score(scores, ["x"] * len(scores))[0] == rule.score(scores)
    with pytest.raises(ValueError):
        DocumentRule(10, 0.4, word_scale=0.0)
    assert math.isfinite(load_rule().score([0.5] * 30, float("1e308")))
