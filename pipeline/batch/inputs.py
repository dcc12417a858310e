"""Expand batch INPUT arguments into a stream of :class:`Record` values, lazily.

An INPUT is, in this order of precedence:

* ``-``: JSON Lines read from standard input;
* an existing directory: every transcript file below it (recursive, sorted, by the
  extensions the ingest understands: .txt .text .md .srt .vtt .json);
* an existing file ending in ``.jsonl`` or ``.ndjson``: JSON Lines, one record per line,
  ``{"id": ..., "text": ...}`` or ``{"id": ..., "path": ...}`` (a relative ``path`` is
  relative to the JSON Lines file's folder; from standard input, to the working folder);
* any other existing path: one transcript file;
* a glob pattern (``*``, ``?``, ``[``; ``**`` recurses): its matches, sorted, each
  expanded by the rules above;
* anything else: a file path that the worker will report as missing.

Order is deterministic: arguments in the order given, directory walks and glob matches
sorted by path. Memory stays flat: directories are walked one folder at a time and JSON
Lines are read one line at a time. Problems found while expanding (a broken JSON line, a
record without ``id``, a duplicate id, a glob without matches) become error records in
the same stream, so that nothing disappears silently.
"""

from __future__ import annotations

import glob
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator

from ..ingest.detect import EXTENSIONS

#: extensions picked up when walking a directory (JSON Lines files are not walked into)
TRANSCRIPT_EXTENSIONS: tuple[str, ...] = tuple(sorted(ext for ext, _ in EXTENSIONS))
JSONL_EXTENSIONS: tuple[str, ...] = (".jsonl", ".ndjson")
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Record:
    """One unit of batch work, in input order (``seq`` counts from 0).

    Exactly one of ``text`` (a transcript given inline), ``path`` (a file to read) or
    ``error_kind`` (a problem found while expanding the inputs) is set. ``origin`` says
    where the record came from (``"corpus.jsonl:12"``, a path, ``"<stdin>:3"``).
    """

    seq: int
    id: str
    text: str | None = None
    path: str | None = None
    error_kind: str | None = None
    error: str | None = None
    origin: str = ""


def expand_inputs(
    inputs: Iterable[str],
    *,
    stdin: Callable[[], IO[bytes]] | None = None,
    extensions: tuple[str, ...] = TRANSCRIPT_EXTENSIONS,
) -> Iterator[Record]:
    """Yield the records named by ``inputs`` (see the module docstring), numbered in order.

    ``stdin`` returns the binary stream read for ``-`` (default: ``sys.stdin.buffer``).
    Duplicate ids: the second and later occurrences become ``"duplicate id"`` errors under
    an id of their own (``"a#2"``, ``"a#3"``), so that every id is in exactly one of
    results.jsonl and errors.jsonl.
    """
    seen: set[str] = set()  # membership only
    seq = 0
    for raw in _expand(inputs, stdin, extensions):
        record = raw
        if record.id in seen:
            occurrence = 2
            while f"{record.id}#{occurrence}" in seen:
                occurrence += 1
            new_id = f"{record.id}#{occurrence}"
            error = f"duplicate id {record.id!r}: occurrence {occurrence} not analysed (the first is kept)"
            if record.error_kind is not None:
                error += f"; it was also invalid: {record.error}"
            record = Record(seq, new_id, error_kind="input", error=error, origin=record.origin)
        seen.add(record.id)
        yield Record(seq, record.id, record.text, record.path, record.error_kind, record.error, record.origin)
        seq += 1


