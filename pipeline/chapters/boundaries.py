"""Where the chapters start: cohesion dips, helped by pauses, speaker changes and cue phrases.

Every gap between two sentences gets a boundary score, higher is a likelier topic change:

* the depth of the lexical-cohesion dip there (:mod:`.cohesion`), at two window sizes so
  that both sharp and gradual changes show;
* a long pause (relative to the recording's own pauses) when the input has times;
* a change of speaker (weak on its own: meetings change speaker all the time);
* a cue phrase that opens the next sentence ("let's move on", "next", "the second thing").

Boundaries are then picked best first, each at least ``min_words`` words from the others
and from both ends. How many: the transcript's length gives a prior (``words_per_chapter``)
and the scores decide within a band around it, so a recording with clear changes of topic
gets more chapters than one that stays on a single subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from ..types import Sentence
from .cohesion import cohesion_curve, content_lemmas, term_matrix

#: phrases that open a new part of a talk or a new agenda item (matched at sentence start,
#: after a discourse opener such as "so", "okay", "alright", "now")
_OPENERS = r"(?:(?:so|okay|ok|alright|all right|right|now|well|and|then|good|great|um|uh)[,.!]?\s+)*"
_CUES = re.compile(
    _OPENERS
    + r"(?:let'?s (?:move on|go on|turn|talk about|look at|start|begin|get (?:started|going|back)|switch|discuss|now)"
    + r"|moving on|to move on|next(?:,| up| item| point| topic| thing| question| one| is|\s+we)"
    + r"|the next (?:thing|item|point|topic|question|step|part|issue)"
    + r"|(?:my|the|our) (?:first|second|third|fourth|fifth|last|final|next) (?:point|thing|topic|item|question|part|idea|lesson|step|story|example)"
    + r"|(?:first|second|secondly|third|thirdly|fourth|finally|lastly)(?:ly)?,"
    + r"|(?:the )?(?:first|second|third|fourth|fifth|other|last|final) (?:thing|point|topic|item|question|part|issue) (?:is|was|i|we)"
    + r"|(?:i|we) (?:want|would like|'d like|wanna|need) to (?:move on|turn|talk about|go (?:on|back|through)|switch|start with|look at)"
    + r"|(?:now|so) (?:let me|i want to|i'd like to|we(?:'ll| will| can)) (?:turn|talk|tell|move|show|go)"
    + r"|(?:any|anything|are there any) (?:other|more|further) (?:business|questions|items|points)"
    + r"|(?:that'?s|that is) (?:it|all) (?:for|on|about)"
    + r"|(?:let me|i'll|i will|i'm going to|i am going to) (?:start|begin|turn|move|talk|tell you)"
    + r"|(?:on|about) the (?:agenda|next)"
    + r"|(?:item|point|topic|question) (?:number )?(?:one|two|three|four|five|\d)\b"
    + r"|in (?:conclusion|summary|closing)|to (?:conclude|sum up|summari[sz]e|wrap up))",
    re.IGNORECASE,
)

#: relative weights of the signals (the cohesion depths are in cosine units, ~0-0.5)
_PAUSE_WEIGHT = 0.06
_SPEAKER_WEIGHT = 0.01
_CUE_WEIGHT = 0.08


@dataclass(frozen=True, slots=True)
class Boundaries:
    """Chapter starts (sentence indices, the first always 0) and the score of each gap."""

    starts: tuple[int, ...]
    scores: np.ndarray


def is_cue(text: str) -> bool:
    """Does this sentence open with a phrase that announces a new part or topic?"""
    return _CUES.match(text.strip().lstrip("-–—\"'“ ")) is not None


def gap_scores(sentences: Sequence[Sentence], words: np.ndarray, skip: frozenset[str]) -> np.ndarray:
    """Boundary score of each gap ``g`` (before sentence ``g``; index 0 unused), higher is a
    likelier topic change. ``words``: each sentence's word count."""
    n = len(sentences)
    lemmas = [content_lemmas(s, skip) for s in sentences]
    matrix = term_matrix(lemmas)
    weights = np.asarray([len(x) for x in lemmas], dtype=np.float64)
    total = float(weights.sum())
    scores = np.zeros(n)
    if n < 2 or total == 0:
        return scores
    # two scales: a short window finds sharp turns, a long one gradual drifts; each window
    # is in content words and grows slowly with the recording (longer parts, wider view)
    base = float(np.clip(np.sqrt(total) * 1.6, 40.0, 300.0))
    for window, weight in ((base, 0.5), (2.0 * base, 0.5)):
        reach = _gaps_within(weights, 1.5 * window)
        scores += weight * cohesion_curve(matrix, weights, window, reach).depth
    scores += _PAUSE_WEIGHT * _pause_signal(sentences)
    speaker = np.zeros(n)
    cue = np.zeros(n)
    for g in range(1, n):
        if sentences[g].speaker != sentences[g - 1].speaker and sentences[g].speaker is not None:
            speaker[g] = 1.0
        if is_cue(sentences[g].text):
            cue[g] = 1.0
    scores += _SPEAKER_WEIGHT * speaker + _CUE_WEIGHT * cue
    scores[0] = 0.0
    return scores


