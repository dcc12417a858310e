from __future__ import annotations

import pytest

from pipeline.config import SegmentConfig
from pipeline.segment import Segmenter
from pipeline.types import Segment, Transcript


@pytest.fixture(scope="module")
def segmenter(spacy_model):
    return Segmenter(SegmentConfig(), spacy_model.nlp)


def _doc(segmenter, *segments):
    return segmenter(Transcript(segments=tuple(segments)))


def test_punctuated_text_offsets_times_speakers(segmenter):
    doc = _doc(
        segmenter,
        Segment("Hello and welcome to the show. Today we talk", 0.0, 4.0, "Dave"),
        Segment("about bees and honey.", 4.0, 6.0, "Dave"),
        Segment("Thanks, Dave. Bees are amazing!", 6.5, 9.0, "Ann"),
    )
    texts = [s.text for s in doc.sentences]
    assert texts == ["Hello and welcome to the show.", "Today we talk about bees and honey.", "Thanks, Dave.", "Bees are amazing!"]
    for s in doc.sentences:
        assert doc.text[s.start_char : s.end_char] == s.text
    assert [s.index for s in doc.sentences] == [0, 1, 2, 3]
    # a sentence spanning two caption cues takes the first cue's start and the last cue's end
    assert (doc.sentences[1].start, doc.sentences[1].end) == (0.0, 6.0)
    assert [s.speaker for s in doc.sentences] == ["Dave", "Dave", "Ann", "Ann"]
    assert doc.speakers == ("Dave", "Ann")
    assert doc.has_times
    assert not any(s.parsed for s in doc.sentences)
    assert doc.sentences[1].tokens[0].text == "Today" and doc.sentences[1].tokens[0].pos


def test_speaker_change_always_ends_a_sentence(segmenter):
    doc = _doc(segmenter, Segment("so what do you", None, None, "A"), Segment("think about it", None, None, "B"))
    assert [s.text for s in doc.sentences] == ["so what do you", "think about it"]
    assert not doc.has_times


def test_unpunctuated_timed_text_splits_at_pauses(segmenter):
    words = "we started the project in march and the first results came in quickly".split()
    segments, groups = [], []
    t = 0.0
    for i in range(12):  # 12 cues of 13 words, a 2-second pause after every third cue
        segments.append(Segment(" ".join(words), t, t + 4.0))
        if i % 3 == 0:
            groups.append([t, t + 4.0])
        groups[-1][1] = t + 4.0
        t += 4.0 + (2.0 if i % 3 == 2 else 0.1)
    doc = _doc(segmenter, *segments)
    assert len(doc.sentences) >= 4
    assert max(s.n_words for s in doc.sentences) <= SegmentConfig().max_words
    # no sentence crosses a 2-second pause: each one lies within one group of three cues
    for s in doc.sentences:
        assert any(lo <= s.start and s.end <= hi for lo, hi in groups), (s.start, s.end)


def test_unpunctuated_untimed_text_is_chunked(segmenter):
    text = " ".join(["the model reads the text and writes a summary for the user"] * 40)
    doc = _doc(segmenter, Segment(text))
    assert len(doc.sentences) >= 480 // 40
    assert all(1 <= s.n_words <= 40 for s in doc.sentences)
    assert "".join(s.text.replace(" ", "") for s in doc.sentences) == text.replace(" ", "")


def test_chunks_of_a_long_sentence_name_their_first_chunk(segmenter):
    from pipeline.standalone import chunk_group

    long = " ".join(["the model reads the text and writes a summary for the user"] * 8) + "."
    doc = _doc(segmenter, Segment("Bees make honey in the summer."), Segment(long), Segment("Honey keeps for years."))
    sents = doc.sentences
    assert sents[0].chunk_of is None and not sents[0].is_chunk and sents[-1].chunk_of is None
    chunks = [s for s in sents if s.is_chunk]
    assert len(chunks) >= 3 and {s.chunk_of for s in chunks} == {chunks[0].index}
    assert [s.index for s in chunks] == list(range(chunks[0].index, chunks[-1].index + 1))
    assert chunk_group(sents, chunks[1].index) == (chunks[0].index, chunks[-1].index)
    assert chunk_group(sents, 0) == (0, 0)
    whole = doc.text[chunks[0].start_char : chunks[-1].end_char]
    assert whole == long


def test_parse_adds_entities_and_noun_chunks_only_where_asked(segmenter):
    doc = _doc(segmenter, Segment("Maria Lopez studies honeybees at the University of Leeds. It rained."))
    parsed = segmenter.parse(doc, [0])
    first = parsed.sentences[0]
    assert first.parsed and not parsed.sentences[1].parsed
    labels = {(e.text, e.label) for e in first.entities}
    assert ("Maria Lopez", "PERSON") in labels
    assert any(c.text == "the University of Leeds" or c.root_lemma == "University" for c in first.noun_chunks)
    for span in (*first.entities, *first.noun_chunks):
        assert parsed.text[span.start_char : span.end_char] == span.text
        assert first.tokens[span.start_token].start_char == span.start_char
    assert all(0 <= t.head < len(first.tokens) for t in first.tokens)
    assert doc.sentences[0].parsed is False  # the input document is unchanged
    assert segmenter.parse(parsed, [0, 99, -1]) == parsed  # out of range and already parsed: no-op


def test_empty_and_punctuation_only(segmenter):
    assert _doc(segmenter).sentences == ()
    assert _doc(segmenter, Segment("... !!! ???")).sentences == ()


def test_huge_single_line_is_processed_in_pieces(segmenter):
    text = "Bees dance to share where flowers are. " * 3000  # ~117k characters in one segment
    doc = _doc(segmenter, Segment(text))
    assert len(doc.sentences) == 3000
    assert all(doc.text[s.start_char : s.end_char] == s.text for s in doc.sentences[::97])


def test_non_english_text_gets_a_warning(segmenter):
    doc = _doc(segmenter, Segment("Der schnelle braune Fuchs springt über den faulen Hund. Wir sprechen heute über Bienen und Honig im Garten."))
    assert doc.warnings and "English" in doc.warnings[0]
    english = _doc(segmenter, Segment("The quick brown fox jumps over the lazy dog. We talk about bees and honey in the garden today."))
    assert english.warnings == ()


def test_a_cut_at_a_missed_sentence_boundary_starts_a_new_sentence():
    from types import SimpleNamespace as T

    from pipeline.segment import _chunk_groups

    def chunk(*words):
        return [T(text=w, is_punct=w in ".,!?\"") for w in words]

    chunks = [chunk("Prices", "rose", "."), chunk("The", "bank", "said", ","), chunk("and", "then", "fell", ".")]
    assert _chunk_groups(chunks, 10) == [None, 11, 11]
    assert _chunk_groups([chunk("a", "b", ","), chunk("c", ".")], 0) == [0, 0]
