"""The command line end to end, in subprocesses (as a user runs it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, stdin: bytes | None = None, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        timeout=timeout,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> None:
    err = proc.stderr.decode()
    assert proc.returncode == 2, err
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("transcript-pipeline: error: "), err
    for needle in needles:
        assert needle in err, err


def test_version():
    proc = run("--version")
    assert proc.returncode == 0
    assert proc.stdout.decode().startswith("transcript-pipeline ")


def test_analyze_sample_markdown_by_default():
    proc = run("analyze")
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr.decode()
    for heading in ("## Summary", "## Key phrases", "## Tone", "## Quiz"):
        assert heading in out
    assert out.startswith("# ") and "**" in out  # a title and highlighted key phrases


def test_analyze_json_to_file_with_overrides(tmp_path):
    out = tmp_path / "r.json"
    proc = run("analyze", str(SAMPLES / "podcast.txt"), "--format", "json", "-o", str(out), "--set", "summary.sentences=3", "--set", "keywords.top_k=4")
    assert proc.returncode == 0, proc.stderr.decode()
    result = json.loads(out.read_text(encoding="utf-8"))
    assert len(result["summary"]) == 3
    assert len(result["keywords"]) <= 4
    assert result["meta"]["input_format"] == "text"


def test_config_file(tmp_path):
    config = tmp_path / "c.toml"
    config.write_text("[summary]\nsentences = 2\n", encoding="utf-8")
    proc = run("analyze", "--format", "json", "--config", str(config))
    assert proc.returncode == 0, proc.stderr.decode()
    assert len(json.loads(proc.stdout)["summary"]) == 2


def test_stdin():
    text = (SAMPLES / "podcast.txt").read_bytes()
    proc = run("analyze", "-", "--format", "json", stdin=text)
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["meta"]["source"] == "<stdin>"


def test_several_inputs_as_json_lines():
    proc = run("analyze", str(SAMPLES / "talk.srt"), str(SAMPLES / "podcast.txt"), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["title"] for line in lines)


@pytest.mark.parametrize(
    "args, needles",
    [
        (("analyze", "missing-file.txt"), ("missing-file.txt",)),
        (("analyze", "--set", "summary.sentences=0"), ("summary.sentences must be in",)),
        (("analyze", "--set", "summary.bogus=1"), ("unknown config key", "summary.sentences")),
        (("analyze", "--set", "nonsense"), ("KEY=VALUE",)),
        (("analyze", "--config", "missing.toml"), ("config file not found",)),
    ],
)
def test_errors_are_one_line_with_status_2(args, needles):
    assert_one_line_error(run(*args), *needles)


def test_empty_stdin_is_a_clear_error():
    assert_one_line_error(run("analyze", "-", stdin=b"   \n\t "), "empty")


def test_binary_input_is_a_clear_error(tmp_path):
    path = tmp_path / "x.txt"
    path.write_bytes(bytes(range(256)) * 50)
    assert_one_line_error(run("analyze", str(path)), "binary")


def test_unsupported_extension(tmp_path):
    path = tmp_path / "talk.pdf"
    path.write_bytes(b"%PDF-1.4 hello")
    assert_one_line_error(run("analyze", str(path)))


def test_malformed_srt(tmp_path):
    path = tmp_path / "bad.srt"
    path.write_text("1\n00:00:01,000 --> nonsense\nHello\n\n2\nxx --> yy\n", encoding="utf-8")
    assert_one_line_error(run("analyze", str(path)))


def test_too_large_input(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Bees dance. " * 2_000_000, encoding="utf-8")  # 24 MB
    proc = run("analyze", str(path), timeout=60)
    assert_one_line_error(proc, "input.max_chars")


def test_debug_shows_traceback():
    proc = run("--debug", "analyze", "missing-file.txt")
    assert proc.returncode != 0
    assert "Traceback" in proc.stderr.decode()


def test_warnings_for_odd_but_valid_input(tmp_path):
    path = tmp_path / "german.txt"
    path.write_text("Der schnelle braune Fuchs springt über den faulen Hund. Wir sprechen heute über Bienen.", encoding="utf-8")
    proc = run("analyze", str(path), "--format", "json")
    assert proc.returncode == 0, proc.stderr.decode()
    assert any("English" in w for w in json.loads(proc.stdout)["meta"]["warnings"])


def test_quiz_with_piped_answers():
    proc = run("quiz", "--questions", "2", stdin=b"a\nb\n")
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr.decode()
    assert "2" in out and "score" in out.lower()


def test_quiz_end_of_input_exits_cleanly():
    proc = run("quiz", stdin=b"")
    assert proc.returncode == 0, proc.stderr.decode()
    assert "Traceback" not in proc.stderr.decode()
