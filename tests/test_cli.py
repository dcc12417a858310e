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
    # no stdin given: /dev/null, as a user's terminal-less run (an inherited pipe would be read)
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        input=stdin,
        stdin=subprocess.DEVNULL if stdin is None else None,
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


# ---- issue 17: standard input, warnings on stderr, empty outputs, several inputs ---------------


def test_piped_text_without_dash_is_analysed_not_the_sample():
    """`cat talk.txt | transcript-pipeline analyze` analyses the piped text."""
    text = (SAMPLES / "podcast.txt").read_bytes()
    proc = run("analyze", "--format", "json", stdin=text)
    assert proc.returncode == 0, proc.stderr.decode()
    result = json.loads(proc.stdout)
    assert result["meta"]["source"] == "<stdin>" and "sourdough" in result["text"]


def test_no_input_and_no_piped_text_is_the_sample():
    proc = run("analyze", "--format", "json")  # standard input is /dev/null
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["meta"]["source"] == "<sample>/samples/talk.srt"


@pytest.mark.parametrize("fmt", ["markdown", "json", "html", "gift", "anki"])
def test_every_format_prints_the_warnings_on_stderr(tmp_path, fmt):
    path = tmp_path / "paste.txt"
    path.write_text(
        "Show transcript\nGenerate a brief summary of this video\n"
        + "The scouts fly out in the morning and inspect every hollow tree they can find near the old hive. " * 3
        + "\nA good site is dry, dark and about forty litres in size, so the colony can store honey for winter.\n"
        "Ten scouts may visit the same tree before the swarm decides, and the decision takes about two days.\n",
        encoding="utf-8",
    )
    proc = run("analyze", str(path), "--format", fmt)
    err = proc.stderr.decode().splitlines()
    assert proc.returncode == 0, err
    assert f"transcript-pipeline: warning: {path}: removed page chrome (button): 'Show transcript'" in err
    assert any("tool prompt" in line for line in err)
    assert all(line.startswith("transcript-pipeline: warning: ") for line in err)


@pytest.mark.parametrize("fmt", ["gift", "anki"])
def test_quiz_formats_without_a_quiz_write_nothing_and_fail(tmp_path, fmt):
    path = tmp_path / "short.txt"
    path.write_text("Hello there.", encoding="utf-8")
    out = tmp_path / f"quiz.{fmt}"
    proc = run("analyze", str(path), "--format", fmt, "-o", str(out))
    err = proc.stderr.decode()
    assert proc.returncode == 3, err
    assert "no quiz" in err and f"--format {fmt}" in err and "Traceback" not in err
    assert not out.exists()


def test_several_inputs_as_one_html_document(tmp_path):
    out = tmp_path / "x.html"
    proc = run("analyze", str(SAMPLES / "talk.srt"), str(SAMPLES / "podcast.txt"), "--format", "html", "-o", str(out))
    assert proc.returncode == 0, proc.stderr.decode()
    page = out.read_text(encoding="utf-8")
    assert page.count("<!doctype html>") == 1 and page.count("</html>") == 1
    assert page.count('<article class="report-doc"') == 2
    assert 'id="result-data-1"' in page and 'id="result-data-2"' in page
    assert 'href="#doc-1"' in page and 'href="#doc-2"' in page


def test_several_inputs_as_one_anki_file_with_one_header():
    proc = run("analyze", str(SAMPLES / "talk.srt"), str(SAMPLES / "podcast.txt"), "--format", "anki")
    assert proc.returncode == 0, proc.stderr.decode()
    out = proc.stdout.decode()
    assert out.count("#separator:tab") == 1 and out.startswith("#separator:tab")
