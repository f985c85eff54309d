"""Relations the text states, anchored to the clause that states them (runs after agencies and figures).

Kinds (``Relation.kind``), with what ``subject`` and ``objects`` hold (IRIs):

* ``establishment`` (组建/成立/设立 X): subject = the new agency;
* ``merger`` (A与B合并, B并入A, 整合A、B组建C): subject = the resulting agency, objects = the merged ones;
* ``abolition`` (撤销/撤并/不再保留 X): subject = the abolished agency;
* ``renaming`` (A更名为B): subject = B, objects = [A];
* ``transfer`` (划转/划入/移交 … 到 X): subject = the receiving agency, objects = the giving ones;
* ``issued`` / ``revised`` (印发/制定/出台/签订 《…》, 修订 《…》): subject = the acting agency (the one
  named before the verb in the clause, else the reporting body), objects = the documents;
* ``adopted`` (推行/深化/落实/实施/探索 + a mechanism): subject = the adopting agency, objects = [mechanism];
* ``cites``: subject = the report, objects = [the document], one per 《》 mention;
* ``names``: subject = a document whose title names a mechanism, objects = [that mechanism].

``attrs`` holds the trigger ``verb`` and, for events, the ``year`` (a year in the clause, else the
year reported on). Agencies, documents and mechanisms come from ``doc.agencies``,
``doc.regulations`` and ``doc.mechanisms``: a relation is only stated between things found there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ingest.mechanisms import unquoted_labels
from ingest.model import AgencyMention, Doc, MechanismMention, RegulationMention, Relation

_CLAUSE = re.compile(r"[^。;；!！?？\n]+")
_SUBCLAUSE = re.compile(r"[^,，。;；!！?？\n]+")
_YEAR = re.compile(r"((?:19|20)\d\d)年")

_ESTABLISH = re.compile(r"(新组建|组建|挂牌成立|成立|设立)")
_ABOLISH = re.compile(r"(撤销|撤并|不再保留)")
_RENAME = re.compile(r"更名为")
_MERGE = re.compile(r"(合并|并入|整合组建|合并组建|合并设立)")
_TRANSFER = re.compile(r"(划转|划入|移交)")
_ISSUE = re.compile(r"(印发|制定|出台|制发|颁布|发布|编制|起草|签订|修订|修改)")
_ADOPT = re.compile(r"(全面推行|推行|深化|全面落实|落实|实施|推进|探索|坚持发展|发展|建立健全|建立|健全|完善|执行|开展|推广)")
_GAP = re.compile(r"^[^,，、。;；:：“”《》]{0,6}$")


def extract_relations(doc: Doc) -> None:
    """Fill ``doc.relations``."""
    lo = doc.meta.header_end or 0
    issuer = _issuer_iri(doc)
    for m in _CLAUSE.finditer(doc.norm, lo):
        _events(doc, m.start(), m.end())
    for m in _SUBCLAUSE.finditer(doc.norm, lo):
        _issued(doc, m.start(), m.end(), issuer)
        _adopted(doc, m.start(), m.end(), issuer)
    for r in doc.regulations:
        if doc.meta.iri and r.iri:
            doc.relations.append(Relation("cites", r.start, r.end, r.text, doc.meta.iri, [r.iri]))
    _names(doc)


def _inside(items: Sequence[AgencyMention | RegulationMention | MechanismMention], s: int, e: int) -> list:
    return sorted((x for x in items if s <= x.start and x.end <= e and x.iri), key=lambda x: x.start)


def _rel(doc: Doc, kind: str, s: int, e: int, subject: str, objects: list[str], verb: str) -> None:
    text = doc.text[s:e]
    lead = len(text) - len(text.lstrip())
    s, text = s + lead, text.strip()
    year = _YEAR.search(doc.norm, *_sentence(doc.norm, s, s + len(text)))
    attrs: dict[str, object] = {"verb": verb}
    if year:
        attrs["year"] = int(year.group(1))
    elif doc.meta.year and kind not in ("cites", "names"):
        attrs["year"] = doc.meta.year
    doc.relations.append(Relation(kind, s, s + len(text), text, subject, list(dict.fromkeys(objects)), attrs))


def _sentence(norm: str, s: int, e: int) -> tuple[int, int]:
    """The sentence around ``[s, e)`` (between 。；！？ or line breaks)."""
    start = max(norm.rfind(c, 0, s) for c in "。;；!！?？\n") + 1
    ends = [i for c in "。;；!！?？\n" if (i := norm.find(c, e)) >= 0]
    return start, min(ends, default=len(norm))


def _in_title(doc: Doc, pos: int) -> bool:
    return any(r.start <= pos < r.end for r in doc.regulations)


def _issuer_iri(doc: Doc) -> str:
    """IRI of the reporting body among the agency mentions, or ''."""
    names = {n for n in (doc.meta.issuer, doc.meta.jurisdiction) if n}
    for a in doc.agencies:
        if a.iri and a.name in names:
            return a.iri
    return ""


def _events(doc: Doc, s: int, e: int) -> None:
    """Organisational change events stated in one clause."""
    norm = doc.norm
    agencies = _inside(doc.agencies, s, e)
    if not agencies:
        return
    for sub in _SUBCLAUSE.finditer(norm, s, e):
        ss, se = sub.span()
        subs = [a for a in agencies if ss <= a.start and a.end <= se]
        if not subs:
            continue
        if m := _RENAME.search(norm, ss, se):
            before = [a for a in subs if a.end <= m.start()]
            after = [a for a in subs if a.start >= m.end()]
            if before and after:
                _rel(doc, "renaming", ss, se, after[0].iri, [before[-1].iri], m.group(0))
            continue
        if m := _MERGE.search(norm, ss, se):
            before = [a for a in subs if a.end <= m.start()]
            after = [a for a in subs if a.start >= m.end()]
            if m.group(0) == "并入" and before and after:
                _rel(doc, "merger", ss, se, after[0].iri, [after[0].iri] + [a.iri for a in before], m.group(0))
            elif after and "组建" in norm[m.start() : after[0].start]:
                _rel(doc, "merger", ss, se, after[0].iri, [a.iri for a in before], m.group(0))
            elif len(before) >= 2:
                _rel(doc, "merger", ss, se, before[0].iri, [a.iri for a in before], m.group(0))
            continue
        for pattern, kind in ((_ESTABLISH, "establishment"), (_ABOLISH, "abolition")):
            for m in pattern.finditer(norm, ss, se):
                target = next((a for a in subs if a.start >= m.end() and _GAP.match(norm[m.end() : a.start])), None)
                if target is not None and not (kind == "establishment" and _MERGE.search(norm, ss, se)):
                    _rel(doc, kind, ss, se, target.iri, [], m.group(0))
                    break
        if m := _TRANSFER.search(norm, ss, se):
            receivers = [a for a in subs if a.start >= m.end() and re.search(r"(到|至|给|入|由)", norm[m.end() : a.start])]
            if receivers:
                givers = [a.iri for a in subs if a.end <= m.start() and a.iri != receivers[0].iri]
                _rel(doc, "transfer", ss, se, receivers[0].iri, givers, m.group(0))


def _issued(doc: Doc, s: int, e: int, issuer: str) -> None:
    """Documents issued or revised in one sub-clause: a verb followed by one or more 《》 titles."""
    titles = _inside(doc.regulations, s, e)
    if not titles:
        return
    for m in _ISSUE.finditer(doc.norm, s, e):
        if _in_title(doc, m.start()):
            continue
        following = [t for t in titles if t.start > m.end()]
        if not following or not _GAP.match(doc.norm[m.end() : following[0].start - 1]):
            continue
        objects = [following[0].iri]
        for prev, nxt in zip(following, following[1:], strict=False):  # 《A》《B》、《C》和《D》
            if re.fullmatch(r"》[、和及与]?《", doc.norm[prev.end : nxt.start]):
                objects.append(nxt.iri)
            else:
                break
        actor = [a for a in _inside(doc.agencies, s, m.start())]
        kind = "revised" if m.group(0) in ("修订", "修改") else "issued"
        _rel(doc, kind, s, e, actor[-1].iri if actor else issuer, objects, m.group(0))


def _adopted(doc: Doc, s: int, e: int, issuer: str) -> None:
    """A mechanism adopted in one sub-clause: an adoption verb shortly before the mechanism's name."""
    mechs = _inside(doc.mechanisms, s, e)
    for x in mechs:
        if _in_title(doc, x.start):
            continue
        before = doc.norm[s : x.start - (1 if x.quoted else 0)]
        verb = None
        for m in _ADOPT.finditer(before):
            if _GAP.match(before[m.end() :]):
                verb = m.group(0)
                break
        if verb is None:
            continue
        actor = [a for a in _inside(doc.agencies, s, x.start)]
        subject = actor[-1].iri if actor else issuer
        if subject:
            _rel(doc, "adopted", s, e, subject, [x.iri], verb)


def _names(doc: Doc) -> None:
    """Documents whose title names a mechanism (quoted inside the title, or a known label)."""
    pattern, by_label = unquoted_labels()
    for r in doc.regulations:
        found = [x.iri for x in doc.mechanisms if r.start <= x.start and x.end <= r.end and x.iri]
        found += [iri for lab in pattern.findall(doc.norm, r.start, r.end) if (iri := by_label[lab])]
        for iri in dict.fromkeys(found):
            doc.relations.append(Relation("names", r.start, r.end, r.text, r.iri, [iri], {}))
