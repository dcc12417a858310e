from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from pipeline.config import KeywordConfig, SegmentConfig
from pipeline.errors import ConfigError
from pipeline.keywords import KeywordExtractor
from pipeline.segment import Segmenter
from pipeline.types import Document, Segment, Transcript

ROOT = Path(__file__).resolve().parents[1]

TALK = (
    "Today we talk about large language models. DeepSeek released a new language model last week. "
    "The DeepSeq model is smaller than other models, and the new language model runs on a single GPU. "
    "Um, you know, the thing is, smaller models are cheaper to run. "
    "Language models like DeepSeek are trained on huge amounts of text. "
    "Training a language model on a GPU cluster costs a lot of money. "
    "DeepSeek says its language model matches bigger models on reasoning benchmarks."
)


@pytest.fixture(scope="module")
def segmenter(spacy_model):
    return Segmenter(SegmentConfig(), spacy_model.nlp)


def _doc(segmenter, *texts: str) -> Document:
    return segmenter(Transcript(segments=tuple(Segment(t) for t in texts)))


@pytest.fixture(scope="module")
def talk(segmenter):
    return _doc(segmenter, TALK)


@pytest.fixture(scope="module")
def talk_keywords(talk):
    return KeywordExtractor(KeywordConfig())(talk)


def test_keywords_are_noun_phrases_without_fillers_or_bare_adjectives(talk_keywords):
    texts = [k.text.lower() for k in talk_keywords]
    assert texts, "expected key phrases"
    assert any("language model" in t for t in texts)
    for bad in ("smaller", "um", "thing", "you", "lot", "today", "cheaper"):
        assert bad not in texts
    # no verb-led fragments such as "training a language model" or "says"
    assert not any(t.split()[0] in ("training", "says", "released", "run", "runs") for t in texts)


def test_near_duplicates_merge_into_one_keyword_with_all_forms(talk_keywords):
    lowered = [k.text.lower() for k in talk_keywords]
    # "model"/"models", "language model"/"language models": one keyword each at most
    assert len(lowered) == len(set(lowered))
    assert sum(t in ("model", "models") for t in lowered) <= 1
    assert sum(t in ("language model", "language models") for t in lowered) <= 1
    # the ASR variant "DeepSeq" joins "DeepSeek" (display text = the more frequent form)
    deep = [k for k in talk_keywords if k.text.lower() in ("deepseek", "deepseq")]
    assert len(deep) == 1
    assert deep[0].text == "DeepSeek"
    assert {"DeepSeek", "DeepSeq"} <= set(deep[0].forms)


def test_spans_are_exact_sorted_and_consistent(talk, talk_keywords):
    for kw in talk_keywords:
        assert 0.0 <= kw.score <= 1.0
        assert kw.count == len(kw.spans) >= 1
        assert list(kw.spans) == sorted(kw.spans)
        forms = {f.lower() for f in kw.forms}
        for (start, end), (next_start, _) in zip(kw.spans, kw.spans[1:]):
            assert end <= next_start  # non-overlapping
        for start, end in kw.spans:
            assert talk.text[start:end].lower() in forms
            index = next(s.index for s in talk.sentences if s.start_char <= start < s.end_char)
            assert index in kw.sentences
        assert list(kw.sentences) == sorted(set(kw.sentences))
        assert kw.text in kw.forms
    scores = [k.score for k in talk_keywords]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == 1.0


def test_top_k_and_max_ngram_are_respected(talk):
    kws = KeywordExtractor(KeywordConfig(top_k=3, max_ngram=1))(talk)
    assert 1 <= len(kws) <= 3
    assert all(len(k.text.split()) == 1 for k in kws)


def test_hyphenated_words_stay_whole(segmenter):
    doc = _doc(segmenter, "Real-time systems need real-time scheduling. Real-time scheduling is hard in real-time systems.")
    texts = [k.text.lower() for k in KeywordExtractor(KeywordConfig())(doc)]
    assert any(t.startswith("real-time") for t in texts)
    assert "time" not in texts


