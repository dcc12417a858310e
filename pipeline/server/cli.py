"""``transcript-pipeline serve``: the HTTP API and web page on uvicorn.

Registered by :mod:`pipeline.cli`, which also adds ``--config``, ``--set`` and ``--debug``.
"""

from __future__ import annotations

import argparse
import os

HELP = "serve the HTTP API and the web page (FastAPI + uvicorn, CPU only)"
DESCRIPTION = (
    "Serve POST /v1/analyze, POST /v1/analyze/upload, GET /v1/health, GET /v1/version, "
    "the OpenAPI document at /openapi.json and the web page at /. Analysis runs in a pool "
    "of worker processes with the pipeline preloaded. Listens on 127.0.0.1 unless --host says otherwise."
)


def _default_workers() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="TCP port (default: 8000)")
    parser.add_argument("--workers", type=int, default=_default_workers(), metavar="N", help="analysis worker processes (default: CPU count, at most 4)")
    parser.add_argument("--max-body-mb", type=float, default=10.0, metavar="MB", help="largest request body in megabytes; larger ones get 413 (default: 10)")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS", help="time limit for one analysis; past it the answer is 504 (default: 60)")
    parser.add_argument("--cache-size", type=int, default=4, metavar="N", help="pipelines (distinct config overrides) each worker keeps loaded (default: 4)")
    parser.add_argument("--log-level", default="info", choices=("critical", "error", "warning", "info", "debug"), help="uvicorn log level (default: info)")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from ..cli import config_from_args
    from .app import ServerSettings, create_app

    settings = ServerSettings(
        config=config_from_args(args),
        workers=args.workers,
        max_body_bytes=int(args.max_body_mb * 1024 * 1024),
        timeout=args.timeout,
        cache_size=max(1, args.cache_size),
    )
    app = create_app(settings)
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host=args.host,
            port=args.port,
            log_level="debug" if getattr(args, "debug", False) else args.log_level,
            # On SIGTERM/Ctrl-C uvicorn stops accepting, lets running requests finish for up to
            # this long, then the lifespan stops the workers.
            timeout_graceful_shutdown=int(settings.timeout) + 5,
            access_log=True,
        )
    )
    server.run()
    return 0
