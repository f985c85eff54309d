"""The W3C SPARQL 1.1 Protocol tests (34) against ``fazhi serve --allow-update`` on a free port."""

from __future__ import annotations

import httpx
import pytest
from conformance.harness import load_manifest, run_test, start_fazhi, stop

TESTS = load_manifest()


def test_manifest_has_34_tests():
    assert len(TESTS) == 34


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    url, proc = start_fazhi(str(tmp_path_factory.mktemp("protocol") / "store"), "--allow-update")
    with httpx.Client(base_url=url, timeout=30) as c:
        yield c
    stop(proc)


@pytest.mark.parametrize("test", TESTS, ids=[t.name for t in TESTS])
def test_protocol(client, test):
    assert run_test(client, "/sparql", test) == []
