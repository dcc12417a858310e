"""Tests for pipeline/sentiment: sentence cleaning, document tone, timeline, odd input."""

from __future__ import annotations

import json
import math
import warnings
from pathlib import Path

import pytest

from pipeline.config import SegmentConfig, SentimentConfig
from pipeline.errors import PipelineWarning
from pipeline.result import Sentiment, _plain
from pipeline.sentiment import SentimentAnalyzer
from pipeline.sentiment.aggregate import DocumentRule, load_rule, normalise, valence
from pipeline.sentiment.lexicon import RULES, SentenceScorer
from pipeline.types import Document, Segment, Sentence, Transcript

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"


@pytest.fixture(scope="module")
def segmenter():
    from pipeline.model import load_model as load_spacy
    from pipeline.segment import Segmenter

    return Segmenter(SegmentConfig(), load_spacy("en_core_web_sm").nlp)


@pytest.fixture(scope="module")
def analyzer():
    return SentimentAnalyzer(SentimentConfig())


def _doc(texts, *, times=False, speakers=None) -> Document:
    """A Document built directly (no spaCy): one sentence per text, 5 s each when timed."""
    sentences, offset = [], 0
    for i, text in enumerate(texts):
        speaker = speakers[i % len(speakers)] if speakers else None
        start, end = (5.0 * i, 5.0 * i + 4.0) if times else (None, None)
        sentences.append(Sentence(i, text, offset, offset + len(text), start, end, speaker))
        offset += len(text) + 1
    names = tuple(dict.fromkeys(s.speaker for s in sentences if s.speaker is not None))
    return Document(text=" ".join(texts), sentences=tuple(sentences), has_times=times, speakers=names)


# ---- sentence cleaning -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, cleaned",
    [
        ("it was, like, huge", "it was, huge"),
        ("it was , like , huge", "it was , huge"),
        ("Yeah , I think so too .", "I think so too ."),
        ("the movie looks like a mess", "the movie looks a mess"),
        ("well, I think so", "I think so"),
        ("okay so next slide", "next slide"),
        ("yeah, we tried", "we tried"),
        ("pretty much done", "much done"),
        ("that was pretty bad", "that was quite bad"),
        ("So, we began. (Laughter)", "we began."),
        ("[Applause] thank you", "thank you"),
    ],
)
def test_discourse_fillers_are_removed(text, cleaned):
    assert SentenceScorer().clean(text) == cleaned


@pytest.mark.parametrize(
    "text",
    ["I like this", "I really like it", "I do not like it", "it went well", "that is okay", "a pretty house", "Well done.", "So good!", "(a good friend)"],
)
def test_content_uses_are_kept(text):
    assert SentenceScorer().clean(text) == text


def test_fillers_no_longer_make_neutral_talk_positive():
    plain, ours = SentenceScorer(rules=()), SentenceScorer()
    text = "Well, okay, so we, like, set up the server. (Laughter)"
    assert plain.score(text) > 0.3
    assert ours.score(text) == 0.0
    assert ours.score("that was pretty bad") < plain.score("that was pretty bad") < 0.05


def test_unknown_rule_is_rejected():
    with pytest.raises(ValueError, match="unknown sentiment cleaning rules"):
        SentenceScorer(rules=("like", "nope"))
    assert SentenceScorer(rules=RULES).rules == frozenset(RULES)


def test_score_sentences_range_and_empty(analyzer):
    scores = analyzer.score_sentences(["I love it!", "This is terrible.", "", "   ", "The server runs Linux."])
    assert scores[0] > 0.5 and scores[1] < -0.4
    assert scores[2:] == [0.0, 0.0, 0.0]
    assert all(-1.0 <= s <= 1.0 for s in scores)


def test_filler_handling_can_be_switched_off():
    off = SentimentAnalyzer(SentimentConfig(discourse_fillers=False))
    assert off.score_sentences(["it was, like, huge"])[0] > SentimentAnalyzer(SentimentConfig()).score_sentences(["it was, like, huge"])[0]
    assert off.score_sentences(["(Laughter)"]) == [0.0]  # cues always go


# ---- document rule --------------------------------------------------------------------


