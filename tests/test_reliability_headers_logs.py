"""Security headers on pages and API answers, generic error bodies (no stack traces), and access logs that
say what happened without leaking tokens (caplog in-process; the server's stderr for ``fazhi serve``)."""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import socket

import httpx
import pytest
from conformance.harness import start_fazhi, stop
from explore_fixture import SEED_IRI, load
from fastapi.testclient import TestClient

from service.app import create_app
from service.request_log import LOGGER
from service.settings import Settings

TOKEN = "tok-SECRET-123456"
SECRET_PARAM = "url-SECRET-987654"
JSON = {"Accept": "application/sparql-results+json"}
COMMON = {"x-content-type-options": "nosniff", "referrer-policy": "same-origin", "x-frame-options": "DENY",
          "cross-origin-opener-policy": "same-origin"}
TRACE_MARKS = ("Traceback", 'File "', "site-packages", "RuntimeError")


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    return load(tmp_path_factory.mktemp("headers") / "store")


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(Settings(store=store, max_body_bytes=2000))) as c:
        yield c


def _inline_script_hashes(html: str) -> set[str]:
    return {"'sha256-" + base64.b64encode(hashlib.sha256(m.encode()).digest()).decode() + "'"
            for m in re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S)}


@pytest.mark.parametrize("path, accept", [
    ("/", "text/html"), ("/explore", "text/html"), ("/sparql", "text/html"), ("/reports", "text/html"),
    ("/id/report/370405/2019/gov", "text/html"),
])
def test_html_pages_have_a_policy_for_their_own_scripts(client, path, accept):
    r = client.get(path, headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html"), (path, r.status_code)
    for name, value in COMMON.items():
        assert r.headers[name] == value, (path, name)
    csp = r.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    script_src = re.search(r"script-src ([^;]*)", csp).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    for h in _inline_script_hashes(r.text):
        assert h in script_src, (path, h)
    assert "http:" not in csp and "https:" not in csp and "*" not in csp  # nothing from elsewhere


def test_the_query_page_inline_script_is_allowed_by_hash(client):
    r = client.get("/sparql", headers={"Accept": "text/html"})
    hashes = _inline_script_hashes(r.text)
    assert hashes, "the query page has an inline script"
    assert hashes <= set(re.search(r"script-src ([^;]*)", r.headers["content-security-policy"]).group(1).split())


@pytest.mark.parametrize("method, path, kwargs, status", [
    ("GET", "/sparql", {"params": {"query": "ASK {}"}, "headers": JSON}, 200),
    ("GET", "/search", {"params": {"q": "司法局"}}, 200),
    ("GET", "/openapi.json", {}, 200),
    ("GET", "/no/such/page", {}, 404),
    ("POST", "/sparql", {"content": b"x" * 5000, "headers": {"content-type": "application/sparql-query"}}, 413),
    ("POST", "/sparql", {"content": b"ASK {}", "headers": {"content-type": "text/plain"}}, 415),
    ("GET", "/sparql", {"params": {"query": "SELECT nonsense"}, "headers": JSON}, 400),
])
def test_api_answers_have_the_headers_and_a_closed_policy(client, method, path, kwargs, status):
    r = client.request(method, path, **kwargs)
    assert r.status_code == status, (path, r.status_code, r.text[:200])
    for name, value in COMMON.items():
        assert r.headers[name] == value, (path, name)
    if not r.headers.get("content-type", "").startswith("text/html"):
        assert r.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    assert not any(mark in r.text for mark in TRACE_MARKS)


class _BrokenStore:
    """A store whose every operation fails with an internal detail that must not reach the client."""

    location = "/nonexistent"

    def __getattr__(self, name):
        def fail(*args, **kwargs):
            raise RuntimeError("internal detail /srv/secret/path")
        return fail


def test_an_internal_error_answers_a_generic_500(store, caplog):
    app = create_app(Settings(store=store))
    app.state.store = _BrokenStore()
    with TestClient(app, raise_server_exceptions=False) as c:
        for path in ("/search?q=%E5%8F%B8%E6%B3%95", "/reports"):
            r = c.get(path)
            assert r.status_code == 500, (path, r.status_code)
            assert r.text == "Internal Server Error"
            assert all(r.headers[name] == value for name, value in COMMON.items())
            assert "secret" not in r.text and not any(mark in r.text for mark in TRACE_MARKS)


def test_access_log_says_what_happened_without_tokens(store, caplog):
    caplog.set_level(logging.INFO, logger=LOGGER)
    with TestClient(create_app(Settings(store=store, update_token=TOKEN))) as c:
        q = "SELECT ?s WHERE { ?s a <https://w3id.org/fazhi/ont#AnnualReport> }"
        assert c.get("/sparql", params={"query": q, "token": SECRET_PARAM},
                     headers={**JSON, "Authorization": f"Bearer {TOKEN}"}).status_code == 200
        assert c.post("/sparql", data={"update": "DROP ALL"}, headers={"Authorization": "Bearer wrong-" + TOKEN}
                      ).status_code == 401
        assert c.get(f"/id/report/370405/2019/gov?access_key={SECRET_PARAM}").status_code in (200, 303)
    lines = [r.getMessage() for r in caplog.records if r.name == LOGGER]
    text = "\n".join(lines)
    assert TOKEN not in text and SECRET_PARAM not in text
    first = lines[0]
    assert first.startswith("GET /sparql status=200 ms=")
    assert "q=" + hashlib.sha256(q.encode()).hexdigest()[:12] in first and '"SELECT ?s WHERE' in first
    assert "token=[redacted]" in first
    assert any(line.startswith("POST /sparql status=401") and '"DROP ALL"' in line for line in lines)
    assert any(SEED_IRI.split("fazhi/")[1] in line and "access_key=[redacted]" in line for line in lines)


def test_log_lines_cannot_be_forged(store, caplog):
    caplog.set_level(logging.INFO, logger=LOGGER)
    with TestClient(create_app(Settings(store=store))) as c:
        c.get("/sparql", params={"query": "ASK {}\nINFO: GET /admin status=200", "x\ny": "1"}, headers=JSON)
    assert all("\n" not in r.getMessage() for r in caplog.records if r.name == LOGGER)


def test_served_logs_and_uvicorn_errors(tmp_path):
    """``fazhi serve --access-log``: one line per request on stderr, no token; a malformed request gets
    uvicorn's short 400 and no stack trace. (Its own store: a writable server needs the store's write lock.)"""
    url, proc = start_fazhi(load(tmp_path / "store"), "--access-log", "--update-token", TOKEN)
    try:
        with httpx.Client(base_url=url, timeout=30) as c:
            assert c.get("/sparql", params={"query": "ASK {}", "token": SECRET_PARAM},
                         headers={**JSON, "Authorization": f"Bearer {TOKEN}"}).status_code == 200
            assert c.post("/sparql", content=b"DROP ALL", headers={"content-type": "application/sparql-update",
                                                                    "Authorization": "Bearer nope-" + TOKEN}
                          ).status_code == 401
        host, port = url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=10) as s:
            s.sendall(b"GET /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n")
            raw = s.recv(65536).decode("latin-1")
        assert raw.startswith("HTTP/1.1 400") and "Traceback" not in raw
    finally:
        stop(proc)
    out = proc.stdout.read().decode("utf-8", "replace")
    assert TOKEN not in out and SECRET_PARAM not in out
    assert re.search(r"GET /sparql status=200 ms=[\d.]+ q=[0-9a-f]{12} \"ASK \{\}\" params=.*token=\[redacted\]", out)
    assert re.search(r"POST /sparql status=401 ms=[\d.]+ q=[0-9a-f]{12} \"DROP ALL\"", out)


def test_405_lists_every_method_the_path_accepts(tmp_path) -> None:
    """``/sparql`` is two routes (GET, POST); the 405 for PUT names both (RFC 9110 §15.5.6), and each listed
    method is really accepted."""
    from explore_fixture import make_client

    client = make_client(tmp_path)
    for path, expected in (("/sparql", {"GET", "POST"}), ("/store", {"GET", "HEAD", "PUT", "POST", "DELETE"}),
                           ("/reports", {"GET"})):
        r = client.request("PATCH", path)
        assert r.status_code == 405
        allowed = {m.strip() for m in r.headers["allow"].split(",")}
        assert allowed == expected, path
        for method in allowed - {"PUT", "POST", "DELETE"}:  # writes are refused read-only (403), not 405
            assert client.request(method, path).status_code != 405, (path, method)
