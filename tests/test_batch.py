"""Batch machinery (inputs, writer, resume, order, crash isolation) with a stand-in
pipeline, so these tests are fast and do not need spaCy. The real Pipeline end to end is
in tests/test_batch_e2e.py."""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from pipeline.batch import run_batch
from pipeline.batch.inputs import count_inputs, expand_inputs
from pipeline.batch.progress import Progress
from pipeline.batch.writer import JsonlAppender, repair_tail, scan_done
from pipeline.config import Config
from pipeline.errors import InputError, PipelineError

FAKE = f"{__name__}:FakePipeline"


# ---- a stand-in pipeline: deterministic, cheap, with the failure modes we need ----------------


@dataclass
class _Meta:
    model: str = "fake==1"


@dataclass
class _Result:
    text: str
    name: str
    meta: _Meta = field(default_factory=_Meta)

    def to_dict(self) -> dict:
        digest = hashlib.sha256(self.text.encode()).hexdigest()[:12]
        return {"title": self.text[:20], "n": len(self.text.split()), "sha": digest, "source": self.name}


class FakePipeline:
    def __init__(self, config: Config) -> None:
        self.config = config

    def __call__(self, text: str, *, name: str = "<string>", format: str | None = None) -> _Result:
        if not text.strip():
            raise InputError("input is empty")
        if text.startswith("BOOM"):
            raise RuntimeError("stage exploded")
        if text.startswith("CRASH"):
            os._exit(13)  # a worker dying hard (segfault, OOM killer)
        return _Result(text, name)

    def analyze_bytes(self, data: bytes, *, name: str = "<stdin>", format: str | None = None) -> _Result:
        try:
            return self(data.decode("utf-8"), name=name)
        except UnicodeDecodeError:
            raise InputError(f"{name} is not text") from None

    def analyze_file(self, path: str) -> _Result:
        try:
            data = Path(path).read_bytes()
        except FileNotFoundError:
            raise InputError(f"no such file: {path}") from None
        return self.analyze_bytes(data, name=str(path))


def _lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()] if path.exists() else []


def _corpus(tmp_path: Path, n: int = 12) -> Path:
    root = tmp_path / "corpus"
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    for i in range(n):
        sub = "a" if i % 2 else "b"
        (root / sub / f"doc{i:02d}.txt").write_text(f"Document number {i} talks about topic {i % 3}. " * (1 + i % 4), encoding="utf-8")
    (root / "a" / "notes.pdf").write_bytes(b"%PDF not a transcript")  # not picked by the walk
    (root / ".hidden.txt").write_text("hidden", encoding="utf-8")
    return root


# ---- inputs -----------------------------------------------------------------------------------


def test_directory_walk_is_sorted_recursive_and_by_extension(tmp_path: Path) -> None:
    root = _corpus(tmp_path, 4)
    ids = [r.id for r in expand_inputs([str(root)])]
    assert ids == [str(root / "a" / "doc01.txt"), str(root / "a" / "doc03.txt"), str(root / "b" / "doc00.txt"), str(root / "b" / "doc02.txt")]
    assert count_inputs([str(root)]) == 4


def test_glob_and_missing_pattern(tmp_path: Path) -> None:
    root = _corpus(tmp_path, 4)
    records = list(expand_inputs([str(root / "*" / "doc0[12].txt"), str(root / "nothing*.srt")]))
    assert [Path(r.id).name for r in records[:2]] == ["doc01.txt", "doc02.txt"]
    assert records[2].error_kind == "input" and "no files match" in (records[2].error or "")
    assert [r.seq for r in records] == [0, 1, 2]


def test_jsonl_records_broken_lines_and_duplicates(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("from a path", encoding="utf-8")
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"id": "a", "text": "first"}\n'
        b'{"id": "b", "path": "t.txt"}\n'
        b"{not json\n"
        b"\n"
        b'{"text": "no id"}\n'
        b'{"id": "a", "text": "again"}\n'
        b'{"id": 7, "text": "numeric id"}\n'
        b'{"id": "c", "text": "x", "path": "y"}\n'
        b'["a list"]\n'
        b'{"id": "d", "text": "\xff"}\n'
    )
    records = list(expand_inputs([str(src)]))
    # the duplicate gets an id of its own: every id is in exactly one of the two files
    assert [r.id for r in records] == ["a", "b", f"{src}:3", f"{src}:5", "a#2", "7", "c", f"{src}:9", f"{src}:10"]
    assert records[0].text == "first" and records[1].path == str(tmp_path / "t.txt")
    assert "not valid JSON" in (records[2].error or "")
    assert "no \"id\"" in (records[3].error or "")
    assert records[4].error_kind == "input" and "duplicate id" in (records[4].error or "")
    assert records[5].text == "numeric id"
    assert "exactly one of" in (records[6].error or "")
    assert records[8].error_kind == "input"
    assert count_inputs([str(src)]) == 10 - 1  # blank line not counted


