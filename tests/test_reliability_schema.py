"""The API under schemathesis, generated from the service's own OpenAPI description (``/openapi.json``),
against the app served by uvicorn on a free loopback port over the explorer fixture store (two real reports): no 5xx, and every response's status code,
Content-Type and (JSON) body as documented. Examples are bounded for CI; ``bench/schema_fuzz.py`` runs longer.

Checks left out, on purpose: ``positive_data_acceptance`` (a SPARQL query or an IRI can be a schema-valid
string and still be refused with 400: JSON Schema cannot describe SPARQL's grammar) and the negative-data
checks (FastAPI's own 422 handling is not what this test is about). The read-only server's writes
(``/store`` PUT/POST/DELETE, SPARQL Update) are tested as they are: they answer 403, documented.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
import schemathesis
from explore_fixture import load, serve
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
#: Examples per operation (``FAZHI_SCHEMA_EXAMPLES`` raises it; ``bench/schema_fuzz.py`` does).
EXAMPLES = int(os.environ.get("FAZHI_SCHEMA_EXAMPLES", "12"))


_TMP = tempfile.TemporaryDirectory(prefix="fazhi-schema-")  # module level: schemathesis needs the schema at import
_SERVER = serve(load(Path(_TMP.name) / "store"))  # uvicorn in a thread: one event loop, one lifespan
URL = _SERVER.__enter__()
schema = schemathesis.openapi.from_url(URL + "/openapi.json")



@pytest.fixture(scope="module", autouse=True)
def _stop_server():
    yield
    _SERVER.__exit__(None, None, None)


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.function_scoped_fixture])
def test_api_matches_its_description(case):
    case.call_and_validate(checks=CHECKS)
