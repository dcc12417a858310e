"""What the SRT and WebVTT readers share after parsing: cue times checked and ordered.

A caption cue whose end is before its start (a typo in the milliseconds, a swapped pair)
gets ``end = start`` and a warning, never a negative duration; cues out of order are
sorted by start time (stable, so cues with equal starts keep file order), with a warning.
Times are seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..types import Segment

#: Lines listed in one warning before "and N more".
_MAX_LISTED = 5


@dataclass(frozen=True, slots=True)
class TimedText:
    """One cue's text (markup removed) with its times, speaker and 1-based timing line."""

    text: str
    start: float
    end: float
    speaker: str | None
    line: int


def finish_cues(cues: list[TimedText], *, name: str) -> tuple[tuple[Segment, ...], tuple[str, ...]]:
    """``(segments, warnings)``: ends fixed, cues ordered by start time."""
    warnings: list[str] = []
    backwards = [c.line for c in cues if c.end < c.start]
    if backwards:
        warnings.append(f"{name}: {len(backwards)} cue(s) end before they start (line {_listed(backwards)}); their end was set to their start")
    out_of_order = [b.line for a, b in zip(cues, cues[1:]) if b.start < a.start]
    ordered = sorted(cues, key=lambda c: c.start) if out_of_order else cues
    if out_of_order:
        warnings.append(f"{name}: {len(out_of_order)} cue(s) start before the cue above them (line {_listed(out_of_order)}); cues were sorted by start time")
    segments = tuple(Segment(text=c.text, start=c.start, end=max(c.start, c.end), speaker=c.speaker) for c in ordered)
    return segments, tuple(warnings)


def _listed(lines: list[int]) -> str:
    shown = ", ".join(str(n) for n in lines[:_MAX_LISTED])
    return shown + (f" and {len(lines) - _MAX_LISTED} more" if len(lines) > _MAX_LISTED else "")
