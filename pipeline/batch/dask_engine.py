"""The Dask engine: the same per-record work on a Dask cluster (``pip install
"transcript-pipeline[dask]"``).

``scheduler=None`` starts a local cluster of ``workers`` single-threaded worker processes;
``scheduler="tcp://host:8786"`` uses an existing cluster, whose workers need this package
(same version, same model) installed. Each Dask worker process builds its Pipeline once,
on the first record it gets, and keeps it. Records are submitted through the same bounded
reorder window as the local engine, so the output is the same bytes.

File records are read by the workers, so they need the same paths (a shared file system);
with ``ship_files=True`` the client reads each file and sends its bytes instead (the
result is identical: ``analyze_bytes`` with the path as name is what ``analyze_file`` does).
"""

from __future__ import annotations

import logging
import time
from collections import deque
from typing import Any, Iterable, Iterator

from ..config import Config
from ..errors import ConfigError, PipelineError
from .inputs import Record
from .worker import DEFAULT_FACTORY, Outcome, error_outcome, process_record


class DaskEngine:
    """Run records on a Dask cluster; see the module docstring."""

    name = "dask"

    def __init__(
        self,
        config: Config,
        *,
        scheduler: str | None = None,
        workers: int = 1,
        max_in_flight: int | None = None,
        ship_files: bool = False,
        factory: str = DEFAULT_FACTORY,
    ) -> None:
        self.config = config
        self.factory = factory
        self.scheduler = scheduler
        self.workers = max(1, workers)
        self.max_in_flight = max_in_flight
        self.ship_files = ship_files

    def run(self, records: Iterable[Record]) -> Iterator[Outcome]:
        """Outcomes of ``records``, in the same order."""
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError('the dask engine needs Dask: pip install "transcript-pipeline[dask]"') from None
        cluster: Any = None
        quiet_dask_logs()
        try:
            if self.scheduler:
                try:
                    client = Client(self.scheduler, timeout="20s")
                except (OSError, TimeoutError) as exc:
                    raise PipelineError(f"cannot connect to the Dask scheduler at {self.scheduler}: {exc}") from None
            else:
                cluster = LocalCluster(
                    n_workers=self.workers,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                client = Client(cluster)
        except PipelineError:
            raise
        try:
            in_flight = self.max_in_flight or 4 * max(1, _n_threads(client))
            yield from self._run(client, iter(records), in_flight)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _run(self, client: Any, records: Iterator[Record], in_flight: int) -> Iterator[Outcome]:
        from distributed import KilledWorker

        config = client.scatter(self.config, broadcast=True)
        pending: deque[tuple[Record, Any]] = deque()
        exhausted = False
        try:
            while True:
                while not exhausted and len(pending) < in_flight:
                    record = next(records, None)
                    if record is None:
                        exhausted = True
                        break
                    data = self._read(record)
                    if isinstance(data, Outcome):
                        pending.append((record, data))
                        continue
                    future = client.submit(process_record, record, config, data, self.factory, pure=False, retries=0)
                    pending.append((record, future))
                if not pending:
                    return
                record, future = pending.popleft()
                if isinstance(future, Outcome):
                    yield future
                    continue
                began = time.perf_counter()
                try:
                    yield future.result()
                except KilledWorker:
                    yield error_outcome(record, "internal", "the Dask worker died while analysing this input (crash or out of memory)", began)
        finally:
            for _, future in pending:
                if not isinstance(future, Outcome):
                    future.cancel()

    def _read(self, record: Record) -> bytes | None | Outcome:
        """The file's bytes when shipping files (or an error outcome); ``None`` otherwise."""
        if not self.ship_files or record.path is None or record.error_kind is not None:
            return None
        from ..ingest.normalize import check_size

        began = time.perf_counter()
        try:
            from pathlib import Path

            path = Path(record.path)
            if not path.is_file():
                return None  # let the worker report it exactly as analyze_file does
            check_size(path.stat().st_size, self.config.input.max_chars, unit="bytes")
            return path.read_bytes()
        except PipelineError as exc:
            return error_outcome(record, exc.kind, str(exc), began)
        except OSError:
            return None  # unreadable here: the worker reports it with the usual message


def quiet_dask_logs() -> None:
    """Dask's own INFO/WARNING lines (scheduler and nanny start-up, "Lost all workers",
    "killing" at a normal shutdown) say nothing to a batch user: show errors only, unless
    ``--debug`` (which sets the root logger to DEBUG)."""
    if logging.getLogger().getEffectiveLevel() <= logging.DEBUG:
        return
    for name in ("distributed", "dask"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _n_threads(client: Any) -> int:
    try:
        info = client.scheduler_info()
        return sum(int(w.get("nthreads", 1)) for w in info.get("workers", {}).values()) or 1
    except Exception:  # noqa: BLE001 - only sizes the window
        return 1
