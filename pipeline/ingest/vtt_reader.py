"""WebVTT (``.vtt``) captions via ``webvtt-py``. Times are seconds.

Voice spans (``<v Roger>``, ``<v.loud Esme>``) become ``Segment.speaker``; a cue whose
lines change voice is split into one segment per voice (same times). Other inline tags
(``<c>``, ``<i>``, karaoke ``<00:00:01.000>``) are removed.
"""

from __future__ import annotations

import re

import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from ..errors import InputError
from ..types import Segment
from .markup import join_lines, strip_markup

#: ``<v Speaker>`` / ``<v.class Speaker>``; the same grammar webvtt-py uses, bounded.
_VOICE = re.compile(r"<v(?:\.[\w-]+)*[ \t]+([^<>\n]{1,100})>")
_ARROW_LINE = re.compile(r"^[^\n]*-->[^\n]*$", re.MULTILINE)


def parse_vtt(text: str, *, name: str) -> tuple[Segment, ...]:
    """Segments of a WebVTT document, one per cue (or per voice within a cue), in order.

    Raises ``InputError`` for a missing ``WEBVTT`` header, a cue with an invalid timestamp,
    or a document without cues. Cue blocks the (lenient) library skips are counted by
    comparing with the number of timing lines and also reported as errors, because
    silently losing captions would skew every later stage.
    """
    # Blank lines before the header are harmless; the library insists on line 1.
    body = text.lstrip()
    offset = text[: len(text) - len(body)].count("\n")
    try:
        captions = webvtt.from_string(body).captions
    except MalformedFileError:
        raise InputError(f"{name}: malformed WebVTT: the first line must start with 'WEBVTT'") from None
    except (MalformedCaptionError, ValueError) as exc:
        raise InputError(f"{name}: malformed WebVTT: {str(exc)[:120]}") from None
    n_timings = len(_ARROW_LINE.findall(body))
    if not captions:
        raise InputError(f"{name}: no captions found in WebVTT input")
    if len(captions) < n_timings:
        bad = _first_bad_timing(body, captions, offset)
        raise InputError(f"{name}: malformed WebVTT{bad}: {n_timings - len(captions)} cue(s) could not be read")
    segments: list[Segment] = []
    for caption in captions:
        start = caption.start_time.in_milliseconds() / 1000
        end = caption.end_time.in_milliseconds() / 1000
        for speaker, body in _voice_runs(caption.lines):
            if body:
                segments.append(Segment(text=body, start=start, end=end, speaker=speaker))
    if not segments:
        raise InputError(f"{name}: no captions found in WebVTT input (every cue is empty)")
    return tuple(segments)


def _voice_runs(lines: list[str]) -> list[tuple[str | None, str]]:
    """Group a cue's lines by voice: ``[(speaker or None, text)]`` in order."""
    runs: list[tuple[str | None, list[str]]] = []
    speaker: str | None = None
    for line in lines:
        match = _VOICE.search(line)
        if match is not None:
            speaker = match.group(1).strip() or None
        text = strip_markup(line)
        if runs and runs[-1][0] == speaker:
            runs[-1][1].append(text)
        else:
            runs.append((speaker, [text]))
    return [(who, join_lines(parts)) for who, parts in runs]


def _first_bad_timing(text: str, captions: list[webvtt.Caption], offset: int) -> str:
    """`` at line N`` for the first timing line the library did not turn into a cue."""
    good = {(c.start, c.end) for c in captions}
    for match in _ARROW_LINE.finditer(text):
        times = re.findall(r"(?:\d+:)?\d{1,2}:\d{1,2}\.\d{1,3}", match.group(0))
        normalised = tuple(str(webvtt.models.Timestamp.from_string(t)) for t in times[:2]) if len(times) >= 2 else ()
        if normalised not in good:
            line = offset + text.count("\n", 0, match.start()) + 1
            return f" at line {line} ({match.group(0).strip()[:60]!r})"
    return ""
