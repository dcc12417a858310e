"""``transcript-pipeline batch``: the command-line face of :func:`pipeline.batch.run_batch`.

Registered by :mod:`pipeline.cli`, which adds ``--config``, ``--set`` and ``--debug``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

HELP = "analyse many transcripts in parallel into results.jsonl / errors.jsonl (resumable)"
DESCRIPTION = (
    "Analyse every INPUT: transcript files, directories (recursive, by extension: "
    ".txt .text .md .srt .vtt .json), glob patterns ('talks/**/*.srt'), and JSON Lines "
    "files (.jsonl/.ndjson; records {\"id\", \"text\"} or {\"id\", \"path\"}; '-' reads them "
    "from standard input). Writes DIR/results.jsonl (one result per input, with its id, "
    "in input order), DIR/errors.jsonl (id, kind, message) and DIR/manifest.json. "
    "The output is the same bytes for any --workers and either engine; a killed run "
    "continues with --resume. Exit status: 0 every input analysed, 3 finished with "
    "some inputs in errors.jsonl, 2 a usage or output error."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="files, directories, glob patterns, .jsonl files, or '-' (JSON Lines on standard input)")
    parser.add_argument("--out", "-o", required=True, metavar="DIR", help="output folder (created if needed)")
    parser.add_argument("--workers", "-w", type=_positive_int, default=None, metavar="N", help="worker processes (default: the CPUs available); for --engine dask without --scheduler, the local cluster's workers")
    parser.add_argument("--engine", choices=("local", "dask"), default="local", help="local process pool (default) or Dask")
    parser.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default with --engine dask: a local cluster)")
    parser.add_argument("--ship-files", action="store_true", help="Dask: read files here and send their bytes (for workers without the same file system)")
    parser.add_argument("--resume", action="store_true", help="continue a run in --out: skip ids already written")
    parser.add_argument("--format", dest="output_format", choices=("jsonl", "parquet"), default="jsonl", help="also write results.parquet with 'parquet' (needs pyarrow); results.jsonl is always written")
    parser.add_argument("--max-in-flight", type=_positive_int, default=None, metavar="N", help="records submitted but not yet written (default: 4 x workers); bounds memory")
    parser.add_argument("--progress", dest="progress", action="store_true", default=None, help="show progress (default: only on a terminal)")
    parser.add_argument("--no-progress", dest="progress", action="store_false", help="never show progress")


def run(args: argparse.Namespace) -> int:
    from ..cli import config_from_args
    from .runner import run_batch

    config = config_from_args(args)
    stats = run_batch(
        args.inputs,
        args.out,
        config,
        engine=args.engine,
        workers=args.workers,
        scheduler=args.scheduler,
        resume=args.resume,
        output_format=args.output_format,
        progress=args.progress,
        max_in_flight=args.max_in_flight,
        ship_files=args.ship_files,
    )
    print(summary_line(stats, args.out, args.output_format), file=sys.stderr)
    return 3 if stats.errors else 0


def summary_line(stats: Any, out: str, output_format: str) -> str:
    """The closing line: counts (singular or plural), speed and every file written."""
    from .runner import ERRORS, PARQUET, RESULTS

    rate = stats.processed / stats.seconds if stats.seconds > 0 else 0.0
    resumed = f", {stats.skipped} already done" if stats.skipped else ""
    files = [f"{out}/{RESULTS}"]
    if stats.errors:
        files.append(f"{out}/{ERRORS}")
    if output_format == "parquet":
        files.append(f"{out}/{PARQUET}")
    return (
        f"batch: {_plural(stats.ok, 'result')}, {_plural(stats.errors, 'error')}{resumed} in {stats.seconds:.1f} s "
        f"({rate:.1f} docs/s) -> {', '.join(files)}"
    )


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value
