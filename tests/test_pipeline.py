"""The whole pipeline: the JSON contract of DESIGN.md §4 and the guarantees of issue 2."""

from __future__ import annotations

import json

import pytest

from conftest import SAMPLES
from pipeline import Config, InputError, Pipeline
from pipeline.result import SCHEMA_VERSION


def test_json_has_the_documented_shape(sample_result):
    data = json.loads(sample_result.to_json())
    assert data["schema_version"] == SCHEMA_VERSION
    assert set(data) >= {"schema_version", "title", "summary", "keywords", "sentiment", "quiz", "sentences", "meta"}
    assert set(data["summary"][0]) >= {"text", "sentence", "score", "start", "end", "speaker"}
    assert set(data["keywords"][0]) >= {"text", "score", "count", "forms"}
    assert set(data["sentiment"]) >= {"label", "score", "positive", "neutral", "negative", "timeline", "by_speaker"}
    assert set(data["quiz"][0]) >= {"id", "type", "question", "answer", "options", "sentence", "start"}
    assert set(data["sentences"][0]) >= {"text", "start_char", "end_char", "start", "end", "speaker"}
    assert set(data["meta"]) >= {"package_version", "model", "config_fingerprint", "input_sha256", "warnings"}
    assert data["meta"]["model"].startswith("en_core_web_sm")
    assert data["sentiment"]["label"] in ("positive", "neutral", "negative")


def test_sample_talk_result_is_sensible(sample_result):
    r = sample_result
    assert 3 <= len(r.title.split()) <= 10
    assert r.summary and [s.sentence for s in r.summary] == sorted(s.sentence for s in r.summary)
    for item in r.summary:
        assert item.text == r.sentences[item.sentence].text
        assert item.start is not None and item.end is not None and item.start <= item.end
    assert r.keywords and all(0.0 <= k.score <= 1.0 for k in r.keywords)
    assert all(r.text[s.start_char : s.end_char] == s.text for s in r.sentences)
    # cleaning removed caption tags and the trailing call to action
    assert "[Applause]" not in r.text and "subscribe" not in r.text.lower()


def test_quiz_items_are_well_formed(sample_result, podcast_result):
    for result in (sample_result, podcast_result):
        assert result.quiz
        for item in result.quiz:
            source = result.sentences[item.sentence].text
            assert item.answer in item.options
            if item.type == "cloze":
                assert "_____" in item.question
                assert item.answer in source  # the answer occurs in its source sentence
                assert item.answer.lower() not in item.question.lower()
                assert len(item.options) == 4 and len({o.lower() for o in item.options}) == 4
            else:
                assert item.options == ("True", "False")


def test_podcast_speakers_and_times(podcast_result):
    speakers = {s.speaker for s in podcast_result.sentences}
    assert speakers == {"DANA", "RAVI"}
    assert dict(podcast_result.sentiment.by_speaker).keys() == {"DANA", "RAVI"}
    assert podcast_result.sentences[0].start == 0.0
    text = podcast_result.text
    assert " um," not in text.lower() and "I I " not in text


def test_meta_records_input_hash_and_config(default_pipeline):
    text = (SAMPLES / "podcast.txt").read_text(encoding="utf-8")
    result = default_pipeline(text)
    import hashlib

    assert result.meta.input_sha256 == hashlib.sha256(text.encode()).hexdigest()
    assert result.meta.config_fingerprint == default_pipeline.config.fingerprint()


def test_config_changes_output():
    nlp = Pipeline(Config.from_overrides({"summary.sentences": 2, "keywords.top_k": 3, "quiz.questions": 1}))
    result = nlp.analyze_file(SAMPLES / "talk.srt")
    assert len(result.summary) == 2 and len(result.keywords) <= 3 and len(result.quiz) <= 1


@pytest.mark.parametrize(
    "text",
    [
        "Bees.",
        "hello",
        "the and of to a in",
        "12 34 56 78 90",
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " * 30,
        "Same sentence again. " * 50,
    ],
)
def test_odd_inputs_give_a_valid_result(default_pipeline, text):
    result = default_pipeline(text)
    json.loads(result.to_json())
    assert result.sentences


@pytest.mark.parametrize("text", ["", "   \n\t ", "[Music] [Applause]"])
def test_empty_inputs_raise_input_error(default_pipeline, text):
    with pytest.raises(InputError):
        default_pipeline(text)


def test_long_input(default_pipeline):
    text = (SAMPLES / "podcast.txt").read_text(encoding="utf-8")
    result = default_pipeline(text * 40)  # ~30,000 words
    assert len(result.summary) > 5
    # every sentence said 40 times makes every word the recording's topic (the gap model's
    # repetition feature): the quiz may be empty then, but says so
    assert result.quiz or any("quiz" in w for w in result.meta.warnings)


def test_pipe_keeps_order_and_matches_single_calls(default_pipeline):
    texts = ["Bees dance to share news. The hive listens.", (SAMPLES / "podcast.txt").read_text(encoding="utf-8")]
    piped = list(default_pipeline.pipe(texts, n_process=2))
    assert [r.to_json() for r in piped] == [default_pipeline(t).to_json() for t in texts]


def test_file_hash_is_of_the_raw_bytes(default_pipeline, tmp_path):
    import hashlib

    raw = "\ufeffBees dance to share news. The hive listens closely.".encode("utf-8")  # with a BOM
    path = tmp_path / "bom.txt"
    path.write_bytes(raw)
    result = default_pipeline.analyze_file(path)
    assert result.meta.input_sha256 == hashlib.sha256(raw).hexdigest()
    assert default_pipeline.analyze_bytes(raw).meta.input_sha256 == result.meta.input_sha256
