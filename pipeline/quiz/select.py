"""Which sentences are worth a question: informative, central, self-contained, spread out.

Works on the fast pass (tokens with part of speech and lemmas, no parse), so that the quiz can
name a small candidate set for :meth:`Segmenter.parse` before it needs entities.

Score (higher is better): key-phrase coverage (sum of the scores of the key phrases that
occur in the sentence), plus a bonus for proper nouns and numbers (the facts a quiz asks
about), plus the summary's centrality for sentences that made the summary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Collection, Sequence

from ..result import Keyword, SummaryItem
from ..types import Document, Sentence
from .statements import statement_start

@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence that may carry a question. ``score``: higher is a better source."""

    index: int
    score: float
    bin: int


def eligible(sentence: Sentence) -> bool:
    """Can the sentence (less a spoken opener) be a quiz statement? See
    :func:`.statements.statement_start`."""
    return statement_start(sentence) is not None


def sentence_scores(
    document: Document, summary: Sequence[SummaryItem], keywords: Sequence[Keyword]
) -> list[float]:
    """Per-sentence informativeness (higher is better) for every sentence of ``document``."""
    n = len(document.sentences)
    scores = [0.0] * n
    lowered = [s.text.lower() for s in document.sentences]
    for kw in keywords:
        hits = set(kw.sentences)
        if not hits:  # key phrases without positions: find their forms in the text
            forms = [f.lower() for f in (kw.forms or (kw.text,)) if f.strip()]
            hits = {i for i, low in enumerate(lowered) if any(_contains_words(low, f) for f in forms)}
        for i in sorted(hits):
            if 0 <= i < n:
                scores[i] += max(0.0, float(kw.score))
    for i, s in enumerate(document.sentences):
        facts = sum(1 for t in s.tokens if t.pos == "PROPN" or (t.like_num and not t.is_stop))
        scores[i] += 0.15 * min(facts, 4)
    top = max((item.score for item in summary), default=0.0)
    for item in summary:
        if 0 <= item.sentence < n and top > 0:
            scores[item.sentence] += 0.5 * item.score / top
    return scores


def candidates(
    document: Document, summary: Sequence[SummaryItem], keywords: Sequence[Keyword], questions: int, per_bin: int
) -> list[Candidate]:
    """Eligible sentences, best ``per_bin`` from each of ``questions`` equal stretches of
    the transcript (by time when it has times, else by sentence position), so that the quiz
    covers the whole recording. Sorted by ``(bin, -score, index)``."""
    if questions <= 0 or not document.sentences:
        return []
    scores = sentence_scores(document, summary, keywords)
    ok = [s for s in document.sentences if eligible(s)]
    if not ok:
        return []
    bins = max(1, min(questions, len(ok)))
    position = _positions(document)
    out: list[Candidate] = []
    for s in ok:
        b = min(bins - 1, int(position[s.index] * bins))
        out.append(Candidate(s.index, scores[s.index], b))
    out.sort(key=lambda c: (c.bin, -c.score, c.index))
    kept: list[Candidate] = []
    taken: dict[int, int] = {}
    for c in out:
        if taken.get(c.bin, 0) < per_bin:
            kept.append(c)
            taken[c.bin] = taken.get(c.bin, 0) + 1
    return kept


def _positions(document: Document) -> list[float]:
    """Each sentence's relative position in [0, 1): by start time when every sentence has
    one, else by index."""
    sents = document.sentences
    n = len(sents)
    times = [s.start for s in sents]
    if document.has_times and all(t is not None for t in times):
        lo = float(min(times))  # type: ignore[type-var]
        hi = float(max(s.end if s.end is not None else s.start for s in sents))  # type: ignore[type-var]
        if hi > lo:
            return [(float(t) - lo) / (hi - lo + 1e-9) for t in times]  # type: ignore[arg-type]
    return [i / n for i in range(n)]


def _contains_words(haystack: str, needle: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack) is not None


def fact_sentences(document: Document, limit: int, skip: Collection[int] = ()) -> list[int]:
    """Up to ``limit`` indices (not in ``skip``) of the sentences with the most proper nouns
    and numbers (ties: earlier first): parsed so that their names, places and numbers can be
    distractors, which then come from the recording itself."""
    ranked = []
    for s in document.sentences:
        if s.index in skip:
            continue
        facts = sum(1 for t in s.tokens if t.pos == "PROPN" or (t.like_num and not t.is_stop))
        if facts:
            ranked.append((-facts, s.index))
    ranked.sort()
    return [index for _facts, index in ranked[:limit]]
