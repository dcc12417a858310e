"""Pipeline.pipe(n_process=2) from a script, as a user writes it (issue 17, point 9)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXTS = '["Bees dance to show the way to flowers. The swarm follows.", "Rome was not built in a day. Its roads lasted."]'


def _run(tmp_path: Path, body: str) -> subprocess.CompletedProcess:
    script = tmp_path / "script.py"
    script.write_text(body, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, cwd=tmp_path, timeout=600,
        env={**os.environ, "PYTHONPATH": str(ROOT)}, stdin=subprocess.DEVNULL,
    )


def test_unguarded_script_gets_one_clear_error(tmp_path):
    proc = _run(tmp_path, f"from pipeline import Pipeline\nnlp = Pipeline()\nfor r in nlp.pipe({TEXTS}, n_process=2):\n    print(r.title)\n")
    assert proc.returncode != 0
    assert 'if __name__ == "__main__":' in proc.stderr
    assert "pipeline.errors.PipelineError" in proc.stderr  # the parent's error names the cause
    # no worker tracebacks: Python's "An attempt has been made to start a new process" is pre-empted
    assert "bootstrapping phase" not in proc.stderr and proc.stderr.count("Traceback") == 1


def test_guarded_script_works(tmp_path):
    proc = _run(
        tmp_path,
        "from pipeline import Pipeline\n\n\ndef main():\n    nlp = Pipeline()\n"
        f"    for r in nlp.pipe({TEXTS}, n_process=2):\n        print(r.title)\n\n\nif __name__ == \"__main__\":\n    main()\n",
    )
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.strip().splitlines()) == 2
