"""Speaker labels (``Dr. Smith: ...``) and inline timestamps (``[00:01:23]``) at line start.

Shared by the plain-text reader and by :mod:`pipeline.clean` (labels left inside caption
text). Every pattern here is anchored and bounded, so a 20 MB line costs one short scan.
"""

from __future__ import annotations

import re

#: Longest label looked at, in characters: "Dr. Jane van der Berg" fits, a sentence does not.
MAX_LABEL_CHARS = 40
#: Longest label in words.
MAX_LABEL_WORDS = 4

#: Words that look like labels before a colon but introduce content, not a speaker
#: ("Note: ...", "Chapter 3: ...", "Remember: ..."). Compared lowercase against the label's
#: first word; a real speaker is rarely called any of these.
NOT_SPEAKER_WORDS: tuple[str, ...] = tuple(
    sorted(
        (
            "agenda", "answer", "bonus", "caution", "chapter", "conclusion", "date",
            "definition", "disclaimer", "edit", "episode", "example", "fact", "finally",
            "first", "goal", "here", "hint", "how", "important", "key", "lesson", "location",
            "look", "next", "no", "note", "notes", "now", "okay", "part", "problem", "ps",
            "question", "re", "remember", "reminder", "result", "results", "rule", "second",
            "section", "so", "solution", "source", "sources", "step", "subject", "summary",
            "that", "third", "this", "time", "tip", "title", "today", "topic", "transcript",
            "update", "warning", "well", "what", "when", "where", "why", "www", "yes",
        )
    )
)

#: A label word: capitalised ("Smith", "Dr.", "O'Neil", "Jean-Luc") or ALL CAPS with
#: digits/underscores ("SPEAKER_00", "DAVE"), or a bare number after "Speaker"/"Person".
_LABEL_WORD = re.compile(r"(?:[A-Z][A-Za-z'’.\-]*|[A-Z][A-Z0-9_]*|[0-9]{1,3})")
_NUMBERED = re.compile(r"(?:speaker|person|participant|guest|voice)[ _]?[0-9]{1,3}", re.IGNORECASE)

#: A timestamp: ``1:02:03``, ``01:23``, ``1:02:03.5``, ``00:01:23,000``; optionally in
#: [] or (). Bare ones need whitespace after them so "10:30am" is not read as a time.
_TIME = r"(?:(\d{1,2}):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?"
_TIMESTAMP = re.compile(rf"(?:\[\s*{_TIME}\s*\]|\(\s*{_TIME}\s*\)|{_TIME}(?=\s|$))[ \t]*")


def parse_time(match: re.Match[str], offset: int = 0) -> float:
    """Seconds from the 4 groups (hours, minutes, seconds, fraction) starting at ``offset``."""
    hours, minutes, seconds, fraction = match.group(offset + 1, offset + 2, offset + 3, offset + 4)
    total = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    if fraction:
        total += int(fraction) / (10 ** len(fraction))
    return float(total)


def split_timestamp(line: str) -> tuple[float | None, str]:
    """``("[00:01:23] Hi")`` -> ``(83.0, "Hi")``; ``(None, line)`` without a leading time."""
    match = _TIMESTAMP.match(line)
    if match is None:
        return None, line
    for offset in (0, 4, 8):
        if match.group(offset + 2) is not None:
            return parse_time(match, offset), line[match.end():]
    return None, line  # pragma: no cover - one alternative always matched


def is_label(label: str) -> bool:
    """Whether ``label`` (the text before a colon) names a speaker.

    Short (<= MAX_LABEL_WORDS words), every word capitalised or ALL CAPS (numbers allowed
    after the first word), not a content word like "Note"; or "Speaker N"/"SPEAKER_00".
    """
    label = label.strip()
    if not label or len(label) > MAX_LABEL_CHARS:
        return False
    if _NUMBERED.fullmatch(label):
        return True
    words = label.split()
    if len(words) > MAX_LABEL_WORDS or not words[0][:1].isalpha():
        return False
    if words[0].lower().rstrip(".") in NOT_SPEAKER_WORDS:
        return False
    return all(_LABEL_WORD.fullmatch(word) for word in words)


def split_label(text: str) -> tuple[str | None, str]:
    """``"Dr. Smith: Hello"`` -> ``("Dr. Smith", "Hello")``; ``(None, text)`` without a label.

    A label with nothing after it (``"DAVE:"``) is returned with ``""`` as the rest; callers
    decide whether a lone label is allowed. A colon followed by a non-space ("10:30",
    "https://") never ends a label.
    """
    colon = text.find(":", 0, MAX_LABEL_CHARS + 1)
    if colon <= 0:
        return None, text
    rest = text[colon + 1:]
    if rest and not rest[0].isspace():
        return None, text
    label = text[:colon].strip()
    if not is_label(label):
        return None, text
    return label, rest.strip()


def split_trailing_timestamp_label(line: str) -> tuple[str | None, float | None]:
    """Otter-style heading ``"Speaker 1  0:03"`` -> ``("Speaker 1", 3.0)``; else ``(None, None)``."""
    stripped = line.rstrip()
    if len(stripped) > MAX_LABEL_CHARS + 16:
        return None, None
    parts = stripped.rsplit(None, 1)
    if len(parts) != 2:
        return None, None
    start, rest = split_timestamp(parts[1])
    if start is None or rest.strip():
        return None, None
    label = parts[0].strip().rstrip(":")
    if not is_label(label):
        return None, None
    return label, start
