"""The WebVTT file parsing algorithm of the W3C specification, as browsers run it.

https://www.w3.org/TR/webvtt1/#file-parsing (section 6.1), cues only: regions and style
sheets are recognised so that they are not read as cues, and then dropped, as are the cue
settings (a transcript has no use for positions). Times are seconds.

Why not ``webvtt-py``: it rejects whole files for one bad cue, merges a cue identifier
into the previous cue's text when a blank line is missing, and raises on times such as
``00:00:60.000``; a browser skips just the bad cue. This module follows the algorithm step
by step (the step comments name the spec's steps), so its cues are the ones a browser
shows; :mod:`pipeline.ingest.vtt_reader` turns them into segments and warnings.

Linear in the input: every step moves a position forward through the text, except the
one-line step back the specification makes when a second timing line starts a new block.
"""

from __future__ import annotations

from dataclasses import dataclass

#: "ASCII whitespace" as the algorithm skips it around timings (CR is gone by then).
_WHITESPACE = " \t\n\f"
_DIGITS = "0123456789"
#: Hours beyond 999,999,999 are refused (a browser reads them as a huge float): it keeps
#: ``int()`` far from Python's digit limit and every time printable.
_MAX_HOUR_DIGITS = 9


class SignatureError(ValueError):
    """The file does not start with the ``WEBVTT`` signature: a browser reads no cue."""


@dataclass(frozen=True, slots=True)
class Cue:
    """One cue as a browser builds it: ``text`` is the raw cue text (markup kept, lines
    joined by ``\\n``), ``start``/``end`` are seconds, ``line`` is the 1-based line of the
    timing line in the normalised input."""

    identifier: str
    start: float
    end: float
    text: str
    settings: str
    line: int


@dataclass(frozen=True, slots=True)
class SkippedBlock:
    """A block the algorithm dropped: a cue whose timing line does not parse, or text
    outside any cue. ``line`` is 1-based; ``reason`` is one short phrase."""

    line: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class ParsedVtt:
    cues: tuple[Cue, ...]
    skipped: tuple[SkippedBlock, ...]
    nul_count: int


def preprocess(text: str) -> tuple[str, int]:
    """Step 1 of the algorithm's input handling: NUL -> U+FFFD, CRLF and CR -> LF.
    Returns the text and how many NULs were replaced."""
    nul_count = text.count("\x00")
    if nul_count:
        text = text.replace("\x00", "\ufffd")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, nul_count


def parse_webvtt(text: str) -> ParsedVtt:
    """Cues of a decoded WebVTT file (a leading BOM already removed by the decoder).

    Raises :class:`SignatureError` when a browser would fire ``error`` (no ``WEBVTT``
    signature); a file with a signature but no valid cue gives ``cues == ()``.
    """
    text, nul_count = preprocess(text)
    parser = _Parser(text)
    return ParsedVtt(tuple(parser.run()), tuple(parser.skipped), nul_count)


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.skipped: list[SkippedBlock] = []
        self.seen_cue = False  # a timing line was met: STYLE and REGION blocks end there
        self._line_pos = 0  # incremental line counting: pos -> line number stays linear
        self._line_no = 1

    # ---- the file ----------------------------------------------------------------------

    def run(self) -> list[Cue]:
        text = self.text
        # Steps 3-4: the signature. Six characters "WEBVTT", then the end, a space, a tab
        # or a line feed.
        if len(text) < 6 or not text.startswith("WEBVTT") or (len(text) > 6 and text[6] not in " \t\n"):
            raise SignatureError("the file does not start with the line 'WEBVTT'")
        # Step 5: the rest of the signature line is ignored.
        self.pos = self._line_end(0)
        cues: list[Cue] = []
        if self.pos >= len(text):  # step 6
            return cues
        self.pos += 1  # step 7: past the line feed
        self._collect_block(in_header=True)  # step 8: the header block (regions, styles)
        self._skip_newlines()  # step 9
        while self.pos < len(text):  # step 10: the block loop
            cue = self._collect_block(in_header=False)
            if cue is not None:
                cues.append(cue)
            self._skip_newlines()
        return cues

    # ---- collect a WebVTT block ----------------------------------------------------------

    def _collect_block(self, *, in_header: bool) -> Cue | None:
        text = self.text
        line_count = 0
        previous_position = self.pos
        block_start = self.pos
        buffer: list[str] = []
        seen_arrow = False
        cue: tuple[str, float, float, str, int] | None = None
        timing_failed: tuple[int, str] | None = None
        recognised = in_header  # header content, NOTE, STYLE and REGION blocks: no warning
        while True:
            line_start = self.pos
            end = self._line_end(line_start)
            line = text[line_start:end]
            line_count += 1
            seen_eof = end >= len(text)
            self.pos = end if seen_eof else end + 1
            if "-->" in line:
                if not in_header and (line_count == 1 or (line_count == 2 and not seen_arrow)):
                    seen_arrow = self.seen_cue = True
                    previous_position = self.pos
                    identifier = "\n".join(buffer)
                    timings = _timings_and_settings(line)
                    if timings is None:
                        cue = None
                        timing_failed = (self._line_of(line_start), line)
                    else:
                        cue = (identifier, timings[0], timings[1], timings[2], self._line_of(line_start))
                    buffer = []
                else:
                    # A second timing line starts the next block: step back to it.
                    self.pos = previous_position
                    break
            elif not line:
                break
            else:
                if not in_header and line_count == 2 and not self.seen_cue and buffer:
                    head = buffer[0]
                    if _is_keyword_line(head, "STYLE") or _is_keyword_line(head, "REGION"):
                        recognised = True
                        buffer = []
                buffer.append(line)
                previous_position = self.pos
            if seen_eof:
                break
        if cue is not None:
            identifier, start, end_time, settings, line_no = cue
            return Cue(identifier, start, end_time, "\n".join(buffer), settings, line_no)
        if timing_failed is not None:
            line_no, line = timing_failed
            self.skipped.append(SkippedBlock(line_no, line, "invalid cue timing"))
        elif not recognised and not seen_arrow:
            first = text[block_start : self._line_end(block_start)]
            if first and not _is_keyword_line(first, "NOTE") and not _is_keyword_line(first, "STYLE") and not _is_keyword_line(first, "REGION"):
                self.skipped.append(SkippedBlock(self._line_of(block_start), first, "text outside a cue"))
        return None

    # ---- positions -----------------------------------------------------------------------

    def _line_end(self, start: int) -> int:
        end = self.text.find("\n", start)
        return len(self.text) if end < 0 else end

    def _skip_newlines(self) -> None:
        text, pos = self.text, self.pos
        while pos < len(text) and text[pos] == "\n":
            pos += 1
        self.pos = pos

    def _line_of(self, pos: int) -> int:
        """1-based line number of ``pos``; positions are asked for in increasing order
        (apart from the one-line step back), so counting continues from the last one."""
        if pos < self._line_pos:
            self._line_pos, self._line_no = 0, 1
        self._line_no += self.text.count("\n", self._line_pos, pos)
        self._line_pos = pos
        return self._line_no


