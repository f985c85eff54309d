"""Runs the W3C SPARQL 1.1 Protocol tests (``manifest.ttl``, HTTP exchanges in RDF) against an endpoint,
and starts servers for the tests (fazhi on a free port, Oxigraph's own server)."""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from rdflib import RDF, Graph, Namespace
from rdflib.collection import Collection

HERE = Path(__file__).parent
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"
MANIFEST_IRI = "http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest.ttl"
DATA = {f"http://kasei.us/2009/09/sparql/data/data{i}.rdf": HERE / f"data{i}.nt" for i in (1, 2, 3)}
RESULT_TYPES = {"application/sparql-results+xml", "application/sparql-results+json", "text/csv",
                "text/tab-separated-values", "application/json", "application/xml"}
RDF_TYPES = {"application/rdf+xml", "text/turtle", "application/n-triples", "text/plain", "application/ld+json",
             "application/n-quads", "application/trig", "text/n3"}


@dataclass
class ProtocolTest:
    name: str
    requests: list[dict]


def load_manifest() -> list[ProtocolTest]:
    """The 34 protocol tests, in manifest order."""
    g = Graph().parse(HERE / "manifest.ttl", format="turtle", publicID=MANIFEST_IRI)
    manifest = next(g.subjects(RDF.type, MF.Manifest))
    tests = []
    for t in Collection(g, g.value(manifest, MF.entries)):
        reqs = []
        for req in Collection(g, g.value(g.value(t, MF.action), HT.requests)):
            headers_node = g.value(req, HT.headers)
            headers = {str(g.value(h, HT.fieldName)): str(g.value(h, HT.fieldValue))
                       for h in (Collection(g, headers_node) if headers_node else [])}
            body_node = g.value(req, HT.body)
            body = None
            if body_node is not None:
                encoding = str(g.value(body_node, CNT.characterEncoding) or "utf-8")
                body = str(g.value(body_node, CNT.chars)).encode(encoding)
            resp = g.value(req, HT.resp)
            expected_boolean = g.value(resp, MF.expectedBoolean)
            fmt = g.value(resp, MF.expectedFormat)
            reqs.append({
                "method": str(g.value(req, HT.methodName)),
                "path": str(g.value(req, HT.absolutePath)),
                "headers": headers,
                "body": body,
                "status": sorted(str(s).replace(HTS, "") for s in g.objects(resp, MF.expectedStatus)),
                "format": None if fmt is None else str(fmt),
                "boolean": None if expected_boolean is None else expected_boolean.toPython(),
            })
        tests.append(ProtocolTest(str(t).split("#")[-1], reqs))
    return tests


def reset_data(client: httpx.Client, path: str, headers: dict | None = None) -> None:
    """Fresh data for each test: the three kasei.us graphs, nothing else."""
    body = "DROP ALL ;\n" + " ;\n".join(
        f"INSERT DATA {{ GRAPH <{name}> {{ {file.read_text()} }} }}" for name, file in DATA.items()
    )
    r = client.post(path, content=body.encode(), headers={"content-type": "application/sparql-update", **(headers or {})})
    r.raise_for_status()


def _kind(content_type: str | None) -> str:
    ct = (content_type or "").split(";")[0].strip()
    if ct in RESULT_TYPES:
        return "tabular/boolean"
    if ct in RDF_TYPES:
        return "RDF"
    return ct


def run_test(client: httpx.Client, path: str, test: ProtocolTest) -> list[str]:
    """Problems found running ``test`` (empty when it passes)."""
    reset_data(client, path)
    problems = []
    for i, req in enumerate(test.requests):
        r = client.request(req["method"], req["path"].replace("/sparql/", path, 1), headers=req["headers"],
                           content=req["body"])
        where = f"request {i + 1} ({req['method']} {req['path'][:60]})"
        if req["status"] and f"{r.status_code // 100}xx" not in req["status"]:
            problems.append(f"{where}: status {r.status_code}, expected {req['status']}: {r.text[:200]}")
            continue
        if req["format"] is not None and r.status_code < 300:
            want = "RDF" if req["format"] == "RDF" else "tabular/boolean"
            if _kind(r.headers.get("content-type")) != want:
                problems.append(f"{where}: content type {r.headers.get('content-type')}, expected {want}")
        if req["boolean"] is not None and r.status_code < 300:
            text = r.text
            if "json" in r.headers.get("content-type", ""):
                got = json.loads(text).get("boolean")
            else:
                m = re.search(r"<boolean>\s*(true|false)", text)
                got = bool(m) and m.group(1) == "true"
            if got != req["boolean"]:
                problems.append(f"{where}: boolean {got}, expected {req['boolean']}")
    return problems


# ----------------------------------------------------------------------------- servers for tests


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            raise RuntimeError(f"server exited with {proc.returncode}: {out[-2000:]}")
        try:
            httpx.get(url, timeout=2.0)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"server at {url} did not come up within {timeout} s")


def fazhi_bin() -> str:
    return str(Path(sys.executable).with_name("fazhi"))


def start_fazhi(store: str, *args: str) -> tuple[str, subprocess.Popen]:
    """``fazhi serve`` on a free loopback port; returns its base URL and process."""
    port = free_port()
    proc = subprocess.Popen([fazhi_bin(), "serve", "--store", store, "--host", "127.0.0.1", "--port", str(port), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url + "/sparql/yasgui/none", proc)
    return url, proc


def oxigraph_bin() -> str | None:
    candidate = Path(sys.executable).with_name("oxigraph")
    return str(candidate) if candidate.exists() else shutil.which("oxigraph")


def start_oxigraph(location: str, *args: str) -> tuple[str, subprocess.Popen]:
    """Oxigraph's server (read-write, on disk) on a free loopback port."""
    port = free_port()
    proc = subprocess.Popen([oxigraph_bin(), "serve", "--location", location, "--bind", f"127.0.0.1:{port}", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url + "/query", proc)
    return url, proc


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=5)
