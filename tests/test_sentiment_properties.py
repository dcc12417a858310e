"""Properties of the document tone (issue 19) and odd input that must still get a label.

Cases are generated from fixed pools with a seeded ``random.Random`` (no global random
state), so every run checks the same few hundred documents.
"""

from __future__ import annotations

import itertools
import random
import warnings

import pytest

from pipeline.config import SentimentConfig
from pipeline.errors import PipelineWarning
from pipeline.sentiment import SentimentAnalyzer
from pipeline.types import Document, Sentence

POSITIVE = [
    "I love this.",
    "The results are wonderful.",
    "What a great team!",
    "This is an excellent idea.",
    "I am so happy with it.",
    "Effective and moving, a fine film.",
]
NEGATIVE = [
    "This is awful.",
    "The launch was a terrible failure.",
    "I hate how it went.",
    "The service was horrible.",
    "It was a sad, painful day.",
    "Too slow and dull, a boring mess.",
]
NEUTRAL = [
    "The meeting starts at nine.",
    "We moved the files to the server.",
    "The report has four sections.",
    "She walked to the station.",
    "Then we opened the next slide.",
    "The bus leaves from the north side.",
]


@pytest.fixture(scope="module")
def analyzer():
    return SentimentAnalyzer(SentimentConfig())


def _doc(texts, *, times=True) -> Document:
    sentences, offset = [], 0
    for i, text in enumerate(texts):
        start, end = (5.0 * i, 5.0 * i + 4.0) if times else (None, None)
        sentences.append(Sentence(i, text, offset, offset + len(text), start, end, None))
        offset += len(text) + 1
    return Document(text=" ".join(texts), sentences=tuple(sentences), has_times=times)


def _quiet(analyzer, texts):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PipelineWarning)
        return analyzer(_doc(texts))


def test_pools_are_what_they_claim(analyzer):
    assert all(s >= 0.3 for s in analyzer.score_sentences(POSITIVE))
    assert all(s <= -0.3 for s in analyzer.score_sentences(NEGATIVE))
    assert all(abs(s) < 0.05 for s in analyzer.score_sentences(NEUTRAL))


@pytest.mark.parametrize("text, label", [*((t, "positive") for t in POSITIVE), *((t, "negative") for t in NEGATIVE), *((t, "neutral") for t in NEUTRAL)])
def test_one_clear_sentence_gets_its_label_and_compound(analyzer, text, label):
    result = _quiet(analyzer, [text])
    assert result.label == label
    assert result.score == analyzer.score_sentences([text])[0]


def test_adding_neutral_sentences_does_not_flip_the_label(analyzer):
    rng = random.Random(19)
    for text in POSITIVE + NEGATIVE:
        label = _quiet(analyzer, [text]).label
        for _ in range(12):
            texts = rng.sample(NEUTRAL, rng.randint(1, len(NEUTRAL)))
            texts.insert(rng.randint(0, len(texts)), text)
            assert _quiet(analyzer, texts).label == label, texts


def test_order_changes_the_timeline_not_the_label(analyzer):
    """Any order of the same sentences: the same document score and label, but a timeline
    that follows the order. Documents with a clear majority (at least three times as many
    sentences of one tone as of the other, plus neutral ones) get the majority's label."""
    rng = random.Random(7)
    timelines_differ = 0
    for case in range(120):
        majority, minority = (POSITIVE, NEGATIVE) if case % 2 == 0 else (NEGATIVE, POSITIVE)
        n_minor = rng.randint(0, 4)
        n_major = rng.randint(max(1, 3 * n_minor), 3 * n_minor + 6)
        texts = [rng.choice(majority) for _ in range(n_major)] + [rng.choice(minority) for _ in range(n_minor)]
        texts += [rng.choice(NEUTRAL) for _ in range(rng.randint(0, 8))]
        expected = "positive" if majority is POSITIVE else "negative"
        first = _quiet(analyzer, texts)
        assert first.label == expected, texts
        seen_timelines = {tuple(p.score for p in first.timeline)}
        for _ in range(6):
            rng.shuffle(texts)
            result = _quiet(analyzer, texts)
            assert (result.label, result.score) == (first.label, first.score), texts
            seen_timelines.add(tuple(p.score for p in result.timeline))
        timelines_differ += len(seen_timelines) > 1
    assert timelines_differ > 60  # the order does show, in the timeline


