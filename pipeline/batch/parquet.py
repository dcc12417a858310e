"""Parquet output (``pip install "transcript-pipeline[parquet]"``), converted from
``results.jsonl`` at the end of a run, in bounded batches.

Columns: the headline fields as typed columns for quick analysis, plus ``result`` holding
the complete canonical JSON line (nested sentences, quiz, spans ...), so nothing is lost
and the schema never depends on the data.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..errors import ConfigError

_BATCH = 512


def require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        raise ConfigError('Parquet output needs pyarrow: pip install "transcript-pipeline[parquet]"') from None


def _schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("id", pa.string()),
            ("title", pa.string()),
            ("summary", pa.string()),
            ("keywords", pa.list_(pa.string())),
            ("sentiment_label", pa.string()),
            ("sentiment_score", pa.float64()),
            ("n_sentences", pa.int64()),
            ("n_quiz", pa.int64()),
            ("input_sha256", pa.string()),
            ("result", pa.string()),
        ]
    )


def _row(line: str) -> dict[str, Any]:
    data = json.loads(line)
    sentiment = data.get("sentiment") or {}
    return {
        "id": data.get("id"),
        "title": data.get("title"),
        "summary": " ".join(item.get("text", "") for item in data.get("summary") or []),
        "keywords": [k.get("text", "") for k in data.get("keywords") or []],
        "sentiment_label": sentiment.get("label"),
        "sentiment_score": sentiment.get("score"),
        "n_sentences": len(data.get("sentences") or []),
        "n_quiz": len(data.get("quiz") or []),
        "input_sha256": (data.get("meta") or {}).get("input_sha256"),
        "result": line.rstrip("\n"),
    }


def jsonl_to_parquet(source: str | Path, target: str | Path) -> int:
    """Write ``target`` from the complete lines of ``source``; returns the row count.
    Written to a temporary name and renamed, so a crash never leaves a broken file."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = Path(target)
    tmp = target.with_name(f".{target.name}.tmp")
    schema = _schema()
    rows = 0
    with pq.ParquetWriter(tmp, schema) as writer, open(source, encoding="utf-8") as handle:
        batch: list[dict[str, Any]] = []
        for line in handle:
            if not line.endswith("\n"):
                break
            batch.append(_row(line))
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                rows += len(batch)
                batch = []
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            rows += len(batch)
    os.replace(tmp, target)
    return rows