def count_inputs(inputs: Iterable[str], extensions: tuple[str, ...] = TRANSCRIPT_EXTENSIONS) -> int | None:
    """How many records :func:`expand_inputs` will yield (for progress ETAs), counted
    without parsing JSON; ``None`` when an input is standard input (it can be read once)."""
    items = list(inputs)
    if "-" in items:
        return None
    total = 0
    for item in items:
        for path in _paths_of(item, extensions):
            if not isinstance(path, str) or not _is_jsonl(path):
                total += 1
                continue
            try:
                with open(path, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            except OSError:
                total += 1
    return total


# ---- expansion ------------------------------------------------------------------------------


def _expand(inputs: Iterable[str], stdin: Callable[[], IO[bytes]] | None, extensions: tuple[str, ...]) -> Iterator[Record]:
    stdin_used = False
    for item in inputs:
        if item == "-":
            if stdin_used:
                yield Record(0, "<stdin>", error_kind="input", error="standard input ('-') can be read only once", origin="-")
                continue
            stdin_used = True
            stream = stdin() if stdin is not None else _default_stdin()
            yield from _jsonl_records(stream, "<stdin>", base=Path.cwd())
            continue
        matched = False
        for path in _paths_of(item, extensions):
            matched = True
            if path is None:
                yield Record(0, item, error_kind="input", error=f"no files match {item!r}", origin=item)
            elif isinstance(path, _Unreadable):
                yield Record(0, path.path, error_kind="input", error=f"cannot list folder {path.path}: {path.reason}", origin=path.path)
            elif _is_jsonl(path):
                yield from _jsonl_file(path)
            else:
                yield Record(0, path, path=path, origin=path)
        if not matched:  # an empty directory
            yield Record(0, item, error_kind="input", error=f"no transcript files ({', '.join(extensions)}) in {item}", origin=item)


@dataclass(frozen=True, slots=True)
class _Unreadable:
    """A folder met during a walk that cannot be listed (reported, not skipped)."""

    path: str
    reason: str


def _paths_of(item: str, extensions: tuple[str, ...]) -> Iterator[str | None | _Unreadable]:
    """Paths named by one INPUT; ``None`` for a glob pattern that matches nothing."""
    if os.path.isdir(item):
        yield from _walk(item, extensions)
    elif os.path.lexists(item) or not (_GLOB_CHARS & set(item)):
        yield item
    else:
        matches = sorted(glob.iglob(item, recursive=True))
        if not matches:
            yield None
        for match in matches:
            if os.path.isdir(match):
                yield from _walk(match, extensions)
            else:
                yield match


def _walk(root: str, extensions: tuple[str, ...]) -> Iterator[str | _Unreadable]:
    """Files below ``root`` with one of ``extensions`` (case-insensitive), sorted by path
    component by component, one folder listed at a time; hidden entries are skipped; a
    folder that cannot be listed is yielded as :class:`_Unreadable`."""
    try:
        with os.scandir(root) as listing:
            entries = sorted(listing, key=lambda e: e.name)
    except OSError as exc:
        yield _Unreadable(root, exc.strerror or str(exc))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(root, entry.name)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, extensions)
        elif os.path.splitext(entry.name)[1].lower() in extensions:
            yield path


def _is_jsonl(path: str) -> bool:
    return os.path.splitext(path)[1].lower() in JSONL_EXTENSIONS


def _jsonl_file(path: str) -> Iterator[Record]:
    try:
        handle = open(path, "rb")
    except OSError as exc:
        yield Record(0, path, error_kind="input", error=f"cannot read {path}: {exc.strerror or exc}", origin=path)
        return
    with handle:
        yield from _jsonl_records(handle, path, base=Path(path).parent)


def _jsonl_records(stream: IO[bytes], name: str, *, base: Path) -> Iterator[Record]:
    """One record per non-blank line; every broken line becomes an error record whose id
    is ``NAME:LINE`` (1-based), so that it can be found and fixed."""
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        where = f"{name}:{number}"
        try:
            data = json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            yield Record(0, where, error_kind="input", error=f"{where}: line is not UTF-8", origin=where)
            continue
        except json.JSONDecodeError as exc:
            yield Record(0, where, error_kind="input", error=f"{where}: not valid JSON ({exc.msg} at column {exc.colno})", origin=where)
            continue
        if not isinstance(data, dict):
            yield Record(0, where, error_kind="input", error=f"{where}: expected a JSON object with \"id\" and \"text\" or \"path\"", origin=where)
            continue
        rid = data.get("id")
        if isinstance(rid, (int, float)) and not isinstance(rid, bool):
            rid = str(rid)
        if not isinstance(rid, str) or not rid:
            yield Record(0, where, error_kind="input", error=f"{where}: record has no \"id\" (a non-empty string or number)", origin=where)
            continue
        text, path = data.get("text"), data.get("path")
        if isinstance(text, str) and path is None:
            yield Record(0, rid, text=text, origin=where)
        elif isinstance(path, str) and text is None:
            full = path if os.path.isabs(path) else str(base / path)
            yield Record(0, rid, path=full, origin=where)
        else:
            yield Record(0, rid, error_kind="input", error=f"{where}: record {rid!r} needs exactly one of \"text\" or \"path\" (a string)", origin=where)


def _default_stdin() -> IO[bytes]:
    import sys

    return sys.stdin.buffer
