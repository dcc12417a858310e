"""Contract every stage keeps (DESIGN.md §5): empty input, no mutation of its input,
deterministic output, JSON-serialisable values, and no exception on odd documents."""

from __future__ import annotations

import copy
import dataclasses
import json

import pytest

from conftest import SAMPLES
from pipeline.config import Config
from pipeline.ingest import read_path
from pipeline.clean import Cleaner
from pipeline.result import Result, _plain
from pipeline.segment import Segmenter
from pipeline.types import Document, Segment, Transcript

CONFIG = Config()


@pytest.fixture(scope="module")
def segmenter(spacy_model):
    return Segmenter(CONFIG.segment, spacy_model.nlp)


@pytest.fixture(scope="module")
def documents(segmenter):
    talk = segmenter(Cleaner(CONFIG.clean)(read_path(SAMPLES / "talk.srt")))
    odd = {
        "empty": Document(text="", sentences=()),
        "one word": segmenter(Transcript(segments=(Segment("Bees"),))),
        "stop words": segmenter(Transcript(segments=(Segment("the and of to a in it is was"),))),
        "numbers": segmenter(Transcript(segments=(Segment("12 34 56. 78 90 11."),))),
        "identical": segmenter(Transcript(segments=tuple(Segment("The hive is warm.", i, i + 1.0, f"S{i % 50}") for i in range(60)))),
        "talk": talk,
    }
    # every stage may rely on parsed sentences where it asked for them; give it all parsed
    return {name: segmenter.parse(doc, range(len(doc.sentences))) for name, doc in odd.items()}


def _stages():
    from pipeline.chapters import ChapterMaker
    from pipeline.keywords import KeywordExtractor
    from pipeline.quiz import QuizMaker
    from pipeline.sentiment import SentimentAnalyzer
    from pipeline.summary import Summarizer
    from pipeline.title import TitleMaker

    summarize = Summarizer(CONFIG.summary)
    keywords = KeywordExtractor(CONFIG.keywords)
    return {
        "chapters": lambda doc: ChapterMaker(CONFIG.chapters)(doc),
        "summary": lambda doc: summarize(doc),
        "keywords": lambda doc: keywords(doc),
        "sentiment": lambda doc: SentimentAnalyzer(CONFIG.sentiment)(doc),
        "title": lambda doc: TitleMaker(CONFIG.title)(doc, summarize(doc), keywords(doc)),
        "quiz": lambda doc: QuizMaker(CONFIG.quiz)(doc, summarize(doc), keywords(doc)),
    }


STAGE_NAMES = ("chapters", "summary", "keywords", "sentiment", "title", "quiz")
DOC_NAMES = ("empty", "one word", "stop words", "numbers", "identical", "talk")


@pytest.mark.parametrize("stage", STAGE_NAMES)
@pytest.mark.parametrize("doc_name", DOC_NAMES)
def test_stage_contract(stage, doc_name, documents):
    run = _stages()[stage]
    doc = documents[doc_name]
    before = copy.deepcopy(doc)
    first = run(doc)
    assert doc == before, "the stage mutated its input"
    assert run(doc) == first, "the stage is not deterministic"
    json.dumps(_plain(first), sort_keys=True)  # JSON-serialisable after rounding
    if doc_name == "empty":
        assert first in ((), "") or getattr(first, "label", None) == "neutral"


def test_stages_are_frozen_values(documents):
    stages = _stages()
    for name in ("chapters", "summary", "keywords", "quiz"):
        for item in stages[name](documents["talk"]):
            assert dataclasses.is_dataclass(item)
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(item, dataclasses.fields(item)[0].name, None)
    assert isinstance(stages["title"](documents["talk"]), str)
    assert Result.__dataclass_params__.frozen
