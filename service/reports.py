"""``/reports`` and ``/reports/{key}``: the ingested reports, their metadata, counts and figures.

HTML for a browser (the report list and the report page), JSON otherwise; a report's figures
as CSV or JSON (``/reports/{key}/figures.csv``) with the breakdown checks, for statistics software.
"""

from __future__ import annotations

import csv
import io
from dataclasses import asdict

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response

from service.api_docs import responses
from service.i18n import lang_of
from service.negotiate import choose, format_by_name
from service.report_data import list_reports, load_figures, load_report
from service.report_html import report_body

router = APIRouter(tags=["reports"])

FIGURE_COLUMNS = ["n", "iri", "raw", "value", "unit", "measure", "indicator", "qualifier", "part_of", "start", "end",
                  "parts", "parts_sum", "check"]


def _format(request: Request, format: str | None, allowed: list[str], default: str):
    fmt = format_by_name(format) if format else choose(request.headers.get("accept"), allowed, default)
    if fmt is None or fmt.name not in allowed:
        raise HTTPException(400, f"unknown format {format!r}; use one of {', '.join(allowed)}")
    return fmt


@router.get("/reports", summary="The ingested reports with metadata and counts (HTML, JSON or CSV)",
            responses=responses(["text/html", "application/json", "text/csv"], errors=(400,)))
def reports(request: Request, year: int | None = None, limit: int = Query(200, ge=1, le=10000),
            offset: int = Query(0, ge=0), format: str | None = Query(None, description="html, json or csv")):
    rows = list_reports(request.app.state.store, year, limit, offset)
    fmt = _format(request, format, ["html", "json", "csv"], "json")
    if fmt.name == "html":
        from service.pages import render

        return render(request, "reports.html", reports=rows, offset=offset, limit=limit,
                      more=len(rows) == limit)
    if fmt.name == "csv":
        out = io.StringIO()
        cols = ["key", "iri", "title", "issuer", "issuer_label", "jurisdiction", "year", "published"]
        count_cols = sorted({k for r in rows for k in r["counts"]})
        w = csv.writer(out)
        w.writerow(cols + count_cols)
        for r in rows:
            w.writerow([r.get(c) if r.get(c) is not None else "" for c in cols] + [r["counts"].get(c, 0) for c in count_cols])
        return Response(out.getvalue(), media_type=fmt.media_type)
    page = {"count": len(rows), "offset": offset, "limit": limit}
    if len(rows) == limit:
        page["next"] = f"/reports?format=json&offset={offset + limit}&limit={limit}" + (f"&year={year}" if year else "")
    return JSONResponse({**page, "reports": rows})


def figures_csv(figures: list[dict]) -> str:
    """The figures as CSV: one row per observation, ``part_of`` as the row number of its total."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(FIGURE_COLUMNS)
    for n, f in enumerate(figures):
        check = f["check"]
        w.writerow([
            n, f["iri"], f["raw"] or "", f["value"], f["unit"] or "", f["measure"] or "", f["indicator"] or "",
            f["qualifier"] or "", "" if f["part_of_index"] is None else f["part_of_index"],
            "" if f["start"] is None else f["start"], "" if f["end"] is None else f["end"],
            " ".join(map(str, f["parts"])), "" if not check else check["parts_sum"],
            "" if not check else ("ok" if check["ok"] else "mismatch"),
        ])
    return out.getvalue()


def figures_response(request: Request, key: str, fmt_name: str) -> Response:
    figs = load_figures(request.app.state.store, key, lang_of(request))
    from service.report_data import find_report

    if not figs and not find_report(request.app.state.store, key):
        raise HTTPException(404, f"no report {key}")
    if fmt_name == "csv":
        return Response(figures_csv(figs), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'inline; filename="{key}-figures.csv"'})
    bad = [n for n, f in enumerate(figs) if f["check"] and not f["check"]["ok"]]
    return JSONResponse({"report": key, "count": len(figs), "breakdowns_not_adding_up": bad, "figures": figs})


@router.get("/reports/{key}/figures.{ext}", summary="A report's figures as CSV or JSON",
            responses=responses(["application/json", "text/csv"], errors=(404,)))
def report_figures_ext(request: Request, key: str, ext: str):
    if ext not in ("csv", "json"):
        raise HTTPException(404, f"no figures.{ext}; use figures.csv or figures.json")
    return figures_response(request, key, ext)


@router.get("/reports/{key}/figures", summary="A report's figures with breakdown checks (JSON or CSV)",
            responses=responses(["application/json", "text/csv"], errors=(400, 404)))
def report_figures(request: Request, key: str, format: str | None = Query(None, description="json or csv")):
    return figures_response(request, key, _format(request, format, ["json", "csv"], "json").name)


@router.get("/reports/{key}", summary="One report: metadata, counts, sections, figures (HTML or JSON)",
            responses=responses(["text/html", "application/json"], errors=(400, 404)))
def report(request: Request, key: str, format: str | None = Query(None, description="html or json")):
    fmt = _format(request, format, ["html", "json"], "json")
    lang = lang_of(request)
    rep = load_report(request.app.state.store, key, lang)
    if rep is None:
        if fmt.name == "html":
            from service.pages import render

            return render(request, "not_found.html", status_code=404, iri=key)
        raise HTTPException(404, f"no report {key}")
    if fmt.name == "html":
        from service.pages import render

        return render(request, "report.html", report=rep, body=report_body(rep.text, rep.mentions, rep.sections))
    counts: dict[str, int] = {}
    for m in rep.mentions:
        counts[m.kind] = counts.get(m.kind, 0) + 1
    return JSONResponse({
        **rep.meta,
        "text_length": len(rep.text),
        "mention_counts": counts,
        "sections": [asdict(s) for s in rep.sections],
        "figures": rep.figures,
        "breakdowns_not_adding_up": [n for n, f in enumerate(rep.figures) if f["check"] and not f["check"]["ok"]],
        "links": {"html": f"/reports/{key}?format=html", "figures_csv": f"/reports/{key}/figures.csv",
                  "figures_json": f"/reports/{key}/figures.json", "rdf": rep.iri},
    })
