"""Crash-safe, append-only JSON Lines output, and reading it back for ``--resume``.

Each record is one ``os.write`` of one complete line on a file opened with ``O_APPEND``,
so a killed process leaves at most one partial line at the end of a file; the data
written before the kill is in the operating system's hands and survives ``kill -9``.
``fsync`` runs every ``fsync_every`` records and on close, which bounds what a power
cut can lose. On resume :func:`scan_done` cuts a trailing partial line off and counts
the ids already written.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from pathlib import Path
from typing import Any


def canonical_line(data: dict[str, Any]) -> str:
    """Compact canonical JSON (sorted keys, UTF-8 kept) plus a newline."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n"


class JsonlAppender:
    """Append complete lines to ``path`` (created when missing)."""

    def __init__(self, path: str | Path, *, fsync_every: int = 256, fsync_seconds: float = 5.0) -> None:
        self.path = Path(path)
        self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        self._fsync_every = fsync_every
        self._fsync_seconds = fsync_seconds
        self._pending = 0
        self._last_sync = time.monotonic()
        self.lines = 0

    def write(self, line: str) -> None:
        """Write one line (must end with ``"\\n"`` and contain no other newline)."""
        data = line.encode("utf-8")
        view = memoryview(data)
        try:
            while view:  # a regular file takes it in one go; loop only for the odd short write
                written = os.write(self._fd, view)
                view = view[written:]
        except OSError as exc:  # disk full, quota, I/O error: say which file
            raise OSError(exc.errno, exc.strerror or str(exc), str(self.path)) from None
        self.lines += 1
        self._pending += 1
        if self._pending >= self._fsync_every or time.monotonic() - self._last_sync >= self._fsync_seconds:
            self.sync()

    def sync(self) -> None:
        if self._pending:
            os.fsync(self._fd)
            self._pending = 0
        self._last_sync = time.monotonic()

    def close(self) -> None:
        if self._fd >= 0:
            try:
                self.sync()
            finally:
                os.close(self._fd)
                self._fd = -1

    def __enter__(self) -> "JsonlAppender":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def repair_tail(path: str | Path) -> int:
    """Cut a partial last line (no trailing newline, left by a killed run) off ``path``;
    returns the number of bytes removed (0 when the file ends cleanly or is missing)."""
    p = Path(path)
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        return 0
    if size == 0:
        return 0
    with p.open("rb+") as handle:
        # Look back in blocks for the last newline.
        end = size
        handle.seek(size - 1)
        if handle.read(1) == b"\n":
            return 0
        keep = 0
        block = 1 << 16
        while end > 0:
            begin = max(0, end - block)
            handle.seek(begin)
            chunk = handle.read(end - begin)
            nl = chunk.rfind(b"\n")
            if nl >= 0:
                keep = begin + nl + 1
                break
            end = begin
        handle.truncate(keep)
        handle.flush()
        os.fsync(handle.fileno())
        return size - keep


def scan_done(path: str | Path) -> Counter[str]:
    """Ids in the complete lines of ``path``, with their number of occurrences (each id
    occurs once in a run's files; counting is robust to files edited by hand). Lines that
    are not JSON objects with a string ``id`` are ignored."""
    done: Counter[str] = Counter()
    try:
        handle = open(path, "rb")
    except FileNotFoundError:
        return done
    with handle:
        for raw in handle:
            if not raw.endswith(b"\n"):
                break  # partial tail (repair_tail removes it before appending)
            try:
                rid = json.loads(raw).get("id")
            except (ValueError, AttributeError):
                continue
            if isinstance(rid, str):
                done[rid] += 1
    return done


def write_json_atomic(path: str | Path, data: dict[str, Any]) -> None:
    """Write ``data`` as indented JSON to ``path`` via a temporary file and a rename, so
    that readers see the old or the new file, never half of one."""
    p = Path(path)
    tmp = p.with_name(f".{p.name}.tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        json.dump(data, handle, sort_keys=True, ensure_ascii=False, indent=2)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, p)
