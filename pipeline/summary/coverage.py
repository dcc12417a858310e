"""Coverage of the whole recording: which stretch each summary unit belongs to.

A summary should state the thesis and each major part, in the order of the recording, not
the first examples. The parts are the chapters when the chapters stage found some (any
values with inclusive ``first_sentence``/``last_sentence`` indices); otherwise a long
recording is cut into equal stretches, one per summary point (at most
:data:`MAX_STRETCHES`). A short text (fewer than :data:`MIN_UNITS` sentences, such as a news
article) has no parts worth spreading over: there the most central sentences win.
:func:`pipeline.summary.redundancy.mmr_select` then favours a sentence from a stretch that
no chosen point comes from yet.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

#: fewer whole sentences than this: no stretches (a news article, a short clip)
MIN_UNITS = 60
#: never more equal stretches than this (a 2-hour meeting's summary is not 25 parts)
MAX_STRETCHES = 8
#: the closing argument: this last share of a long recording is a stretch of its own (a
#: talk's conclusion and call to action come in its last minutes, often inside a longer part)
CLOSING_SHARE = 0.12


def stretches(unit_firsts: Sequence[int], n_points: int, chapters: Sequence[Any] = ()) -> np.ndarray | None:
    """Each unit's stretch number (``unit_firsts``: the first sentence index of each unit,
    ascending), or ``None`` when the recording is not spread over. ``n_points``: about how
    many points the summary will have."""
    n = len(unit_firsts)
    firsts = np.asarray(unit_firsts, dtype=np.int64)
    bounds = sorted(int(c.first_sentence) for c in chapters if getattr(c, "first_sentence", None) is not None)
    if len(bounds) >= 2:
        # chapter number of each unit: the last chapter starting at or before it
        parts = np.maximum(0, np.searchsorted(np.asarray(bounds[1:]), firsts, side="right"))
    elif n < MIN_UNITS or n_points < 2:
        return None
    else:
        parts = (np.arange(n) * min(MAX_STRETCHES, n_points)) // n
    return _with_closing(parts, n_points)


def _with_closing(parts: np.ndarray, n_points: int) -> np.ndarray:
    """``parts`` with the last :data:`CLOSING_SHARE` of the units as a stretch of its own,
    when the recording is long (:data:`MIN_UNITS`), the summary has 3 points or more, and
    the last stretch begins before that share."""
    n = len(parts)
    closing = int(np.ceil(n * (1.0 - CLOSING_SHARE)))
    if n < MIN_UNITS or n_points < 3 or closing >= n or parts[closing] != parts[closing - 1]:
        return parts
    parts = parts.copy()
    parts[closing:] = int(parts.max()) + 1
    return parts
