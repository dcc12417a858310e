"""The bad-input corpus (tests/hostile_corpus.py) through the CLI and the HTTP API.

For every case: the CLI exits 0 (a result) or 2 (one line of error), never 1 ("internal
error") and never with a traceback; the API answers 200 or a 4xx, never 500. Both run in
this process (the CLI's ``main``, the FastAPI app with an in-process worker pool) so the
corpus costs seconds, not a process start per case. A per-case alarm catches hangs; the
slowest case is printed, not asserted (timing is the benchmarks' job).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import sys
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from hostile_corpus import PARAGRAPH, Case, cases

#: seconds before a case counts as hung (far above any case's real time)
HANG_SECONDS = 120
CASES = cases()
TIMES: dict[str, float] = {}


@pytest.fixture(scope="module", autouse=True)
def shared_model():
    """One spaCy model for every Pipeline the CLI builds (as the server's workers do)."""
    import pipeline.pipeline as pipeline_module

    original = pipeline_module.load_model
    pipeline_module.load_model = lru_cache(maxsize=2)(original)
    yield
    pipeline_module.load_model = original
    slowest = sorted(TIMES.items(), key=lambda kv: -kv[1])[:5]
    print("\nslowest corpus runs:", ", ".join(f"{k} {v:.1f}s" for k, v in slowest), file=sys.stderr)


class Hung(BaseException):
    """Raised by the alarm: a BaseException, so no ``except Exception``/``OSError`` in the
    code under test can swallow it (a TimeoutError is an OSError, which the CLI reports)."""


@contextlib.contextmanager
def hang_guard(case_id: str):
    def _alarm(_signum: int, _frame: Any) -> None:
        raise Hung(f"{case_id} ran past {HANG_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(HANG_SECONDS)
    began = time.perf_counter()
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        TIMES[case_id] = max(TIMES.get(case_id, 0.0), time.perf_counter() - began)


def test_corpus_has_at_least_200_cases():
    assert len(CASES) >= 200


# ---- the CLI --------------------------------------------------------------------------------


def run_cli(args: list[str], stdin: bytes = b"") -> tuple[int, str, str]:
    from pipeline import cli

    out, err = io.StringIO(), io.StringIO()
    fake_stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    saved = sys.stdin
    sys.stdin = fake_stdin
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main(args)
    except SystemExit as exc:  # argparse usage errors
        code = exc.code if isinstance(exc.code, int) else 2
    finally:
        sys.stdin = saved
    return code, out.getvalue(), err.getvalue()


def check_cli(case_id: str, code: int, out: str, err: str) -> None:
    assert "Traceback" not in err and "Traceback" not in out, f"{case_id}: traceback\n{err[-2000:]}"
    assert "internal error" not in err, f"{case_id}: {err.strip()[-500:]}"
    assert code in (0, 2), f"{case_id}: exit {code}; stderr: {err.strip()[-500:]}"
    if code == 0:
        assert isinstance(json.loads(out), dict), case_id
    else:
        assert "error:" in err, f"{case_id}: exit 2 without an error line: {err!r}"


def _set_args(overrides: dict[str, Any]) -> list[str]:
    args = []
    for key, value in sorted(overrides.items()):
        if isinstance(value, float) and value != value:
            text = "nan"
        elif isinstance(value, float) and value in (float("inf"), float("-inf")):
            text = "inf" if value > 0 else "-inf"
        elif isinstance(value, str):
            text = json.dumps(value)
        elif isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 1000:
            text = "9" * 5000
        else:
            text = json.dumps(value)
        args += ["--set", f"{key}={text}"]
    return args


def _prepare_path(case: Case, tmp: Path) -> list[str]:
    if not (tmp / "fifo.txt").exists() and hasattr(os, "mkfifo"):
        os.mkfifo(tmp / "fifo.txt")
    if not (tmp / "loop.txt").is_symlink():
        (tmp / "loop.txt").symlink_to(tmp / "loop.txt")
    (tmp / "slides.pdf").write_bytes(b"%PDF-1.4 hello")
    (tmp / "bad.toml").write_bytes(b"[summary\nsentences = = 3\n\x00")
    path = case.path.replace("{tmp}", str(tmp))
    if path.startswith("--config="):
        (tmp / "talk.txt").write_text(PARAGRAPH, encoding="utf-8")
        return ["analyze", str(tmp / "talk.txt"), "--format", "json", "--config", path.split("=", 1)[1]]
    return ["analyze", path, "--format", "json"]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_cli(case: Case, tmp_path: Path) -> None:
    if case.kind == "path":
        args = _prepare_path(case, tmp_path)
        with hang_guard("cli:" + case.id):
            check_cli(case.id, *run_cli(args))
        return
    path = tmp_path / Path(case.name).name
    path.write_bytes(case.data)
    with hang_guard("cli:" + case.id):
        check_cli(case.id, *run_cli(["analyze", str(path), "--format", "json", *_set_args(case.overrides)]))


STDIN_CASES = [c for c in CASES if c.kind == "bytes" and c.id.startswith(("enc-", "bin-", "txt-e", "txt-o", "srt-utf", "vtt-n", "json-d"))]


@pytest.mark.parametrize("case", STDIN_CASES, ids=[c.id for c in STDIN_CASES])
def test_cli_stdin(case: Case) -> None:
    with hang_guard("stdin:" + case.id):
        check_cli(case.id, *run_cli(["analyze", "-", "--format", "json"], stdin=case.data))


# ---- the HTTP API ---------------------------------------------------------------------------


class InlinePool:
    """The worker pool's interface, running jobs in this process (the same
    ``_WorkerState.run`` and error mapping as a worker process)."""

    size = 1
    idle = 1
    replaced = 0
    pids = [os.getpid()]

    def __init__(self) -> None:
        from pipeline.config import Config
        from pipeline.server.workers import _WorkerState

        self.state = _WorkerState(Config().to_dict(), cache_size=4)

    async def astart(self) -> None:
        return None

    async def aclose(self, timeout: float = 5.0) -> None:
        return None

    async def run(self, job: Any, timeout: float) -> bytes:
        from pipeline.errors import PipelineError
        from pipeline.server.workers import JobFailed

        try:
            return self.state.run(job)
        except PipelineError as exc:
            raise JobFailed(exc.kind, str(exc)) from None
        except Exception as exc:  # noqa: BLE001 - what a worker reports as "internal"
            raise JobFailed("internal", f"{type(exc).__name__}: {exc}") from None


@pytest.fixture(scope="module")
def client():
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from pipeline.server.app import ServerSettings, create_app

    app = create_app(ServerSettings(max_body_bytes=4 * 1024 * 1024, timeout=HANG_SECONDS), pool=InlinePool())
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


def check_http(case_id: str, response: Any) -> None:
    assert response.status_code != 500, f"{case_id}: HTTP 500: {response.text[:500]}"
    assert response.status_code == 200 or 400 <= response.status_code < 500, f"{case_id}: HTTP {response.status_code}: {response.text[:300]}"
    body = response.json()
    if response.status_code == 200:
        assert "meta" in body, case_id
    else:
        assert body.get("error") and body.get("detail"), f"{case_id}: {body}"


def _json_overrides(overrides: dict[str, Any]) -> bytes:
    """The overrides as a JSON object, hostile values written as JSON allows them
    (NaN, Infinity, a 5,000-digit number)."""
    parts = []
    for key, value in sorted(overrides.items()):
        if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 1000:
            raw = "9" * 5000
        else:
            raw = json.dumps(value)
        parts.append(f"{json.dumps(key)}: {raw}")
    return ("{" + ", ".join(parts) + "}").encode()


BYTES_CASES = [c for c in CASES if c.kind == "bytes"]
OVERRIDE_CASES = [c for c in CASES if c.kind == "overrides"]


@pytest.mark.parametrize("case", BYTES_CASES, ids=[c.id for c in BYTES_CASES])
def test_http_upload(client, case: Case) -> None:
    with hang_guard("upload:" + case.id):
        check_http(case.id, client.post("/v1/analyze/upload", files={"file": (case.name, case.data)}))


@pytest.mark.parametrize("case", OVERRIDE_CASES, ids=[c.id for c in OVERRIDE_CASES])
def test_http_overrides(client, case: Case) -> None:
    body = b'{"text": ' + json.dumps(case.data.decode()).encode() + b', "overrides": ' + _json_overrides(case.overrides) + b"}"
    with hang_guard("json:" + case.id):
        check_http(case.id, client.post("/v1/analyze", content=body, headers={"Content-Type": "application/json"}))
    with hang_guard("upload-overrides:" + case.id):
        form = {"overrides": _json_overrides(case.overrides).decode()}
        check_http(case.id, client.post("/v1/analyze/upload", files={"file": (case.name, case.data)}, data=form))


RAW_BODIES: list[tuple[str, bytes]] = [
    ("lone-surrogate-text", b'{"text": "Hello \\ud800 world. The committee met today and agreed."}'),
    ("lone-low-surrogate", b'{"text": "\\udc00\\udc00 The committee met today."}'),
    ("nan-override", b'{"text": "The committee met today.", "overrides": {"summary.diversity": NaN}}'),
    ("5000-digit-override", b'{"text": "The committee met today.", "overrides": {"summary.sentences": ' + b"9" * 5000 + b"}}"),
    ("5000-digit-text-field", b'{"text": ' + b"9" * 5000 + b"}"),
    ("empty-list-override", b'{"text": "The committee met today.", "overrides": {"quiz.types": []}}'),
    ("text-null", b'{"text": null}'),
    ("text-number", b'{"text": 5}'),
    ("text-list", b'{"text": ["a"]}'),
    ("format-bad", b'{"text": "hi", "format": "pdf"}'),
    ("overrides-list", b'{"text": "hi", "overrides": []}'),
    ("deep-nesting", b'{"text": "hi", "overrides": ' + b"[" * 20000 + b"]" * 20000 + b"}"),
    ("not-json", b"this is not json"),
    ("empty-body", b""),
    ("invalid-utf8", b'{"text": "\xff\xfe bad bytes"}'),
    ("utf16-body", '{"text": "The committee met today."}'.encode("utf-16")),
    ("nul-in-text", b'{"text": "The committee\\u0000 met today and agreed on the budget."}'),
    ("huge-key", b'{"text": "hi", "overrides": {"' + b"k" * 100000 + b'": 1}}'),
    ("extra-field", b'{"text": "hi", "evil": 1}'),
    ("duplicate-text", b'{"text": "first", "text": "The committee met today and agreed."}'),
]


@pytest.mark.parametrize(("case_id", "body"), RAW_BODIES, ids=[c for c, _ in RAW_BODIES])
def test_http_hostile_json_bodies(client, case_id: str, body: bytes) -> None:
    with hang_guard("raw:" + case_id):
        check_http(case_id, client.post("/v1/analyze", content=body, headers={"Content-Type": "application/json"}))
