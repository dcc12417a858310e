"""Write a benchmark's table into its results file without losing the prose around it.

A results file (``benchmarks/results/*.md``) holds the latest table between ``<!-- table -->``
and ``<!-- /table -->`` and hand-written notes around it; re-running the script replaces the
table only.
"""

from __future__ import annotations

from pathlib import Path

START, END = "<!-- table -->", "<!-- /table -->"


def write_table(path: str | Path, table: str, heading: str) -> None:
    """Put ``table`` between the markers of the file at ``path``; a new file (or one without
    markers) gets ``heading`` and the table."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    body = out.read_text(encoding="utf-8") if out.exists() else ""
    if START in body:
        head, _sep, rest = body.partition(START)
        _old, _sep2, tail = rest.partition(END)
        body = f"{head}{START}\n{table}{END}{tail}"
    else:
        body = f"{heading}\n\n{START}\n{table}{END}\n"
    out.write_text(body, encoding="utf-8")
