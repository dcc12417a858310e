"""YouTube's chapter list (``analyze --format chapters``): one ``m:ss Title`` line each.

YouTube shows chapters from a video description only when the first starts at 0:00, there
are at least three, and each lasts at least 10 seconds. So the list is written only when the
recording has times and at least three chapters of 10 s or more; chapters shorter than that
are merged into the one before. Otherwise the output is empty and :func:`youtube_problem`
says why (the command line prints it as a warning and exits non-zero).
"""

from __future__ import annotations

from ..result import Chapter, Result
from ..timefmt import format_time

#: YouTube's rules for description chapters
MIN_CHAPTERS = 3
MIN_SECONDS = 10.0


def youtube_chapters(chapters: tuple[Chapter, ...]) -> list[tuple[float, str]]:
    """``(start seconds, title)`` pairs meeting YouTube's rules, first at 0.0; empty when
    the chapters cannot meet them (no times, fewer than three long enough)."""
    timed = [c for c in chapters if c.start is not None]
    if len(timed) != len(chapters) or not timed:
        return []
    kept: list[tuple[float, str]] = []
    for c in timed:
        start = 0.0 if not kept else float(c.start)  # type: ignore[arg-type]
        if kept and start - kept[-1][0] < MIN_SECONDS:
            continue  # too close to the previous start: that chapter absorbs it
        kept.append((start, c.title))
    end = timed[-1].end if timed[-1].end is not None else timed[-1].start
    if kept and end is not None and end - kept[-1][0] < MIN_SECONDS:
        kept.pop()  # the last one would be shorter than 10 s
    return kept if len(kept) >= MIN_CHAPTERS else []


def youtube_problem(result: Result) -> str:
    """Why :func:`to_chapters` printed nothing for ``result`` (``""`` when it did)."""
    if youtube_chapters(result.chapters):
        return ""
    if not result.chapters:
        return "no chapters: the transcript has no clear parts"
    if any(c.start is None for c in result.chapters):
        return "no chapters in YouTube format: the transcript has no times (use captions: SRT, VTT or JSON)"
    return f"no chapters in YouTube format: it needs at least {MIN_CHAPTERS} chapters of at least {MIN_SECONDS:.0f} seconds, the recording has {len(result.chapters)}"


def to_chapters(result: Result) -> str:
    """``0:00 Title`` lines, or ``""`` when YouTube's rules cannot be met."""
    return "".join(f"{format_time(start)} {title}\n" for start, title in youtube_chapters(result.chapters))
