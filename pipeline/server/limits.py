"""ASGI middleware: request body size limit, content-type checks, security headers.

The size limit is enforced twice: a ``Content-Length`` over the limit is answered with 413
before a byte of the body is read, and a body without one (chunked) is counted as it streams
and cut off with 413 as soon as it passes the limit. Nothing larger than the limit is held
in memory.
"""

from __future__ import annotations

import json
from typing import Any, Awaitable, Callable

from starlette.exceptions import HTTPException

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: served page: scripts and styles only from our own files, no inline script, no framing
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
)

#: path -> (accepted media types, what to tell a client that sent something else)
CONTENT_TYPES = {
    "/v1/analyze": (("application/json",), "send the transcript as JSON: Content-Type: application/json"),
    "/v1/analyze/upload": (("multipart/form-data",), "upload the file as multipart/form-data with a 'file' field"),
}


class BodyTooLarge(HTTPException):
    """Raised from ``receive`` when a streamed body passes the limit. An HTTPException, so
    that FastAPI's body parsing passes it on unchanged and it becomes a 413 response."""

    def __init__(self, detail: str) -> None:
        super().__init__(status_code=413, detail=detail, headers={"Connection": "close"})


async def send_json(send: Send, status: int, payload: dict[str, Any], extra_headers: tuple = ()) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()), *extra_headers]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class GuardMiddleware:
    """Body size limit (413), media type check on the analyse routes (415), security headers."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    def _too_large_message(self) -> str:
        mb = self.max_body_bytes / (1024 * 1024)
        return f"request body too large: the limit is {mb:g} MB ({self.max_body_bytes} bytes); send a smaller transcript"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message = dict(message)
                message["headers"] = [*message.get("headers", []), *(h for h in SECURITY_HEADERS if h[0] not in names)]
            await send(message)

        headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope.get("headers", [])}
        if scope["method"] == "POST" and scope["path"] in CONTENT_TYPES:
            accepted, hint = CONTENT_TYPES[scope["path"]]
            media_type = headers.get("content-type", "").split(";")[0].strip().lower()
            if media_type not in accepted:
                got = media_type or "none"
                await send_json(send_with_headers, 415, {"error": "unsupported_media_type", "detail": f"unsupported Content-Type {got!r}: {hint}"})
                return
        length = headers.get("content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                await send_json(send_with_headers, 400, {"error": "bad_request", "detail": "invalid Content-Length header"})
                return
            if declared > self.max_body_bytes:
                # Connection: close, so the client stops sending the rest of the body.
                await send_json(send_with_headers, 413, {"error": "too_large", "detail": self._too_large_message()}, ((b"connection", b"close"),))
                return

        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise BodyTooLarge(self._too_large_message())
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send_with_headers(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            if not started:
                await send_json(send_with_headers, 413, {"error": "too_large", "detail": self._too_large_message()}, ((b"connection", b"close"),))
