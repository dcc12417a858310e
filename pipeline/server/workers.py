"""A small pool of worker processes, each with the pipeline loaded, for the HTTP server.

Why not ``concurrent.futures.ProcessPoolExecutor``: a request that runs past its time limit
must not keep a worker busy, and a ProcessPoolExecutor can neither tell which process runs
a task nor stop one without breaking the whole pool. Here every worker is one
``multiprocessing`` process behind a pipe, so the pool knows which worker runs which job:

* a job past its deadline gets :class:`JobTimeout` at once (the server answers 504), and
  the worker running it is terminated and replaced by a fresh one that loads the pipeline
  again (about a second); the other workers and their jobs are not affected;
* a job whose caller went away (the client disconnected) is dropped if it has not started;
  if it has, it runs to the end and its result is discarded (it is bounded by the time limit);
* a worker that dies (killed, out of memory) fails its job with :class:`WorkerCrashed` and
  is replaced.

Each worker keeps up to ``cache_size`` :class:`~pipeline.pipeline.Pipeline` objects keyed by
config fingerprint (requests may carry config overrides) and one loaded spaCy model per
model name shared by them, so a new configuration costs only the cheap stage objects.
Workers start with the ``spawn`` method: no state is inherited from the server's event loop.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
from collections import OrderedDict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

_CTX = multiprocessing.get_context("spawn")


class JobTimeout(Exception):
    """The job ran past its time limit; its worker was replaced."""


class WorkerCrashed(Exception):
    """The worker process died while running the job."""


class PoolClosed(Exception):
    """The pool is shutting down and takes no new jobs."""


class JobFailed(Exception):
    """The pipeline raised an error for this job: ``kind`` is ``PipelineError.kind`` (``input``,
    ``config``, ``error``) for errors the input caused, or ``"internal"`` for a bug."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


@dataclass(frozen=True, slots=True)
class Job:
    """One analysis: ``text`` (a string) or ``data`` (raw bytes of an upload), never both.

    ``overrides``: dotted config keys applied on top of the pool's base config.
    """

    text: str | None = None
    data: bytes | None = None
    name: str = "<request>"
    format: str | None = None
    overrides: dict[str, Any] = field(default_factory=dict)


# ---- the worker process -------------------------------------------------------------------------


class _WorkerState:
    """What one worker process holds: Pipelines by config fingerprint, models by name."""

    def __init__(self, base_config: dict[str, Any], cache_size: int) -> None:
        from ..config import Config

        self.base = Config.from_dict(base_config)
        self.cache_size = cache_size
        self.pipelines: OrderedDict[str, Any] = OrderedDict()
        self._share_models()
        self.pipeline_for({})  # preload: the model load is the expensive part

    @staticmethod
    def _share_models() -> None:
        # Pipeline.__init__ calls pipeline.pipeline.load_model; in this worker process only,
        # make that a cached call so Pipelines for different configs share one spaCy model.
        # Sharing is safe here: a worker runs one job at a time, and the Segmenter restores
        # any pipe it toggles.
        from functools import lru_cache

        from .. import pipeline as pipeline_module

        original = pipeline_module.load_model
        if not hasattr(original, "cache_info"):
            pipeline_module.load_model = lru_cache(maxsize=2)(original)  # type: ignore[assignment]

    def pipeline_for(self, overrides: dict[str, Any]) -> Any:
        from ..config import Config
        from ..pipeline import Pipeline

        config = Config.from_overrides(overrides, base=self.base) if overrides else self.base
        key = config.fingerprint()
        nlp = self.pipelines.get(key)
        if nlp is None:
            nlp = Pipeline(config)
            self.pipelines[key] = nlp
            while len(self.pipelines) > self.cache_size:
                self.pipelines.popitem(last=False)  # least recently used
        self.pipelines.move_to_end(key)
        return nlp

    def run(self, job: Job) -> bytes:
        nlp = self.pipeline_for(job.overrides)
        if job.data is not None:
            result = nlp.analyze_bytes(job.data, name=job.name, format=job.format)
        else:
            result = nlp(job.text or "", format=job.format, name=job.name)
        # Serialised here, in the worker, so the server's event loop only copies bytes.
        return result.to_json(indent=None).encode("utf-8")


