"""What a batch user sees on the terminal (issue 17): the closing line, Ctrl-C while the
workers load, Dask's own log lines, duplicate ids."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from pipeline.batch.cli import summary_line

ROOT = Path(__file__).resolve().parents[1]
TEXT = "Bees dance to tell the others where the flowers are. The scouts fly out every morning.\n"


def _batch(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pipeline", "batch", *args],
        cwd=kwargs.get("cwd", ROOT),
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, like a shell job: Ctrl-C reaches all
    )


@pytest.mark.parametrize(
    ("ok", "errors", "fmt", "expected"),
    [
        (1, 1, "jsonl", "batch: 1 result, 1 error in 2.0 s (1.0 docs/s) -> out/results.jsonl, out/errors.jsonl"),
        (2, 0, "parquet", "batch: 2 results, 0 errors in 2.0 s (1.0 docs/s) -> out/results.jsonl, out/results.parquet"),
    ],
)
def test_summary_line_counts_and_names_every_file(ok, errors, fmt, expected):
    stats = SimpleNamespace(ok=ok, errors=errors, skipped=0, seconds=2.0, processed=2)
    assert summary_line(stats, "out", fmt) == expected


def test_ctrl_c_while_workers_load_prints_no_traceback(tmp_path):
    # enough work that the batch is still running when the signal arrives, however fast or
    # loaded the machine is (with three tiny files it sometimes finished first: exit 0/3)
    for i in range(60):
        (tmp_path / f"t{i}.txt").write_text(TEXT * 60, encoding="utf-8")
    proc = _batch(str(tmp_path), "--out", str(tmp_path / "out"), "--workers", "2", "--no-progress")
    deadline = time.monotonic() + 120
    while not (tmp_path / "out" / "manifest.json").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # the worker processes are starting or loading the model now
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C in a terminal does
    _, err = proc.communicate(timeout=240)
    text = err.decode()
    assert "Traceback" not in text and "KeyboardInterrupt" not in text, text
    assert proc.returncode == 130, text
    assert text.strip().splitlines()[-1] == "transcript-pipeline: interrupted"


def test_dask_engine_prints_only_the_closing_line(tmp_path):
    pytest.importorskip("distributed")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    proc = _batch(str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--engine", "dask", "--workers", "1")
    out, err = proc.communicate(timeout=300)
    lines = err.decode().splitlines()
    assert proc.returncode == 0, lines
    assert len(lines) == 1 and lines[0].startswith("batch: 1 result, 0 errors"), lines


def test_a_duplicate_id_is_in_errors_only_under_its_own_id(tmp_path):
    from pipeline.batch import run_batch

    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": "a", "text": TEXT}) + "\n" for _ in range(2)), encoding="utf-8")
    run_batch([str(src)], tmp_path / "out", workers=1, progress=False)
    results = [json.loads(x)["id"] for x in (tmp_path / "out" / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    errors = [json.loads(x) for x in (tmp_path / "out" / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert results == ["a"] and [e["id"] for e in errors] == ["a#2"]
    assert "duplicate id 'a'" in errors[0]["message"]
