"""What the tone benchmarks share: the Pipeline's own sentences, the review split, metrics.

``pipeline_tone(pipeline, text)`` runs exactly what ``Pipeline.__call__`` runs before the
tone stage (ingest, clean, segment) and then the Pipeline's own ``SentimentAnalyzer``; it
skips the summary, key phrases, title and quiz, which do not feed the tone, so that 10,000
short texts take minutes, not hours. ``tests/test_sentiment_benchmark.py`` checks that it
gives the same ``Sentiment`` as ``Pipeline()(text)``.

Review split (fixed, by id): a Pang & Lee review ``pl-pos-cv123_4567`` is *held out* from
the fit when its fold number (123) is 4 modulo 5: cv004, cv009, ..., cv499, i.e. 100
positive and 100 negative of the 1000 development reviews. The fit uses the other 800.
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

from pipeline import Pipeline
from pipeline.errors import InputError, PipelineWarning
from pipeline.ingest import read_text
from pipeline.result import Sentiment
from pipeline.types import Document

_FOLD = re.compile(r"cv(\d{3})")
#: cross-validation folds of the fit reviews (stratified, fixed shuffle)
FOLDS = 10


def is_held_out(review_id: str) -> bool:
    """Whether a development review is held back from the fit (fold number % 5 == 4)."""
    match = _FOLD.search(review_id)
    if match is None:
        raise ValueError(f"not a Pang & Lee review id: {review_id!r}")
    return int(match.group(1)) % 5 == 4


def read_jsonl(path: Path, limit: int | None = None) -> list[dict]:
    out = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if limit is not None and len(out) >= limit:
                break
            out.append(json.loads(line))
    return out


def balanced(records: list[dict], limit: int | None) -> list[dict]:
    """The first ``limit`` reviews with both labels (the file is sorted by id)."""
    if limit is None:
        return records
    neg = [r for r in records if r["label"] == "negative"][: (limit + 1) // 2]
    pos = [r for r in records if r["label"] == "positive"][: limit // 2]
    return neg + pos


def pipeline_document(pipeline: Pipeline, text: str, name: str = "<string>") -> Document:
    """The Document ``pipeline(text)`` hands to its tone stage (ingest, clean, segment);
    raises InputError like the Pipeline when no speech text is left."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PipelineWarning)
        transcript = read_text(text, name=name, config=pipeline.config.input)
        document = pipeline.segmenter(pipeline.cleaner(transcript))
    if not document.sentences:
        raise InputError("no speech text left after removing caption tags, fillers and boilerplate")
    return document


def pipeline_tone(pipeline: Pipeline, text: str, name: str = "<string>") -> Sentiment | None:
    """``pipeline(text).sentiment`` without the stages the tone does not use; None when the
    Pipeline would reject the text (InputError)."""
    try:
        document = pipeline_document(pipeline, text, name)
    except InputError:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PipelineWarning)
        return pipeline.sentiment_analyzer(document)


def folds_of(y) -> list:
    """``FOLDS`` stratified (train, test) index splits of labels ``y``, the same every run."""
    import numpy as np
    from sklearn.model_selection import StratifiedKFold

    return list(StratifiedKFold(FOLDS, shuffle=True, random_state=0).split(np.zeros(len(y)), y))