def _worker_main(conn: Any, base_config: dict[str, Any], cache_size: int) -> None:
    # The server handles Ctrl-C and SIGTERM and stops workers with a message; a terminal's
    # Ctrl-C reaches the whole process group, so ignore it here.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Parallelism comes from the worker processes: N workers x M BLAS threads on N cores
    # only thrash (same rule as the batch engine's workers).
    from ..batch.worker import single_threaded_math
    from ..errors import PipelineError

    single_threaded_math()

    try:
        state = _WorkerState(base_config, cache_size)
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which fails start-up
        conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            conn.send(("ok", state.run(job)))
        except PipelineError as exc:
            conn.send(("error", exc.kind, str(exc)))
        except Exception as exc:  # noqa: BLE001 - a bug: the server answers 500, the worker lives on
            conn.send(("error", "internal", f"{type(exc).__name__}: {exc}"))


# ---- the parent side ----------------------------------------------------------------------------


class _Worker:
    def __init__(self, base_config: dict[str, Any], cache_size: int) -> None:
        self.conn, child = _CTX.Pipe(duplex=True)
        self.process = _CTX.Process(target=_worker_main, args=(child, base_config, cache_size), daemon=True)
        self.process.start()
        child.close()
        self.lock = threading.Lock()

    def wait_ready(self, timeout: float) -> None:
        if not self.conn.poll(timeout):
            self.kill()
            raise RuntimeError(f"a worker did not load the pipeline within {timeout:.0f} s")
        try:
            message = self.conn.recv()
        except EOFError:
            raise RuntimeError("a worker process died while loading the pipeline") from None
        if message[0] != "ready":
            self.kill()
            raise RuntimeError(f"a worker could not load the pipeline: {message[1]}")

    def call(self, job: Job) -> tuple:
        """Send ``job`` and block for the answer (run in a thread)."""
        with self.lock:
            self.conn.send(job)
            try:
                return self.conn.recv()
            except (EOFError, OSError):
                return ("crashed",)

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.terminate()
            self.process.join(2.0)
            if self.process.is_alive():
                self.process.kill()
                self.process.join(2.0)
        self.conn.close()

    def stop(self, timeout: float) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.process.join(timeout)
        self.kill()


