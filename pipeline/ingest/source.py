"""Bounded reading of raw input: regular files and streams (standard input).

Only regular files are opened: a FIFO would block until a writer appears and a device
such as ``/dev/zero`` never ends. Streams are read in chunks up to the byte limit that
``input.max_chars`` implies (4 bytes per character, the UTF-8 worst case), so ``yes |
transcript-pipeline analyze -`` stops with "too large" instead of filling memory.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from .normalize import check_size

_CHUNK = 1 << 20


def byte_limit(max_chars: int) -> int:
    """Most bytes ``max_chars`` characters can take (UTF-8/UTF-32: 4 bytes each)."""
    return 4 * max_chars


def check_path_argument(path: Any) -> str:
    """The path as a string; ``InputError`` for ``None``, numbers and other non-paths."""
    if isinstance(path, (str, os.PathLike)):
        name = os.fspath(path)
        if isinstance(name, bytes):
            name = os.fsdecode(name)
        if not name.strip():
            raise InputError("an empty string is not a file name")
        if "\x00" in name:
            raise InputError(f"{name!r} is not a valid file name (it contains a NUL character)")
        return name
    raise InputError(f"expected a file path (str or pathlib.Path), got {type(path).__name__}")


def read_file_bounded(path: Path, name: str, max_chars: int) -> bytes:
    """The bytes of the regular file ``path``; ``InputError`` for anything else, or for
    a file larger than the limit (also when it grows while being read)."""
    limit = byte_limit(max_chars)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{name} is a directory, not a transcript file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{name} is not a regular file ({_kind(info.st_mode)}); give a file, or pipe it to standard input with '-'")
        check_size(info.st_size, max_chars, unit="bytes")
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(f"no such file: {name}") from None
    except PermissionError:
        raise InputError(f"permission denied: {name}") from None
    except IsADirectoryError:
        raise InputError(f"{name} is a directory, not a transcript file") from None
    except (ValueError, OverflowError) as exc:  # e.g. an embedded NUL or an over-long name
        raise InputError(f"cannot read {name}: {exc}") from None
    except OSError as exc:
        reason = exc.strerror or errno.errorcode.get(exc.errno or 0, "error")
        raise InputError(f"cannot read {name}: {reason}") from None
    check_size(len(data), max_chars, unit="bytes")
    return data


def read_stream_bounded(stream: IO[bytes], max_chars: int) -> bytes:
    """Up to the byte limit of ``stream`` (standard input), in chunks; ``InputError``
    ("too large") as soon as more arrives than the limit allows."""
    limit = byte_limit(max_chars)
    chunks: list[bytes] = []
    size = 0
    while True:
        try:
            chunk = stream.read(min(_CHUNK, limit + 1 - size))
        except OSError as exc:
            raise InputError(f"cannot read standard input: {exc.strerror or exc}") from None
        if not chunk:
            break
        if isinstance(chunk, str):  # a text stream was passed: take its characters' bytes
            chunk = chunk.encode("utf-8", "surrogatepass")
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise InputError(f"input is too large: more than {limit:,} bytes (limit {max_chars:,} characters); raise input.max_chars to accept it")
    return b"".join(chunks)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"
