"""How tone moves through a transcript: mean sentence score over consecutive windows.

With times on every sentence the windows are equal spans of time between the first
sentence's start and the last sentence's end (a sentence belongs to the window holding its
start); otherwise they are runs of near-equal numbers of consecutive sentences. At most
``windows`` points; a time window without sentences is skipped (never a NaN point).
"""

from __future__ import annotations

import math
from typing import Sequence

from ..result import TimelinePoint
from ..types import Sentence


def timeline(sentences: Sequence[Sentence], scores: Sequence[float], windows: int) -> tuple[TimelinePoint, ...]:
    """Timeline points in document order. ``scores[i]`` is the compound of ``sentences[i]``."""
    if not sentences or windows < 1:
        return ()
    if all(s.start is not None for s in sentences):
        points = _by_time(sentences, scores, windows)
        if points:
            return points
    return _by_count(sentences, scores, windows)


def _by_count(sentences: Sequence[Sentence], scores: Sequence[float], windows: int) -> tuple[TimelinePoint, ...]:
    n = len(sentences)
    k = min(windows, n)
    points = []
    for w in range(k):
        lo, hi = (w * n) // k, ((w + 1) * n) // k  # near-equal contiguous runs, none empty
        points.append(_point(sentences, scores, lo, hi, sentences[lo].start, _end(sentences[hi - 1])))
    return tuple(points)


def _by_time(sentences: Sequence[Sentence], scores: Sequence[float], windows: int) -> tuple[TimelinePoint, ...]:
    t0 = min(float(s.start) for s in sentences)  # type: ignore[arg-type]
    t1 = max(max(float(s.start), float(_end(s) or s.start)) for s in sentences)  # type: ignore[arg-type]
    span = t1 - t0
    if not math.isfinite(span) or span <= 0:
        return ()
    width = span / windows
    buckets: list[list[int]] = [[] for _ in range(windows)]
    for i, s in enumerate(sentences):
        b = min(windows - 1, max(0, int((float(s.start) - t0) / width)))  # type: ignore[arg-type]
        buckets[b].append(i)
    points = []
    for b, members in enumerate(buckets):
        if not members:
            continue
        points.append(
            TimelinePoint(
                start=t0 + b * width,
                end=t1 if b == windows - 1 else t0 + (b + 1) * width,
                score=math.fsum(scores[i] for i in members) / len(members),
                first_sentence=sentences[members[0]].index,
                last_sentence=sentences[members[-1]].index,
            )
        )
    return tuple(points)


def _point(sentences: Sequence[Sentence], scores: Sequence[float], lo: int, hi: int, start: float | None, end: float | None) -> TimelinePoint:
    return TimelinePoint(
        start=start,
        end=end,
        score=math.fsum(scores[lo:hi]) / (hi - lo),
        first_sentence=sentences[lo].index,
        last_sentence=sentences[hi - 1].index,
    )


def _end(sentence: Sentence) -> float | None:
    return sentence.end if sentence.end is not None else sentence.start
