"""Speech without tone labels: does the word evidence (fitted on film reviews) move talks,
meetings and the bundled samples, and where?

Each document goes through the Pipeline's clean and segment stages, then two analyzers:
the shipped one, and the same rule without word evidence (``word_weight`` 0, its own
baseline ``baseline_without_words`` from ``document_model.json``: the rule shipped before
the word model). Nobody has rated these documents, so a changed label is neither right nor
wrong here; the table says how many change, and lists them so that a reader can judge.

TED talks: every sixth line of ``transcripts/ted_dev.jsonl`` (0, 6, 12, ...) that is not
reserved for the blind review. QMSum: every validation meeting but the two reserved ones.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import replace
from pathlib import Path

import numpy as np

from pipeline import Pipeline
from pipeline.errors import PipelineWarning
from pipeline.paths import resource_path
from pipeline.sentiment import SentimentAnalyzer
from pipeline.sentiment.aggregate import MODEL_FILE
from pipeline.sentiment.words import WordModel
from pipeline.types import Document, Segment, Transcript

from _tone_common import pipeline_document, read_jsonl

RESERVED_TED = frozenset({7, 40, 73, 106, 139, 172, 205, 238, 271, 304, 337, 370})
RESERVED_QMSUM = frozenset({5, 22})
TED_EVERY = 6


def without_words(pipeline: Pipeline) -> SentimentAnalyzer:
    """The shipped rule with no word evidence and the baseline fitted without it."""
    data = json.loads(resource_path(*MODEL_FILE).read_text(encoding="utf-8"))
    rule = replace(pipeline.sentiment_analyzer.rule, word_weight=0.0, baseline=float(data["baseline_without_words"]))
    return SentimentAnalyzer(pipeline.config.sentiment, rule=rule, words=WordModel())


def _documents(pipeline: Pipeline, eval_dir: Path, limit: int | None) -> list[tuple[str, str, str, Document]]:
    """(set, id, title, document) of the talks, meetings and samples checked."""
    out = []
    clean_segment = lambda segments: pipeline.segmenter(pipeline.cleaner(Transcript(segments=tuple(segments))))  # noqa: E731
    for i, record in enumerate(read_jsonl(eval_dir / "transcripts" / "ted_dev.jsonl")):
        if i % TED_EVERY or i in RESERVED_TED or (limit is not None and len(out) >= limit):
            continue
        out.append(("TED talks", record["id"], record["title"], clean_segment(Segment(p.strip()) for p in record["paragraphs"] if p.strip())))
    for i, record in enumerate(read_jsonl(eval_dir / "summary" / "qmsum_val.jsonl", limit)):
        if i in RESERVED_QMSUM:
            continue
        segments = []
        for line in record["text"].splitlines():
            speaker, sep, utterance = line.partition(":")
            if sep and utterance.strip() and len(speaker) <= 40:
                segments.append(Segment(utterance.strip(), None, None, speaker.strip()))
        out.append(("QMSum meetings", str(record.get("id", i)), "", clean_segment(segments)))
    for name in ("talk.srt", "podcast.txt"):
        path = resource_path("samples", name)
        out.append(("bundled samples", name, "", pipeline_document(pipeline, path.read_text(encoding="utf-8"), name)))
    return out


def speech_check(pipeline: Pipeline, eval_dir: Path, limit: int | None) -> list[str]:
    """Markdown lines: labels with and without word evidence per set, and each change."""
    shipped, plain = pipeline.sentiment_analyzer, without_words(pipeline)
    rows: dict[str, list] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PipelineWarning)
        for set_name, doc_id, title, document in _documents(pipeline, eval_dir, limit):
            new, old = shipped(document), plain(document)
            rows.setdefault(set_name, []).append((doc_id, title, old, new, 1.0 - new.neutral))
    lines = ["### Speech without tone labels: talks, meetings, the bundled samples", "",
             "Labels of the shipped rule beside the same rule without word evidence (the rule shipped before it). "
             "TED: every sixth development talk, the blind-review talks left out; QMSum: the validation meetings, "
             "the two blind-review meetings left out.", "",
             "| set | n | labels without words (pos / neu / neg) | labels shipped (pos / neu / neg) | labels changed | shipped score min / median / max | share of sentences with sentiment |",
             "|---|---:|---|---|---:|---:|---:|"]
    changed = []
    for set_name, items in rows.items():
        count = lambda key: " / ".join(str(sum(1 for it in items if key(it).label == k)) for k in ("positive", "neutral", "negative"))  # noqa: E731
        flips = [it for it in items if it[2].label != it[3].label]
        changed += [(set_name, *it) for it in flips]
        scores = [it[3].score for it in items]
        lines.append(f"| {set_name} | {len(items)} | {count(lambda it: it[2])} | {count(lambda it: it[3])} | {len(flips)} | "
                     f"{min(scores):+.3f} / {float(np.median(scores)):+.3f} / {max(scores):+.3f} | {np.mean([it[4] for it in items]):.3f} |")
    if changed:
        lines += ["", "Changed labels (score without words → shipped):", ""]
        lines += [f"* {s}: {i}{f' ({t})' if t else ''}: {o.label} {o.score:+.3f} → {n.label} {n.score:+.3f}" for s, i, t, o, n, _ in changed]
    return lines
