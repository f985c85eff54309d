"""The /sparql query page in headless Chromium: YASGUI from the project itself (no other host is
contacted), an example query picked from the list runs and shows its results."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import httpx
import pytest
from conformance.harness import start_fazhi, stop

pytestmark = pytest.mark.browser
CHROMIUM = os.environ.get("FAZHI_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parent / "artifacts"
FZ = "https://w3id.org/fazhi/"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    url, proc = start_fazhi(str(tmp_path_factory.mktemp("page") / "store"), "--allow-update")
    data = (f'<{FZ}id/m/1> a <{FZ}ont#Mechanism> ; <http://www.w3.org/2004/02/skos/core#prefLabel> "一网通办"@zh . '
            f'<{FZ}id/a/1> a <{FZ}ont#MechanismAdoption> ; <{FZ}ont#mechanism> <{FZ}id/m/1> ; '
            f'<{FZ}ont#adopter> <{FZ}id/org/1> .')
    r = httpx.post(url + "/sparql", data={"update": f"INSERT DATA {{ GRAPH <{FZ}graph/t> {{ {data} }} }}"})
    assert r.status_code == 204
    yield url
    stop(proc)


def test_query_page_runs_an_example_offline(server):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_api.sync_playwright() as pw:
        try:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                         args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        except Exception as e:  # noqa: BLE001 - an environment problem, said plainly
            pytest.skip(f"Chromium does not start: {str(e).splitlines()[0]}")
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        requests: list[str] = []
        errors: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("response", lambda r: r.status >= 400 and not r.url.endswith("/favicon.ico")
                and errors.append(f"{r.status} {r.url}"))
        page.goto(server + "/sparql")
        page.wait_for_selector(".yasqe .CodeMirror")
        options = page.locator("#examples option")
        assert options.count() >= 11  # the placeholder and at least ten examples
        page.select_option("#examples", value="07-widespread-mechanisms")
        page.wait_for_function("document.querySelector('.tabPanel.active .yasqe .CodeMirror').CodeMirror.getValue()"
                               ".includes('fz:MechanismAdoption')")
        page.click(".tabPanel.active .yasqe_queryButton")
        page.wait_for_selector(".tabPanel.active .yasr table", timeout=20_000)
        table = page.locator(".tabPanel.active .yasr table").inner_text()
        page.screenshot(path=str(ARTIFACTS / "sparql-query-page.png"))
        browser.close()
    assert "一网通办" in table
    assert errors == []
    assert all(u.startswith(server) or u.startswith(("data:", "blob:")) for u in requests), requests
