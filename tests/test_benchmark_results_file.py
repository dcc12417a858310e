"""benchmarks/_results_file.py: re-running a benchmark replaces its table, not the notes."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from _results_file import write_table  # noqa: E402


def test_new_file_gets_heading_and_table(tmp_path):
    out = tmp_path / "results" / "x.md"
    write_table(out, "| a |\n", "# X")
    assert out.read_text(encoding="utf-8") == "# X\n\n<!-- table -->\n| a |\n<!-- /table -->\n"


def test_rerun_replaces_only_the_table(tmp_path):
    out = tmp_path / "x.md"
    out.write_text("# X\n\nintro\n<!-- table -->\n| old |\n<!-- /table -->\n\nnotes kept\n", encoding="utf-8")
    write_table(out, "| new |\n", "# ignored")
    assert out.read_text(encoding="utf-8") == "# X\n\nintro\n<!-- table -->\n| new |\n<!-- /table -->\n\nnotes kept\n"