def test_stdin_jsonl() -> None:
    stream = io.BytesIO(b'{"id": "x", "text": "hello"}\n{"id": "y", "path": "z.txt"}\n')
    records = list(expand_inputs(["-"], stdin=lambda: stream))
    assert [(r.id, r.text) for r in records] == [("x", "hello"), ("y", None)]
    assert records[1].path == str(Path.cwd() / "z.txt")
    assert count_inputs(["-"]) is None


# ---- writer -----------------------------------------------------------------------------------


def test_repair_tail_cuts_partial_line_and_scan_counts(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'{"id":"a"}\n{"id":"b"}\n{"id":"a"}\n{"id":"c","tru')
    assert repair_tail(path) == len(b'{"id":"c","tru')
    assert path.read_bytes().endswith(b'{"id":"a"}\n')
    assert scan_done(path) == {"a": 2, "b": 1}
    assert repair_tail(path) == 0
    with JsonlAppender(path) as out:
        out.write('{"id":"d"}\n')
    assert scan_done(path)["d"] == 1


def test_repair_tail_without_any_newline(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_bytes(b'{"id":"half')
    repair_tail(path)
    assert path.read_bytes() == b""


# ---- runs -------------------------------------------------------------------------------------


def _mixed_inputs(tmp_path: Path) -> list[str]:
    root = _corpus(tmp_path)
    (root / "b" / "empty.txt").write_bytes(b"")
    (root / "b" / "binary.txt").write_bytes(b"\xff\xfe\x00\x01" * 10)
    src = tmp_path / "more.jsonl"
    src.write_text(
        '{"id": "j1", "text": "Inline one."}\n{broken\n{"id": "j2", "text": "BOOM here"}\n{"id": "j1", "text": "dup"}\n{"id": "j3", "text": "Inline three."}\n',
        encoding="utf-8",
    )
    return [str(root), str(src), str(tmp_path / "missing.txt")]


def test_run_writes_every_input_once_in_order(tmp_path: Path) -> None:
    inputs = _mixed_inputs(tmp_path)
    out = tmp_path / "out"
    stats = run_batch(inputs, out, workers=1, factory=FAKE, progress=False)
    results, errors = _lines(out / "results.jsonl"), _lines(out / "errors.jsonl")
    expected = [r.id for r in expand_inputs(inputs)]
    written = [d["id"] for d in results] + [d["id"] for d in errors]
    assert sorted(written) == sorted(expected) and len(written) == len(expected)
    result_ids = {d["id"] for d in results}
    assert [d["id"] for d in results] == list(dict.fromkeys(i for i in expected if i in result_ids))
    kinds = {d["id"]: d["kind"] for d in errors}
    assert kinds[inputs[2]] == "input"  # missing file
    assert kinds["j2"] == "internal"
    assert any("duplicate id" in d["message"] for d in errors)
    assert stats.ok == len(results) and stats.errors == len(errors)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["status"] == "complete"
    assert manifest["counts"]["results_total"] == len(results)
    assert manifest["config_fingerprint"] == Config().fingerprint()
    assert manifest["models"] == ["fake==1"]
    line = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert line == json.dumps(json.loads(line), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def test_two_workers_give_identical_bytes(tmp_path: Path) -> None:
    inputs = _mixed_inputs(tmp_path)
    run_batch(inputs, tmp_path / "w1", workers=1, factory=FAKE, progress=False)
    run_batch(inputs, tmp_path / "w2", workers=2, max_in_flight=3, factory=FAKE, progress=False)
    for name in ("results.jsonl", "errors.jsonl"):
        assert (tmp_path / "w1" / name).read_bytes() == (tmp_path / "w2" / name).read_bytes()


def test_a_crashing_worker_loses_only_its_record(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": f"r{i}", "text": "CRASH now" if i == 5 else f"text {i}"}) + "\n" for i in range(10)), encoding="utf-8")
    out = tmp_path / "out"
    run_batch([str(src)], out, workers=2, factory=FAKE, progress=False)
    assert [d["id"] for d in _lines(out / "results.jsonl")] == [f"r{i}" for i in range(10) if i != 5]
    errors = _lines(out / "errors.jsonl")
    assert [(d["id"], d["kind"]) for d in errors] == [("r5", "internal")]
    assert "died" in errors[0]["message"]


def test_resume_skips_written_ids_and_repairs_tail(tmp_path: Path) -> None:
    inputs = _mixed_inputs(tmp_path)
    full = tmp_path / "full"
    run_batch(inputs, full, workers=1, factory=FAKE, progress=False)
    # Simulate a run killed mid-write: a prefix of both files plus half a line.
    part = tmp_path / "part"
    part.mkdir()
    res_lines = (full / "results.jsonl").read_bytes().splitlines(keepends=True)
    err_lines = (full / "errors.jsonl").read_bytes().splitlines(keepends=True)
    (part / "results.jsonl").write_bytes(b"".join(res_lines[:5]) + res_lines[5][:17])
    (part / "errors.jsonl").write_bytes(b"".join(err_lines[:2]))
    with pytest.raises(PipelineError, match="--resume"):
        run_batch(inputs, part, workers=1, factory=FAKE, progress=False)
    stats = run_batch(inputs, part, workers=1, factory=FAKE, progress=False, resume=True)
    assert stats.skipped == 7
    assert (part / "results.jsonl").read_bytes() == (full / "results.jsonl").read_bytes()
    assert sorted(_lines(part / "errors.jsonl"), key=json.dumps) == sorted(_lines(full / "errors.jsonl"), key=json.dumps)
    again = run_batch(inputs, part, workers=2, factory=FAKE, progress=False, resume=True)
    assert again.processed == 0 and again.skipped == stats.skipped + stats.processed


def test_resume_keeps_duplicate_error_when_killed_between(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "one"}\n{"id": "a", "text": "two"}\n', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "results.jsonl").write_text(json.dumps({"id": "a"}) + "\n", encoding="utf-8")
    run_batch([str(src)], out, workers=1, factory=FAKE, progress=False, resume=True)
    assert [d["id"] for d in _lines(out / "errors.jsonl")] == ["a#2"]
    assert len(_lines(out / "results.jsonl")) == 1


def test_user_errors_are_pipeline_errors(tmp_path: Path) -> None:
    with pytest.raises(PipelineError, match="engine"):
        run_batch(["x"], tmp_path / "o", engine="spark", factory=FAKE)
    with pytest.raises(PipelineError, match="--engine dask"):
        run_batch(["x"], tmp_path / "o", scheduler="tcp://x:1", factory=FAKE, progress=False)


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="needs file permissions (not root)")
def test_unwritable_output_is_an_oserror(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(OSError):
            run_batch(["x"], locked / "out", factory=FAKE, progress=False)
    finally:
        locked.chmod(0o700)


def test_parquet_output(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "one two"}\n{"id": "b", "text": "three"}\n', encoding="utf-8")
    run_batch([str(src)], tmp_path / "out", factory=FAKE, progress=False, output_format="parquet", workers=1)
    table = pq.read_table(tmp_path / "out" / "results.parquet")
    assert table.column("id").to_pylist() == ["a", "b"]
    assert json.loads(table.column("result").to_pylist()[0])["id"] == "a"


def test_progress_line() -> None:
    stream = io.StringIO()
    bar = Progress(10, enabled=True, stream=stream, interval=0.0)
    bar.skip(2)
    bar.update(ok=True, words=100)
    bar.update(ok=False)
    bar.close()
    text = stream.getvalue()
    assert "4/10 docs" in text and "errors 1" in text and "ETA" in text
    quiet = io.StringIO()
    Progress(3, stream=quiet).update(ok=True)  # not a terminal: silent
    assert quiet.getvalue() == ""


def test_unlistable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _corpus(tmp_path, 4)
    real_scandir = os.scandir

    def scandir(path):  # a folder we may not list (as root, chmod would not stop us)
        if str(path).endswith(os.sep + "a"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    records = list(expand_inputs([str(root)]))
    assert [(r.id, r.error_kind) for r in records][0] == (str(root / "a"), "input")
    assert "cannot list folder" in (records[0].error or "")
    assert [Path(r.id).name for r in records[1:]] == ["doc00.txt", "doc02.txt"]


def test_disk_full_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from pipeline.batch import writer

    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "one"}\n', encoding="utf-8")

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writer.os, "write", full)
    with pytest.raises(OSError) as info:
        run_batch([str(src)], tmp_path / "out", workers=1, factory=FAKE, progress=False)
    # the CLI prints "error: <strerror>: <filename>" as one line
    assert info.value.errno == errno.ENOSPC and info.value.filename == str(tmp_path / "out" / "results.jsonl")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["status"] == "interrupted"  # never claimed complete
