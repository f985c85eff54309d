"""The file's own metadata (a web page's disclosure table) filling what the report's text does not say.

Runs right after ``ingest.metadata``. Each disclosure field (索引号, 发布机构, 成文日期, 文号 …) joins
``doc.meta.header`` when the text's own CMS list lacks it, so later components and the RDF mapping
treat it like a header field (发布机构 is the jurisdiction component's issuer hint, 索引号 becomes
``fz:indexNumber``). The text's own values win: a field that both give differently stays as the
text has it, with a warning. The publication date comes from 成文日期/发文日期/发布日期 when the text
gives none.
"""

from __future__ import annotations

import re

from ingest.metadata import parse_date
from ingest.model import Doc

#: Disclosure fields that date the report, best first.
_DATE_KEYS = ("成文日期", "成文时间", "发文日期", "发文时间", "发布日期", "发布时间", "公开日期", "生成日期")
#: The same field under another printed label.
_ALIASES = {"成文时间": "成文日期", "发文时间": "发文日期", "发布时间": "发布日期", "发文字号": "文号",
            "名称": "标题", "信息名称": "标题", "发文机关": "发布机构", "发布单位": "发布机构"}


def _squash(value: str) -> str:
    return re.sub(r"\s+", "", value)


def _same(a: str, b: str) -> bool:
    da, db = parse_date(a), parse_date(b)
    if da and db:
        return da == db
    return _squash(a) == _squash(b)


def apply_source_metadata(doc: Doc) -> None:
    """Merge ``doc.source_metadata`` into ``doc.meta`` (header fields, published date, year)."""
    if not doc.source_metadata:
        return
    meta = doc.meta
    own = {_ALIASES.get(_squash(k), _squash(k)): v for k, v in meta.header.items()}
    added = []
    for key, value in doc.source_metadata.items():
        key = _squash(key)
        canonical = _ALIASES.get(key, key)
        if canonical in own:
            if not _same(own[canonical], value):
                doc.warnings.append(
                    f"{doc.source}: the page's {key} {value!r} differs from the text's {own[canonical]!r}; "
                    "the text's value is kept"
                )
            continue
        meta.header[key] = value
        own[canonical] = value
        added.append(key)
    if added:
        meta.evidence["page metadata"] = "fields from the page's disclosure table: " + "、".join(added)
    _apply_date(doc)


def _apply_date(doc: Doc) -> None:
    meta = doc.meta
    key, iso = next(
        ((k, d) for k in _DATE_KEYS if (d := parse_date(_fold_digits(doc.source_metadata.get(k, ""))))), (None, None)
    )
    if iso is None:
        return
    if meta.published and meta.published != iso:
        if meta.evidence.get("published", "").startswith("CMS header"):
            return  # the merged header: the text's own CMS list already decided, its conflict is warned above
        doc.warnings.append(
            f"{doc.source}: the page's {key} {iso} differs from the date the text gives ({meta.published}); "
            "the text's date is kept"
        )
        return
    if meta.published:
        return
    meta.published = iso
    meta.confidence["published"] = 0.9
    meta.evidence["published"] = f"page metadata {key}"
    if meta.year is None:  # reports are published early in the year after the one they cover
        year, month = int(iso[:4]), int(iso[5:7])
        meta.year = year - 1 if month <= 6 else year
        meta.confidence["year"] = 0.6
        meta.evidence["year"] = f"page metadata {key} (reports are published early in the next year)"


def _fold_digits(s: str) -> str:
    return s.translate({0xFF10 + i: str(i) for i in range(10)})


__all__ = ["apply_source_metadata"]
