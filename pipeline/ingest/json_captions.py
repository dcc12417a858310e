"""JSON captions: Whisper-style segments, whisper.cpp ``-oj`` and YouTube ``json3``.
Times are seconds.

Supported shapes:

* Whisper: ``{"segments": [{"start": 0.0, "end": 2.5, "text": "...", "speaker": "..."}]}``
  or a bare list of such segments (``speaker`` optional, e.g. from WhisperX diarisation);
  ``{"text": "..."}`` alone is read as plain text.
* whisper.cpp ``-oj``: ``{"transcription": [{"offsets": {"from": 0, "to": 2500}, "text":
  "..."}]}`` (offsets in milliseconds; the ``timestamps`` strings are used when offsets
  are missing).
* YouTube json3: ``{"events": [{"tStartMs": 0, "dDurationMs": 2500, "segs": [{"utf8": "..."}]}]}``;
  events without ``segs`` (window definitions) and newline-only segs are skipped.

Whisper writes some characters as HTML entities (``&#39;``, ``&quot;``); they are decoded.
Hostile JSON (a 5,000-digit number, ``1e999``, nesting thousands deep) is an
``InputError``, never a crash.
"""

from __future__ import annotations

import html
import json
import math
import re
from typing import Any

from ..errors import InputError
from ..types import Segment
from .normalize import replace_surrogates
from .text import parse_plain_text

SHAPES_HELP = (
    'supported JSON shapes: Whisper {"segments": [{"start", "end", "text"}]}, '
    'a list of such segments, whisper.cpp -oj {"transcription": [{"offsets", "text"}]}, '
    'or YouTube json3 {"events": [{"tStartMs", "segs": [{"utf8"}]}]}'
)

#: whisper.cpp's ``timestamps`` strings: ``00:01:02,500``.
_CPP_TIME = re.compile(r"(\d{1,9}):(\d{1,2}):(\d{1,2})[,.](\d{1,3})")


