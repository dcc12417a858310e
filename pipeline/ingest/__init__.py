"""Read a transcript (plain text, SRT, WebVTT, Whisper or YouTube JSON) into a Transcript.

Public API::

    read_path(path, config=InputConfig()) -> Transcript
    read_bytes(data, *, name="<stdin>", format=None, config=InputConfig()) -> Transcript
    read_text(text, *, name="<string>", format=None, config=InputConfig()) -> Transcript
    SUPPORTED_FORMATS = ("text", "srt", "vtt", "json")

The format comes from ``format=``, else the name's extension, else sniffing the content.
Every problem the user can cause (missing file, unsupported type, empty, binary, too
large, malformed captions) raises :class:`~pipeline.errors.InputError` with one line.
Segment times are seconds.
"""

from __future__ import annotations

import errno
import hashlib
from pathlib import Path

from ..config import InputConfig
from ..errors import InputError
from ..types import Transcript
from .detect import SUPPORTED_FORMATS, format_from_name, normalise_format, sniff_format
from .encoding import decode_bytes
from .json_captions import parse_json_captions
from .normalize import check_size, prepare_text
from .srt_reader import parse_srt
from .text import parse_plain_text
from .vtt_reader import parse_vtt

__all__ = ["SUPPORTED_FORMATS", "read_bytes", "read_path", "read_text"]

_DEFAULT_INPUT = InputConfig()


def read_path(path: str | Path, config: InputConfig = _DEFAULT_INPUT) -> Transcript:
    """Read a transcript file. ``Transcript.source`` is the path as given."""
    name = str(path)
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError(f"{name} is a directory, not a transcript file")
        fmt = format_from_name(name)  # before reading: reject .pdf/.mp3 without I/O
        size = p.stat().st_size
        check_size(size, config.max_chars, unit="bytes")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"no such file: {name}") from None
    except PermissionError:
        raise InputError(f"permission denied: {name}") from None
    except IsADirectoryError:
        raise InputError(f"{name} is a directory, not a transcript file") from None
    except OSError as exc:
        reason = exc.strerror or errno.errorcode.get(exc.errno or 0, "error")
        raise InputError(f"cannot read {name}: {reason}") from None
    return _read(data, name=name, fmt=fmt, config=config)


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
    return _read(data, name=name, fmt=fmt, config=config)


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
    clean = prepare_text(text, name=name, max_chars=config.max_chars)
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return _parse(clean, name=name, fmt=fmt, encoding="utf-8", warnings=(), digest=digest)


def _read(data: bytes, *, name: str, fmt: str | None, config: InputConfig) -> Transcript:
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise InputError(f"expected bytes, got {type(data).__name__}")
    data = bytes(data)
    if not data.strip():
        raise InputError("input is empty")
    decoded = decode_bytes(data, name=name, max_chars=config.max_chars)
    text = prepare_text(decoded.text, name=name, max_chars=config.max_chars)
    digest = hashlib.sha256(data).hexdigest()
    return _parse(text, name=name, fmt=fmt, encoding=decoded.encoding, warnings=decoded.warnings, digest=digest)


def _parse(text: str, *, name: str, fmt: str | None, encoding: str, warnings: tuple[str, ...], digest: str) -> Transcript:
    fmt = fmt or sniff_format(text)
    if fmt == "srt":
        out_format, segments = "srt", parse_srt(text, name=name)
    elif fmt == "vtt":
        out_format, segments = "vtt", parse_vtt(text, name=name)
    elif fmt == "json":
        out_format, segments = parse_json_captions(text, name=name)
    else:
        out_format, segments = "text", parse_plain_text(text)
    if not segments:
        raise InputError("input is empty")
    return Transcript(segments=segments, format=out_format, source=name, encoding=encoding, warnings=warnings, input_sha256=digest)


