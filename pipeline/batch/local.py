"""The local engine: this process (``workers=1``) or a pool of worker processes.

Results come back in input order through a bounded reorder window: at most
``max_in_flight`` records are submitted and not yet written, so memory stays flat however
long the input is, and the output is the same bytes for any number of workers. When a
worker process dies (segfault, the kernel's OOM killer), the records that were in flight
are re-run one at a time in a fresh pool, so that only the record that kills a worker is
reported (as an ``internal`` error) and the others still come out.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import threading
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Iterable, Iterator

from ..config import Config
from .inputs import Record
from .worker import DEFAULT_FACTORY, Outcome, error_outcome, get_pipeline, process_record, single_threaded_math


def default_workers() -> int:
    """The CPUs this process may use (respects affinity masks and containers' cpusets)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


class LocalEngine:
    """Run records on this machine. ``workers``: processes (1 = in this process).
    ``max_in_flight``: records submitted but not yet yielded (default ``4 * workers``)."""

    name = "local"

    def __init__(self, config: Config, *, workers: int = 1, max_in_flight: int | None = None, factory: str = DEFAULT_FACTORY) -> None:
        self.config = config
        self.factory = factory
        self.workers = max(1, workers)
        self.max_in_flight = max_in_flight or 4 * self.workers

    def run(self, records: Iterable[Record]) -> Iterator[Outcome]:
        """Outcomes of ``records``, in the same order."""
        if self.workers == 1:
            get_pipeline(self.config, self.factory)  # a config error surfaces before any record is read
            with _single_threaded():  # the same math as in worker processes
                for record in records:
                    yield process_record(record, self.config, None, self.factory)
            return
        yield from self._run_pool(iter(records))

    # ---- process pool ----------------------------------------------------------------------

    def _new_pool(self, workers: int) -> ProcessPoolExecutor:
        # spawn: workers start clean (no inherited threads or locks), the same on every OS
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(self.config, self.factory),
        )

    def _run_pool(self, records: Iterator[Record]) -> Iterator[Outcome]:
        pool = self._new_pool(self.workers)
        pending: deque[tuple[Record, Future[Outcome]]] = deque()
        exhausted = False
        try:
            while True:
                while not exhausted and len(pending) < self.max_in_flight:
                    record = next(records, None)
                    if record is None:
                        exhausted = True
                        break
                    pending.append((record, self._submit(pool, record)))
                if not pending:
                    return
                record, future = pending[0]
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    suspects = [r for r, _ in pending]
                    pending.clear()
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = None  # type: ignore[assignment]
                    for suspect in suspects:
                        yield self._isolated(suspect)
                    pool = self._new_pool(self.workers)
                    continue
                pending.popleft()
                yield outcome
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def _submit(self, pool: ProcessPoolExecutor, record: Record) -> Future[Outcome]:
        try:
            with sigint_ignored_by_new_processes():
                return pool.submit(process_record, record, self.config, None, self.factory)
        except BrokenProcessPool as exc:  # a worker died since the last check: handled below
            failed: Future[Outcome] = Future()
            failed.set_exception(exc)
            return failed

    def _isolated(self, record: Record) -> Outcome:
        """Run one record alone in a fresh one-worker pool; a crash is its own fault."""
        import time

        began = time.perf_counter()
        pool = self._new_pool(1)
        try:
            with sigint_ignored_by_new_processes():
                future = pool.submit(process_record, record, self.config, None, self.factory)
            return future.result()
        except BrokenProcessPool:
            return error_outcome(record, "internal", "the worker process died while analysing this input (crash or out of memory)", began)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def sigint_ignored_by_new_processes() -> Iterator[None]:
    """Worker processes start inside this (the pool starts them on submit): SIGINT is
    ignored while they are created, and an ignored signal stays ignored in the new
    interpreter, so Ctrl-C — which reaches the whole process group — stops only this
    process, which shuts the pool down, and no worker prints a traceback of its own
    (a spawned worker spends seconds importing and loading the model)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _single_threaded() -> Any:
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - scikit-learn depends on it
        return contextlib.nullcontext()
    return threadpool_limits(limits=1)


def _init_worker(config: Config, factory: str) -> None:
    # Ctrl-C is the parent's to handle (see sigint_ignored_by_new_processes); also for
    # workers started some other way
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    single_threaded_math()
    try:
        get_pipeline(config, factory)  # load the model once, before the first record arrives
    except Exception:  # noqa: BLE001 - re-raised by the first record, as a clear error
        pass
