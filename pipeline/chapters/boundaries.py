"""Where the chapters start: a global split of the cohesion matrix, helped by cue phrases
and pauses.

1. Sentences are grouped into blocks of about ``block`` content words; a block also starts
   at a sentence that opens with a cue phrase ("let's move on", "the next item", "my second
   point") or after a long pause, so that such places can become chapter starts.
2. The blocks' similarity matrix (:mod:`.cohesion`) is split into ``K`` contiguous parts by
   dynamic programming, maximising the summed within-part similarity per block (a part
   about one topic is a bright square on the diagonal; C99's criterion, solved exactly
   rather than by divisive clustering). A part starting at a cue or a pause earns a bonus.
3. ``K`` follows the length: ``1 + sqrt(words / words_per_chapter)`` (a 15-minute talk of
   2,500 words gets 3, an hour's meeting of 10,000 words 5, a 100,000-word hearing 15),
   then moves by one when the split's gain says the recording is more or less structured
   than its length suggests. No part is shorter than ``min_words``.
4. Each boundary then moves to the nearby sentence where a part most plausibly opens
   (:mod:`.refine`: the cohesion dip at sentence level, cue words and discourse openers,
   never the second half of a cut sentence nor "And then he ...").

The work is bounded: at most ``_MAX_BLOCKS`` blocks (blocks grow with long transcripts), so
the quadratic matrix and the ``K``-fold dynamic programme stay small and time stays linear
in the input.
"""

from __future__ import annotations

import math
import re
from typing import Sequence

import numpy as np

from ..types import Sentence
from .cohesion import block_similarity, content_lemmas, term_matrix
from .refine import refine

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

#: the smallest block, in content words, and the most blocks the split works on
_MIN_BLOCK = 40
_MAX_BLOCKS = 300
#: within-part similarity bonus for a part that starts at a cue phrase or after a long pause
_CUE_BONUS = 1.0
_PAUSE_BONUS = 1.0
#: cue phrases are ignored when more than this share of the sentences opens with one
_MAX_CUE_SHARE = 0.1
#: a further part is added beyond the length's prior when its cut gains at least this share
#: of what the first cut gained
_SHARP = 0.9
#: a silence counts from this many seconds and fully after this many more
_PAUSE_FROM = 2.0
_PAUSE_RAMP = 3.0


def is_cue(text: str) -> bool:
    """Does this sentence open with a phrase that announces a new part or topic?"""
    return _CUES.match(text.strip().lstrip("-–—\"'“ ")) is not None


