"""Tests for pipeline/summary: the Summarizer's contract, transcript-aware candidates,
redundancy control, length control, odd input, and exact agreement with sumy's TextRank."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest

from pipeline.config import SegmentConfig, SummaryConfig
from pipeline.errors import ConfigError, PipelineWarning
from pipeline.result import SummaryItem, _plain
from pipeline.summary import Summarizer
from pipeline.summary.length import default_count, target_count
from pipeline.summary.sumy_compat import stop_words, sumy_words
from pipeline.types import Document, Segment, Sentence, Transcript

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
SAMPLES = ROOT / "resources" / "samples"
_LINE = re.compile(r"^\[(\d+):(\d+):(\d+)\]\s*([^:]+):\s*(.*)$")


@pytest.fixture(scope="module")
def segmenter():
    from pipeline.model import load_model
    from pipeline.segment import Segmenter

    return Segmenter(SegmentConfig(), load_model("en_core_web_sm").nlp)


def _podcast_transcript() -> Transcript:
    """The bundled podcast sample, read with a tiny parser (ingest is not under test)."""
    segments = []
    for line in (SAMPLES / "podcast.txt").read_text(encoding="utf-8").splitlines():
        m = _LINE.match(line.strip())
        if m:
            h, mi, s, speaker, text = m.groups()
            start = 3600 * int(h) + 60 * int(mi) + int(s)
            segments.append(Segment(text, float(start), float(start) + 5.0, speaker.strip()))
    return Transcript(segments=tuple(segments))


@pytest.fixture(scope="module")
def podcast(segmenter) -> Document:
    return segmenter(_podcast_transcript())


def _doc(segmenter, *texts: str, speaker: str | None = None) -> Document:
    return segmenter(Transcript(segments=tuple(Segment(t, float(i), float(i) + 1.0, speaker) for i, t in enumerate(texts))))


def _hand_doc(texts: list[str]) -> Document:
    """A Document without spaCy (no tokens): one sentence per text."""
    sentences, offset = [], 0
    for i, text in enumerate(texts):
        sentences.append(Sentence(index=i, text=text, start_char=offset, end_char=offset + len(text), start=None, end=None, speaker=None))
        offset += len(text) + 1
    return Document(text=" ".join(texts), sentences=tuple(sentences))


# ---- contract ------------------------------------------------------------------------------


def test_items_are_in_document_order_with_index_score_times_and_speaker(podcast):
    items = Summarizer(SummaryConfig(sentences=4))(podcast)
    assert len(items) == 4
    assert all(isinstance(i, SummaryItem) for i in items)
    assert [i.sentence for i in items] == sorted(i.sentence for i in items)
    for item in items:
        source = podcast.sentences[item.sentence]
        last = podcast.sentences[item.last_sentence]
        # extractive: the span of the transcript from the kept start to the sentence end
        said = podcast.text[item.start_char : item.end_char]
        assert item.text == (said[:1].upper() + said[1:] if item.trimmed else said)
        assert source.start_char <= item.start_char < item.end_char == last.end_char
        assert item.trimmed == (item.start_char > source.start_char)
        # what was left out is said right before the shown text
        left = podcast.text[source.start_char : item.start_char]
        assert item.trimmed_text == left.rstrip(" ,\u2014-:;") and bool(item.trimmed_text) == item.trimmed
        assert (item.start, item.end, item.speaker) == (source.start, last.end, source.speaker)
        assert item.speaker in ("DANA", "RAVI")
        assert 0.0 < item.score <= 1.0
    assert max(i.score for i in items) == pytest.approx(1.0) or len(items) < len(podcast.sentences)
    json.dumps(_plain(items))  # JSON-serialisable


def test_rank_has_one_score_per_sentence_and_is_repeatable(podcast):
    summarizer = Summarizer(SummaryConfig())
    scores = summarizer.rank(podcast)
    assert scores.shape == (len(podcast.sentences),)
    assert np.all(scores >= 0)
    assert np.array_equal(scores, summarizer.rank(podcast))
    # the best-ranked sentence that can be read on its own is in the summary
    from pipeline.standalone import assess

    standalone = [i for i in np.argsort(-scores, kind="stable") if assess(podcast.sentences[i]).standalone]
    assert int(standalone[0]) in [i.sentence for i in summarizer(podcast)]


def test_same_input_same_output_and_no_mutation(podcast):
    before = repr(podcast)
    a = Summarizer(SummaryConfig())(podcast)
    b = Summarizer(SummaryConfig())(podcast)
    assert a == b
    assert repr(podcast) == before


_HASH_SEED_TEXTS = [
    "Wind turbines convert the kinetic energy of wind into electricity.",
    "Offshore wind farms produce more electricity because the wind is stronger at sea.",
    "Thanks for watching and subscribe for more.",
    "The blades of modern wind turbines are longer than eighty metres.",
    "Longer blades capture more wind energy at lower wind speeds.",
    "Wind farms need storage or backup because the wind is variable.",
]


def test_output_is_identical_under_different_hash_seeds():
    # hand-built sentences keep the subprocesses free of spaCy (fast); the string-keyed
    # parts (vocabulary, MMR, candidates) are exercised all the same
    code = "\n".join(
        [
            "import json, sys",
            f"sys.path.insert(0, {str(ROOT)!r})",
            "from pipeline.config import SummaryConfig; from pipeline.summary import Summarizer",
            "from pipeline.result import _plain; from pipeline.types import Document, Sentence",
            f"texts = {_HASH_SEED_TEXTS!r}",
            "doc = Document(text='', sentences=tuple(Sentence(index=i, text=t, start_char=0, end_char=len(t), start=None, end=None, speaker=None) for i, t in enumerate(texts)))",
            "print(json.dumps(_plain(Summarizer(SummaryConfig(sentences=3))(doc))))",
        ]
    )
    outputs = []
    for seed in ("0", "12345"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, cwd=str(ROOT), check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1]
    items = json.loads(outputs[0])
    assert len(items) == 3 and "Thanks for watching" not in json.dumps(items)


# ---- transcript-aware candidates --------------------------------------------------------------


def test_calls_to_action_greetings_and_fillers_stay_out(segmenter):
    doc = _doc(
        segmenter,
        "Hi everyone and welcome back to the channel.",
        "Yeah.",
        "Solar panels convert sunlight into electricity using silicon cells.",
        "The efficiency of silicon solar cells has improved steadily for decades.",
        "Don't forget to subscribe and hit the like button for more solar energy videos.",
        "Modern solar cells reach about twenty two percent efficiency in commercial panels.",
        "Thanks for watching, see you next time.",
        "Installing solar panels on a roof requires checking the roof's angle and shading.",
    )
    texts = [i.text for i in Summarizer(SummaryConfig(sentences=3))(doc)]
    assert len(texts) == 3
    joined = " ".join(texts).lower()
    for banned in ("subscribe", "thanks for watching", "welcome back", "yeah."):
        assert banned not in joined


def test_questions_are_demoted(segmenter):
    doc = _doc(
        segmenter,
        "What does the central bank do when inflation rises quickly?",
        "The central bank raises interest rates when inflation rises quickly.",
        "Higher interest rates make borrowing more expensive for households and firms.",
        "Households and firms then spend less, which slows inflation.",
    )
    texts = [i.text for i in Summarizer(SummaryConfig(sentences=2))(doc)]
    assert not any(t.endswith("?") for t in texts)


# ---- redundancy -------------------------------------------------------------------------------


def test_no_near_duplicates_even_when_the_transcript_repeats_itself(segmenter):
    repeated = "The new battery design doubles the range of electric cars."
    doc = _doc(
        segmenter,
        repeated,
        "Engineers tested the battery design in cold weather for three months.",
        repeated,
        "The new battery design doubles the range of electric cars and trucks.",  # near-duplicate
        "Charging time also fell by half in the cold weather tests.",
        repeated,
        "Production of the battery starts next year in two factories.",
    )
    items = Summarizer(SummaryConfig(sentences=4))(doc)
    texts = [i.text for i in items]
    assert len(texts) == len(set(texts))
    battery_doubles = [t for t in texts if "doubles the range" in t]
    assert len(battery_doubles) == 1


def test_rolled_over_caption_fragments_are_not_both_chosen(segmenter):
    doc = _doc(
        segmenter,
        "Volcanoes release gases such as sulfur dioxide into the atmosphere.",
        "Volcanoes release gases such as sulfur dioxide into the atmosphere every single day.",
        "Sulfur dioxide forms aerosols that reflect sunlight and cool the climate.",
        "Large eruptions can cool the global climate for one or two years.",
    )
    texts = [i.text for i in Summarizer(SummaryConfig(sentences=3))(doc)]
    assert sum("Volcanoes release gases" in t for t in texts) == 1


# ---- length control ---------------------------------------------------------------------------


def test_default_length_scales_with_transcript_length():
    assert default_count(100) == 3
    assert default_count(1_500) == 5  # a 10-minute talk
    assert default_count(18_000) == 17  # a 2-hour meeting
    assert default_count(10_000_000) == 25
    assert target_count(SummaryConfig(), 2, 1_500) == 2  # never more than there are


def test_sentences_and_ratio(podcast):
    n = len(podcast.sentences)
    assert len(Summarizer(SummaryConfig(sentences=2))(podcast)) == 2
    expected = max(1, round(0.25 * n))
    assert len(Summarizer(SummaryConfig(ratio=0.25, duplicate_cosine=1.0, diversity=1.0))(podcast)) <= expected
    assert target_count(SummaryConfig(ratio=0.25), n, 1000) == expected
    assert target_count(SummaryConfig(sentences=3, ratio=0.9), n, 1000) == 3  # sentences wins


@pytest.mark.parametrize("budget", [12, 25, 60, 200])
def test_max_words_is_never_exceeded(podcast, budget):
    items = Summarizer(SummaryConfig(max_words=budget))(podcast)
    assert items
    # the words shown: the tokens of each point's span (a trimmed opener is not shown)
    words = sum(
        1
        for i in items
        for s in podcast.sentences[i.sentence : i.last_sentence + 1]
        for t in s.tokens
        if not t.is_punct and i.start_char <= t.start_char < i.end_char
    )
    assert words <= budget


def test_max_words_smaller_than_any_sentence_truncates_the_best_with_a_warning(segmenter):
    doc = _doc(segmenter, "Photosynthesis turns light energy into chemical energy stored in glucose molecules.")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        items = Summarizer(SummaryConfig(max_words=3))(doc)
    assert len(items) == 1
    assert len(items[0].text.split()) == 3 and items[0].text.endswith("\u2026")
    assert any(issubclass(w.category, PipelineWarning) and "max_words" in str(w.message) for w in caught)


def test_bad_config_values_are_rejected():
    with pytest.raises(ConfigError, match="summary.similarity"):
        SummaryConfig(similarity="bm99")
    with pytest.raises(ConfigError, match="summary.diversity"):
        SummaryConfig(diversity=1.5)
    with pytest.raises(ConfigError, match="summary.ratio"):
        SummaryConfig(ratio=0.0)


# ---- odd input --------------------------------------------------------------------------------


def test_empty_document():
    assert Summarizer(SummaryConfig())(Document(text="", sentences=())) == ()
    assert Summarizer(SummaryConfig()).rank(Document(text="", sentences=())).shape == (0,)


@pytest.mark.parametrize("similarity", ["tfidf", "sumy"])
def test_one_sentence(segmenter, similarity):
    doc = _doc(segmenter, "The museum reopens on Monday.")
    items = Summarizer(SummaryConfig(similarity=similarity))(doc)
    assert [i.sentence for i in items] == [0]


@pytest.mark.parametrize("similarity", ["tfidf", "sumy"])
def test_all_identical_sentences_give_one_item(segmenter, similarity):
    doc = _doc(segmenter, *["The river floods every spring after the snow melts."] * 6)
    items = Summarizer(SummaryConfig(similarity=similarity, sentences=3))(doc)
    assert len(items) == 1 and items[0].sentence == 0


def test_sentences_without_content_words_warn_and_still_summarise(segmenter):
    doc = _doc(segmenter, "Yeah.", "Okay, so, um.", "It is what it is.", "And then, well, you know.")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        items = Summarizer(SummaryConfig())(doc)
    assert len(items) >= 1
    assert all(np.isfinite(i.score) for i in items)
    assert any(issubclass(w.category, PipelineWarning) for w in caught)


def test_a_100000_word_transcript_is_summarised(podcast):
    sentences = []
    for i in range(12_000):
        s = podcast.sentences[i % len(podcast.sentences)]
        sentences.append(Sentence(index=i, text=s.text, start_char=0, end_char=len(s.text), start=s.start, end=s.end, speaker=s.speaker, tokens=s.tokens))
    doc = Document(text="", sentences=tuple(sentences))
    assert doc.n_words >= 100_000
    items = Summarizer(SummaryConfig())(doc)
    assert 3 <= len(items) <= 25
    texts = [i.text for i in items]
    assert len(set(texts)) == len(texts)  # the repeated podcast is not summarised twice over


def test_sentences_without_tokens_are_handled():
    doc = _hand_doc(["Cats sleep most of the day.", "Cats hunt mice at night in the garden.", "Dogs bark at the cats."])
    items = Summarizer(SummaryConfig(sentences=1))(doc)
    assert len(items) == 1


# ---- sumy mode --------------------------------------------------------------------------------


class _FixedWords:
    def __init__(self, words):
        self.words = words

    def to_words(self, _text):
        return self.words


def _sumy_order(document: Document) -> list[int]:
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.text_rank import TextRankSummarizer

    model = ObjectDocumentModel([Paragraph([SumySentence(s.text, _FixedWords(sumy_words(s))) for s in document.sentences])])
    summarizer = TextRankSummarizer(Stemmer("english"))
    summarizer.stop_words = stop_words()
    ratings = summarizer.rate_sentences(model)
    values = [ratings[s] for s in model.sentences]
    return sorted(range(len(values)), key=lambda i: values[i], reverse=True)  # sumy's stable sort


def _our_sumy_order(document: Document) -> list[int]:
    scores = Summarizer(SummaryConfig(similarity="sumy", filter_candidates=False)).rank(document)
    return [int(i) for i in np.lexsort((np.arange(len(scores)), -scores))]


def test_sumy_mode_ranks_the_samples_exactly_like_sumy(podcast, segmenter):
    import srt

    assert _our_sumy_order(podcast) == _sumy_order(podcast)
    cues = srt.parse((SAMPLES / "talk.srt").read_text(encoding="utf-8"))
    talk = segmenter(
        Transcript(segments=tuple(Segment(c.content.replace("\n", " "), c.start.total_seconds(), c.end.total_seconds()) for c in cues))
    )
    assert len(talk.sentences) > 20
    assert _our_sumy_order(talk) == _sumy_order(talk)


def test_sumy_mode_summary_equals_sumys_top_k(podcast):
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.text_rank import TextRankSummarizer

    model = ObjectDocumentModel([Paragraph([SumySentence(s.text, _FixedWords(sumy_words(s))) for s in podcast.sentences])])
    summarizer = TextRankSummarizer(Stemmer("english"))
    summarizer.stop_words = stop_words()
    theirs = [str(s) for s in summarizer(model, 5)]
    config = SummaryConfig(similarity="sumy", filter_candidates=False, diversity=1.0, duplicate_cosine=1.0, sentences=5)
    ours = [i.text for i in Summarizer(config)(podcast)]
    assert ours == theirs


def test_sumy_mode_ranks_dev_documents_exactly_like_sumy(segmenter):
    path = EVAL / "summary" / "bbc_dev.jsonl"
    if not path.exists():
        pytest.skip("shared eval data not available")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[:25]]
    for record in records:
        doc = segmenter(Transcript(segments=tuple(Segment(p) for p in record["text"].split("\n") if p.strip())))
        assert _our_sumy_order(doc) == _sumy_order(doc), record["id"]


# ---- self-contained points and bad input (issue 13) -----------------------------------------


def test_points_stand_alone_and_openers_are_trimmed(segmenter):
    doc = _doc(
        segmenter,
        "Yeah.",
        "So, honey bees communicate the location of flowers with a waggle dance.",
        "His theory states that the dance encodes distance and direction.",
        "And the angle of the dance shows the direction of the food relative to the sun.",
        "But really, was this a language at all?",
        "The duration of the waggle run tells the other bees how far away the food is.",
        "Yeah, yeah, okay.",
        speaker="A",
    )
    items = Summarizer(SummaryConfig(sentences=3))(doc)
    texts = [i.text for i in items]
    assert not any(t.startswith(("His ", "But ", "Yeah", "So,", "And ")) for t in texts), texts
    assert "Honey bees communicate the location of flowers with a waggle dance." in texts
    trimmed = [i for i in items if i.trimmed]
    assert trimmed and all(doc.text[i.start_char : i.end_char].lower() == i.text.lower() for i in trimmed)


def test_a_cut_sentence_is_shown_whole(segmenter):
    long = ("Honey bees that find a rich patch of flowers return to the hive and perform a waggle dance on the comb, "
            "and the angle of the dance relative to gravity tells the other foragers the direction of the flowers "
            "relative to the sun while the length of the waggle run tells them the distance.")
    doc = _doc(segmenter, "Bees live in colonies of many thousands.", long, "Winter is hard for every colony in the north.")
    assert any(s.is_chunk for s in doc.sentences)
    items = Summarizer(SummaryConfig(sentences=3))(doc)
    joined = [i for i in items if i.joined]
    assert len(joined) == 1 and joined[0].text == long and joined[0].last_sentence > joined[0].sentence
    assert not any(doc.sentences[i.sentence].is_chunk and not i.joined for i in items)


def test_an_all_backchannel_meeting_gives_no_noise_points(segmenter):
    doc = _doc(segmenter, "Yeah.", "Yeah, yeah.", "Mm-hmm.", "Okay.", "Right, right.", "Uh, yeah, okay.", "Testing, testing, one two three.")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        items = Summarizer(SummaryConfig())(doc)
    assert items == ()
    assert any(issubclass(w.category, PipelineWarning) for w in caught)


def test_a_talk_of_questions_still_gets_a_summary_with_a_warning(segmenter):
    doc = _doc(
        segmenter,
        "What makes a city livable for the people who grow old in it?",
        "Why do some neighbourhoods keep their shops while others lose them?",
        "How much does a bus line change the price of the houses along it?",
        "Who decides where the new parks of a growing city should go?",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        items = Summarizer(SummaryConfig())(doc)
    assert items and all(i.text.endswith("?") for i in items)
    assert any("read on their own" in str(w.message) for w in caught)


def test_one_long_unpunctuated_sentence_gives_pieces_with_a_warning(segmenter):
    words = ("we started the project in march because the river kept flooding the lower town and the council "
             "wanted a plan that the farmers could accept before the next rainy season came").split()
    text = " ".join(words * 12)  # ~360 words, no punctuation at all
    doc = _doc(segmenter, text)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        items = Summarizer(SummaryConfig())(doc)
    assert items
    assert all(len(i.text.split()) <= 80 for i in items)
    assert any(issubclass(w.category, PipelineWarning) for w in caught)
