"""The segmenter's fast pass (POS and lemma from a cache instead of the attribute ruler
and lemmatizer on every token) gives exactly what the model's own components give."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.config import SegmentConfig
from pipeline.segment import Segmenter
from pipeline.types import Segment, Transcript

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"

TEXTS = [
    "Speaker A: We're gonna ship it, y'all. Let's go! I ain't sure we gotta wait. C'mon, it's fine.",
    "Speaker B: The Bank of England raised rates to 5.25% on Thursday; analysts said they'd expected it.",
    "Speaker A: um so I I think the uh model was was trained on on like two thousand hours of audio",
    "They all read the report. I read it yesterday and will read it again. She has read nothing.",
    "NASA's Artemis II crew - four astronauts - will fly around the Moon in 2025 , officials said .",
    "Wait... what?   Really?! OK.  \n  New line here\twith a tab.",
    # several multi-token ruler matches in one piece, overlapping and adjacent ones
    "We're gonna gonna go. Let's let's see, we gotta wanna try. " * 3 + "Then nothing else matched here at all. " * 20 + "Gonna, lemme out.",
]


@pytest.fixture(scope="module")
def segmenters(spacy_model):
    fast = Segmenter(SegmentConfig(), spacy_model.nlp)
    slow = Segmenter(SegmentConfig(), spacy_model.nlp)
    assert fast._attributes is not None, "en_core_web_sm should take the fast path"
    slow._attributes = None  # the model's own attribute ruler and lemmatizer on every token
    return fast, slow


def _transcript(text: str) -> Transcript:
    return Transcript(segments=(Segment(text, 0.0, 5.0, None),))


@pytest.mark.parametrize("text", TEXTS)
def test_fast_pass_equals_the_model_components(segmenters, text: str) -> None:
    fast, slow = segmenters
    assert fast(_transcript(text)) == slow(_transcript(text))


def test_multi_token_rules_still_apply(segmenters) -> None:
    fast, _ = segmenters
    doc = fast(_transcript("We are gonna win. Let's see."))
    lemmas = {t.text.lower(): t.lemma for s in doc.sentences for t in s.tokens}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"


def _eval_texts(articles: int, meeting_chars: int) -> list[str]:
    """The first ``articles`` BBC development articles and the first ``meeting_chars``
    characters of the first QMSum meeting (spoken text is where the ruler's multi-token
    patterns, "gon na", "got ta", match); skips without the eval data."""
    bbc, qmsum = EVAL / "summary" / "bbc_dev.jsonl", EVAL / "summary" / "qmsum_val.jsonl"
    if not (bbc.exists() and qmsum.exists()):
        pytest.skip("eval data not available")
    with bbc.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for _, line in zip(range(articles), handle)]
    with qmsum.open(encoding="utf-8") as handle:
        texts.append(json.loads(next(handle))["text"][:meeting_chars])
    return texts


def test_fast_pass_on_eval_texts(segmenters) -> None:
    fast, slow = segmenters
    for text in _eval_texts(12, 30_000):
        assert fast(_transcript(text)) == slow(_transcript(text)), text[:60]


@pytest.mark.parametrize("text", TEXTS + ["There is a problem. There's no way it's done, is there? It was them, not us."])
def test_parse_pass_equals_the_model_components(segmenters, text: str) -> None:
    fast, slow = segmenters
    assert fast._attributes.parse_neural, "en_core_web_sm should take the parse shortcut"
    doc = fast(_transcript(text))
    every = range(len(doc.sentences))
    assert fast.parse(doc, every) == slow.parse(doc, every)


def test_parse_pass_on_eval_texts(segmenters) -> None:
    """Cached parse-pass attributes (keyed by text, tag and the dependency label as the
    ruler's patterns read it) equal the model's components on real articles and speech."""
    fast, slow = segmenters
    for text in _eval_texts(6, 12_000):
        doc = fast(_transcript(text))
        every = range(len(doc.sentences))
        assert fast.parse(doc, every) == slow.parse(doc, every)


def test_hashed_lemma_index_gives_the_same_lemmas(segmenters, spacy_model) -> None:
    """The lemmatizer's index lists answer ``in`` by hash (token_attributes._IndexList): every lemma
    is the one the plain lists give."""
    from pipeline.token_attributes import _IndexList

    nlp = spacy_model.nlp
    lemmatizer = nlp.get_pipe("lemmatizer")
    table = lemmatizer.lookups.get_table("lemma_index")
    assert all(isinstance(v, _IndexList) for v in table.values()), "the Segmenter should have hashed the index"
    texts = [t for t in TEXTS]
    path = EVAL / "summary" / "bbc_dev.jsonl"
    if path.exists():
        with path.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for _, line in zip(range(20), handle)]
    docs = list(nlp.pipe(texts, disable=["lemmatizer"]))

    def lemmas() -> list[list[str]]:
        lemmatizer.cache.clear()
        out = []
        for doc in docs:
            for t in doc:
                t.lemma_ = ""
            lemmatizer(doc)
            out.append([t.lemma_ for t in doc])
        return out

    hashed = lemmas()
    original = {k: v for k, v in table.items()}
    try:
        for k, v in original.items():
            table[k] = list(v)
        plain = lemmas()
    finally:
        for k, v in original.items():
            table[k] = v
    assert hashed == plain
    assert sum(len(x) for x in plain) > 5_000
