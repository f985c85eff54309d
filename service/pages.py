"""HTML pages (explorer, entity, report) and the static assets, in Chinese and English, offline.

Pages are Jinja2 templates in ``service/templates``; assets (CSS, JS, vendored Cytoscape.js)
are served from ``service/static`` at ``/static/…``.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from service.i18n import lang_of, translator
from service.ld_common import curie, iri_to_path

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"]))
TEMPLATES.filters["curie"] = curie
TEMPLATES.filters["path"] = iri_to_path

router = APIRouter(tags=["pages"])


def render(request: Request, template: str, status_code: int = 200, **context) -> HTMLResponse:
    """Render ``template`` in the request's language, with ``t``, ``lang`` and a ``switch_url``."""
    lang = lang_of(request)
    other = "en" if lang == "zh" else "zh"
    params = dict(request.query_params)
    params["lang"] = other
    html = TEMPLATES.get_template(template).render(
        request=request, lang=lang, t=translator(lang), switch_url=f"{request.url.path}?{urlencode(params)}",
        **context,
    )
    response = HTMLResponse(html, status_code=status_code)
    if request.query_params.get("lang") in ("zh", "en"):
        response.set_cookie("lang", lang, max_age=365 * 24 * 3600, samesite="lax")
    return response


@router.get("/", include_in_schema=False)
def home(request: Request) -> RedirectResponse:
    """The home page is the explorer."""
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(f"/explore{query}", status_code=303)


@router.get("/explore", response_class=HTMLResponse, summary="Explorer page: search and graph view")
def explore(request: Request, iri: str | None = None, q: str | None = None) -> HTMLResponse:
    """Search box, graph view (Cytoscape.js) that expands nodes on click, link to the SPARQL page."""
    return render(request, "explore.html", start_iri=iri or "", query=q or "")


@router.get("/static/{path:path}", include_in_schema=False)
def static(path: str) -> FileResponse:
    """Files under ``service/static`` (CSS, JS, vendored libraries)."""
    target = (STATIC / path).resolve()
    if not target.is_file() or STATIC not in target.parents:
        raise HTTPException(404, f"no static file {path}")
    return FileResponse(target, headers={"Cache-Control": "public, max-age=3600"})
