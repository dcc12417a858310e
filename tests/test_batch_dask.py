"""The Dask engine on a 2-worker LocalCluster writes the same bytes as the local engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

distributed = pytest.importorskip("distributed")

from pipeline.batch import run_batch  # noqa: E402


def test_dask_local_cluster_matches_local_engine(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    (tmp_path / "talk.txt").write_text("Speaker A: Rome was not built in a day. Speaker B: But its roads lasted two thousand years.", encoding="utf-8")
    src.write_text(
        "".join(
            json.dumps(r) + "\n"
            for r in [
                {"id": "a", "text": "We planted trees along the river. The birds came back within a year, and the children loved it."},
                {"id": "b", "path": "talk.txt"},
                {"id": "c", "text": ""},
                {"id": "d", "text": "Interest rates rose again. Markets fell sharply, and investors worried about inflation."},
                {"id": "a", "text": "duplicate"},
                {"id": "e", "path": "missing.txt"},
            ]
        ),
        encoding="utf-8",
    )
    run_batch([str(src)], tmp_path / "local", workers=1, progress=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        run_batch([str(src)], tmp_path / "dask", engine="dask", scheduler=cluster.scheduler_address, progress=False)
        run_batch([str(src)], tmp_path / "shipped", engine="dask", scheduler=cluster.scheduler_address, ship_files=True, progress=False)
    for name in ("results.jsonl", "errors.jsonl"):
        local = (tmp_path / "local" / name).read_bytes()
        assert local and (tmp_path / "dask" / name).read_bytes() == local
        assert (tmp_path / "shipped" / name).read_bytes() == local
    ids = [json.loads(line)["id"] for line in (tmp_path / "dask" / "results.jsonl").read_text().splitlines()]
    assert ids == ["a", "b", "d"]
    manifest = json.loads((tmp_path / "dask" / "manifest.json").read_text())
    assert manifest["engine"] == "dask" and manifest["status"] == "complete"
