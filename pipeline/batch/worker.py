"""The per-record work, shared by every engine (in-process, process pool, Dask).

Each worker process builds one :class:`~pipeline.pipeline.Pipeline` per configuration the
first time it needs it and keeps it (loading spaCy is the expensive part). Every record
yields an :class:`Outcome` holding the finished output line, so that the writer only
writes bytes and the engines cannot format anything differently.
"""

from __future__ import annotations

import os
import resource
import threading
import time
from dataclasses import dataclass
from typing import Any

from ..config import Config
from ..errors import PipelineError
from .inputs import Record
from .writer import canonical_line

#: what builds a worker's pipeline: "module:callable", called with the Config
DEFAULT_FACTORY = "pipeline.pipeline:Pipeline"
_lock = threading.Lock()  # spaCy is not thread-safe; Dask may run several threads per worker
_pipelines: dict[str, Any] = {}


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one record. ``line`` is the complete output line (a result for
    ``ok``, else an error); ``words`` counts the analysed words (0 for errors);
    ``seconds`` is the worker's wall time; ``pid``/``peak_rss_mb`` identify the worker
    and its peak resident memory so far, in MB."""

    seq: int
    id: str
    ok: bool
    line: str
    words: int
    seconds: float
    pid: int
    peak_rss_mb: float
    model: str = ""
    kind: str = ""  # error kind ("input", "internal", ...) when not ok


_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS")


def single_threaded_math() -> None:
    """Limit BLAS/OpenMP to one thread in this (worker) process: parallelism comes from
    the worker processes, and N workers x M math threads on N cores only thrash. It
    also keeps floating-point work the same in every engine and worker count."""
    for var in _THREAD_VARS:  # for libraries loaded later
        os.environ[var] = "1"
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - scikit-learn depends on it
        return
    threadpool_limits(limits=1)  # for libraries already loaded


def get_pipeline(config: Config, factory: str = DEFAULT_FACTORY) -> Any:
    """This process's pipeline for ``config``, built on first use by ``factory``
    (``"module:callable"``; a custom one must offer Pipeline's ``__call__``,
    ``analyze_file`` and ``analyze_bytes``). A worker process that builds its first
    pipeline is switched to single-threaded math (:func:`single_threaded_math`)."""
    key = f"{factory}|{config.fingerprint()}"
    pipeline = _pipelines.get(key)
    if pipeline is None:
        import importlib

        if _is_worker_process():
            single_threaded_math()

        module, _, name = factory.partition(":")
        build = getattr(importlib.import_module(module), name)
        pipeline = _pipelines[key] = build(config)
    return pipeline


def process_record(record: Record, config: Config, data: bytes | None = None, factory: str = DEFAULT_FACTORY) -> Outcome:
    """Analyse one record and return its outcome; never raises for a bad record (only
    for a configuration error, which would fail every record alike).

    ``data``: the file's bytes when the caller read them already (a Dask client shipping
    files to workers that cannot see them); the result is the same as reading ``path``.
    """
    began = time.perf_counter()
    if record.error_kind is not None:
        return error_outcome(record, record.error_kind, record.error or "bad record", began)
    try:
        with _lock:
            pipeline = get_pipeline(config, factory)
            if record.text is not None:
                result = pipeline(record.text, name=record.id)
            elif data is not None:
                result = pipeline.analyze_bytes(data, name=record.path or record.id)
            else:
                result = pipeline.analyze_file(record.path)
    except PipelineError as exc:
        if exc.kind == "config":  # the whole run is misconfigured: stop, do not log N errors
            raise
        return error_outcome(record, exc.kind, str(exc), began)
    except MemoryError:
        return error_outcome(record, "internal", "out of memory while analysing this input", began)
    except RecursionError:
        return error_outcome(record, "internal", "input too deeply nested", began)
    except Exception as exc:  # noqa: BLE001 - one bad record must never lose the others
        return error_outcome(record, "internal", f"{type(exc).__name__}: {exc}", began)
    data_out = result.to_dict()
    data_out["id"] = record.id
    return Outcome(
        seq=record.seq,
        id=record.id,
        ok=True,
        line=canonical_line(data_out),
        words=len(result.text.split()),
        seconds=time.perf_counter() - began,
        pid=os.getpid(),
        peak_rss_mb=peak_rss_mb(),
        model=result.meta.model,
    )


def _is_worker_process() -> bool:
    """A process started to do batch work (pool or Dask worker), not the user's own."""
    import multiprocessing

    if multiprocessing.parent_process() is not None:
        return True
    try:
        from distributed import get_worker

        get_worker()
        return True
    except (ImportError, ValueError):
        return False


def error_line(record_id: str, kind: str, message: str, origin: str = "") -> str:
    """The ``errors.jsonl`` line for a record."""
    return canonical_line({"id": record_id, "kind": kind, "message": message, "origin": origin})


def error_outcome(record: Record, kind: str, message: str, began: float) -> Outcome:
    return Outcome(
        seq=record.seq,
        id=record.id,
        ok=False,
        line=error_line(record.id, kind, message, record.origin),
        words=0,
        seconds=time.perf_counter() - began,
        pid=os.getpid(),
        peak_rss_mb=peak_rss_mb(),
        kind=kind,
    )


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (VmHWM on Linux, else ru_maxrss)."""
    try:
        with open(f"/proc/{os.getpid()}/status", "rb") as handle:
            for line in handle:
                if line.startswith(b"VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024.0 * 1024.0) if os.uname().sysname == "Darwin" else rss / 1024.0
