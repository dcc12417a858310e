"""SubRip (``.srt``) captions via the ``srt`` library. Times are seconds."""

from __future__ import annotations

import srt

from ..errors import InputError
from ..types import Segment
from .markup import join_lines, strip_markup


def parse_srt(text: str, *, name: str) -> tuple[Segment, ...]:
    """Segments of an SRT document, one per cue with text, in file order.

    Raises ``InputError`` naming the line of the first block that is not valid SRT, or
    "no captions found" when the document holds no cue.
    """
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as exc:
        content = exc.unmatched_content
        offset = exc.expected_start + (len(content) - len(content.lstrip()))
        line = text.count("\n", 0, offset) + 1
        snippet = " / ".join(part.strip() for part in content.strip().split("\n")[:2])[:80]
        raise InputError(
            f"{name}: malformed SRT at line {line}: {snippet!r} is not a cue "
            f"(expected an index line, 'HH:MM:SS,mmm --> HH:MM:SS,mmm', then text)"
        ) from None
    except (srt.TimestampParseError, ValueError, OverflowError) as exc:
        raise InputError(f"{name}: malformed SRT: {exc}") from None
    if not subtitles:
        raise InputError(f"{name}: no captions found in SRT input")
    segments = []
    for sub in subtitles:
        _check_no_swallowed_timing(sub.content, text, name)
        body = strip_markup(join_lines(sub.content.split("\n")))
        if not body:
            continue
        segments.append(Segment(text=body, start=sub.start.total_seconds(), end=sub.end.total_seconds()))
    if not segments:
        raise InputError(f"{name}: no captions found in SRT input (every cue is empty)")
    return tuple(segments)


def _check_no_swallowed_timing(content: str, text: str, name: str) -> None:
    """The library folds a block with a broken timing line into the previous cue's text;
    an arrow inside cue text is that symptom, so report the broken line instead."""
    if "-->" not in content:
        return
    bad = next(line for line in content.split("\n") if "-->" in line)
    where = text.find(bad)
    line = text.count("\n", 0, where) + 1 if where >= 0 else 0
    at = f" at line {line}" if line else ""
    raise InputError(f"{name}: malformed SRT{at}: invalid cue timing {bad.strip()[:60]!r}")
