"""A catalogue of hostile requests to ``/sparql``, with the answer each must get and why.

Used by ``tests/test_reliability_hostile_queries.py`` against ``fazhi serve --query-timeout 2`` with the
default 1 MB body cap. ``CANARY/`` in a query or body stands for the URL of a canary HTTP server on
127.0.0.1 that must receive nothing. ``expect`` lists the acceptable statuses: a 200 only where the
request is legitimate (and then the answer must hold nothing from outside the store); 503 is the
time-limit status, the only 5xx allowed.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

CANARY = "CANARY/"
QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
FORM = "application/x-www-form-urlencoded"
METADATA_IP = "http://169.254.169.254/latest/meta-data/"
METADATA_GOOGLE = "http://metadata.google.internal/computeMetadata/v1/"
ALL = "{ ?s ?p ?o }"
TIMEOUT = 503


@dataclass(frozen=True)
class Hostile:
    """One hostile request: ``query`` goes in the URL (GET) or the body (POST, as ``content_type``)."""

    name: str
    why: str
    expect: tuple[int, ...]
    query: str | None = None
    method: str = "GET"
    content_type: str | None = None
    body: bytes | None = None  # raw body (overrides ``query`` for POST)
    params: tuple[tuple[str, str], ...] = ()  # extra URL parameters (repeatable)
    heavy: bool = False  # costs up to the time limit: run concurrently with the cheap probe

    def request(self, canary: str) -> dict:
        """Keyword arguments for ``httpx.Client.request`` with the canary URL filled in."""
        params = [(k, v.replace(CANARY, canary)) for k, v in self.params]
        headers = {"Accept": "application/sparql-results+json, text/turtle;q=0.9, */*;q=0.1"}
        body = self.body.replace(CANARY.encode(), canary.encode()) if self.body is not None else None
        query = self.query.replace(CANARY, canary) if self.query is not None else None
        if query is not None and body is None:
            if self.method == "GET":
                params.append(("query", query))
            elif self.content_type == FORM:
                body = urlencode({"query": query}).encode()
            else:
                body = query.encode()
        if self.content_type:
            headers["Content-Type"] = self.content_type
        return {"method": self.method, "url": "/sparql", "params": params, "content": body, "headers": headers}


def _nested_subqueries(depth: int) -> str:
    q = "SELECT * WHERE { ?s ?p ?o }"
    for _ in range(depth):
        q = f"SELECT * WHERE {{ {q} }}"
    return q


def _cartesian(n: int) -> str:
    return "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"?s{i} ?p{i} ?o{i} ." for i in range(n)) + " }"


P = "<http://example.org/p>"
OUTBOUND = (400,)

CATALOGUE: list[Hostile] = [
    # --- SERVICE: the engine would fetch from the address; refused before it runs (issue 5)
    Hostile("service-loopback", "SERVICE to the loopback canary", OUTBOUND,
            f"SELECT * WHERE {{ SERVICE <{CANARY}sparql> {ALL} }}"),
    Hostile("service-metadata-ip", "SERVICE to the cloud metadata address", OUTBOUND,
            f"SELECT * WHERE {{ SERVICE <{METADATA_IP}> {ALL} }}"),
    Hostile("service-metadata-google", "SERVICE to the GCE metadata host name", OUTBOUND,
            f"SELECT * WHERE {{ SERVICE SILENT <{METADATA_GOOGLE}> {ALL} }}", method="POST", content_type=FORM),
    Hostile("service-in-optional", "SERVICE hidden in OPTIONAL", OUTBOUND,
            f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE <{CANARY}> {{ ?s ?q ?r }} }} }}"),
    Hostile("service-in-union", "SERVICE hidden in a UNION branch", OUTBOUND,
            f"SELECT * WHERE {{ {{ ?s ?p ?o }} UNION {{ SERVICE SILENT <{METADATA_IP}> {ALL} }} }}"),
    Hostile("service-in-subquery", "SERVICE hidden in a nested sub-query", OUTBOUND,
            f"SELECT * WHERE {{ {{ SELECT * WHERE {{ {{ SELECT ?s WHERE {{ SERVICE <{CANARY}> {ALL} }} }} }} }} }}",
            method="POST", content_type=QUERY_TYPE),
    Hostile("service-odd-case-comments", "mixed case, comments and tabs between SERVICE and its IRI", OUTBOUND,
            f"select * where {{ sErViCe # note\n\t SiLeNt\n<{CANARY}> {ALL} }}"),
    Hostile("service-prefixed-name", "the SERVICE IRI written as a prefixed name", OUTBOUND,
            f"PREFIX m: <{METADATA_IP}> SELECT * WHERE {{ SERVICE m:iam {ALL} }}"),
    Hostile("service-escaped-keyword", "SERVICE spelled with a \\u codepoint escape (decoded by some engines)",
            OUTBOUND, f"SELECT * WHERE {{ SERVIC\\u0045 <{CANARY}> {ALL} }}"),
    Hostile("service-escaped-iri", "the metadata address spelled with \\u escapes inside the IRI", OUTBOUND,
            "SELECT * WHERE { SERVICE <http://\\u0031\\u0036\\u0039.254.169.254/> { ?s ?p ?o } }"),
    Hostile("service-variable", "SERVICE on a variable bound to the canary", OUTBOUND,
            f"SELECT * WHERE {{ BIND(<{CANARY}> AS ?e) SERVICE ?e {ALL} }}"),
    # --- LOAD and updates: read-only server
    Hostile("load-as-query", "LOAD sent as a query", OUTBOUND, f"LOAD <{CANARY}data.nt>"),
    Hostile("load-update-readonly", "LOAD sent as an update to a read-only server", (403,),
            body=f"LOAD <{CANARY}data.nt>".encode(), method="POST", content_type=UPDATE_TYPE),
    Hostile("load-metadata-form", "LOAD of the metadata address in a form update", (403,),
            body=urlencode({"update": f"LOAD SILENT <{METADATA_IP}> INTO GRAPH <urn:x>"}).encode(),
            method="POST", content_type=FORM),
    Hostile("update-via-get", "an update in the URL of a GET (the protocol requires POST)", (405,),
            params=(("update", f"LOAD <{CANARY}data.nt>"),)),
    Hostile("define-pragma", "a Virtuoso DEFINE get:soft pragma (would fetch on Virtuoso)", OUTBOUND,
            f'DEFINE get:soft "replace" SELECT * FROM <{CANARY}> WHERE {ALL}'),
    # --- FROM / FROM NAMED: only graphs of the store; anything else is an empty graph, never fetched
    Hostile("from-file-passwd", "FROM file:///etc/passwd", (200,), f"SELECT * FROM <file:///etc/passwd> WHERE {ALL}"),
    Hostile("from-named-file", "FROM NAMED file:///etc/passwd with GRAPH", (200,),
            "SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }"),
    Hostile("from-http-canary", "FROM the canary over http", (200,), f"SELECT * FROM <{CANARY}data.nt> WHERE {ALL}"),
    Hostile("from-metadata", "FROM NAMED the metadata address", (200,),
            f"SELECT * FROM NAMED <{METADATA_IP}> WHERE {{ GRAPH ?g {ALL} }}"),
    Hostile("protocol-dataset-canary", "default-graph-uri / named-graph-uri naming the canary", (200,),
            f"SELECT * WHERE {ALL}", params=(("default-graph-uri", CANARY), ("named-graph-uri", f"{CANARY}n"))),
    # --- expensive queries: stopped at the time limit (or answered, if the engine is fast enough)
    Hostile("cartesian-6", "6-way cartesian product over all triples", (TIMEOUT,), _cartesian(6), heavy=True),
    Hostile("path-unbounded-any", "(p|!p)* from every node to every node, twice over", (200, TIMEOUT),
            f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s ({P}|!{P})* ?o . ?o ({P}|!{P})* ?z }}", heavy=True),
    Hostile("path-deep-sequence", "a + over a 300-step sequence path", (200, 400, TIMEOUT),
            "SELECT * WHERE { ?s (" + "/".join([P] * 300) + ")+ ?o }", heavy=True),
    Hostile("path-long-chain", "a 5000-step sequence path without nesting", (200, 400, TIMEOUT),
            "ASK { ?s " + "/".join([P] * 5000) + " ?o }", method="POST", content_type=QUERY_TYPE, heavy=True),
    Hostile("regex-bomb", "REGEX (a+)+$ over long strings (every literal with 5000 a's and a !)", (200, TIMEOUT),
            'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?x FILTER(REGEX(CONCAT(STR(?x), "' + "a" * 5000
            + '!"), "(a+)+$")) }', heavy=True),
    Hostile("union-3000", "3000 UNION branches", (200, 400, TIMEOUT),
            "SELECT * WHERE { " + " UNION ".join(f"{{ ?s ?p {i} }}" for i in range(3000)) + " }",
            method="POST", content_type=QUERY_TYPE, heavy=True),
    Hostile("union-20000", "20000 UNION branches (deeper than the engine's stack)", (400, TIMEOUT),
            "ASK { " + " UNION ".join(f"{{?s <p> {i}}}" for i in range(20000)) + " }",
            method="POST", content_type=QUERY_TYPE, heavy=True),
    Hostile("variables-5000", "5000 projected variables", (200, TIMEOUT),
            "SELECT " + " ".join(f"?v{i}" for i in range(5000)) + " WHERE { ?s ?p ?o } LIMIT 3",
            method="POST", content_type=QUERY_TYPE),
    Hostile("binds-8000", "8000 BINDs in one group (an algebra tree 8000 deep)", (400, TIMEOUT),
            "ASK { ?s ?p ?o " + " ".join(f"BIND(1 AS ?b{i})" for i in range(8000)) + " }",
            method="POST", content_type=QUERY_TYPE, heavy=True),
    Hostile("subqueries-200", "sub-queries nested 200 deep", (200, 400, TIMEOUT), _nested_subqueries(200),
            method="POST", content_type=QUERY_TYPE),
    Hostile("braces-50000", "groups nested 50000 deep (overflows a recursive parser)", (400,),
            "SELECT * WHERE " + "{" * 50000 + "?s ?p ?o" + "}" * 50000, method="POST", content_type=QUERY_TYPE),
    Hostile("parens-50000", "an expression nested 50000 deep", (400,),
            "ASK { FILTER(" + "(" * 50000 + "1" + ")" * 50000 + ") }", method="POST", content_type=QUERY_TYPE),
    Hostile("not-chain-200000", "!!!…true, 200000 negations", (400,),
            "ASK { FILTER(" + "!" * 200000 + "true) }", method="POST", content_type=QUERY_TYPE),
    Hostile("limit-huge", "LIMIT past 64 bits", (400,), f"SELECT * WHERE {ALL} LIMIT 99999999999999999999999"),
    Hostile("offset-huge", "OFFSET at the 64-bit maximum", (200,), f"SELECT * WHERE {ALL} OFFSET 18446744073709551615"),
    Hostile("timeout-nan", "timeout=nan", (400,), "ASK {}", params=(("timeout", "nan"),)),
    Hostile("timeout-negative", "timeout=-1", (400,), "ASK {}", params=(("timeout", "-1"),)),
    # --- bodies and encodings
    Hostile("literal-900k", "a 900 kB string literal in a FILTER (under the body cap)", (200,),
            'SELECT * WHERE { ?s ?p ?o FILTER(?o = "' + "x" * 900_000 + '") }', method="POST",
            content_type=QUERY_TYPE),
    Hostile("literal-1mb", "a 1 MB string literal in a FILTER (over the body cap)", (413,),
            'SELECT * WHERE { ?s ?p ?o FILTER(?o = "' + "x" * 1_000_000 + '") }', method="POST",
            content_type=QUERY_TYPE),
    Hostile("body-10mb", "a 10 MB body", (413,), body=b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * 10_000_000,
            method="POST", content_type=QUERY_TYPE),
    Hostile("utf8-malformed-body", "malformed UTF-8 in a POSTed query", (400,),
            body=b'SELECT * WHERE { ?s ?p "\xff\xfe\xc3" }', method="POST", content_type=QUERY_TYPE),
    Hostile("utf8-malformed-form", "malformed UTF-8 in a form body (percent-decoded)", (200, 400),
            body=b"query=SELECT%20*%20WHERE%20%7B%20%3Fs%20%3Fp%20%22%FF%FE%22%20%7D", method="POST",
            content_type=FORM),
    Hostile("utf16-body", "a UTF-16 body without a charset", (400,), body="SELECT * WHERE { ?s ?p ?o }".encode("utf-16"),
            method="POST", content_type=QUERY_TYPE),
    Hostile("utf16-charset", "a UTF-16 body declared as such", (415,),
            body="SELECT * WHERE { ?s ?p ?o }".encode("utf-16"), method="POST",
            content_type=QUERY_TYPE + "; charset=utf-16"),
    Hostile("nul-in-query", "a NUL character in a literal", (200, 400), 'SELECT * WHERE { ?s ?p "a\x00b" }'),
    # --- protocol misuse
    Hostile("query-repeated", "the query parameter given twice", (400,), params=(("query", "ASK {}"), ("query", "ASK {}"))),
    Hostile("query-and-update", "a query and an update in one request", (400,), "ASK {}",
            params=(("update", "DROP ALL"),)),
    Hostile("wrong-content-type", "a query POSTed as text/plain", (415,), "ASK {}", method="POST",
            content_type="text/plain"),
    Hostile("no-content-type", "a POST without Content-Type", (415,), body=b"ASK {}", method="POST"),
    Hostile("get-with-body", "a GET carrying an update in its body (ignored: the service description)", (200,),
            body=b"update=DROP%20ALL", content_type=FORM),
    Hostile("post-empty", "a POST with an empty form", (400,), body=b"", method="POST", content_type=FORM),
    Hostile("put-method", "PUT on /sparql", (405,), "ASK {}", method="PUT", content_type=QUERY_TYPE),
    Hostile("syntax-garbage", "binary garbage as a query", (400,), body=bytes(range(32, 127)) * 50, method="POST",
            content_type=QUERY_TYPE),
]
