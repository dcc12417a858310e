"""The HTTP server and web page (``transcript-pipeline serve``).

FastAPI, uvicorn and python-multipart are ordinary dependencies of the package, so the
server runs after a plain ``pip install``. Importing this package is cheap; :func:`create_app` is in :mod:`pipeline.server.app`.
"""

from __future__ import annotations

__all__ = ["create_app"]


def __getattr__(name: str):
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(name)
