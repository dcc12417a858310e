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


def stretches(unit_firsts: Sequence[int], n_points: int, chapters: Sequence[Any] = ()) -> np.ndarray | None:
    """Each unit's stretch number (``unit_firsts``: the first sentence index of each unit,
    ascending), or ``None`` when the recording is not spread over. ``n_points``: about how
    many points the summary will have."""
    n = len(unit_firsts)
    firsts = np.asarray(unit_firsts, dtype=np.int64)
    bounds = sorted(int(c.first_sentence) for c in chapters if getattr(c, "first_sentence", None) is not None)
    if len(bounds) >= 2:
        # chapter number of each unit: the last chapter starting at or before it
        return np.maximum(0, np.searchsorted(np.asarray(bounds[1:]), firsts, side="right"))
    if n < MIN_UNITS or n_points < 2:
        return None
    parts = min(MAX_STRETCHES, n_points)
    return (np.arange(n) * parts) // n