def test_does_not_mutate_and_is_deterministic(talk):
    before = repr(talk)
    first = KeywordExtractor(KeywordConfig())(talk)
    second = KeywordExtractor(KeywordConfig())(talk)
    assert first == second
    assert repr(talk) == before
    json.dumps([k.__repr__() for k in first])


@pytest.mark.parametrize(
    "text",
    ["Hello.", "the and of it is was", "1 2 3 4 5 6 7 8 9 10", "Yeah. Um. Okay.", "!!! ???"],
)
def test_odd_input_never_raises(segmenter, text):
    doc = _doc(segmenter, text)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        kws = KeywordExtractor(KeywordConfig())(doc)
    assert isinstance(kws, tuple)
    for kw in kws:
        assert kw.text and kw.spans


def test_empty_document():
    assert KeywordExtractor(KeywordConfig())(Document(text="", sentences=())) == ()


def test_long_text_keeps_recurring_phrases(segmenter):
    # ~3,000 words: a phrase said once is not key in a long text
    body = " ".join(f"The honeybee swarm chooses a new nest site number {i}." for i in range(300))
    doc = _doc(segmenter, "Professor Alice Wonderland speaks. " + body)
    texts = [k.text.lower() for k in KeywordExtractor(KeywordConfig())(doc)]
    assert any("honeybee swarm" in t or "nest site" in t for t in texts)
    assert "alice wonderland" not in texts


def test_config_ranges():
    with pytest.raises(ConfigError):
        KeywordConfig(containment=0.5)
    with pytest.raises(ConfigError):
        KeywordConfig(max_edits=9)
    with pytest.raises(ConfigError):
        KeywordConfig(words_per_repeat=-1)


def test_same_output_under_two_hash_seeds():
    code = (
        "import sys; sys.path.insert(0, %r)\n"
        "from pipeline.model import load_model; from pipeline.segment import Segmenter\n"
        "from pipeline.config import SegmentConfig, KeywordConfig; from pipeline.types import Transcript, Segment\n"
        "from pipeline.keywords import KeywordExtractor\n"
        "seg = Segmenter(SegmentConfig(), load_model('en_core_web_sm').nlp)\n"
        "print(repr(KeywordExtractor(KeywordConfig())(seg(Transcript(segments=(Segment(%r),))))))\n"
    ) % (str(ROOT), TALK)
    outputs = set()
    for seed in ("1", "4242"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120, check=True)
        outputs.add(run.stdout)
    assert len(outputs) == 1


def test_participles_modify_nouns_but_do_not_lead_names():
    from pipeline.keywords.spans import Word, phrase_like

    def w(text, pos, tag):
        return Word(text, text.lower(), text.lower(), pos, tag, 0, len(text), False, False, False)

    assert phrase_like([w("distributed", "VERB", "VBN"), w("systems", "NOUN", "NNS")], frozenset())
    assert not phrase_like([w("joined", "VERB", "VBN"), w("Northern", "PROPN", "NNP"), w("Ireland", "PROPN", "NNP")], frozenset())
    assert not phrase_like([w("smaller", "ADJ", "JJR")], frozenset())
    assert not phrase_like([w("thing", "NOUN", "NN")], frozenset({"thing"}))


# ---- salience, speaker labels, plurals, whole names (issue 12) ----------------------------


def test_common_words_rank_below_the_subject(segmenter):
    from pipeline.keywords.salience import keyness

    # the same count in the same text: a word common everywhere is less key
    assert keyness("people", 10, 2000) < keyness("surgery", 10, 2000)
    assert keyness("surgery", 20, 2000) > keyness("surgery", 2, 2000)
    text = " ".join(
        ["People love surgery. Surgery helps people. Many people fear surgery, but surgery saves people."] * 3
        + ["Robotic surgery is precise. The surgeon guides the robot. People watch."]
    )
    keys = [k.text.lower() for k in KeywordExtractor(KeywordConfig())(_doc(segmenter, text))]
    assert "surgery" in keys and "people" in keys
    assert keys.index("surgery") < keys.index("people")


