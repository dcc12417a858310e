"""The HTTP API and the web page (FastAPI). Build the app with :func:`create_app`.

Routes: ``POST /v1/analyze`` (JSON), ``POST /v1/analyze/upload`` (multipart file),
``GET /v1/health``, ``GET /v1/version``, ``GET /v1/sample``, ``GET /openapi.json``, the page
at ``/`` and its files under ``/static/``. Analysis runs in a :class:`~.workers.WorkerPool`,
never on the event loop.

Errors are JSON ``{"error": kind, "detail": ...}``: 413 body too large, 415 wrong
Content-Type, 422 invalid input (``detail`` is a list of ``{"loc", "msg", "type"}`` naming
the offending field, as FastAPI does), 500 internal error, 503 shutting down, 504 time limit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, AsyncIterator, Literal

from fastapi import FastAPI, File, Form, Request, UploadFile
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..config import Config, valid_keys
from ..errors import ConfigError
from ..model import describe_model
from ..result import SCHEMA_VERSION
from .limits import GuardMiddleware
from .workers import Job, JobFailed, JobTimeout, PoolClosed, WorkerCrashed, WorkerPool

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
FORMATS = ("text", "srt", "vtt", "json")
#: config keys a request may not change: they are the server operator's limits and choices
#: (``model`` would load an arbitrary spaCy package or path on the server)
SERVER_ONLY_KEYS = ("input.max_chars", "model")
MAX_FILENAME = 200


@dataclass(frozen=True, kw_only=True)
class ServerSettings:
    """How the server runs. ``max_body_bytes``: largest request body; ``timeout``: seconds
    one analysis may take (504 after that); ``workers``: analysis processes;
    ``cache_size``: Pipelines (configs) each worker keeps."""

    config: Config = field(default_factory=Config)
    workers: int = 1
    max_body_bytes: int = 10 * 1024 * 1024
    timeout: float = 60.0
    cache_size: int = 4

    def __post_init__(self) -> None:
        if self.workers < 1:
            raise ConfigError(f"--workers must be >= 1, got {self.workers}")
        if self.max_body_bytes < 1024:
            raise ConfigError(f"--max-body-mb must allow at least 1 KB, got {self.max_body_bytes} bytes")
        if not self.timeout > 0:
            raise ConfigError(f"--timeout must be > 0 seconds, got {self.timeout}")


class AnalyzeRequest(BaseModel):
    """A transcript to analyse: plain text (optionally with ``Speaker:`` labels and
    timestamps) or caption content (SRT, WebVTT, JSON captions) with its ``format``."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the transcript, or the caption file's content")
    format: Literal["text", "srt", "vtt", "json"] | None = Field(
        default=None, description="input format; omitted: detected from the content"
    )
    overrides: dict[str, Any] = Field(
        default_factory=dict,
        description='config overrides with dotted keys, e.g. {"summary.sentences": 3, "quiz.questions": 4}',
        examples=[{"summary.sentences": 3, "keywords.top_k": 8}],
    )