class WorkerPool:
    """``workers`` processes with the pipeline preloaded. Use ``await pool.run(job, timeout)``.

    :meth:`start` blocks until every worker has loaded the pipeline (call it in a thread from
    async code). Jobs wait in a queue of at most ``max_queue`` (``None``: unbounded) while all
    workers are busy.
    """

    def __init__(self, base_config: dict[str, Any], *, workers: int = 1, cache_size: int = 4, start_timeout: float = 120.0) -> None:
        if workers < 1:
            raise ValueError("workers must be >= 1")
        self.base_config = base_config
        self.size = workers
        self.cache_size = cache_size
        self.start_timeout = start_timeout
        self._idle: asyncio.Queue[_Worker] | None = None
        self._all: list[_Worker] = []
        self._closed = False
        # Threads that wait on the workers' pipes: one per busy worker, plus room for
        # replacements and shutdown (the event loop's default executor may be smaller).
        self._threads = ThreadPoolExecutor(max_workers=2 * workers + 2, thread_name_prefix="pool-io")
        self.replaced = 0  # workers replaced after a timeout or crash (for /v1/health)

    # ---- lifecycle

    def start(self) -> None:
        """Start the workers and wait until each has loaded the pipeline (blocking)."""
        workers = [_Worker(self.base_config, self.cache_size) for _ in range(self.size)]
        try:
            for worker in workers:
                worker.wait_ready(self.start_timeout)
        except Exception:
            for worker in workers:
                worker.kill()
            raise
        self._all = workers

    async def astart(self) -> None:
        await asyncio.get_running_loop().run_in_executor(self._threads, self.start)
        self._idle = asyncio.Queue()
        for worker in self._all:
            self._idle.put_nowait(worker)

    async def aclose(self, timeout: float = 5.0) -> None:
        """Stop taking jobs, ask every worker to exit, terminate those that do not."""
        self._closed = True
        loop = asyncio.get_running_loop()
        pending = set(getattr(self, "_tasks", ()))
        if pending:  # a replacement worker being started: let it finish, then it is stopped
            await asyncio.wait(pending, timeout=self.start_timeout)
        workers, self._all = self._all, []
        await asyncio.gather(*(loop.run_in_executor(self._threads, w.stop, timeout) for w in workers))
        self._threads.shutdown(wait=False)

    @property
    def pids(self) -> list[int]:
        return [w.process.pid for w in self._all if w.process.pid is not None]

    @property
    def idle(self) -> int:
        return self._idle.qsize() if self._idle is not None else 0

    # ---- jobs

    async def run(self, job: Job, timeout: float) -> bytes:
        """The canonical JSON of the result, as UTF-8 bytes.

        Raises :class:`JobFailed` (the pipeline's own error), :class:`JobTimeout`,
        :class:`WorkerCrashed` or :class:`PoolClosed`. Cancelling the caller (client gone)
        while it waits for a worker drops the job; once running, the job finishes and its
        result is thrown away.
        """
        if self._closed or self._idle is None:
            raise PoolClosed("the server is shutting down")
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            worker = await asyncio.wait_for(self._idle.get(), timeout)
        except asyncio.TimeoutError:
            raise JobTimeout(f"no worker became free within {timeout:g} s") from None
        call = loop.run_in_executor(self._threads, worker.call, job)
        try:
            answer = await asyncio.wait_for(asyncio.shield(call), max(0.0, deadline - loop.time()))
        except asyncio.TimeoutError:
            self._replace(worker, call)
            raise JobTimeout(f"the analysis took longer than {timeout:g} s") from None
        except asyncio.CancelledError:
            # The caller went away: the worker finishes the job, then returns to the pool.
            call.add_done_callback(lambda _f: self._release(worker))
            raise
        if answer[0] == "crashed":
            self._replace(worker, call)
            raise WorkerCrashed("the worker process died while analysing this input")
        self._release(worker)
        if answer[0] == "ok":
            return answer[1]
        raise JobFailed(answer[1], answer[2])

    def _release(self, worker: _Worker) -> None:
        if self._closed or self._idle is None:
            return
        if worker.process.is_alive():
            self._idle.put_nowait(worker)
        else:
            self._replace(worker, None)

    def _replace(self, worker: _Worker, call: asyncio.Future | None) -> None:
        """Terminate ``worker`` and start a fresh one in the background."""
        if self._closed:
            return
        self.replaced += 1
        loop = asyncio.get_running_loop()

        def _swap() -> _Worker | None:
            worker.kill()  # unblocks the thread waiting in worker.call (EOF)
            fresh = _Worker(self.base_config, self.cache_size)
            try:
                fresh.wait_ready(self.start_timeout)
            except RuntimeError:
                log.exception("could not replace a worker")
                return None
            return fresh

        async def _install() -> None:
            fresh = await loop.run_in_executor(self._threads, _swap)
            if fresh is None:
                return
            if self._closed:
                fresh.kill()
                return
            self._all = [w for w in self._all if w is not worker] + [fresh]
            assert self._idle is not None
            self._idle.put_nowait(fresh)

        task = loop.create_task(_install())
        self._tasks = getattr(self, "_tasks", set())
        self._tasks.add(task)  # keep a reference until done
        task.add_done_callback(self._tasks.discard)
