"""The analysis result: frozen dataclasses and their canonical JSON (DESIGN.md §4).

Stages return these values with raw floats; :meth:`Result.to_dict` rounds every float once
(to ``FLOAT_DIGITS`` decimals) so that the same input and configuration give the same bytes.
Scores are "higher is better" everywhere; times are seconds or ``None``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any

SCHEMA_VERSION = "2"  # "2": adds ``chapters`` (and the other 2026-12 fields)
FLOAT_DIGITS = 4


@dataclass(frozen=True, slots=True)
class SummaryItem:
    """One summary point. ``score``: centrality, higher is more central.

    The point is extractive: ``text`` is ``Result.text[start_char:end_char]`` (the first
    letter upper-cased when ``trimmed``). ``sentence``/``last_sentence`` are the inclusive
    indices of the sentences it spans (equal unless ``joined``: the segmenter had cut one
    long spoken sentence into ``max_words`` chunks, shown whole again). ``trimmed``: a
    leading spoken opener ("So,", "And", "Well, you know,"), a speaker label left in the
    text or a vocative ("Mr. Chair,") was left out; ``trimmed_text`` is what was left out,
    as said (``""`` when nothing was).
    """

    text: str
    sentence: int
    score: float
    start: float | None
    end: float | None
    speaker: str | None
    last_sentence: int | None = None
    start_char: int | None = None
    end_char: int | None = None
    trimmed: bool = False
    joined: bool = False
    trimmed_text: str = ""


@dataclass(frozen=True, slots=True)
class Keyword:
    """A key phrase. ``score`` in [0, 1], higher is more key; ``text`` its most frequent form.

    ``sentences``: indices of sentences where any form occurs; ``spans``: ``[start, end)``
    character offsets of every occurrence in ``Document.text`` (for highlighting).
    """

    text: str
    score: float
    count: int
    forms: tuple[str, ...]
    sentences: tuple[int, ...] = ()
    spans: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class TimelinePoint:
    """Mean sentence compound over a window, in [-1, 1]; ``start``/``end`` seconds or ``None``.

    ``first_sentence``/``last_sentence`` are inclusive sentence indices of the window.
    """

    start: float | None
    end: float | None
    score: float
    first_sentence: int
    last_sentence: int


@dataclass(frozen=True, slots=True)
class Moment:
    """A notable sentence for tone: its index, time (seconds or ``None``), text and score."""

    sentence: int
    start: float | None
    text: str
    score: float


@dataclass(frozen=True, slots=True)
class Sentiment:
    """Tone of the whole transcript.

    ``label``: positive | neutral | negative. ``score`` in [-1, 1] (higher is more positive).
    ``positive``/``neutral``/``negative``: shares of sentences, summing to 1.
    ``by_speaker``: (speaker, mean score) pairs sorted by speaker name.
    """

    label: str
    score: float
    positive: float
    neutral: float
    negative: float
    timeline: tuple[TimelinePoint, ...] = ()
    by_speaker: tuple[tuple[str, float], ...] = ()
    most_positive: Moment | None = None
    most_negative: Moment | None = None


@dataclass(frozen=True, slots=True)
class QuizItem:
    """A quiz question. ``type``: cloze | true_false. ``options`` in display order.

    For ``cloze`` the ``question`` holds ``_____`` where ``answer`` was; for ``true_false``
    ``answer`` is ``"True"`` or ``"False"``. ``explanation`` is the source sentence.
    """

    id: str
    type: str
    question: str
    answer: str
    options: tuple[str, ...]
    sentence: int
    start: float | None
    explanation: str = ""


@dataclass(frozen=True, slots=True)
class Chapter:
    """A part of the recording about one topic, in document order.

    ``start``/``end``: seconds (first sentence's start, last sentence's end; ``None`` without
    times). ``first_sentence``/``last_sentence``: inclusive sentence indices.
    ``title``: 2-6 words naming the topic; ``keywords``: its most distinctive key phrases,
    best first.
    """

    title: str
    start: float | None
    end: float | None
    first_sentence: int
    last_sentence: int
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SentenceOut:
    """A sentence as reported: character offsets into the cleaned text, times, speaker."""

    text: str
    start_char: int
    end_char: int
    start: float | None
    end: float | None
    speaker: str | None


@dataclass(frozen=True, slots=True)
class Meta:
    """Provenance: versions, model, config fingerprint, input hash and warnings."""

    package_version: str
    model: str
    config_fingerprint: str
    input_sha256: str
    warnings: tuple[str, ...] = ()
    input_format: str = "text"
    source: str = "<string>"


@dataclass(frozen=True, slots=True)
class Result:
    """Everything the pipeline produces for one transcript."""

    title: str
    summary: tuple[SummaryItem, ...]
    keywords: tuple[Keyword, ...]
    sentiment: Sentiment
    quiz: tuple[QuizItem, ...]
    sentences: tuple[SentenceOut, ...]
    meta: Meta
    text: str = field(default="", repr=False)  # the cleaned transcript the offsets refer to
    chapters: tuple[Chapter, ...] = ()
    schema_version: str = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict; floats rounded to ``FLOAT_DIGITS``; ``text`` included."""
        return _plain(self)

    def to_json(self, indent: int | None = 2) -> str:
        """Canonical JSON: sorted keys, UTF-8 characters kept, trailing newline."""
        return json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=False, indent=indent) + "\n"


def _plain(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        if isinstance(value, Sentiment):
            out = {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
            out["by_speaker"] = {name: _plain(score) for name, score in value.by_speaker}
            return out
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        rounded = round(value, FLOAT_DIGITS)
        return 0.0 if rounded == 0 else rounded  # no "-0.0"
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items())}
    return value
