"""Batch jobs over many transcripts: parallel, resumable, crash-safe, optionally on Dask.

    from pipeline.batch import run_batch
    stats = run_batch(["corpus/"], "out/", workers=2)

See :mod:`pipeline.batch.runner` for the output folder and its order guarantees. The
command line is ``transcript-pipeline batch`` (:mod:`pipeline.batch.cli`).
"""

from __future__ import annotations

from .runner import BatchStats, run_batch

__all__ = ["BatchStats", "run_batch"]
