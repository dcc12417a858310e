"""Canonical JSON output (DESIGN.md §4): sorted keys, 2-space indent, trailing newline."""

from __future__ import annotations

from ..result import Result


def to_json(result: Result) -> str:
    return result.to_json()
