"""Updates when enabled: a wrong or missing token changes nothing, whatever the way of writing.

``tests/test_safety_sparql.py`` checks SPARQL Update (missing, wrong, empty token; Basic scheme) and
Graph Store PUT/DELETE (missing, wrong). This adds what it leaves out: Graph Store POST (to a graph,
to the default graph, quads to the dataset), PUT and DELETE of the default graph, SPARQL Update
through a form, and malformed or near-miss credentials (token prefix, suffix, other case, token in
the query string, a token in a cookie, a GET carrying an update); every refused write is checked
against a full N-Quads dump of the dataset (every quad of every graph, not only a count).
"""

from __future__ import annotations

import httpx
import pytest
from conformance.harness import start_fazhi, stop

TOKEN = "Reliab1lity-token-for-tests"
EX = "http://example.org/"
REPORT_GRAPH = "https://w3id.org/fazhi/graph/report/x-test"
BODY = f"<{EX}a> <{EX}b> <{EX}c> .\n<{EX}a> <{EX}b> \"草\" ."
QUADS = f"<{EX}q> <{EX}r> <{EX}s> <{EX}new-graph> .\n"

BAD_AUTH = [
    {},
    {"authorization": ""},
    {"authorization": "Bearer"},
    {"authorization": f"Bearer {TOKEN} {TOKEN}"},
    {"authorization": "Bearer wrong"},
    {"authorization": f"Bearer {TOKEN[:-1]}"},  # a prefix
    {"authorization": f"Bearer {TOKEN}x"},  # a longer token
    {"authorization": f"Bearer {TOKEN.lower()}"},
    {"authorization": f"Basic {TOKEN}"},
    {"authorization": TOKEN},
    {"authorization": f"Token {TOKEN}"},
    {"x-update-token": TOKEN},
    {"cookie": f"token={TOKEN}"},
]


def writes(auth: dict[str, str]) -> list[tuple[str, str, dict, dict, bytes | None]]:
    """(method, path, params, headers, body) of every way to write, with ``auth`` headers."""
    turtle = {"content-type": "text/turtle", **auth}
    return [
        ("POST", "/sparql", {}, {"content-type": "application/sparql-update", **auth}, b"DROP ALL"),
        ("POST", "/sparql", {}, {"content-type": "application/x-www-form-urlencoded", **auth},
         f"update=INSERT DATA {{ <{EX}x> <{EX}y> <{EX}z> }}".encode()),
        ("PUT", "/store", {"graph": REPORT_GRAPH}, turtle, BODY.encode()),
        ("PUT", "/store", {"graph": EX + "new"}, turtle, BODY.encode()),
        ("PUT", "/store", {"default": ""}, turtle, BODY.encode()),
        ("POST", "/store", {"graph": REPORT_GRAPH}, turtle, BODY.encode()),
        ("POST", "/store", {"default": ""}, turtle, BODY.encode()),
        ("POST", "/store", {}, {"content-type": "application/n-quads", **auth}, QUADS.encode()),
        ("DELETE", "/store", {"graph": REPORT_GRAPH}, auth, None),
        ("DELETE", "/store", {"default": ""}, auth, None),
    ]


def dump(client: httpx.Client) -> list[str]:
    """Every quad of the dataset, sorted (a full picture, not a count)."""
    r = client.get("/store", headers={"accept": "application/n-quads"})
    assert r.status_code == 200
    return sorted(line for line in r.text.splitlines() if line.strip())


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    store = str(tmp_path_factory.mktemp("updates") / "store")
    url, proc = start_fazhi(store, "--update-token", TOKEN)
    with httpx.Client(base_url=url, timeout=30) as client:
        auth = {"authorization": f"Bearer {TOKEN}", "content-type": "text/turtle"}
        assert client.put("/store", params={"graph": REPORT_GRAPH}, content=BODY, headers=auth).status_code == 201
        assert client.put("/store", params={"default": ""}, content=BODY, headers=auth).status_code in (201, 204)
        yield client
    stop(proc)


@pytest.mark.parametrize("auth", BAD_AUTH, ids=lambda a: next(iter(a), "none") + ":" + next(iter(a.values()), "")[:9])
def test_a_wrong_or_missing_token_changes_nothing(server, auth):
    before = dump(server)
    assert len(before) >= 4
    for method, path, params, headers, body in writes(auth):
        r = server.request(method, path, params=params, headers=headers, content=body)
        assert r.status_code == 401, (method, path, params, r.status_code, r.text[:200])
        assert TOKEN not in r.text
    assert dump(server) == before


def test_token_in_the_query_string_or_a_get_never_writes(server):
    before = dump(server)
    r = server.post("/sparql", params={"access_token": TOKEN, "token": TOKEN},
                    content=b"DROP ALL", headers={"content-type": "application/sparql-update"})
    assert r.status_code == 401
    r = server.get("/sparql", params={"update": "DROP ALL"}, headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code in (400, 405, 415)
    assert dump(server) == before


def test_the_right_token_writes_through_every_route(server):
    """The refusals above are the token's doing: the same requests with the token do write."""
    before = dump(server)
    auth = {"authorization": f"Bearer {TOKEN}"}
    r = server.post("/store", params={}, headers={"content-type": "application/n-quads", **auth}, content=QUADS)
    assert r.status_code == 204
    after = dump(server)
    assert len(after) == len(before) + 1
    r = server.delete("/store", params={"graph": EX + "new-graph"}, headers=auth)
    assert r.status_code == 204
    assert dump(server) == before