def test_speaker_labels_are_never_key_phrases(segmenter):
    lines = [
        ("Project Manager", "Let us discuss the remote control design and the battery."),
        ("Industrial Designer", "The remote control needs a rubber case and a small battery."),
        ("Professor D", "A rubber case on the remote control is cheap."),
        ("PhD F", "The battery of the remote control lasts a year."),
    ] * 3
    doc = segmenter(Transcript(segments=tuple(Segment(t, speaker=s) for s, t in lines)))
    keys = [k.text.lower() for k in KeywordExtractor(KeywordConfig())(doc)]
    assert "remote control" in keys
    for label in ("project manager", "industrial designer", "professor d", "phd f", "professor", "phd"):
        assert label not in keys


def test_plural_and_case_variants_are_one_keyword(segmenter):
    text = "Games matter. The game is fun. Video Games are art. A game teaches. Games change minds. The Game ends."
    kws = KeywordExtractor(KeywordConfig())(_doc(segmenter, text))
    game = [k for k in kws if k.text.lower() in ("game", "games")]
    assert len(game) == 1
    assert {f.lower() for f in game[0].forms} >= {"game", "games"}


def test_names_are_completed_with_their_missing_word_and_model_number(segmenter):
    text = (
        "DeepSeek R1 is a reasoning model. We tested DeepSeek R1 on maths. "
        "The New York Times wrote about DeepSeek R1. The New York Times was impressed. "
        "Later the New York Times compared it with other models."
    )
    doc = _doc(segmenter, text)
    kws = KeywordExtractor(KeywordConfig())(doc)
    texts = [k.text for k in kws]
    assert "DeepSeek R1" in texts
    assert "New York Times" in texts
    assert "York Times" not in texts and "DeepSeek" not in texts
    for k in kws:  # the highlighted spans follow the completed name
        assert all(doc.text[s:e] in k.forms for s, e in k.spans)
        assert all(a[1] <= b[0] for a, b in zip(k.spans, k.spans[1:]))


def test_name_completion_ignores_sentence_starts():
    from pipeline.keywords.names import complete

    text = "So life is good. So life goes on. Then life ends."
    spans = [(m, m + 4) for m in (3, 20, 39)]
    assert [text[s:e] for s, e in complete(text, spans)] == ["life"] * 3


def test_generic_words_give_way_to_the_subject_and_sounds_are_never_key(segmenter):
    from pipeline.keywords.salience import generic, keyness

    assert generic("people") and generic("good idea") and not generic("mastery")
    # a common word said often, but no more than English at large says it, is not key
    assert keyness("people", 30, 2000) == keyness("world", 1, 2000)
    sentences = [
        "Mmm. People in the world learn with mastery learning.",
        "Mastery means people move on when they understand.",
        "In the world of school, time is fixed and mastery varies.",
        "PLP features and mastery, people say, nnn, matter for the world.",
        "PLP features work. Mmm, time will tell, people.",
    ] * 6
    keys = [k.text.lower() for k in KeywordExtractor(KeywordConfig())(_doc(segmenter, " ".join(sentences)))]
    assert "mastery" in keys[:3]
    assert "mmm" not in keys and "nnn" not in keys
    assert any(k.startswith("plp") for k in keys)  # an acronym is no hesitation sound
    for word in ("people", "world", "time"):
        assert word not in keys or keys.index(word) > keys.index("mastery")


def test_pieces_of_names_and_framings_of_one_term_are_not_separate_phrases(segmenter):
    sentences = [
        "I grew up in South Central Los Angeles.",
        "South Central Los Angeles taught me about the death penalty.",
        "The death penalty story began in San Quentin.",
        "The death penalty case was heard twice.",
        "Death penalty supporters and death penalty opponents met.",
        "The death penalty case and the death penalty story made news.",
        "Supporters of the death penalty and the death penalty supporters disagreed.",
    ] * 3
    keys = [k.text for k in KeywordExtractor(KeywordConfig(top_k=15))(_doc(segmenter, " ".join(sentences)))]
    lowered = [k.lower() for k in keys]
    assert not any(k.endswith(" los") or k == "san" or k == "central los" for k in lowered)
    framed = [k for k in lowered if k.startswith("death penalty ")]
    assert len(framed) <= 1, keys