def chapter_starts(sentences: Sequence[Sentence], skip: frozenset[str], *, min_words: int, words_per_chapter: int, max_chapters: int) -> tuple[int, ...]:
    """First sentence index of each chapter (0 first, increasing)."""
    n = len(sentences)
    words = np.asarray([s.n_words for s in sentences], dtype=np.float64)
    total = float(words.sum())
    if n < 2 or max_chapters <= 1 or total < 2 * min_words:
        return (0,)
    lemmas = [content_lemmas(s, skip) for s in sentences]
    weights = np.asarray([len(x) for x in lemmas], dtype=np.float64)
    if weights.sum() == 0:
        return (0,)
    cues = np.asarray([i > 0 and is_cue(s.text) for i, s in enumerate(sentences)], dtype=bool)
    if cues.sum() > max(3.0, _MAX_CUE_SHARE * n):
        cues[:] = False  # a "cue" opening sentence after sentence marks no change of topic
    pauses = _pause_signal(sentences)
    size = max(float(_MIN_BLOCK), float(weights.sum()) / _MAX_BLOCKS)
    starts = _blocks(weights, size, cues | (pauses >= 0.5))
    matrix = term_matrix(lemmas)
    similarity = block_similarity(matrix, starts)
    bonus = np.append(_CUE_BONUS * cues[starts] + _PAUSE_BONUS * pauses[starts], 0.0)
    bonus[0] = 0.0
    prior = 1.0 + math.sqrt(total / words_per_chapter)
    limit = int(min(max_chapters, total // min_words, len(starts), math.ceil(prior) + 1))
    if limit <= 1:
        return (0,)
    block_words = np.add.reduceat(words, starts)
    # no part shorter than a quarter of the typical part, so that a few very similar
    # blocks (a repeated phrase, a list) do not become a chapter of their own
    shortest = max(float(min_words), total / (4.0 * prior))
    best, back = _split(similarity, bonus, block_words, limit, shortest)
    count = _count(best[:, -1], prior, limit)
    chosen = _trace(back, count, len(starts))
    # the dip is read over a window of bounded size, so refining stays linear in the length
    return tuple(refine(sentences, matrix, weights, starts, chosen, cues, min(size, 2.0 * _MIN_BLOCK)))


def _blocks(weights: np.ndarray, size: float, openers: np.ndarray) -> np.ndarray:
    """Start sentence of each block: every ``size`` content words, and at each opener (a
    cue or a long pause) once the current block has a quarter of ``size`` (so there are at
    most five times as many blocks as ``size`` alone gives)."""
    starts = [0]
    filled = 0.0
    for i in range(1, len(weights)):
        filled += weights[i - 1]
        if filled >= size or (openers[i] and filled >= size / 4):
            starts.append(i)
            filled = 0.0
    return np.asarray(starts, dtype=np.int64)


def _split(similarity: np.ndarray, bonus: np.ndarray, block_words: np.ndarray, limit: int, min_words: float) -> tuple[np.ndarray, np.ndarray]:
    """Dynamic programme over block boundaries. ``best[k, j]``: the highest total score of
    blocks ``[0, j)`` cut into ``k`` parts (a part's score: its within-part similarity sum
    divided by its length in blocks, plus its start's bonus); ``back[k, j]``: where the last
    of those parts starts."""
    n = similarity.shape[0]
    integral = np.zeros((n + 1, n + 1))
    integral[1:, 1:] = similarity.cumsum(axis=0).cumsum(axis=1)
    cum_words = np.concatenate(([0.0], np.cumsum(block_words)))
    i = np.arange(n + 1)[:, None]
    j = np.arange(n + 1)[None, :]
    length = j - i
    inside = (integral[j, j] - integral[i, j] - integral[j, i] + integral[i, i]) / np.maximum(length, 1)
    score = inside + bonus[:, None]
    score[(length <= 0) | (cum_words[j] - cum_words[i] < min_words)] = -np.inf
    best = np.full((limit + 1, n + 1), -np.inf)
    back = np.zeros((limit + 1, n + 1), dtype=np.int64)
    best[0, 0] = 0.0
    columns = np.arange(n + 1)
    for k in range(1, limit + 1):
        total = best[k - 1][:, None] + score
        back[k] = np.argmax(total, axis=0)  # first maximum: ties go to the earliest start
        best[k] = total[back[k], columns]
    return best, back


def _count(final: np.ndarray, prior: float, limit: int) -> int:
    """How many parts: the length's prior; one more (up to ``limit``) when the next cut
    gains as much as the first cut did (the recording changes topic as sharply again);
    fewer when the transcript is too short for that many parts of the shortest length, or
    when a further cut does not raise the score (it says the same thing throughout).
    ``final[k]``: the best total score with ``k`` parts (``-inf`` when impossible)."""
    count = max(1, min(limit, int(round(prior))))
    while count > 1 and (not np.isfinite(final[count]) or final[count] <= final[count - 1] + 1e-9):
        count -= 1
    first_gain = final[2] - final[1] if limit >= 2 and np.isfinite(final[2]) else 0.0
    while count + 1 <= limit and np.isfinite(final[count + 1]) and count > 1 and final[count + 1] - final[count] >= _SHARP * first_gain > 0:
        count += 1
    return count


def _trace(back: np.ndarray, count: int, n_blocks: int) -> list[int]:
    """The start block of each of ``count`` parts, in order."""
    starts = []
    end = n_blocks
    for k in range(count, 0, -1):
        end = int(back[k, end])
        starts.append(end)
    return sorted(starts)


def _pause_signal(sentences: Sequence[Sentence]) -> np.ndarray:
    """Per gap, in [0, 1]: how long the silence before the sentence is. 0 up to twice the
    recording's usual longer pause (its 90th percentile) and at least ``_PAUSE_FROM``
    seconds, rising to 1 over ``_PAUSE_RAMP`` more seconds; 0 without times. Short gaps say
    little: captions leave them wherever a noise or a laugh was cut."""
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
    threshold = max(_PAUSE_FROM, 2.0 * float(np.percentile(pauses[known], 90)))
    out[known] = np.clip((pauses[known] - threshold) / _PAUSE_RAMP, 0.0, 1.0)
    return out
