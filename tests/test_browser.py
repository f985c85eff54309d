"""The pages in a real browser: Playwright driving Debian's Chromium, headless.

Open the explorer, search 司法局, expand a node, open its entity page and see the highlighted
evidence, open a report page, run an example query on the SPARQL page and see rows. Each step
writes a screenshot to ``tests/artifacts/``. Where Chromium or Playwright is missing, the tests
say so and skip (``scripts/install-test-services.sh`` installs Chromium for ``make test``).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from explore_fixture import SEED_KEY, load, serve

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
CHROMIUM = os.environ.get("FAZHI_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The app over the fixture store, served by uvicorn on a free loopback port."""
    with serve(load(tmp_path_factory.mktemp("browser") / "store")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: run scripts/install-test-services.sh (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed (pip install -e '.[test]')")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        try:
            b = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                   args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        except Exception as e:  # a Chromium that cannot start here is an environment problem, said plainly
            pytest.skip(f"Chromium at {CHROMIUM} does not start: {str(e).splitlines()[0]}")
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    ctx.close()
    assert not errors, f"JavaScript errors: {errors}"


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def test_explore_search_expand_and_open_entity(server, page):
    page.goto(f"{server}/explore")
    shot(page, "01-explorer")
    page.fill("#q", "司法局")
    page.press("#q", "Enter")
    first = page.locator("#results li.result").first
    first.wait_for()
    assert "台儿庄区司法局" in first.inner_text()
    shot(page, "02-search-sifaju")
    first.click()
    page.wait_for_function("() => document.body.dataset.expanded >= '1' && window.fazhiCy.nodes().length > 1")
    n_before = page.evaluate("window.fazhiCy.nodes().length")
    # click (tap) the parent government's node on the canvas: it expands too
    pos = page.evaluate("""() => {
        const n = window.fazhiCy.getElementById('https://w3id.org/fazhi/id/org/370405/gov');
        const box = document.getElementById('cy').getBoundingClientRect();
        const p = n.renderedPosition();
        return {x: box.left + p.x, y: box.top + p.y};
    }""")
    page.mouse.click(pos["x"], pos["y"])
    page.wait_for_function("() => document.body.dataset.expanded >= '2'")
    page.wait_for_function(f"() => window.fazhiCy.nodes().length > {n_before}")
    assert "台儿庄区人民政府" in page.inner_text("#selection")
    shot(page, "03-expanded")
    page.click("#open-page")
    page.wait_for_selector("article.entity")
    assert page.inner_text("h1") == "台儿庄区人民政府"
    marks = page.locator("mark.hl")
    assert marks.count() >= 1
    shot(page, "04-entity-page")


def test_entity_page_evidence_links_into_report(server, page):
    page.goto(f"{server}/id/org/370405/gov/justice")
    mark = page.locator(".evidence-item mark.hl").first
    assert mark.inner_text() == "区司法局"
    assert mark.evaluate("e => getComputedStyle(e).backgroundColor") != "rgba(0, 0, 0, 0)"
    shot(page, "05-entity-evidence")
    page.locator(".evidence-link").first.click()
    page.wait_for_url(f"**/reports/{SEED_KEY}#m-*")
    target = page.locator(".mention.focus")
    assert target.inner_text() == "区司法局"
    shot(page, "06-report-at-evidence")


def test_report_page_mentions_contents_and_figures(server, page):
    page.goto(f"{server}/reports/{SEED_KEY}")
    assert page.locator(".report-body .mention.agency").count() >= 3
    assert page.locator(".report-body .mention.mechanism").count() >= 1
    assert page.locator(".toc a[href='#sec-1']").count() == 1
    assert page.locator("table.figures .flag-ok").count() == 1
    shot(page, "07-report-page")
    page.locator(".report-body .mention.mechanism").first.click()
    page.wait_for_url("**/scheme/mechanism/**")
    assert page.locator("article.entity").count() == 1


def test_phone_sized_screen_and_english(server, browser):
    ctx = browser.new_context(viewport={"width": 375, "height": 740}, device_scale_factor=2, is_mobile=True,
                              has_touch=True)
    page = ctx.new_page()
    page.goto(f"{server}/reports/{SEED_KEY}?lang=en")
    assert page.evaluate("document.documentElement.scrollWidth") <= 380  # no sideways scrolling
    assert "Contents" in page.inner_text(".toc")
    shot(page, "08-phone-report-en")
    page.goto(f"{server}/explore?q=双随机")
    page.locator("#results li.result").first.wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 380
    shot(page, "09-phone-explorer")
    ctx.close()


def test_sparql_page_runs_an_example_query(server, page):
    page.goto(f"{server}/sparql", wait_until="networkidle")
    if page.locator(".yasqe").count() == 0:
        pytest.skip("the SPARQL page has no query editor (YASGUI) yet")
    options = page.locator("#examples option[value]:not([value=''])")
    if options.count():
        page.select_option("#examples", options.first.get_attribute("value"))
    shot(page, "10-sparql-example")
    page.locator(".yasqe_queryButton").last.click()
    rows = page.locator(".yasr table tbody tr")
    rows.first.wait_for(timeout=15000)
    assert rows.count() >= 1
    shot(page, "11-sparql-rows")
