"""A one-line progress display on a terminal: documents, documents/s, ETA, errors.

It redraws at most a few times a second on standard error and stays silent when that is
not a terminal (logs, CI, pipes), unless forced on.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    """Call :meth:`update` once per finished record and :meth:`close` at the end.
    ``total``: expected number of records (``None`` when unknown: no ETA)."""

    def __init__(self, total: int | None = None, *, enabled: bool | None = None, stream: TextIO | None = None, interval: float = 0.25) -> None:
        self.stream = stream or sys.stderr
        self.enabled = _isatty(self.stream) if enabled is None else enabled
        self.total = total
        self.done = 0
        self.errors = 0
        self.skipped = 0
        self.words = 0
        self._interval = interval
        self._started = time.monotonic()
        self._last_draw = 0.0
        self._width = 0

    def skip(self, n: int = 1) -> None:
        """Records skipped because a previous run wrote them (``--resume``)."""
        self.skipped += n

    def update(self, *, ok: bool, words: int = 0) -> None:
        self.done += 1
        self.words += words
        if not ok:
            self.errors += 1
        now = time.monotonic()
        if self.enabled and now - self._last_draw >= self._interval:
            self._last_draw = now
            self._draw(now)

    def line(self, now: float | None = None) -> str:
        elapsed = max(1e-9, (now or time.monotonic()) - self._started)
        rate = self.done / elapsed
        parts = []
        if self.total is not None:
            remaining = max(0, self.total - self.skipped - self.done)
            parts.append(f"{self.skipped + self.done}/{self.total} docs")
            parts.append(f"{rate:.1f} docs/s")
            parts.append(f"ETA {_clock(remaining / rate) if rate > 0 else '?'}")
        else:
            parts.append(f"{self.skipped + self.done} docs")
            parts.append(f"{rate:.1f} docs/s")
        parts.append(f"{self.words / elapsed:,.0f} words/s")
        parts.append(f"errors {self.errors}")
        if self.skipped:
            parts.append(f"resumed past {self.skipped}")
        return "  ".join(parts)

    def close(self) -> None:
        if self.enabled:
            self._draw(time.monotonic())
            self.stream.write("\n")
            self.stream.flush()

    def _draw(self, now: float) -> None:
        text = self.line(now)
        pad = max(0, self._width - len(text))
        self._width = len(text)
        self.stream.write("\r" + text + " " * pad)
        self.stream.flush()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _clock(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
