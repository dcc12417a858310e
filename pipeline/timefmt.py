"""Times for people: seconds as ``m:ss`` or ``h:mm:ss``, shared by every text output."""

from __future__ import annotations


def format_time(seconds: float | None) -> str:
    """``m:ss`` (or ``h:mm:ss`` from one hour) for a time in seconds, truncated to whole
    seconds; ``""`` when the time is unknown."""
    if seconds is None:
        return ""
    total = int(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