def test_valence_inverts_vader_normalisation():
    for c in (-0.99, -0.5, -0.05, 0.0, 0.05, 0.3, 0.9):
        assert normalise(valence(c)) == pytest.approx(c, abs=1e-12)
    assert math.isfinite(valence(1.0)) and math.isfinite(valence(-1.0))


def test_shipped_rule_loads_and_is_sane():
    rule = load_rule()
    assert rule.evidence_cap >= 2 and 0.0 < rule.baseline < 2.0
    assert rule.neutral_band == 0.05  # VADER's convention, at every length
    assert rule.score([0.9, 0.8, 0.7, 0.9]) > 0.5
    assert rule.score([-0.9, -0.8, -0.7, -0.9]) < -0.5
    assert rule.score([0.0, 0.0, 0.0]) == 0.0 and rule.score([]) == 0.0  # no opinion -> neutral
    assert rule.label(0.0) == "neutral" and rule.label(0.05) == "positive" and rule.label(-0.05) == "negative"
    with pytest.raises(ValueError):
        DocumentRule(evidence_cap=1)


def test_one_opinion_sentence_keeps_its_compound_exactly():
    rule = load_rule()
    for c in (-0.91, -0.3, 0.06, 0.4404, 0.99):
        assert rule.score([c]) == c
        assert rule.score([0.0, 0.01, c, -0.02]) == c  # neutral sentences around it change nothing


def test_short_texts_follow_vaders_own_sum():
    """Up to a few sentences the rule is close to VADER's own way of adding valences (the
    review-fitted parts start small), so a 2-3 sentence clip is scored like one text."""
    rule = load_rule()
    for pair in ([0.5, 0.5], [0.6, -0.3], [-0.4, -0.2, 0.1]):
        vader_sum = normalise(sum(valence(c) for c in pair))
        assert rule.score(pair) == pytest.approx(vader_sum, abs=0.2)
        assert (rule.score(pair) > 0) == (vader_sum > 0)


def test_no_length_collapses_or_saturates():
    rule = load_rule()
    for n in range(1, 200):
        positive = rule.score([0.6] * n)
        negative = rule.score([-0.6] * n)
        assert 0.3 < positive < 0.999 and -0.999 < negative < -0.3, n  # never 0, never +/-1
    # beyond the evidence cap a longer document of the same sentences gets the same score
    assert rule.score([0.6, -0.2] * 40) == pytest.approx(rule.score([0.6, -0.2] * 400), abs=0.02)


# ---- the analyzer --------------------------------------------------------------------------


def test_positive_and_negative_documents(analyzer):
    good = analyzer(_doc(["I love this talk.", "The results are wonderful.", "Great work, thank you!"]))
    bad = analyzer(_doc(["This is awful.", "The results are a terrible failure.", "I hate how badly it went."]))
    assert good.label == "positive" and good.score > 0
    assert bad.label == "negative" and bad.score < 0
    assert good.most_positive is not None and good.most_negative is None
    assert bad.most_negative is not None and bad.most_negative.score < 0
    assert bad.most_negative.text in {s for s in ["This is awful.", "The results are a terrible failure.", "I hate how badly it went."]}


def test_shares_sum_to_one_and_moments(analyzer):
    texts = ["I love it.", "The file is on the server.", "It crashed and I hate that.", "We met on Monday."]
    result = analyzer(_doc(texts, times=True))
    assert math.isclose(result.positive + result.neutral + result.negative, 1.0)
    assert (result.positive, result.neutral, result.negative) == (0.25, 0.5, 0.25)
    assert result.most_positive.sentence == 0 and result.most_positive.start == 0.0
    assert result.most_negative.sentence == 2 and result.most_negative.start == 10.0
    assert -1.0 <= result.score <= 1.0


def test_empty_document(analyzer):
    result = analyzer(Document(text="", sentences=()))
    assert result == Sentiment(label="neutral", score=0.0, positive=0.0, neutral=1.0, negative=0.0)


def test_no_sentiment_words_is_neutral_with_warning(analyzer):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = analyzer(_doc(["The file is on the server.", "We met on Monday."]))
    assert result.label == "neutral" and result.score == 0.0
    assert result.most_positive is None and result.most_negative is None
    assert result.neutral == 1.0
    assert any(issubclass(w.category, PipelineWarning) for w in caught)


