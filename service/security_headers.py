"""Security headers on every response (a pure ASGI middleware).

All responses: ``X-Content-Type-Options: nosniff``, ``Referrer-Policy``, ``X-Frame-Options: DENY``,
``Cross-Origin-Opener-Policy`` and a Content-Security-Policy. HTML pages get a policy that allows
the project's own scripts, styles, images and fetches (YASGUI and Cytoscape are vendored) and, for
inline ``<script>`` elements, exactly their SHA-256 hashes (computed from the page as served, so a
page may keep its small inline script without ``'unsafe-inline'``). Inline styles stay allowed
(YASGUI sets them). Other responses get ``default-src 'none'``: nothing in a JSON or RDF answer
runs if a browser is tricked into rendering it. Headers a route set itself are kept. An unhandled error
is answered here with a bare "Internal Server Error" (so it carries the headers too) and re-raised for the log.
"""

from __future__ import annotations

import base64
import hashlib
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

COMMON = {
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"same-origin",
    b"x-frame-options": b"DENY",
    b"cross-origin-opener-policy": b"same-origin",
}
NON_HTML_CSP = "default-src 'none'; frame-ancestors 'none'"
HTML_CSP = ("default-src 'self'; script-src 'self'{hashes}; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
_INLINE_SCRIPT = re.compile(rb"<script(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)


def html_policy(body: bytes) -> str:
    """The Content-Security-Policy of an HTML page: its inline scripts allowed by hash."""
    hashes = sorted({
        "'sha256-" + base64.b64encode(hashlib.sha256(m.group(1)).digest()).decode() + "'"
        for m in _INLINE_SCRIPT.finditer(body)
    })
    return HTML_CSP.format(hashes="".join(" " + h for h in hashes))


class SecurityHeadersMiddleware:
    """Add the security headers; buffer HTML bodies (small pages) to hash their inline scripts."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start: Message | None = None
        chunks: list[bytes] = []
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal start, started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in COMMON.items() if k not in present]
                is_html = any(n.lower() == b"content-type" and v.lower().startswith(b"text/html") for n, v in headers)
                if b"content-security-policy" in present:
                    is_html = False  # the route chose its own policy
                elif not is_html:
                    headers.append((b"content-security-policy", NON_HTML_CSP.encode()))
                message = {**message, "headers": headers}
                if is_html:  # wait for the body to hash its inline scripts
                    start = message
                    return
                await send(message)
                return
            if message["type"] == "http.response.body" and start is not None:
                chunks.append(message.get("body", b""))
                if message.get("more_body", False):
                    return
                body = b"".join(chunks)
                headers = [*start["headers"], (b"content-security-policy", html_policy(body).encode())]
                await send({**start, "headers": headers})
                await send({"type": "http.response.body", "body": body})
                return
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            if not started:  # answer the generic 500 here, with the headers; the server still logs the error
                await send_with_headers({"type": "http.response.start", "status": 500,
                                         "headers": [(b"content-type", b"text/plain; charset=utf-8")]})
                await send_with_headers({"type": "http.response.body", "body": b"Internal Server Error"})
            raise
