"""SubRip (``.srt``) captions, read as video players read them. Times are seconds.

Players (ffmpeg's and VLC's SubRip demuxers) find cues by their timing line, not by a
strict block grammar, so this reader does too:

* a timing line is ``H:MM:SS,mmm --> H:MM:SS,mmm`` with any spaces or tabs around the
  arrow, ``.`` or ``:`` for the comma, hours optional, and anything after the second time
  (``X1:... Y2:...`` positions) ignored; the cue's text is every line after it up to the
  next timing line, without the index line that precedes that one;
* a line that starts like a timing line but does not parse (``00:0x:03,000 --> ...``) is
  a bad cue: it and its text are skipped, with its line in the warnings;
* ``-->`` inside cue text is text; text before the first cue is skipped with a warning;
* a millisecond field with more than three digits is read as a decimal fraction with a
  warning; cue ends before their starts and cues out of order are fixed in
  :func:`~pipeline.ingest.cues.finish_cues`.

Why not the ``srt`` library: it rejects a whole file for one bad block and folds a block
with a broken timing line into the previous cue's text.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..types import Segment
from .cues import TimedText, finish_cues
from .markup import join_lines, strip_markup

_TIME = r"(?:(\d{1,9})[ \t]*:[ \t]*)?(\d{1,9})[ \t]*:[ \t]*(\d{1,9})(?:[ \t]*[,.:][ \t]*(\d{1,12}))?"
#: A timing line as players accept it. Bounded quantifiers only: linear on any line.
TIMING_LINE = re.compile(rf"[ \t]*{_TIME}[ \t]*-{{1,3}}>[ \t]*{_TIME}(?:[ \t].*)?")
#: A line that was meant to be a timing line: a time-like word starting with a digit,
#: then the arrow ("00:0x:03,000 -->"; "2 friends --> go" is text).
_TIMING_ATTEMPT = re.compile(r"[ \t]*\d[^ \t]{0,30}[ \t]*-->")
_INDEX = re.compile(r"[ \t]*\d{1,9}[ \t]*")


def parse_srt(text: str, *, name: str) -> tuple[tuple[Segment, ...], tuple[str, ...]]:
    """``(segments, warnings)`` of an SRT document, ordered by start time.

    Raises ``InputError`` when the document holds no readable cue.
    """
    lines = text.split("\n")
    cues: list[TimedText] = []
    skipped: list[str] = []
    long_fraction: list[int] = []
    stray: int | None = None  # first line of text before any cue
    current: tuple[float, float, int] | None = None
    body: list[str] = []
    skipping = False

    def close() -> None:
        if current is not None:
            content = strip_markup(join_lines(_without_trailing_index(body)))
            if content:
                cues.append(TimedText(content, current[0], current[1], None, current[2]))

    for number, line in enumerate(lines, start=1):
        match = TIMING_LINE.fullmatch(line)
        if match is not None:
            close()
            start, start_long = _seconds(match, 0)
            end, end_long = _seconds(match, 4)
            if start_long or end_long:
                long_fraction.append(number)
            current, body, skipping = (start, end, number), [], False
            continue
        if _TIMING_ATTEMPT.match(line):
            close()
            skipped.append(f"line {number}: invalid cue timing ({line.strip()[:60]!r})")
            current, body, skipping = None, [], True
            continue
        if current is not None:
            body.append(line)
        elif not skipping and line.strip() and not _INDEX.fullmatch(line) and stray is None:
            stray = number
    close()
    warnings: list[str] = []
    if stray is not None and cues:
        warnings.append(f"{name}: line {stray}: text before the first cue skipped")
    warnings += [f"{name}: {message}; skipped" for message in skipped[:10]]
    if len(skipped) > 10:
        warnings.append(f"{name}: ... and {len(skipped) - 10} more invalid cue timing(s) skipped")
    if long_fraction:
        warnings.append(f"{name}: {len(long_fraction)} timing line(s) with more than 3 millisecond digits (line {long_fraction[0]}); read as a decimal fraction")
    if not cues:
        detail = f" ({len(skipped)} invalid cue timing(s), first at {skipped[0].split(':')[0]})" if skipped else ""
        raise InputError(
            f"{name}: no captions found in SRT input{detail} "
            f"(expected an index line, 'HH:MM:SS,mmm --> HH:MM:SS,mmm', then text)"
        )
    segments, more = finish_cues(cues, name=name)
    return segments, tuple(warnings) + more


def _seconds(match: re.Match[str], offset: int) -> tuple[float, bool]:
    """Seconds of the time at group ``offset + 1..4``, and whether its fraction had more
    than three digits."""
    hours, minutes, seconds, fraction = match.group(offset + 1, offset + 2, offset + 3, offset + 4)
    # Digit counts are bounded by the pattern, so int() stays cheap and exact.
    total_ms = ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000
    fraction = fraction or ""
    if len(fraction) <= 3:
        total_ms += int(fraction.ljust(3, "0")) if fraction else 0
        return total_ms / 1000, False
    return total_ms / 1000 + int(fraction) / 10 ** len(fraction), True


def _without_trailing_index(body: list[str]) -> list[str]:
    """A cue's lines without the blank lines and the index line of the next cue."""
    end = len(body)
    while end and not body[end - 1].strip():
        end -= 1
    if end and _INDEX.fullmatch(body[end - 1]):
        end -= 1
    return body[:end]
