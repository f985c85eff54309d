"""Who may write: SPARQL Update and Graph Store writes need the bearer token (or ``--allow-update``)."""

from __future__ import annotations

import hmac

from fastapi import Request
from fastapi.responses import PlainTextResponse

from service.settings import Settings


def update_refusal(request: Request) -> PlainTextResponse | None:
    """``None`` when the request may write; otherwise the 401/403 answer to send (nothing changes)."""
    settings: Settings = request.app.state.settings
    if settings.allow_update:
        return None
    if not settings.update_token:
        return PlainTextResponse("Forbidden: this endpoint is read-only (updates are disabled).", status_code=403)
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return PlainTextResponse(
            "Unauthorized: updates need 'Authorization: Bearer <token>'.",
            status_code=401,
            headers={"WWW-Authenticate": 'Bearer realm="fazhi"'},
        )
    if not hmac.compare_digest(token.strip().encode(), settings.update_token.encode()):
        return PlainTextResponse(
            "Unauthorized: wrong update token.",
            status_code=401,
            headers={"WWW-Authenticate": 'Bearer realm="fazhi", error="invalid_token"'},
        )
    return None
