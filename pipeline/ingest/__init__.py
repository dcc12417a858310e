"""Read a transcript (plain text, SRT, WebVTT, Whisper or YouTube JSON) into a Transcript.

Public API::

    read_path(path, config=InputConfig()) -> Transcript
    read_stream(stream, *, name="<stdin>", format=None, config=InputConfig()) -> Transcript
    read_bytes(data, *, name="<stdin>", format=None, config=InputConfig()) -> Transcript
    read_text(text, *, name="<string>", format=None, config=InputConfig()) -> Transcript
    SUPPORTED_FORMATS = ("text", "srt", "vtt", "json")

The format comes from ``format=``, else from the content when it is clearly captions or
JSON (an SRT file saved as ``.txt`` is read as SRT), else from the name's extension, else
it is plain text. Only regular files and streams are read, and never more than
``input.max_chars`` allows. Every problem the user can cause (missing file, not a regular
file, unsupported type, empty, binary, too large, captions without a readable cue) raises
:class:`~pipeline.errors.InputError` with one line; damage that can be read around (a bad
cue, a stray NUL, a line in another encoding) is a warning in ``Transcript.warnings``.
Segment times are seconds.
"""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import IO

from ..config import InputConfig
from ..errors import InputError
from ..types import Segment, Transcript
from .detect import SUPPORTED_FORMATS, choose_format, format_from_name, normalise_format
from .encoding import decode_bytes
from .json_captions import parse_json_captions
from .normalize import LONG_RUN_CHARS, break_long_runs, prepare_text, replace_surrogates
from .source import check_path_argument, read_file_bounded, read_stream_bounded
from .srt_reader import parse_srt
from .text import parse_plain_text
from .vtt_reader import parse_vtt

__all__ = ["SUPPORTED_FORMATS", "read_bytes", "read_path", "read_stream", "read_text"]

_DEFAULT_INPUT = InputConfig()


def read_path(path: str | Path, config: InputConfig = _DEFAULT_INPUT) -> Transcript:
    """Read a transcript file (a regular file only: a FIFO or a device is refused).
    ``Transcript.source`` is the path as given."""
    name = check_path_argument(path)
    fmt = format_from_name(name)  # before reading: reject .pdf/.mp3 without I/O
    data = read_file_bounded(Path(name), name, config.max_chars)
    return _read(data, name=name, fmt=fmt, config=config, explicit=False)


def read_stream(
    stream: IO[bytes],
    *,
    name: str = "<stdin>",
    format: str | None = None,  # noqa: A002 - public keyword, mirrors the CLI option
    config: InputConfig = _DEFAULT_INPUT,
) -> Transcript:
    """Read a binary stream (standard input) up to the size ``config.max_chars`` allows;
    more than that is an ``InputError`` as soon as it arrives (``/dev/zero`` piped in
    stops at the limit)."""
    fmt = normalise_format(format) if format is not None else format_from_name(name)
    data = read_stream_bounded(stream, config.max_chars)
    return _read(data, name=name, fmt=fmt, config=config, explicit=format is not None)


def read_bytes(
    data: bytes,
    *,
    name: str = "<stdin>",
    format: str | None = None,  # noqa: A002 - public keyword, mirrors the CLI option
    config: InputConfig = _DEFAULT_INPUT,
) -> Transcript:
    """Read raw bytes (e.g. standard input). ``name`` is used for messages and for the
    extension-based format; ``format`` (one of SUPPORTED_FORMATS) overrides both."""
    fmt = normalise_format(format) if format is not None else format_from_name(name)
    return _read(data, name=name, fmt=fmt, config=config, explicit=format is not None)


def read_text(
    text: str,
    *,
    name: str = "<string>",
    format: str | None = None,  # noqa: A002 - public keyword, mirrors the CLI option
    config: InputConfig = _DEFAULT_INPUT,
) -> Transcript:
    """Read an already decoded string (``Transcript.encoding`` is ``"utf-8"``)."""
    if not isinstance(text, str):
        raise InputError(f"expected text (str), got {type(text).__name__}")
    fmt = normalise_format(format) if format is not None else format_from_name(name)
    warnings: tuple[str, ...] = ()
    if "\x00" in text:
        warnings = (f"{name}: {text.count(chr(0))} NUL character(s) replaced by U+FFFD",)
    if _has_surrogates(text):
        # A lone surrogate ("\ud800" in JSON) is no character: U+FFFD, as a decoder does.
        text = replace_surrogates(text)
        warnings += (f"{name}: lone surrogate code point(s) replaced by U+FFFD",)
    clean = prepare_text(text, name=name, max_chars=config.max_chars)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return _parse(clean, name=name, fmt=fmt, encoding="utf-8", warnings=warnings, digest=digest, explicit=format is not None)


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _read(data: bytes, *, name: str, fmt: str | None, config: InputConfig, explicit: bool) -> Transcript:
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError(f"expected bytes, got {type(data).__name__}")
    data = bytes(data)
    if not data.strip():
        raise InputError("input is empty")
    decoded = decode_bytes(data, name=name, max_chars=config.max_chars)
    text = prepare_text(decoded.text, name=name, max_chars=config.max_chars)
    digest = hashlib.sha256(data).hexdigest()
    return _parse(text, name=name, fmt=fmt, encoding=decoded.encoding, warnings=decoded.warnings, digest=digest, explicit=explicit)


def _parse(text: str, *, name: str, fmt: str | None, encoding: str, warnings: tuple[str, ...], digest: str, explicit: bool) -> Transcript:
    """``fmt`` is the caller's ``format=`` when ``explicit``, else the extension's (or
    ``None``): the content decides then (see :func:`~.detect.choose_format`)."""
    from_name = fmt
    fmt, why = (fmt, None) if explicit and fmt else choose_format(text, fmt, name)
    content_chose = not explicit and fmt != from_name
    if why:
        warnings = (*warnings, why)
    more: tuple[str, ...] = ()
    if fmt == "srt":
        out_format = "srt"
        segments, more = parse_srt(text, name=name)
    elif fmt == "vtt":
        out_format = "vtt"
        segments, more = parse_vtt(text, name=name)
    elif fmt == "json":
        try:
            out_format, segments, more = parse_json_captions(text, name=name)
        except InputError:
            if not content_chose:
                raise
            # a text file that merely starts like JSON ("{Music} ..."): text after all
            out_format, segments = "text", parse_plain_text(text)
            warnings = tuple(w for w in warnings if w != why)
    else:
        out_format, segments = "text", parse_plain_text(text)
    if not segments:
        raise InputError("input is empty")
    segments, broken = _break_long_runs(segments)
    if broken:
        more = (*more, f"{name}: {broken} run(s) of over {LONG_RUN_CHARS} characters without a space, mostly punctuation, were broken up every {LONG_RUN_CHARS} characters")
    return Transcript(segments=segments, format=out_format, source=name, encoding=encoding, warnings=(*warnings, *more), input_sha256=digest)


def _break_long_runs(segments: tuple[Segment, ...]) -> tuple[tuple[Segment, ...], int]:
    """Segments with long punctuation runs broken up (see ``normalize.break_long_runs``)."""
    out, total = [], 0
    for segment in segments:
        text, broken = break_long_runs(segment.text)
        total += broken
        out.append(dataclasses.replace(segment, text=text) if broken else segment)
    return tuple(out), total