def test_the_last_sentence_does_not_decide(analyzer):
    """The issue's case: two positive sentences and a negative one at the end."""
    for pos_a, pos_b, neg in itertools.product(POSITIVE[:3], POSITIVE[3:], NEGATIVE):
        assert _quiet(analyzer, [pos_a, pos_b, neg]).label == "positive", (pos_a, pos_b, neg)
    for neg_a, neg_b, pos in itertools.product(NEGATIVE[:3], NEGATIVE[3:], POSITIVE):
        assert _quiet(analyzer, [neg_a, neg_b, pos]).label == "negative", (neg_a, neg_b, pos)


# ---- through the whole Pipeline -----------------------------------------------------------


def test_issue_examples(default_pipeline):
    one = default_pipeline("I love this movie, it is wonderful!").sentiment
    assert one.label == "positive" and one.score == pytest.approx(default_pipeline.sentiment_analyzer.score_sentences(["I love this movie, it is wonderful!"])[0])
    assert one.score > 0.8 and one.positive == 1.0
    tepid = default_pipeline("Effective but too tepid biopic").sentiment
    assert tepid.score != 0.0 and tepid.label != "neutral"


def test_three_cue_srt_two_thirds_positive(default_pipeline):
    srt = (
        "1\n00:00:01,000 --> 00:00:04,000\nThe new library is a wonderful place to study.\n\n"
        "2\n00:00:05,000 --> 00:00:08,000\nThe staff are friendly and helpful.\n\n"
        "3\n00:00:09,000 --> 00:00:12,000\nThe parking is bad.\n"
    )
    sentiment = default_pipeline(srt, format="srt").sentiment
    assert sentiment.positive == pytest.approx(2 / 3)
    assert sentiment.label == "positive" and sentiment.score > 0.05


def test_one_speaker_srt_by_speaker_equals_document(default_pipeline):
    text = "DAVE: I love this project. The demo went badly. But the team was great and I am proud of them.\nDAVE: It was a good week."
    sentiment = default_pipeline(text).sentiment
    assert sentiment.by_speaker == (("DAVE", sentiment.score),)
    data = default_pipeline(text).to_dict()["sentiment"]
    assert data["by_speaker"] == {"DAVE": data["score"]}  # the JSON holds a mapping, as the README says


@pytest.mark.parametrize(
    "text, label, warning",
    [
        ("😀😀😀", "positive", "emoji"),
        ("😡 😡", "neutral", "no sentence carries sentiment"),  # VADER has no valence for it
        ("Great.", "positive", "only 1 word"),
        ("Terrible!", "negative", "only 1 word"),
        ("THIS IS THE WORST DAY EVER. I HATE IT.", "negative", None),
        ("THANK YOU ALL, THIS WAS AMAZING!", "positive", None),
        ("The food was not bad at all.", "positive", None),
        ("It was not good, not good at all.", "negative", None),
        ("Oh great, another meeting that could have been an email /s", None, "sarcasm"),
        ("Yeah right, what a brilliant plan. #sarcasm", None, "sarcasm"),
        ("C'est une journée magnifique, je suis très heureux de vous voir tous ici ce soir pour parler de notre projet.", None, None),
        ("Das ist ein wunderbarer Tag und wir freuen uns sehr, dass Sie alle heute Abend hier sind, um über das Projekt zu sprechen.", None, None),
    ],
)
def test_odd_input_gets_a_label_and_a_warning_where_unreliable(default_pipeline, text, label, warning):
    result = default_pipeline(text)
    sentiment = result.sentiment
    assert sentiment.label in {"positive", "neutral", "negative"}
    assert -1.0 <= sentiment.score <= 1.0
    if label is not None:
        assert sentiment.label == label
    tone_warnings = [w for w in result.meta.warnings if w.startswith("sentiment:")]
    if warning is not None:
        assert any(warning in w for w in tone_warnings), result.meta.warnings
    if text.startswith(("C'est", "Das")):  # another language: the tone says it is unreliable
        assert any("English" in w for w in tone_warnings) or any("no sentence carries sentiment" in w for w in tone_warnings), result.meta.warnings
