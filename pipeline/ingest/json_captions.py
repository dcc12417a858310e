"""JSON captions: Whisper-style segments and YouTube ``json3``. Times are seconds.

Supported shapes:

* Whisper: ``{"segments": [{"start": 0.0, "end": 2.5, "text": "...", "speaker": "..."}]}``
  or a bare list of such segments (``speaker`` optional, e.g. from WhisperX diarisation);
  ``{"text": "..."}`` alone is read as plain text.
* YouTube json3: ``{"events": [{"tStartMs": 0, "dDurationMs": 2500, "segs": [{"utf8": "..."}]}]}``;
  events without ``segs`` (window definitions) and newline-only segs are skipped.
"""

from __future__ import annotations

import json
import math
from typing import Any

from ..errors import InputError
from ..types import Segment
from .text import parse_plain_text

SHAPES_HELP = (
    'supported JSON shapes: Whisper {"segments": [{"start", "end", "text"}]}, '
    'a list of such segments, or YouTube json3 {"events": [{"tStartMs", "segs": [{"utf8"}]}]}'
)


def parse_json_captions(text: str, *, name: str) -> tuple[str, tuple[Segment, ...]]:
    """``(format, segments)`` where format is ``"whisper-json"`` or ``"youtube-json3"``."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise InputError(f"{name}: invalid JSON: nested too deeply") from None
    if isinstance(data, dict) and isinstance(data.get("events"), list):
        return "youtube-json3", _youtube(data["events"], name)
    if isinstance(data, dict) and isinstance(data.get("segments"), list):
        if not data["segments"] and isinstance(data.get("text"), str):
            return "whisper-json", parse_plain_text(data["text"])
        return "whisper-json", _whisper(data["segments"], name)
    if isinstance(data, list) and all(isinstance(item, dict) and "text" in item for item in data):
        return "whisper-json", _whisper(data, name)
    if isinstance(data, dict) and isinstance(data.get("text"), str):
        return "whisper-json", parse_plain_text(data["text"])
    raise InputError(f"{name}: unsupported JSON shape; {SHAPES_HELP}")


def _whisper(items: list[Any], name: str) -> tuple[Segment, ...]:
    segments = []
    for i, item in enumerate(items):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise InputError(f'{name}: segment {i} must be an object with a "text" string; {SHAPES_HELP}')
        start = _seconds(item.get("start"), f"segment {i} start", name)
        end = _seconds(item.get("end"), f"segment {i} end", name)
        speaker = item.get("speaker")
        body = " ".join(item["text"].split())
        if body:
            segments.append(Segment(text=body, start=start, end=end, speaker=str(speaker) if speaker else None))
    if not segments:
        raise InputError(f"{name}: no captions found in JSON input")
    return tuple(segments)


def _youtube(events: list[Any], name: str) -> tuple[Segment, ...]:
    segments = []
    for i, event in enumerate(events):
        if not isinstance(event, dict):
            raise InputError(f"{name}: event {i} must be an object; {SHAPES_HELP}")
        segs = event.get("segs")
        if not isinstance(segs, list):
            continue
        pieces = [s["utf8"] for s in segs if isinstance(s, dict) and isinstance(s.get("utf8"), str)]
        body = " ".join("".join(pieces).split())
        if not body:
            continue  # "\n"-only segs mark line breaks in the caption window
        start_ms = _seconds(event.get("tStartMs"), f"event {i} tStartMs", name)
        duration_ms = _seconds(event.get("dDurationMs"), f"event {i} dDurationMs", name)
        # Sum in milliseconds, then convert: exact for integer milliseconds.
        start = None if start_ms is None else start_ms / 1000
        end = None if start_ms is None or duration_ms is None else (start_ms + duration_ms) / 1000
        segments.append(Segment(text=body, start=start, end=end))
    if not segments:
        raise InputError(f"{name}: no captions found in JSON input")
    return tuple(segments)


def _seconds(value: Any, what: str, name: str) -> float | None:
    """A finite, non-negative number (or ``None`` when absent)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        raise InputError(f"{name}: {what} must be a non-negative number, got {value!r}")
    return float(value)


