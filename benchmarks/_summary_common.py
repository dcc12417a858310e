"""Shared helpers for the summary benchmarks: reading eval files, segmenting them once,
and running sumy's summarizers on *our* sentences (same split for every system).

sumy's own Tokenizer needs NLTK's punkt data, which this project never downloads; sumy is
given our sentences and, as each sentence's words, our tokens kept by sumy's word pattern.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import re
import sys
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.config import SegmentConfig  # noqa: E402
from pipeline.model import load_model  # noqa: E402
from pipeline.segment import Segmenter  # noqa: E402
from pipeline.summary.sumy_compat import stop_words, sumy_words  # noqa: E402
from pipeline.types import Document, Segment, Transcript  # noqa: E402

DEFAULT_EVAL_DIR = ROOT.parent / "shared" / "eval"
#: QMSum's annotation tags such as {disfmarker}, {vocalsound}, {gap}
_QMSUM_TAG = re.compile(r"\{\w+\}")


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                rows.append(json.loads(line))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def bbc_transcript(record: dict[str, Any]) -> Transcript:
    """A BBC article as a transcript: one segment per paragraph, no speakers."""
    return Transcript(segments=tuple(Segment(p.strip()) for p in record["text"].split("\n") if p.strip()))


def qmsum_transcript(record: dict[str, Any]) -> Transcript:
    """A QMSum meeting: one segment per "Speaker: utterance" line, annotation tags removed."""
    segments = []
    for line in record["text"].split("\n"):
        speaker, sep, utterance = line.partition(": ")
        if not sep:
            speaker, utterance = None, line
        utterance = " ".join(_QMSUM_TAG.sub(" ", utterance).split())
        if utterance:
            segments.append(Segment(utterance, speaker=speaker))
    return Transcript(segments=tuple(segments))


#: TED talks kept out of every measurement: the blind review reads them (0-based lines of
#: ted_dev.jsonl; REVIEW.md's fixed stride)
RESERVED_TED_LINES = frozenset({7, 40, 73, 106, 139, 172, 205, 238, 271, 304, 337, 370})


def ted_records(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """TED dev talks with a description, the reserved review talks left out."""
    rows = [r for i, r in enumerate(read_jsonl(path)) if i not in RESERVED_TED_LINES and r.get("description")]
    return rows[:limit] if limit is not None else rows


def ted_transcript(record: dict[str, Any]) -> Transcript:
    """A TED talk as a transcript: one segment per paragraph, stage cues such as
    "(Laughter)" removed by the project's cleaner (as a user's pasted talk would be)."""
    from pipeline.clean import Cleaner
    from pipeline.config import CleanConfig

    raw = Transcript(segments=tuple(Segment(p.strip()) for p in record["paragraphs"] if p.strip()))
    return Cleaner(CleanConfig())(raw)


class DocumentCache:
    """Segment each transcript once (optionally pickled under ``directory`` between runs)."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._segmenter: Segmenter | None = None

    @property
    def segmenter(self) -> Segmenter:
        if self._segmenter is None:
            self._segmenter = Segmenter(SegmentConfig(), load_model("en_core_web_sm").nlp)
        return self._segmenter

    def documents(self, name: str, transcripts: list[Transcript]) -> list[Document]:
        key = hashlib.sha256(repr(transcripts).encode("utf-8")).hexdigest()[:16]
        path = self.directory / f"{name}-{key}.pkl" if self.directory else None
        if path is not None and path.exists():
            with path.open("rb") as handle:
                return pickle.load(handle)
        docs = [self.segmenter(t) for t in transcripts]
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as handle:
                pickle.dump(docs, handle)
        return docs


class _FixedWords:
    """A stand-in for sumy's Tokenizer that returns one sentence's precomputed words."""

    def __init__(self, words: tuple[str, ...]) -> None:
        self.words = words

    def to_words(self, _text: str) -> tuple[str, ...]:
        return self.words


def sumy_document(document: Document) -> Any:
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence

    sentences = [SumySentence(s.text, _FixedWords(sumy_words(s))) for s in document.sentences]
    return ObjectDocumentModel([Paragraph(sentences)])


def sumy_summarizer(kind: str) -> Any:
    """sumy's TextRank or LexRank as its README sets it up: English stemmer and stop words."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    klass = {"textrank": TextRankSummarizer, "lexrank": LexRankSummarizer}[kind]
    summarizer = klass(Stemmer("english"))
    summarizer.stop_words = stop_words()
    return summarizer


def sumy_order(kind: str, document: Document) -> list[int]:
    """Sentence indices best-first by sumy's rating (sumy's own stable sort: ties keep
    document order). sumy keys ratings by sentence text, so duplicates share one rating."""
    if not document.sentences:
        return []
    model = sumy_document(document)
    summarizer = sumy_summarizer(kind)
    if kind == "textrank":
        ratings = summarizer.rate_sentences(model)
        values = [ratings[s] for s in model.sentences]
    else:  # LexRank has no rate_sentences: the same steps as its __call__
        values = _lexrank_scores(summarizer, model)
    order = sorted(range(len(values)), key=lambda i: values[i], reverse=True)  # stable, like sumy
    return order


def _lexrank_scores(summarizer: Any, model: Any) -> list[float]:
    """LexRank's scores, computed with sumy's own methods in the order its __call__ uses."""
    sentences_words = [summarizer._to_words_set(s) for s in model.sentences]
    tf = summarizer._compute_tf(sentences_words)
    idf = summarizer._compute_idf(sentences_words)
    matrix = summarizer._create_matrix(sentences_words, summarizer.threshold, tf, idf)
    return list(summarizer.power_method(matrix, summarizer.epsilon))


def fill(order: Iterable[int], document: Document, *, k: int | None = None, max_words: int | None = None) -> list[int]:
    """Take sentences best-first: at most ``k``, and (with ``max_words``) skipping any that
    would overflow the word budget -- the same rule our Summarizer applies."""
    chosen: list[int] = []
    budget = max_words
    for i in order:
        if k is not None and len(chosen) >= k:
            break
        words = max(1, document.sentences[i].n_words)
        if budget is not None:
            if words > budget:
                continue
            budget -= words
        chosen.append(i)
        if budget is not None and budget <= 0:
            break
    return sorted(chosen)
