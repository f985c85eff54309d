"""The report text as HTML: every mention highlighted by kind and linked, section anchors for the contents."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from service.ld_common import iri_to_path


def nested(mentions: list) -> list:
    """Mentions that nest properly (outermost first); a span crossing an open one is dropped."""
    kept, stack = [], []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end, m.target)):
        while stack and stack[-1].end <= m.start:
            stack.pop()
        if stack and (m.end > stack[-1].end or (m.start, m.end) == (stack[-1].start, stack[-1].end)):
            continue
        kept.append(m)
        stack.append(m)
    return kept


def report_body(text: str, mentions: list, sections: list) -> Markup:
    """``text`` with ``<span class="mention KIND" id="m-START-END" data-href=…>`` around each mention.

    Each section start gets an anchor ``sec-N`` (N counts from 1 in ``sections`` order).
    """
    opens: dict[int, list] = {}
    closes: dict[int, int] = {}
    for m in nested(mentions):
        opens.setdefault(m.start, []).append(m)
        closes[m.end] = closes.get(m.end, 0) + 1
    anchors: dict[int, list[int]] = {}
    for n, s in enumerate(sections, 1):
        if 0 <= s.start <= len(text):
            anchors.setdefault(s.start, []).append(n)
    points = sorted(set(opens) | set(closes) | set(anchors) | {0, len(text)})
    out: list[str] = []
    prev = 0
    for p in points:
        out.append(escape(text[prev:p], quote=False))
        out.append("</span>" * closes.get(p, 0))
        out.extend(f'<span class="sec-anchor" id="sec-{n}"></span>' for n in anchors.get(p, []))
        for m in opens.get(p, []):
            out.append(
                f'<span class="mention {m.kind}" id="m-{m.start}-{m.end}" data-kind="{m.kind}" '
                f'data-href="{escape(iri_to_path(m.target))}" title="{escape(m.label)}" tabindex="0" role="link">'
            )
        prev = p
    return Markup("".join(out))
