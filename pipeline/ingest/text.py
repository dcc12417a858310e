"""Plain-text transcripts: one segment per non-empty line.

Recognised at the start of a line, in this order: a timestamp (``[00:01:23]``, ``(01:23)``,
``00:01:23``, ``[1:02:03.5]``), then a speaker label (``Speaker 1:``, ``DAVE:``,
``Dr. Smith:``). A line holding only a label and/or a timestamp (``DAVE:``, ``[00:01:23]``,
Otter's ``Speaker 1  0:03``) applies to the lines after it. A line without a label
continues the previous speaker (``None`` before the first label).

Times are seconds. A segment's ``end`` is the next timestamp seen, when there is one;
lines without a timestamp of their own get ``start = end = None``.
"""

from __future__ import annotations

from dataclasses import replace

from ..types import Segment
from .labels import split_label, split_timestamp, split_trailing_timestamp_label


def parse_plain_text(text: str) -> tuple[Segment, ...]:
    """Segments of a normalised plain-text transcript (``\\n`` newlines), in input order."""
    segments: list[Segment] = []
    speaker: str | None = None
    pending_start: float | None = None  # from a timestamp-only or heading line
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        start, rest = split_timestamp(line)
        label, body = split_label(rest)
        if label is None and start is None:
            heading, heading_start = split_trailing_timestamp_label(line)
            if heading is not None:
                speaker, pending_start = heading, heading_start
                continue
        if label is not None:
            speaker = label
            if start is None:
                start, body = split_timestamp(body)  # "Speaker 1: [00:01:23] text"
        else:
            body = rest
        body = body.strip()
        if start is None:
            start, pending_start = pending_start, None
        if not body:
            # A lone label or timestamp line: it applies to the next line with text.
            pending_start = start
            continue
        segments.append(Segment(text=body, start=start, speaker=speaker))
    return _fill_ends(segments)


def _fill_ends(segments: list[Segment]) -> tuple[Segment, ...]:
    """Each timed segment ends where the next timed segment starts (if that is later)."""
    out = list(segments)
    next_start: float | None = None
    for i in range(len(out) - 1, -1, -1):
        seg = out[i]
        if seg.start is None:
            continue
        if next_start is not None and next_start > seg.start:
            out[i] = replace(seg, end=next_start)
        next_start = seg.start
    return tuple(out)
