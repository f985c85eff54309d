"""Documents cited in 《》: every span, its identity title, its type and a stable IRI.

Spans follow ANNOTATION §5: the inner text of every ``《([^《》]*)》`` (a 《 with no closing 》, or a
》 with no 《, gives nothing; a nested 《 restarts the span). Matching runs on ``doc.norm`` and the
reported ``text`` is sliced from ``doc.text``.

Identity (:func:`title_key`): one entity per document whatever the spacing, brackets, dashes,
quotes, version suffix or 中华人民共和国 prefix. Working documents whose title names no place
(``2021年法治建设工作要点``) belong to the reporting body, so their IRI is scoped by its division.
A short title the report defines (``(以下简称《B》)``) shares the full title's IRI, and so does a short
form of a national law or regulation that the report leaves undefined (《复议法》 → 行政复议法,
:mod:`ingest.national_laws`).
"""

from __future__ import annotations

import re
import unicodedata

from fazhi.iri import instance
from ingest.doc_types import classify_doc_type, title_level
from ingest.model import Doc, RegulationMention
from ingest.national_laws import full_title
from ingest.pinyin_slug import pinyin_slug

_SPAN = re.compile(r"《([^《》]{1,400})》")
_QUOTES = re.compile(r"[“”‘’\"'<>〈〉「」『』【】]")
_DASHES = "-—–－―~～至到"
_YEAR_RANGE = re.compile(rf"[(]?((?:19|20)\d\d)年?\s*[{_DASHES}]*\s*((?:19|20)\d\d)年?[)]?")
_VERSION = re.compile(r"\((?:试行|暂行|修订|修正|修订版|(?:19|20)\d\d年?(?:修订|修正|修订版)?)\)$")
_PRC = "中华人民共和国"
_WRAPPER = re.compile(r"^(?:.{0,30}?)关于(?:印发|转发|颁布|发布)(.{4,})的(?:通知|决定)$")
_ISSUER_CUT = re.compile(r"[,，。;；:：\n》”)(（）][^,，。;；:：\n》”)(（）]*$")  # 、 kept: 中办、国办
_ISSUER_TAIL = re.compile(
    r"(人民代表大会常务委员会|人民代表大会|人大常委会|人大|中共中央|党中央|国务院|中办|国办|办公厅|"
    r"委员会|[省市县区]委|党委|党组|政府|法院|检察院|[部委局厅署办])(?:联合)?(?:印发|制定|出台|发布|颁布|修订|下发)?的?$"
)
_SHORT_FORM = re.compile(r"\s*[(（]?\s*(?:以下简称|下称|简称)\s*《([^《》]{1,60})》")
_WORK_TYPES = {"work-document", "list", "report", "agreement"}


def title_key(inner: str) -> str:
    """The identity form of a title (normalised text inside 《》, see the module docstring)."""
    t = unicodedata.normalize("NFKC", inner)
    t = re.sub(r"\s+", "", t)
    t = _QUOTES.sub("", t)
    t = _YEAR_RANGE.sub(lambda m: f"({m.group(1)}-{m.group(2)})", t)
    t = re.sub(rf"[{_DASHES[:6]}]", "-", t)
    if t.startswith(_PRC) and len(t) > len(_PRC):
        t = t[len(_PRC) :]
    if m := _WRAPPER.match(t):  # 关于印发《X》的通知: the document is X, the notice its carrier
        t = m.group(1)
    while True:
        stripped = _VERSION.sub("", t)
        if stripped == t or not stripped:
            break
        t = stripped
    return t


def issuer_before(norm: str, start: int) -> str:
    """The issuer named right before a 《 (``中共中央、国务院《`` → ``中共中央、国务院``), or ''."""
    window = norm[max(0, start - 40) : start]
    if not _ISSUER_TAIL.search(window):
        return ""
    cut = _ISSUER_CUT.search(window)
    segment = window[cut.start() + 1 :] if cut else window
    return segment[-30:]


def _short_forms(norm: str, found: list[tuple[int, int, str, str]]) -> dict[str, str]:
    """Short titles the report defines: 《A》(以下简称《B》) → {key of B: key of A}."""
    alias: dict[str, str] = {}
    for _, end, key, _ in found:
        m = _SHORT_FORM.match(norm, end + 1)
        if m:
            short = title_key(m.group(1))
            if short != key and short not in alias:
                alias[short] = key
    return alias


def _identity(key: str) -> str:
    """The key a title is known by: a short form of a national title links to the full one."""
    return full_title(key) or key


def legal_iri(key: str, doc_type: str, scope: str | None) -> str:
    """``id/legal/{doc-type}[/{division}]/{slug}``."""
    parts = ["legal", doc_type] + ([scope] if scope else []) + [pinyin_slug(key)]
    return instance(*parts)


def extract_regulations(doc: Doc) -> None:
    """Fill ``doc.regulations`` with every 《》 span (after the CMS header), typed and linked."""
    lo = doc.meta.header_end or 0
    found: list[tuple[int, int, str, str]] = []  # start, end, key, issuer
    for m in _SPAN.finditer(doc.norm, lo):
        inner = m.group(1)
        if not inner.strip():
            continue
        found.append((m.start(1), m.end(1), title_key(inner), issuer_before(doc.norm, m.start())))
    alias = _short_forms(doc.norm, found)
    found = [(s, e, _identity(alias.get(key, key)), issuer) for s, e, key, issuer in found]
    # one type per document within the report: the first mention with a named issuer decides
    issuer_of: dict[str, str] = {}
    for _, _, key, issuer in found:
        if issuer and key not in issuer_of:
            issuer_of[key] = issuer
    typed: dict[str, tuple[str, str, str]] = {}
    for start, end, key, _ in found:
        if key not in typed:
            doc_type, rule = classify_doc_type(key, issuer_of.get(key, ""), doc.meta.level)
            scoped = title_level(key) is None and (
                re.match(r"^\d{4}年", key) is not None or doc_type in _WORK_TYPES
            )
            scope = doc.meta.division_code if scoped else None
            typed[key] = (doc_type, rule, legal_iri(key, doc_type, scope))
        doc_type, rule, iri = typed[key]
        doc.regulations.append(
            RegulationMention(
                text=doc.text[start:end], start=start, end=end, iri=iri, title=key,
                doc_type=doc_type, type_rule=rule,
            )
        )  # fmt: skip
