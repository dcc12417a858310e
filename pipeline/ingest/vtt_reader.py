"""WebVTT (``.vtt``) captions, read as a browser reads them. Times are seconds.

The cues come from :mod:`pipeline.ingest.webvtt_parser` (the W3C parsing algorithm): a cue
whose timing line does not parse, or text outside any cue, is skipped with its line in
the warnings, and the other cues are kept. Voice spans (``<v Roger>``, ``<v.loud Esme>``)
become ``Segment.speaker``; a cue whose lines change voice is split into one segment per
voice (same times). Other inline tags (``<c>``, ``<i>``, karaoke ``<00:00:01.000>``) are
removed and entities decoded.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..types import Segment
from .cues import TimedText, finish_cues
from .markup import join_lines, strip_markup
from .webvtt_parser import SignatureError, parse_webvtt

#: ``<v Speaker>`` / ``<v.class Speaker>``; the same grammar webvtt-py uses, bounded.
_VOICE = re.compile(r"<v(?:\.[\w-]+)*[ \t]+([^<>\n]{1,100})>")


def parse_vtt(text: str, *, name: str) -> tuple[tuple[Segment, ...], tuple[str, ...]]:
    """``(segments, warnings)`` of a WebVTT document: one segment per cue (or per voice
    within a cue), ordered by start time.

    Raises ``InputError`` for a missing ``WEBVTT`` signature or a document without a cue
    that has text. Blank lines before the signature are allowed (line numbers in messages
    still count from the file's first line).
    """
    body = text.lstrip("\n \t")
    offset = text[: len(text) - len(body)].count("\n")
    try:
        parsed = parse_webvtt(body)
    except SignatureError:
        raise InputError(f"{name}: malformed WebVTT: the first line must start with 'WEBVTT'") from None
    warnings: list[str] = []
    if parsed.nul_count:
        warnings.append(f"{name}: {parsed.nul_count} NUL character(s) replaced by U+FFFD")
    for block in parsed.skipped:
        warnings.append(f"{name}: line {block.line + offset}: {block.reason} ({block.text.strip()[:60]!r}); skipped")
    if not parsed.cues:
        raise InputError(f"{name}: no captions found in WebVTT input" + (f" ({len(parsed.skipped)} block(s) skipped)" if parsed.skipped else ""))
    timed: list[TimedText] = []
    for cue in parsed.cues:
        for speaker, body_text in _voice_runs(cue.text.split("\n")):
            if body_text:
                timed.append(TimedText(body_text, cue.start, cue.end, speaker, cue.line + offset))
    segments, more = finish_cues(timed, name=name)
    if not segments:
        raise InputError(f"{name}: no captions found in WebVTT input (every cue is empty)")
    return segments, _capped(warnings) + more


def _capped(warnings: list[str], limit: int = 10) -> tuple[str, ...]:
    """At most ``limit`` skipped-block messages, then one line counting the rest."""
    if len(warnings) <= limit:
        return tuple(warnings)
    return (*warnings[:limit], f"... and {len(warnings) - limit} more skipped block(s)")


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