def _is_keyword_line(line: str, keyword: str) -> bool:
    """``NOTE``, ``STYLE`` or ``REGION`` alone or followed by a space, tab or line end."""
    return line.startswith(keyword) and (len(line) == len(keyword) or line[len(keyword)] in " \t\n")


# ---- collect WebVTT cue timings and settings ------------------------------------------------


def _timings_and_settings(line: str) -> tuple[float, float, str] | None:
    """``(start, end, settings)`` of a timing line, or ``None`` when it does not parse."""
    pos = _skip(line, 0, _WHITESPACE)
    parsed = _timestamp(line, pos)
    if parsed is None:
        return None
    start, pos = parsed
    pos = _skip(line, pos, _WHITESPACE)
    if line[pos : pos + 3] != "-->":
        return None
    pos = _skip(line, pos + 3, _WHITESPACE)
    parsed = _timestamp(line, pos)
    if parsed is None:
        return None
    end, pos = parsed
    return start, end, line[pos:].strip(_WHITESPACE)


def _timestamp(line: str, pos: int) -> tuple[float, int] | None:
    """Collect a WebVTT timestamp at ``pos``: ``(seconds, position after it)`` or ``None``."""
    hours_first = False
    digits, pos = _digits(line, pos)
    if not digits or len(digits) > _MAX_HOUR_DIGITS:
        return None
    value1 = int(digits)
    if len(digits) != 2 or value1 > 59:
        hours_first = True
    if line[pos : pos + 1] != ":":
        return None
    digits, pos = _digits(line, pos + 1)
    if len(digits) != 2:
        return None
    value2 = int(digits)
    if hours_first or line[pos : pos + 1] == ":":
        if line[pos : pos + 1] != ":":
            return None
        digits, pos = _digits(line, pos + 1)
        if len(digits) != 2:
            return None
        value3 = int(digits)
    else:
        value1, value2, value3 = 0, value1, value2
    if line[pos : pos + 1] != ".":
        return None
    digits, pos = _digits(line, pos + 1)
    if len(digits) != 3:
        return None
    if value2 > 59 or value3 > 59:
        return None
    milliseconds = ((value1 * 60 + value2) * 60 + value3) * 1000 + int(digits)
    return milliseconds / 1000, pos


def _digits(line: str, pos: int) -> tuple[str, int]:
    end = _skip(line, pos, _DIGITS)
    return line[pos:end], end


def _skip(line: str, pos: int, chars: str) -> int:
    while pos < len(line) and line[pos] in chars:
        pos += 1
    return pos