def parse_json_captions(text: str, *, name: str) -> tuple[str, tuple[Segment, ...], tuple[str, ...]]:
    """``(format, segments, warnings)``; format is ``"whisper-json"`` or ``"youtube-json3"``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise InputError(f"{name}: invalid JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer over Python's 4,300-digit conversion limit
        raise InputError(f"{name}: invalid JSON: {str(exc).split(';')[0][:100]}") from None
    if isinstance(data, dict) and isinstance(data.get("events"), list):
        return _finish("youtube-json3", _youtube(data["events"], name), name)
    if isinstance(data, dict) and isinstance(data.get("transcription"), list):
        return _finish("whisper-json", _whisper_cpp(data["transcription"], name), name)
    if isinstance(data, dict) and isinstance(data.get("segments"), list):
        if not data["segments"] and isinstance(data.get("text"), str):
            return "whisper-json", parse_plain_text(_body_lines(data["text"])), ()
        return _finish("whisper-json", _whisper(data["segments"], name), name)
    if isinstance(data, list) and data and all(isinstance(item, dict) and "text" in item for item in data):
        return _finish("whisper-json", _whisper(data, name), name)
    if isinstance(data, dict) and isinstance(data.get("text"), str):
        return "whisper-json", parse_plain_text(_body_lines(data["text"])), ()
    raise InputError(f"{name}: unsupported JSON shape; {SHAPES_HELP}")


def _finish(fmt: str, segments: list[Segment], name: str) -> tuple[str, tuple[Segment, ...], tuple[str, ...]]:
    """Segments whose end is before their start end at their start (with a warning)."""
    if not segments:
        raise InputError(f"{name}: no captions found in JSON input")
    backwards = sum(1 for s in segments if s.start is not None and s.end is not None and s.end < s.start)
    if not backwards:
        return fmt, tuple(segments), ()
    fixed = tuple(Segment(s.text, s.start, s.start, s.speaker) if s.start is not None and s.end is not None and s.end < s.start else s for s in segments)
    return fmt, fixed, (f"{name}: {backwards} segment(s) end before they start; their end was set to their start",)


def _body(raw: str) -> str:
    """Entities decoded, white space squeezed, lone surrogates ("\\ud800") -> U+FFFD."""
    return " ".join(replace_surrogates(html.unescape(raw)).split())


def _body_lines(raw: str) -> str:
    """A whole-transcript ``text`` field: entities decoded, lone surrogates replaced,
    lines kept (they carry speaker labels)."""
    return replace_surrogates(html.unescape(raw))


def _whisper(items: list[Any], name: str) -> list[Segment]:
    segments = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(f'{name}: segment {i} must be an object with a "text" string; {SHAPES_HELP}')
        start = _seconds(item.get("start"), f"segment {i} start", name)
        end = _seconds(item.get("end"), f"segment {i} end", name)
        speaker = item.get("speaker")
        body = _body(item["text"])
        if body:
            segments.append(Segment(text=body, start=start, end=end, speaker=_speaker(speaker)))
    return segments


def _whisper_cpp(items: list[Any], name: str) -> list[Segment]:
    segments = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(f'{name}: transcription item {i} must be an object with a "text" string; {SHAPES_HELP}')
        body = _body(item["text"])
        if not body:
            continue
        offsets = item.get("offsets") if isinstance(item.get("offsets"), dict) else {}
        stamps = item.get("timestamps") if isinstance(item.get("timestamps"), dict) else {}
        start_ms = _seconds(offsets.get("from"), f"transcription item {i} offsets.from", name)
        end_ms = _seconds(offsets.get("to"), f"transcription item {i} offsets.to", name)
        start = start_ms / 1000 if start_ms is not None else _cpp_time(stamps.get("from"))
        end = end_ms / 1000 if end_ms is not None else _cpp_time(stamps.get("to"))
        segments.append(Segment(text=body, start=start, end=end))
    return segments


def _cpp_time(value: Any) -> float | None:
    match = _CPP_TIME.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        return None
    hours, minutes, seconds, fraction = match.groups()
    return ((int(hours) * 60 + int(minutes)) * 60 + int(seconds)) + int(fraction.ljust(3, "0")) / 1000


def _youtube(events: list[Any], name: str) -> list[Segment]:
    segments = []
    for i, event in enumerate(events):
        if not isinstance(event, dict):
            raise InputError(f"{name}: event {i} must be an object; {SHAPES_HELP}")
        segs = event.get("segs")
        if not isinstance(segs, list):
            continue
        pieces = [s["utf8"] for s in segs if isinstance(s, dict) and isinstance(s.get("utf8"), str)]
        body = _body("".join(pieces))
        if not body:
            continue  # "\n"-only segs mark line breaks in the caption window
        start_ms = _seconds(event.get("tStartMs"), f"event {i} tStartMs", name)
        duration_ms = _seconds(event.get("dDurationMs"), f"event {i} dDurationMs", name)
        # Sum in milliseconds, then convert: exact for integer milliseconds.
        start = None if start_ms is None else start_ms / 1000
        end = None if start_ms is None or duration_ms is None else (start_ms + duration_ms) / 1000
        segments.append(Segment(text=body, start=start, end=end))
    return segments


def _speaker(value: Any) -> str | None:
    """A speaker name from JSON: strings (and numbers) as text, anything else none."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int, float)):
        text = " ".join(replace_surrogates(str(value)).split())[:100]
        return text or None
    return None


#: Largest accepted time: about 31,700 years in seconds, or in milliseconds. Far beyond
#: any recording, small enough that every later sum and format stays finite and exact.
_MAX_TIME = 1e15


def _seconds(value: Any, what: str, name: str) -> float | None:
    """A finite, non-negative number (or ``None`` when absent)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(f"{name}: {what} must be a non-negative number, got {_short(value)}")
    if isinstance(value, int) and value.bit_length() > 60:
        raise InputError(f"{name}: {what} is too large ({_short(value)})")
    if not math.isfinite(value) or value < 0 or value > _MAX_TIME:
        raise InputError(f"{name}: {what} must be a non-negative number below {_MAX_TIME:g}, got {_short(value)}")
    return float(value)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
