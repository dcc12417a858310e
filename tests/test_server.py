"""The HTTP API against a real uvicorn server on 127.0.0.1 (``transcript-pipeline serve``)."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("uvicorn")
httpx = pytest.importorskip("httpx")

from _server_helpers import ServerProcess  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "resources" / "samples"
ARTIFACTS = ROOT / "tests" / "artifacts"
LIMIT_MB = 1
XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'


@pytest.fixture(scope="module")
def server():
    ARTIFACTS.mkdir(exist_ok=True)
    srv = ServerProcess("--workers", "1", "--max-body-mb", str(LIMIT_MB), "--timeout", "120", log_path=ARTIFACTS / "server_test.log")
    srv.start()
    yield srv
    # graceful shutdown: SIGTERM ends the server and stops its worker processes
    workers = srv.workers()
    assert workers
    assert srv.stop() in (0, -15)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists() and "zombie" not in _state(pid)]


@pytest.fixture(scope="module")
def client(server):
    with httpx.Client(base_url=server.url, timeout=120) as c:
        yield c


@pytest.fixture(scope="module")
def podcast() -> str:
    return (SAMPLES / "podcast.txt").read_text(encoding="utf-8")


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/status").read_text().lower()
    except OSError:
        return "zombie"


def _raw(port: int, head: bytes, body_parts=(), read_timeout: float = 60.0) -> bytes:
    """Send raw bytes (tolerating a server that closes early) and return the raw response."""
    with socket.create_connection(("127.0.0.1", port), timeout=read_timeout) as sock:
        try:
            sock.sendall(head)
            for part in body_parts:
                sock.sendall(part)
        except (BrokenPipeError, ConnectionResetError):
            pass
        chunks = []
        try:
            while True:
                data = sock.recv(65536)
                if not data:
                    break
                chunks.append(data)
                if b"\r\n\r\n" in b"".join(chunks) and _complete(b"".join(chunks)):
                    break
        except ConnectionResetError:
            pass
    return b"".join(chunks)


def _complete(response: bytes) -> bool:
    head, _, body = response.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return False


def _status(response: bytes) -> int:
    return int(response.split(b" ", 2)[1])


# ---- service endpoints -------------------------------------------------------------------


def test_health_version_and_openapi(client) -> None:
    health = client.get("/v1/health").json()
    assert health["status"] == "ok" and health["workers"] == 1
    version = client.get("/v1/version").json()
    assert version["schema_version"] == "2" and version["package_version"]
    assert "summary.sentences" in version["config_keys"] and "model" not in version["config_keys"]
    # the model is named as every result names it (package==version), not by the setting
    result = client.post("/v1/analyze", json={"text": "Bees dance to show where the flowers are."}).json()
    assert version["model"] == result["meta"]["model"] and "==" in version["model"]
    spec = client.get("/openapi.json").json()
    assert {"/v1/analyze", "/v1/analyze/upload", "/v1/health", "/v1/version"} <= set(spec["paths"])
    assert "AnalyzeRequest" in json.dumps(spec["components"])


def test_page_and_assets_are_served_with_a_strict_csp(client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "<script>" not in page.text  # no inline script: only files from /static
    for name in ("app.js", "report.js", "style.css"):
        assert client.get(f"/static/{name}").status_code == 200
    sample = client.get("/v1/sample")
    assert sample.status_code == 200 and sample.headers["x-transcript-format"] == "srt"


# ---- analysis ------------------------------------------------------------------------------


def test_analyze_json_returns_the_result_contract(client, podcast) -> None:
    response = client.post("/v1/analyze", json={"text": podcast})
    assert response.status_code == 200, response.text
    result = response.json()
    assert {"schema_version", "title", "summary", "keywords", "sentiment", "quiz", "sentences", "meta", "text"} <= set(result)
    assert result["title"] and result["summary"] and result["keywords"]
    text = result["text"]
    for kw in result["keywords"]:
        for start, end in kw["spans"]:
            assert 0 <= start < end <= len(text)
    for item in result["quiz"]:
        assert item["answer"] in item["options"] or item["type"] == "true_false"
    # deterministic: the same request gives the same bytes
    assert client.post("/v1/analyze", json={"text": podcast}).content == response.content


def test_caption_content_with_format_and_overrides(client) -> None:
    srt = (SAMPLES / "talk.srt").read_text(encoding="utf-8")
    response = client.post("/v1/analyze", json={"text": srt, "format": "srt", "overrides": {"keywords.top_k": 3, "quiz.questions": 2}})
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["meta"]["input_format"] == "srt"
    assert 1 <= len(result["keywords"]) <= 3 and len(result["quiz"]) <= 2
    assert result["sentences"][0]["start"] is not None  # times come from the captions


def test_upload_files(client) -> None:
    for name in ("talk.srt", "podcast.txt"):
        data = (SAMPLES / name).read_bytes()
        response = client.post("/v1/analyze/upload", files={"file": (name, data)})
        assert response.status_code == 200, response.text
        assert response.json()["meta"]["source"] == name
    vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nSolar power is cheap and clean.\n\n00:00:04.000 --> 00:00:08.000\nMany homes now use solar power every day.\n"
    response = client.post("/v1/analyze/upload", files={"file": ("../../etc/x.vtt", vtt.encode())}, data={"overrides": '{"quiz.questions": 1}'})
    assert response.status_code == 200, response.text
    assert response.json()["meta"]["input_format"] == "vtt"
    assert response.json()["meta"]["source"] == "x.vtt"  # only the base name is kept


def test_markup_in_the_transcript_comes_back_as_plain_data(client) -> None:
    text = f"Speaker 1: The web form showed {XSS} when x < 3 and y > 2. Speaker 2: We fixed the web form by escaping &lt;b&gt; tags."
    response = client.post("/v1/analyze", json={"text": text})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/json")
    # data, not markup: what is left after cleaning comes back verbatim (the page shows it as text)
    assert "x < 3 and y > 2" in response.json()["text"] and "&lt;b&gt;" in response.json()["text"]


# ---- bad input -----------------------------------------------------------------------------


def test_empty_and_malformed_bodies(client) -> None:
    empty = client.post("/v1/analyze", content=b"", headers={"content-type": "application/json"})
    assert empty.status_code == 422 and empty.json()["detail"][0]["loc"][0] == "body"
    blank = client.post("/v1/analyze", json={"text": "   "})
    assert blank.status_code == 422
    assert blank.json()["detail"][0]["loc"] == ["body", "text"] and "empty" in blank.json()["detail"][0]["msg"]
    missing = client.post("/v1/analyze", json={"txt": "hello"})
    assert missing.status_code == 422
    assert {tuple(d["loc"]) for d in missing.json()["detail"]} == {("body", "text"), ("body", "txt")}
    bad_format = client.post("/v1/analyze", json={"text": "hello there", "format": "pdf"})
    assert bad_format.status_code == 422 and bad_format.json()["detail"][0]["loc"] == ["body", "format"]
    broken = client.post("/v1/analyze", content=b'{"text": "hi', headers={"content-type": "application/json"})
    assert broken.status_code == 422


def test_wrong_content_type_is_415(client) -> None:
    response = client.post("/v1/analyze", content=b"Hello there. This is text.", headers={"content-type": "text/plain"})
    assert response.status_code == 415 and "application/json" in response.json()["detail"]
    upload = client.post("/v1/analyze/upload", json={"text": "hello"})
    assert upload.status_code == 415 and "multipart/form-data" in upload.json()["detail"]
    no_file = client.post("/v1/analyze/upload", files={"other": ("a.txt", b"hello")})
    assert no_file.status_code == 422 and no_file.json()["detail"][0]["loc"] == ["body", "file"]


def test_invalid_utf8(client) -> None:
    response = client.post("/v1/analyze", content=b'{"text": "caf\xe9 \xff\xfe bad"}', headers={"content-type": "application/json"})
    assert response.status_code == 422 and "UTF-8" in response.json()["detail"][0]["msg"]
    # an uploaded file may be in any encoding: it is detected, or refused with a clear 422
    upload = client.post("/v1/analyze/upload", files={"file": ("latin.txt", "Caf\u00e9 culture is great. People love caf\u00e9 culture.".encode("latin-1"))})
    assert upload.status_code == 200, upload.text
    binary = client.post("/v1/analyze/upload", files={"file": ("noise.txt", bytes(range(256)) * 8)})
    assert binary.status_code == 422 and binary.json()["detail"][0]["loc"] == ["body", "file"]


def test_unknown_bad_and_forbidden_overrides_name_the_field(client) -> None:
    unknown = client.post("/v1/analyze", json={"text": "Hello there.", "overrides": {"summary.sentencez": 3}})
    assert unknown.status_code == 422
    detail = unknown.json()["detail"][0]
    assert detail["loc"] == ["body", "overrides", "summary.sentencez"] and "summary.sentences" in detail["msg"]
    bad = client.post("/v1/analyze", json={"text": "Hello there.", "overrides": {"quiz.questions": -1}})
    assert bad.status_code == 422 and bad.json()["detail"][0]["loc"] == ["body", "overrides", "quiz.questions"]
    forbidden = client.post("/v1/analyze", json={"text": "Hello there.", "overrides": {"model": "/tmp/evil"}})
    assert forbidden.status_code == 422 and forbidden.json()["detail"][0]["loc"] == ["body", "overrides", "model"]
    not_json = client.post("/v1/analyze/upload", files={"file": ("a.txt", b"Hello there.")}, data={"overrides": "{nope"})
    assert not_json.status_code == 422 and not_json.json()["detail"][0]["loc"] == ["body", "overrides"]


def test_body_over_the_limit_is_413_before_it_is_read(server) -> None:
    # Declares 50 MB and sends none of it: the answer must come at once.
    head = (
        f"POST /v1/analyze/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\n"
        f"Content-Length: {50 * 1024 * 1024}\r\n\r\n"
    ).encode()
    response = _raw(server.port, head)
    assert _status(response) == 413
    assert b"too large" in response and f"{LIMIT_MB} MB".encode() in response


def test_streamed_body_over_the_limit_is_cut_off(server) -> None:
    # Chunked, so no Content-Length: the server counts bytes as they arrive.
    head = b"POST /v1/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunk = b"a" * (256 * 1024)
    parts = [b'4\r\n{"te\r\n'] + [b"%x\r\n" % len(chunk) + chunk + b"\r\n"] * (3 * LIMIT_MB * 4) + [b"0\r\n\r\n"]
    response = _raw(server.port, head, parts)
    assert _status(response) == 413


def test_a_50_mb_upload_is_refused(client) -> None:
    big = b"word " * (10 * 1024 * 1024)  # 50 MB
    try:
        response = client.post("/v1/analyze/upload", files={"file": ("big.txt", big)})
    except (httpx.WriteError, httpx.RemoteProtocolError, httpx.ReadError):
        return  # the server answered 413 and closed while the client was still sending
    assert response.status_code == 413


def test_client_disconnecting_mid_request_leaves_the_server_healthy(server, client, podcast) -> None:
    body = json.dumps({"text": podcast * 3}).encode()
    head = f"POST /v1/analyze HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n".encode()
    for cut in (len(body) // 2, len(body)):  # mid-body, and right after the body
        with socket.create_connection(("127.0.0.1", server.port)) as sock:
            sock.sendall(head + body[:cut])
        # the connection is closed: the server drops or discards the job
    # the one worker is not wedged: a new request is answered (after any discarded job) ...
    assert client.post("/v1/analyze", json={"text": "Solar power is cheap. Many homes use solar power."}).status_code == 200
    # ... and the worker is back in the pool, not replaced
    health = client.get("/v1/health").json()
    assert health["idle"] == 1 and health["replaced"] == 0
