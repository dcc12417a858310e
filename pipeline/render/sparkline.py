"""A one-line text chart of a series: ``sparkline([-1, 0, 1]) == "▁▅█"``.

Used by the Markdown report for the tone timeline. Deterministic: each value maps to one of
eight Unicode block characters by its position in ``[lo, hi]`` (values outside are clamped;
NaN or infinite values show as a space).
"""

from __future__ import annotations

import math
from typing import Sequence

BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(values: Sequence[float], lo: float = -1.0, hi: float = 1.0) -> str:
    """One block character per value; ``lo`` maps to the lowest block, ``hi`` to the highest.

    An empty sequence gives ``""``. When ``hi <= lo`` every finite value gets the middle block.
    """
    out = []
    span = hi - lo
    for value in values:
        v = float(value)
        if not math.isfinite(v):
            out.append(" ")
            continue
        if not span > 0:
            out.append(BLOCKS[len(BLOCKS) // 2 - 1])
            continue
        position = (min(max(v, lo), hi) - lo) / span  # in [0, 1]
        out.append(BLOCKS[min(len(BLOCKS) - 1, int(position * len(BLOCKS)))])
    return "".join(out)
