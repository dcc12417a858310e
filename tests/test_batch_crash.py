"""A batch killed with SIGKILL in the middle and resumed writes every id exactly once,
and the same bytes as a run that was never interrupted."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.batch import run_batch

ROOT = Path(__file__).resolve().parents[1]
N = 60


def _text(i: int) -> str:
    topics = ["rivers", "bridges", "volcanoes", "markets", "orchestras", "satellites"]
    topic = topics[i % len(topics)]
    return (
        f"Speaker 1: Today we discuss {topic}, episode {i}. Many people ask how {topic} work and why they matter. "
        f"Speaker 2: The history of {topic} goes back centuries, and engineers in Italy studied them carefully. "
        f"Speaker 1: That is fascinating. What surprised you most about {topic}? "
        f"Speaker 2: Honestly, how fragile they are, and how much care they need every single year."
    )


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_kill_9_then_resume(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"doc-{i:03d}", "text": _text(i)}) + "\n" for i in range(N)), encoding="utf-8")
    out = tmp_path / "out"
    results = out / "results.jsonl"
    cmd = [sys.executable, "-m", "pipeline", "batch", str(src), "--out", str(out), "--workers", "1", "--no-progress"]
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            if results.exists() and results.read_bytes().count(b"\n") >= 3:
                break
            time.sleep(0.01)
        assert proc.poll() is None, "the run ended before it could be killed: " + proc.stderr.read().decode()
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        proc.stderr.close()
    written = results.read_bytes().count(b"\n")
    assert 3 <= written < N

    stats = run_batch([str(src)], out, workers=1, resume=True, progress=False)
    ids = [json.loads(line)["id"] for line in results.read_text(encoding="utf-8").splitlines()]
    assert ids == [f"doc-{i:03d}" for i in range(N)]  # every id once, in input order
    assert stats.skipped == written and stats.ok == N - written
    assert not (out / "errors.jsonl").read_text()

    reference = tmp_path / "reference"
    run_batch([str(src)], reference, workers=1, progress=False)
    assert results.read_bytes() == (reference / "results.jsonl").read_bytes()