def create_app(settings: ServerSettings | None = None, *, pool: WorkerPool | None = None) -> FastAPI:
    """The ASGI app. Its lifespan starts the worker pool (``settings.workers`` processes,
    each loading the pipeline) and stops it on shutdown."""
    settings = settings or ServerSettings()
    base_config = settings.config
    pool = pool or WorkerPool(base_config.to_dict(), workers=settings.workers, cache_size=settings.cache_size)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await pool.astart()
        log.info("worker pool ready: %d process(es)", pool.size)
        try:
            yield
        finally:
            await pool.aclose()

    app = FastAPI(
        title="transcript-pipeline",
        version=__version__,
        description=(
            "Title, extractive summary, key phrases, tone and a quiz for a spoken-word transcript. "
            "Classical, deterministic NLP on the CPU. The result is the JSON of DESIGN.md §4, plus "
            "`text`, the cleaned transcript that all character offsets (`sentences[].start_char`, "
            "`keywords[].spans`) refer to."
        ),
        lifespan=lifespan,
        docs_url=None,  # the Swagger/ReDoc pages load scripts from a CDN; the page works offline
        redoc_url=None,
    )
    app.state.pool = pool
    app.state.settings = settings
    app.add_middleware(GuardMiddleware, max_body_bytes=settings.max_body_bytes)

    # ---- errors -----------------------------------------------------------------------

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
            for e in exc.errors()
        ]
        return JSONResponse({"error": "validation", "detail": detail}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        cause = exc.__cause__
        if exc.status_code == 400 and isinstance(cause, UnicodeDecodeError):  # FastAPI's body parsing
            msg = f"the request body is not valid UTF-8 (byte {cause.start}: {cause.reason}); JSON must be UTF-8"
            return JSONResponse({"error": "validation", "detail": [{"loc": ["body"], "msg": msg, "type": "unicode_decode"}]}, status_code=422)
        if exc.status_code == 400 and isinstance(cause, (ValueError, RecursionError)):  # json.loads: 5,000 digits, deep nesting
            msg = f"the request body cannot be read as JSON: {_first_clause(cause)}"
            return JSONResponse({"error": "validation", "detail": [{"loc": ["body"], "msg": msg, "type": "json_invalid"}]}, status_code=422)
        kind = {413: "too_large", 404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http")
        return JSONResponse({"error": kind, "detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    # ---- API --------------------------------------------------------------------------

    @app.post(
        "/v1/analyze",
        summary="Analyse a transcript sent as JSON",
        response_description="the analysis result (DESIGN.md §4 JSON, plus `text`)",
        responses=_ERROR_RESPONSES,
    )
    async def analyze(body: AnalyzeRequest, request: Request) -> Response:
        overrides = _check_overrides(body.overrides, base_config, ("body", "overrides"))
        job = Job(text=body.text, name="<request>", format=body.format, overrides=overrides)
        return await _run(request, job, ("body", "text"))

    @app.post(
        "/v1/analyze/upload",
        summary="Analyse an uploaded transcript file (txt, srt, vtt, json)",
        response_description="the analysis result (DESIGN.md §4 JSON, plus `text`)",
        responses=_ERROR_RESPONSES,
    )
    async def analyze_upload(
        request: Request,
        file: UploadFile = File(description="the transcript file: .txt, .srt, .vtt or .json; any text encoding"),
        format: Literal["text", "srt", "vtt", "json"] | None = Form(default=None, description="omitted: from the file name, else detected"),  # noqa: A002
        overrides: str | None = Form(default=None, description='config overrides as a JSON object, e.g. {"quiz.questions": 3}'),
    ) -> Response:
        parsed = _parse_overrides_field(overrides)
        checked = _check_overrides(parsed, base_config, ("body", "overrides"))
        data = await file.read()
        name = PurePosixPath((file.filename or "upload").replace("\\", "/")).name[:MAX_FILENAME] or "upload"
        return await _run(request, Job(data=data, name=name, format=format, overrides=checked), ("body", "file"))

    @app.get("/v1/health", summary="Liveness and readiness")
    async def health() -> JSONResponse:
        ready = bool(pool.pids)
        payload = {"status": "ok" if ready else "starting", "workers": len(pool.pids), "idle": pool.idle, "replaced": pool.replaced}
        return JSONResponse(payload, status_code=200 if ready else 503)

    @app.get("/v1/version", summary="Package, schema and model versions")
    async def version() -> dict[str, Any]:
        return {
            "package_version": __version__,
            "schema_version": SCHEMA_VERSION,
            # the package that runs, as every result's meta.model names it
            "model": describe_model(base_config.model),
            "model_setting": base_config.model,
            "config_fingerprint": base_config.fingerprint(),
            "formats": list(FORMATS),
            "config_keys": [k for k in valid_keys() if k not in SERVER_ONLY_KEYS],
            "limits": {"max_body_bytes": settings.max_body_bytes, "timeout_seconds": settings.timeout},
        }

    @app.get("/v1/sample", summary="The bundled sample transcript", response_class=PlainTextResponse)
    async def sample() -> Response:
        from ..cli import sample_path

        path = sample_path()
        if not path.is_file():
            return JSONResponse({"error": "not_found", "detail": "no sample transcript in this installation"}, status_code=404)
        fmt = {".srt": "srt", ".vtt": "vtt", ".json": "json"}.get(path.suffix.lower(), "text")
        return PlainTextResponse(path.read_text(encoding="utf-8"), headers={"X-Transcript-Format": fmt, "Cache-Control": "no-cache"})

    # ---- the page ---------------------------------------------------------------------

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    async def _run(request: Request, job: Job, loc: tuple[str, ...]) -> Response:
        """Run ``job`` in the pool; answer 499-style nothing if the client leaves first."""
        work = asyncio.ensure_future(pool.run(job, settings.timeout))
        gone = asyncio.ensure_future(_disconnected(request))
        try:
            await asyncio.wait({work, gone}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            gone.cancel()
        if not work.done():
            work.cancel()  # the client went away: drop the job (or discard its result)
            with contextlib.suppress(BaseException):
                await work
            log.info("client disconnected; request dropped")
            return Response(status_code=499)
        try:
            body = work.result()
        except JobFailed as exc:
            if exc.kind == "internal":
                log.error("internal error while analysing %s: %s", job.name, exc.message)
                return JSONResponse({"error": "internal", "detail": "internal error while analysing the transcript"}, status_code=500)
            status = 413 if "too large" in exc.message or "too long" in exc.message else 422
            detail: Any = exc.message if status == 413 else [{"loc": list(loc), "msg": exc.message, "type": exc.kind}]
            return JSONResponse({"error": "too_large" if status == 413 else exc.kind, "detail": detail}, status_code=status)
        except JobTimeout as exc:
            return JSONResponse({"error": "timeout", "detail": f"{exc}; try a shorter transcript"}, status_code=504)
        except WorkerCrashed as exc:
            return JSONResponse({"error": "internal", "detail": str(exc)}, status_code=500)
        except PoolClosed as exc:
            return JSONResponse({"error": "unavailable", "detail": str(exc)}, status_code=503, headers={"Retry-After": "5"})
        return Response(body, media_type="application/json")

    return app


async def _disconnected(request: Request) -> None:
    """Returns when the client closes the connection (the body has been read already)."""
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            return


def _first_clause(exc: BaseException) -> str:
    """The first clause of an error message ("Exceeds the limit (4300 digits) for integer
    string conversion"), or its kind when it has none, at most 150 characters."""
    text = str(exc).split(";")[0].strip() or type(exc).__name__
    return text[:150]


def _parse_overrides_field(raw: str | None) -> dict[str, Any]:
    import json

    if raw is None or not raw.strip():
        return {}
    try:
        value = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise _invalid(("body", "overrides"), f"overrides must be a JSON object: {exc.msg} at column {exc.colno}", "json_invalid") from None
    except (ValueError, RecursionError) as exc:  # a 5,000-digit number, nesting thousands deep
        raise _invalid(("body", "overrides"), f"overrides cannot be read: {_first_clause(exc)}", "json_invalid") from None
    if not isinstance(value, dict):
        raise _invalid(("body", "overrides"), "overrides must be a JSON object of dotted config keys", "dict_type")
    return value


def _check_overrides(overrides: dict[str, Any], base: Config, loc: tuple[str, ...]) -> dict[str, Any]:
    """Validate each override key and value here, in the server, so the error names the
    field; the worker then only builds the (valid) config."""
    allowed = [k for k in valid_keys() if k not in SERVER_ONLY_KEYS]
    errors = []
    for key in sorted(overrides):
        value = overrides[key]
        if key in SERVER_ONLY_KEYS:
            errors.append({"loc": [*loc, key], "msg": f"{key!r} is set by the server operator and cannot be changed per request", "type": "config"})
            continue
        if key not in allowed:
            errors.append({"loc": [*loc, key], "msg": f"unknown config key {key!r}; valid keys: {', '.join(allowed)}", "type": "config"})
            continue
        try:
            Config.from_overrides({key: value}, base=base)
        except ConfigError as exc:
            errors.append({"loc": [*loc, key], "msg": str(exc), "type": "config"})
    if not errors:
        try:
            Config.from_overrides(overrides, base=base)
        except ConfigError as exc:  # a combination that is invalid although each value is fine
            errors.append({"loc": list(loc), "msg": str(exc), "type": "config"})
    if errors:
        raise RequestValidationError(errors)
    return dict(sorted(overrides.items()))


def _invalid(loc: tuple[str, ...], msg: str, kind: str) -> RequestValidationError:
    return RequestValidationError([{"loc": list(loc), "msg": msg, "type": kind}])


_ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    413: {"description": "request body larger than the server's limit"},
    415: {"description": "wrong Content-Type"},
    422: {"description": "invalid input or config override; `detail[].loc` names the field"},
    504: {"description": "the analysis took longer than the server's time limit"},
}