def test_single_sentence(analyzer):
    result = analyzer(_doc(["What a wonderful day!"]))
    assert len(result.timeline) == 1
    assert result.timeline[0].first_sentence == result.timeline[0].last_sentence == 0
    assert result.most_positive.sentence == 0


def test_by_speaker_sorted_and_fifty_speakers(analyzer):
    speakers = [f"Speaker {i:02d}" for i in range(50, 0, -1)]
    texts = ["I love it." if i % 2 else "I hate it." for i in range(100)]
    result = analyzer(_doc(texts, speakers=speakers))
    names = [name for name, _ in result.by_speaker]
    assert names == sorted(speakers) and len(names) == 50
    assert all(-1.0 <= score <= 1.0 for _, score in result.by_speaker)
    assert analyzer(_doc(["I love it."])).by_speaker == ()


def test_one_speaker_gets_the_document_score(analyzer):
    texts = ["I love it.", "Fine.", "The demo crashed twice, which was embarrassing.", "We fixed it and the users are happy."]
    result = analyzer(_doc(texts, speakers=["Ann"]))
    assert result.by_speaker == (("Ann", result.score),)


def test_each_speaker_gets_the_document_rule_over_their_sentences(analyzer):
    texts = ["I love it.", "This is awful.", "Great work, thank you!", "I hate how it went.", "Wonderful."]
    result = analyzer(_doc(texts, speakers=["Ann", "Bob"]))
    scores = analyzer.score_sentences(texts)
    assert dict(result.by_speaker) == {
        "Ann": analyzer.document_score([scores[0], scores[2], scores[4]], [texts[0], texts[2], texts[4]])[0],
        "Bob": analyzer.document_score([scores[1], scores[3]], [texts[1], texts[3]])[0],
    }


def test_timeline_by_sentence_count(analyzer):
    texts = [f"Sentence {i} is good." if i < 20 else f"Sentence {i} is bad." for i in range(40)]
    result = SentimentAnalyzer(SentimentConfig(timeline_windows=4))(_doc(texts))
    assert len(result.timeline) == 4
    assert [p.first_sentence for p in result.timeline] == [0, 10, 20, 30]
    assert result.timeline[0].score > 0 > result.timeline[-1].score
    assert all(p.start is None for p in result.timeline)


def test_timeline_by_time_skips_empty_windows(analyzer):
    sentences = (
        Sentence(0, "I love it.", 0, 10, 0.0, 2.0, None),
        Sentence(1, "Great.", 11, 17, 1.0, 3.0, None),
        Sentence(2, "I hate it.", 18, 28, 98.0, 100.0, None),
    )
    result = SentimentAnalyzer(SentimentConfig(timeline_windows=10))(Document("x", sentences, has_times=True))
    assert len(result.timeline) == 2
    first, last = result.timeline
    assert (first.start, first.first_sentence, first.last_sentence) == (0.0, 0, 1)
    assert last.end == 100.0 and last.first_sentence == 2
    assert all(math.isfinite(p.score) for p in result.timeline)


def test_timeline_never_more_than_windows(analyzer):
    result = SentimentAnalyzer(SentimentConfig(timeline_windows=3))(_doc(["Nice."] * 7, times=True))
    assert 1 <= len(result.timeline) <= 3


def test_timeline_all_same_time_falls_back_to_count():
    sentences = tuple(Sentence(i, "Nice work.", i * 11, i * 11 + 10, 5.0, 5.0, None) for i in range(6))
    result = SentimentAnalyzer(SentimentConfig(timeline_windows=3))(Document("x", sentences, has_times=True))
    assert len(result.timeline) == 3


def test_long_document_is_valid(analyzer):
    base = ["We walked through the design of the system and it works well.", "Honestly, the old one was a disaster.", "Then we, like, moved on to the next part of the plan."]
    texts = [base[i % 3] for i in range(8000)]  # about 100,000 words
    result = analyzer(_doc(texts, times=True, speakers=["A", "B"]))
    assert len(result.timeline) == 10
    assert result.label in {"positive", "neutral", "negative"}
    assert math.isclose(result.positive + result.neutral + result.negative, 1.0)


