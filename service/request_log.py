"""One log line per request that says what happened without leaking secrets (a pure ASGI middleware).

``GET /sparql status=200 ms=3.1 q=1f3a9c0b2d4e "SELECT ?s WHERE { ?s a fz:AnnualReport } LIMIT…"``:
method, path, status, duration, and for a SPARQL query or update (URL or form parameter, or a
``application/sparql-query``/``-update`` body) a short hash and its first characters. The query
string itself is never logged whole; parameters that look like credentials (``token``, ``key``,
``password`` …) are never logged, nor are any request headers (``Authorization``, cookies).
Replaces uvicorn's access log, which prints the raw URL.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sys
import time
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOGGER = "fazhi.access"
HEAD_CHARS = 80
#: Parameters logged by name only (their values may be credentials).
SECRET_WORDS = ("token", "key", "pass", "secret", "auth", "session", "cookie", "signature", "sig")
QUERY_PARAMS = ("query", "update")
SPARQL_BODIES = (b"application/sparql-query", b"application/sparql-update")
FORM = b"application/x-www-form-urlencoded"
MAX_PEEK = 64_000  # bytes of a body kept to find the query in it


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _clean(text: str) -> str:
    """No control characters (a client must not be able to forge log lines)."""
    return _CONTROL.sub("?", text)


def _is_secret(name: str) -> bool:
    lowered = name.lower()
    return any(word in lowered for word in SECRET_WORDS)


def describe_query(text: str) -> str:
    """``q=<12 hex of sha256> "<first characters, one line>"``."""
    digest = hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:12]
    head = _clean(" ".join(text.split()))
    if len(head) > HEAD_CHARS:
        head = head[:HEAD_CHARS] + "…"
    return f'q={digest} "{head}"'


def describe_params(query_string: str) -> str:
    """Parameter names of the URL, with credential-like ones marked as redacted (values never logged)."""
    names = []
    for name, _ in parse_qsl(query_string, keep_blank_values=True):
        names.append(f"{_clean(name)[:40]}=[redacted]" if _is_secret(name) else _clean(name)[:40])
    return " params=" + ",".join(dict.fromkeys(names)) if names else ""


def _query_in(query_string: str, body: bytes, content_type: bytes) -> str | None:
    for name, value in parse_qsl(query_string, keep_blank_values=True):
        if name in QUERY_PARAMS:
            return value
    if content_type in SPARQL_BODIES:
        return body.decode("utf-8", "replace")
    if content_type == FORM:
        for name, value in parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True):
            if name in QUERY_PARAMS:
                return value
    return None


def enable_access_log() -> None:
    """Turn the access log on (``fazhi serve --access-log``): INFO lines on stderr."""
    log = logging.getLogger(LOGGER)
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
        log.addHandler(handler)
    log.setLevel(logging.INFO)


def access_log_enabled() -> bool:
    return logging.getLogger(LOGGER).isEnabledFor(logging.INFO)


class RequestLogMiddleware:
    """Log each HTTP request once it is answered (or fails)."""

    def __init__(self, app: ASGIApp):
        self.app = app
        self.log = logging.getLogger(LOGGER)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500  # if the app raises before answering
        peeked: list[bytes] = []
        size = 0

        async def peeking_receive() -> Message:
            nonlocal size
            message = await receive()
            if message["type"] == "http.request" and size < MAX_PEEK:
                chunk = message.get("body", b"")[: MAX_PEEK - size]
                peeked.append(chunk)
                size += len(chunk)
            return message

        async def status_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, peeking_receive, status_send)
        finally:
            self._log(scope, status, (time.perf_counter() - started) * 1000, b"".join(peeked))

    def _log(self, scope: Scope, status: int, ms: float, body: bytes) -> None:
        query_string = scope.get("query_string", b"").decode("latin-1")
        content_type = b""
        for name, value in scope.get("headers", []):
            if name == b"content-type":
                content_type = value.split(b";")[0].strip().lower()
        query = _query_in(query_string, body, content_type)
        line = f"{_clean(scope.get('method', '?'))} {_clean(scope.get('path', '?'))} status={status} ms={ms:.1f}"
        if query is not None:
            line += " " + describe_query(query)
        line += describe_params(query_string)
        self.log.log(logging.WARNING if status >= 500 else logging.INFO, line)
