"""Batch runs with the real Pipeline: good and bad inputs, --workers 1 vs 2, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.batch import run_batch
from pipeline.batch.inputs import expand_inputs
from pipeline.cli import main

TALK = (
    "Speaker A: Welcome to the show. Today we talk about solar panels and how cheap they became. "
    "Speaker B: Prices fell by ninety percent in ten years, which surprised many analysts in Germany. "
    "Speaker A: That is great news for households. Batteries are the next question for the grid. "
    "Speaker B: Storage is still expensive, but it is improving quickly."
)


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    root = tmp_path_factory.mktemp("corpus")
    talks = root / "talks"
    talks.mkdir()
    for i in range(4):
        (talks / f"talk{i}.txt").write_text(TALK.replace("solar", ["solar", "wind", "tidal", "geothermal"][i]), encoding="utf-8")
    (talks / "captions.srt").write_text("1\n00:00:01,000 --> 00:00:04,000\nHello and welcome to the lecture.\n\n2\n00:00:04,500 --> 00:00:08,000\nToday we study the history of Rome and its emperors.\n", encoding="utf-8")
    (talks / "empty.txt").write_bytes(b"")
    (talks / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (talks / "huge.txt").write_bytes(b"word " * 1_700_000)  # over the default 2,000,000-character limit
    jsonl = root / "records.jsonl"
    jsonl.write_text(
        json.dumps({"id": "inline-1", "text": TALK}) + "\n"
        + "{this is not json\n"
        + json.dumps({"id": "inline-1", "text": "a duplicate id"}) + "\n"
        + json.dumps({"id": "by-path", "path": "talks/talk0.txt"}) + "\n"
        + json.dumps({"id": "blank", "text": "   "}) + "\n",
        encoding="utf-8",
    )
    return [str(talks), str(jsonl), str(root / "does-not-exist.txt")]


@pytest.fixture(scope="module")
def one_worker(corpus: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("w1")
    run_batch(corpus, out, workers=1, progress=False)
    return out


def test_every_input_comes_out_once(corpus: list[str], one_worker: Path) -> None:
    results, errors = _lines(one_worker / "results.jsonl"), _lines(one_worker / "errors.jsonl")
    expected = [r.id for r in expand_inputs(corpus)]
    assert sorted(d["id"] for d in results + errors) == sorted(expected)
    by_id = {d["id"]: d for d in errors}
    assert {Path(i).name for i in by_id if "/" in i} >= {"empty.txt", "binary.txt", "huge.txt", "does-not-exist.txt"}
    assert all(d["kind"] == "input" for d in errors), errors
    assert any("duplicate id" in d["message"] for d in errors)
    assert any("not valid JSON" in d["message"] for d in errors)
    good = {d["id"]: d for d in results}
    assert "inline-1" in good and "by-path" in good
    assert good["inline-1"]["title"] and good["inline-1"]["summary"]
    assert good["by-path"]["meta"]["input_sha256"] == good[str(Path(corpus[0]) / "talk0.txt")]["meta"]["input_sha256"]
    manifest = json.loads((one_worker / "manifest.json").read_text())
    assert manifest["status"] == "complete" and manifest["counts"]["results_total"] == len(results)
    assert manifest["models"] and manifest["peak_rss_mb_per_worker"]


def test_two_workers_write_the_same_bytes(corpus: list[str], one_worker: Path, tmp_path: Path) -> None:
    run_batch(corpus, tmp_path, workers=2, progress=False)
    for name in ("results.jsonl", "errors.jsonl"):
        assert (tmp_path / name).read_bytes() == (one_worker / name).read_bytes()


def test_cli_batch_and_refusal_to_overwrite(corpus: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "cli"
    status = main(["batch", corpus[1], "--out", str(out), "--workers", "1", "--no-progress", "--set", "summary.sentences=1"])
    assert status == 3  # finished, some inputs in errors.jsonl
    results = _lines(out / "results.jsonl")
    assert [d["id"] for d in results] == ["inline-1", "by-path"]
    assert all(len(d["summary"]) == 1 for d in results)
    capsys.readouterr()
    assert main(["batch", corpus[1], "--out", str(out), "--no-progress"]) == 2
    err = capsys.readouterr().err.strip()
    assert "--resume" in err and len(err.splitlines()) == 1
    assert main(["batch", corpus[1], "--out", str(out), "--no-progress", "--resume"]) == 0
    assert len(_lines(out / "results.jsonl")) == 2


def test_cli_bad_config_is_one_line(corpus: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["batch", corpus[1], "--out", str(tmp_path / "x"), "--set", "summary.nonsense=1", "--no-progress"]) == 2
    assert "summary.nonsense" in capsys.readouterr().err