def _gaps_within(weights: np.ndarray, span: float) -> int:
    """How many gaps a stretch of ``span`` content words covers, on average."""
    mean = float(weights.mean()) if len(weights) else 1.0
    return int(max(1, round(span / max(mean, 1e-9))))


def _pause_signal(sentences: Sequence[Sentence]) -> np.ndarray:
    """Per gap, in [0, 1]: how long the silence before the sentence is compared with the
    recording's usual pause (0 for a typical pause or without times)."""
    n = len(sentences)
    out = np.zeros(n)
    pauses = np.zeros(n)
    known = np.zeros(n, dtype=bool)
    for g in range(1, n):
        end = sentences[g - 1].end if sentences[g - 1].end is not None else sentences[g - 1].start
        start = sentences[g].start
        if end is not None and start is not None:
            pauses[g] = max(0.0, start - end)
            known[g] = True
    if known.sum() < 10:
        return out
    typical = float(np.percentile(pauses[known], 90))
    spread = max(typical, 0.5)
    out[known] = np.clip((pauses[known] - typical) / (2.0 * spread), 0.0, 1.0)
    return out


def choose(scores: np.ndarray, words: np.ndarray, *, min_words: int, words_per_chapter: int, max_chapters: int) -> tuple[int, ...]:
    """Chapter starts (sentence indices, 0 first), best-scoring gaps first, each chapter at
    least ``min_words`` long. The count starts from ``words / words_per_chapter`` (grown
    sub-linearly, so long recordings do not get dozens of parts) and is trimmed to the
    gaps that stand out from the rest."""
    n = len(scores)
    total = float(words.sum())
    if n < 2 or max_chapters <= 1 or total < 2 * min_words:
        return (0,)
    cum = np.concatenate(([0.0], np.cumsum(words)))  # words before sentence i
    prior = _prior_count(total, words_per_chapter)
    limit = int(min(max_chapters, total // min_words, max(2, round(prior * 1.6))))
    order = sorted(range(1, n), key=lambda g: (-scores[g], g))
    positive = scores[1:][scores[1:] > 0]
    floor = float(np.mean(positive) + np.std(positive)) if len(positive) else 0.0
    chosen: list[int] = []
    for g in order:
        if len(chosen) + 1 >= limit or scores[g] <= 0:
            break
        if len(chosen) + 1 >= max(2, round(prior * 0.7)) and scores[g] < floor:
            break  # enough parts for the length and the rest do not stand out
        if cum[g] < min_words or total - cum[g] < min_words:
            continue
        if any(abs(cum[g] - cum[c]) < min_words for c in chosen):
            continue
        chosen.append(g)
    return (0, *sorted(chosen))


def _prior_count(words: float, words_per_chapter: int) -> float:
    """Expected number of chapters for a recording of ``words`` words: linear up to ten
    typical chapters, then growing with the square root (a 3-hour hearing is not 40 parts)."""
    ratio = words / words_per_chapter
    return ratio if ratio <= 10 else 10.0 * np.sqrt(ratio / 10.0)
