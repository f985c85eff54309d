"""Interface strings in Chinese and English, and the choice of language for a request."""

from __future__ import annotations

from fastapi import Request

LANGS = ("zh", "en")

STRINGS: dict[str, tuple[str, str]] = {
    "site": ("法治政府建设年度报告知识图谱", "Law-based government annual reports: knowledge graph"),
    "explore": ("探索", "Explore"),
    "reports": ("报告", "Reports"),
    "sparql": ("SPARQL 查询", "SPARQL query"),
    "api": ("接口文档", "API docs"),
    "search": ("搜索", "Search"),
    "search_placeholder": ("搜索机构、文件、机制……如 司法局、双随机", "Search agencies, documents, mechanisms… e.g. 司法局"),
    "no_results": ("没有结果", "No results"),
    "types": ("类型", "Types"),
    "facts": ("属性", "Facts"),
    "incoming": ("被引用", "Incoming links"),
    "evidence": ("证据", "Evidence"),
    "no_evidence": ("没有文本证据", "No evidence in the report texts"),
    "in_report": ("在报告中查看", "see in the report"),
    "formats": ("其他格式", "Other formats"),
    "labels": ("标签", "Labels"),
    "graph_hint": ("点击节点展开其邻居；双击打开实体页面。", "Click a node to expand its neighbours; double-click to open its page."),
    "open_page": ("打开页面", "Open page"),
    "contents": ("目录", "Contents"),
    "figures": ("数字", "Figures"),
    "text": ("正文", "Text"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "as_written": ("原文", "As written"),
    "measure": ("指标", "Measure"),
    "parts": ("分项", "Parts"),
    "check": ("核对", "Check"),
    "sum_ok": ("分项之和等于总数", "parts add up"),
    "sum_bad": ("分项之和不等于总数", "parts do not add up"),
    "issuer": ("发布机关", "Issuer"),
    "year": ("年度", "Year"),
    "published": ("发布日期", "Published"),
    "title": ("标题", "Title"),
    "mentions": ("提及", "Mentions"),
    "agency": ("机构", "Agency"),
    "document": ("文件", "Document"),
    "mechanism": ("机制", "Mechanism"),
    "figure": ("数字", "Figure"),
    "place": ("地区", "Place"),
    "legend": ("图例", "Legend"),
    "download": ("下载", "Download"),
    "hops": ("跳数", "Hops"),
    "reset": ("重置", "Reset"),
    "truncated": ("节点过多，已截断", "too many nodes: truncated"),
    "not_found": ("未找到", "Not found"),
    "report_count": ("份报告", "reports"),
    "language": ("English", "中文"),
    "report_page": ("报告全文", "Report page"),
    "report_json": ("报告 JSON", "report JSON"),
    "previous": ("上一页", "previous"),
    "next": ("下一页", "next"),
}


def lang_of(request: Request) -> str:
    """``?lang=``, else the ``lang`` cookie, else the first of zh/en in ``Accept-Language``, else zh."""
    q = request.query_params.get("lang", "").lower()[:2]
    if q in LANGS:
        return q
    c = request.cookies.get("lang", "").lower()[:2]
    if c in LANGS:
        return c
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGS:
            return code
    return "zh"


def translator(lang: str):
    """``t(key)`` → the interface string in ``lang``."""
    i = LANGS.index(lang) if lang in LANGS else 0

    def t(key: str) -> str:
        pair = STRINGS.get(key)
        return pair[i] if pair else key

    return t
