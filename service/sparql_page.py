"""The query page: YASGUI served by fazhi itself, with the project's prefixes and the example queries.

Example queries are the ``service/examples/*.rq`` files; the first comment line of each is its title
(``# 标题 — English title``), the following comment lines its description.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from fazhi.namespaces import PREFIXES, sparql_prefixes

EXAMPLES_DIR = Path(__file__).parent / "examples"


@dataclass(frozen=True)
class Example:
    name: str  # file stem
    title: str
    description: str
    query: str


def _parse_example(path: Path) -> Example:
    text = path.read_text(encoding="utf-8")
    comments = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        comments.append(line.lstrip("#").strip())
    title = comments[0] if comments else path.stem
    return Example(path.stem, title, " ".join(c for c in comments[1:] if c), text)


@lru_cache(maxsize=1)
def examples() -> tuple[Example, ...]:
    """The example queries, sorted by file name."""
    return tuple(_parse_example(p) for p in sorted(EXAMPLES_DIR.glob("*.rq")))


_PAGE = """<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>fazhi SPARQL 查询 · query</title>
<link rel="stylesheet" href="{assets}/yasgui.min.css">
<style>
  body {{ font-family: system-ui, "Noto Sans CJK SC", sans-serif; margin: 0 1rem; }}
  header {{ display: flex; gap: 1rem; align-items: baseline; flex-wrap: wrap; }}
  header h1 {{ font-size: 1.2rem; margin: .6rem 0; }}
  #examples {{ max-width: 40rem; }}
  #example-help {{ color: #555; font-size: .9rem; margin: 0 0 .4rem; }}
  .yasgui .autocompleteWrapper {{ display: none !important; }}
</style>
</head>
<body>
<header>
  <h1>fazhi 法治 · SPARQL</h1>
  <label>示例查询 Examples:
    <select id="examples"><option value="">— 选择 choose —</option>{options}</select>
  </label>
  <span>Endpoint: <code>{endpoint}</code> · default graph = union of all graphs ·
    limits: {timeout:g} s, {max_rows} rows</span>
</header>
<p id="example-help"></p>
<div id="yasgui"></div>
<script src="{assets}/yasgui.min.js"></script>
<script>
const EXAMPLES = {examples_json};
const PREFIXES = {prefixes_json};
Yasgui.Yasqe.defaults.value = {default_query};
const yasgui = new Yasgui(document.getElementById("yasgui"), {{
  requestConfig: {{ endpoint: {endpoint_json}, method: "POST" }},
  copyEndpointOnNewTab: true,
  persistenceId: "fazhi-yasgui",
  yasqe: {{ value: {default_query} }},
}});
const help = document.getElementById("example-help");
document.getElementById("examples").addEventListener("change", (ev) => {{
  const ex = EXAMPLES.find((e) => e.name === ev.target.value);
  if (!ex) return;
  help.textContent = ex.description;
  yasgui.addTab(true, {{ name: ex.title.slice(0, 30), yasqe: {{ value: ex.query }} }});
  ev.target.value = "";
}});
</script>
</body>
</html>
"""


def query_page(endpoint: str, timeout: float = 30.0, max_rows: int = 10_000) -> str:
    """The HTML of the query page for ``endpoint``."""
    exs = examples()
    options = "".join(
        f'<option value="{html.escape(e.name)}">{html.escape(e.title)}</option>' for e in exs
    )
    default_query = sparql_prefixes() + "\nSELECT ?s ?p ?o WHERE {\n  ?s ?p ?o\n} LIMIT 10\n"
    return _PAGE.format(
        assets="/sparql/yasgui",
        options=options,
        endpoint=html.escape(endpoint),
        endpoint_json=_js(endpoint),
        timeout=timeout,
        max_rows=max_rows,
        examples_json=_js([e.__dict__ for e in exs]),
        prefixes_json=_js(PREFIXES),
        default_query=_js(default_query),
    )


def _js(value) -> str:
    """JSON safe to embed in a <script> element."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/")
