"""Same input + same config = same bytes, whatever the hash seed (DESIGN.md §4)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES

ROOT = Path(__file__).resolve().parents[1]


def _json_under_seed(seed: str, path: Path) -> bytes:
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "analyze", str(path), "--format", "json"],
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONHASHSEED": seed},
        timeout=180,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout


@pytest.mark.parametrize("name", ["talk.srt", "podcast.txt"])
def test_byte_identical_json_across_hash_seeds(name):
    first = _json_under_seed("0", SAMPLES / name)
    second = _json_under_seed("1", SAMPLES / name)
    assert first == second
    assert len(first) > 1000


def test_same_pipeline_twice_gives_same_result(default_pipeline):
    text = (SAMPLES / "podcast.txt").read_text(encoding="utf-8")
    assert default_pipeline(text).to_json() == default_pipeline(text).to_json()