def test_deterministic_and_json_ready(analyzer):
    doc = _doc(["I love it.", "It broke.", "Terrible support.", "But the fix was great!"], times=True, speakers=["B", "A"])
    a, b = analyzer(doc), SentimentAnalyzer(SentimentConfig())(doc)
    assert a == b
    text = json.dumps(_plain(a), sort_keys=True)
    assert "NaN" not in text and json.loads(text)["by_speaker"] == {"A": pytest.approx(_plain(a)["by_speaker"]["A"]), "B": pytest.approx(_plain(a)["by_speaker"]["B"])}


def test_document_not_mutated(analyzer):
    doc = _doc(["I love it.", "It broke."])
    before = repr(doc)
    analyzer(doc)
    assert repr(doc) == before


def test_with_real_segmenter(segmenter, analyzer):
    transcript = Transcript(
        segments=(
            Segment("Welcome everyone, I'm so happy you came.", 0.0, 4.0, "Host"),
            Segment("Well, the launch was, like, a total disaster.", 4.5, 9.0, "Guest"),
            Segment("We lost data and customers were furious.", 9.5, 13.0, "Guest"),
        )
    )
    result = analyzer(segmenter(transcript))
    assert [name for name, _ in result.by_speaker] == ["Guest", "Host"]
    assert dict(result.by_speaker)["Host"] > 0 > dict(result.by_speaker)["Guest"]
    assert result.most_negative is not None and result.most_negative.start in (4.5, 9.5)
    assert all(p.start is not None for p in result.timeline)


# ---- against the eval data (skipped when ../shared/eval is absent) --------------------------


def test_no_worse_than_plain_vader_on_tweets_sample(analyzer):
    path = EVAL / "sentiment" / "vader_tweets.jsonl"
    if not path.exists():
        pytest.skip("shared eval data not available")
    import numpy as np

    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[:400]]
    gold = np.array([r["human_mean"] for r in records])
    ours = np.array(analyzer.score_sentences([r["text"] for r in records]))
    plain = np.array(SentenceScorer(rules=()).score_many([r["text"] for r in records]))
    assert np.corrcoef(gold, ours)[0, 1] >= np.corrcoef(gold, plain)[0, 1] - 0.01


def test_neutral_band_config(analyzer):
    from pipeline.config import Config
    from pipeline.errors import ConfigError

    doc = _doc(["The plan is fine.", "The first part went badly.", "It was good in the end."])
    default = analyzer(doc)
    wide = SentimentAnalyzer(SentimentConfig(neutral_band=1.0))(doc)
    assert wide.label == "neutral" and wide.score == default.score
    assert Config.from_overrides({"sentiment.neutral_band": 0.1}).sentiment.neutral_band == 0.1
    with pytest.raises(ConfigError, match="sentiment.neutral_band"):
        SentimentConfig(neutral_band=1.5)


def test_little_opinion_is_reported_not_zeroed(analyzer):
    texts = ["The meeting starts at nine."] * 60 + ["Great!"] * 2  # 2 of 62 sentences carry sentiment
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = analyzer(_doc(texts))
    assert result.label == "positive" and result.score > 0.05  # no length where the score collapses to 0
    assert any("only 2 of 62 sentences carry sentiment" in str(w.message) for w in caught)
    assert result.most_positive is not None


def test_very_long_sentence_is_scored_in_pieces():
    from pipeline.sentiment.lexicon import MAX_WORDS, _combine

    scorer = SentenceScorer()
    text = "the ending was bad and I like it but the start was dull and slow " * 9  # > MAX_WORDS
    assert len(text.split()) > MAX_WORDS
    assert abs(scorer.score(text) - scorer.vader.polarity_scores(text)["compound"]) < 0.05
    huge = "It was good. " * 7000  # one 21,000-word "sentence": must stay linear
    assert 0.9 < scorer.score(huge) <= 1.0
    assert _combine([]) == 0.0 and _combine([0.5]) == pytest.approx(0.5)
    assert _combine([0.4, -0.4]) == pytest.approx(0.0, abs=1e-12)
