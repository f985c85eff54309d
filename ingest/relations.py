"""Relations the text states, anchored to the clause that states them (runs after agencies and figures).

Kinds (``Relation.kind``), with what ``subject`` and ``objects`` hold (IRIs):

* ``establishment`` (组建/成立/设立 X): subject = the new agency;
* ``merger`` (A与B合并, B并入A, 整合A、B组建C): subject = the resulting agency, objects = the merged ones;
* ``abolition`` (撤销/撤并/不再保留 X): subject = the abolished agency;
* ``renaming`` (A更名为B): subject = B, objects = [A];
* ``transfer`` (划转/划入/移交 … 到 X): subject = the receiving agency, objects = the giving ones;
* ``issued`` / ``revised`` / ``repealed`` (印发/制定/出台/签订 《…》, 修订 《…》, 废止 《…》): subject = the acting agency (the one
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
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

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
_ISSUE = re.compile(r"(印发|制定|制订|出台|制发|颁布|发布|编制|起草|签订|修订|修改|废止|宣布失效)")
_ADOPT = re.compile(r"(全面推行|推行|深化|全面落实|落实|实施|推进|探索|坚持发展|发展|建立健全|建立|健全|完善|执行|开展|推广)")
_GAP = re.compile(r"^[^,，、。;；:：“”《》]{0,6}$")
_TO = re.compile(r"(到|至|给|入|由)")
_PARTNER = re.compile(r"(联合|会同|配合|协同|协助|指导|督促|召开|参加|邀请|组织)")
_PREP = re.compile(r"(?<!》)(向|对|与|同|跟|为)$")
_SUBJECT_LEAD = re.compile(r"\s*(?:[一二三四五六七八九十]+是|由|经|同时|\d{4}年)?[,，、]?\s*")
_LIST_GLUE = re.compile(r"》[、和及与]?《")
_STOPS = "。;；!！?？\n"


@dataclass
class _Ctx:
    """A document with its mentions indexed by position."""

    doc: Doc
    agencies: _Index
    regulations: _Index
    mechanisms: _Index
    in_title: bytearray  # 1 where a position lies inside a 《》 title
    issuer: str


def extract_relations(doc: Doc) -> None:
    """Fill ``doc.relations``."""
    lo = doc.meta.header_end or 0
    in_title = bytearray(len(doc.norm) + 1)
    for r in doc.regulations:
        in_title[r.start : r.end] = b"\x01" * (r.end - r.start)
    ctx = _Ctx(doc, _Index(doc.agencies), _Index(doc.regulations), _Index(doc.mechanisms), in_title, _issuer_iri(doc))
    for m in _CLAUSE.finditer(doc.norm, lo):
        if ctx.agencies.inside(m.start(), m.end()):
            _events(ctx, m.start(), m.end())
    for m in _SUBCLAUSE.finditer(doc.norm, lo):
        _issued(ctx, m.start(), m.end())
        _adopted(ctx, m.start(), m.end())
    for r in doc.regulations:
        if doc.meta.iri and r.iri:
            doc.relations.append(Relation("cites", r.start, r.end, r.text, doc.meta.iri, [r.iri]))
    _names(ctx)


class _Index:
    """Mentions sorted by start, for the mentions inside a span in O(log n + k)."""

    def __init__(self, items: Sequence[AgencyMention | RegulationMention | MechanismMention]) -> None:
        self.items = sorted((x for x in items if x.iri), key=lambda x: (x.start, x.end))
        self.starts = [x.start for x in self.items]

    def inside(self, s: int, e: int) -> list:
        """Mentions within ``[s, e)``."""
        return [x for x in self.starting(s, e) if x.end <= e]

    def starting(self, s: int, e: int) -> list:
        """Mentions that start within ``[s, e)``."""
        i, out = bisect_left(self.starts, s), []
        while i < len(self.items) and self.items[i].start < e:
            out.append(self.items[i])
            i += 1
        return out


def _rel(
    doc: Doc, kind: str, s: int, e: int, subject: str, objects: list[str], verb: str, own: bool = True
) -> None:
    """Append a relation over ``[s, e)``; ``own`` = an act the report narrates (in the year reported on,
    so the year falls back to it); a document cited as another body's earlier act (中共中央印发的《…》,
    中办、国办《…》) is dated only by a year stated between the actor and the object."""
    text = doc.text[s:e]
    lead = len(text) - len(text.lstrip())
    s, text = s + lead, text.strip()
    scope = _sentence(doc.norm, s, s + len(text)) if own else (s, s + len(text))
    year = _year(doc.norm, *scope)
    attrs: dict[str, object] = {"verb": verb}
    if year:
        attrs["year"] = int(year.group(1))
    elif own and doc.meta.year and kind not in ("cites", "names"):
        attrs["year"] = doc.meta.year
    doc.relations.append(Relation(kind, s, s + len(text), text, subject, list(dict.fromkeys(objects)), attrs))


def _year(norm: str, s: int, e: int) -> re.Match[str] | None:
    """The first year (2019年) in ``[s, e)`` outside 《》 titles (not the 2025 of 纲要(2021-2025年))."""
    for m in _YEAR.finditer(norm, s, e):
        if norm.rfind("《", s, m.start()) <= norm.rfind("》", s, m.start()):
            return m
    return None


def _sentence(norm: str, s: int, e: int, reach: int = 300) -> tuple[int, int]:
    """The sentence around ``[s, e)`` (between 。；！？ or line breaks, at most ``reach`` further)."""
    start = max(norm.rfind(c, max(0, s - reach), s) for c in _STOPS) + 1
    ends = [i for c in _STOPS if (i := norm.find(c, e, e + reach)) >= 0]
    return max(start, s - reach), min(ends, default=min(len(norm), e + reach))


def _issuer_iri(doc: Doc) -> str:
    """IRI of the reporting body among the agency mentions, or ''."""
    names = {n for n in (doc.meta.issuer, doc.meta.jurisdiction) if n}
    for a in doc.agencies:
        if a.iri and a.name in names:
            return a.iri
    return ""


def _events(ctx: _Ctx, s: int, e: int) -> None:
    """Organisational change events stated in one clause."""
    doc, norm = ctx.doc, ctx.doc.norm
    for sub in _SUBCLAUSE.finditer(norm, s, e):
        ss, se = sub.span()
        subs = ctx.agencies.inside(ss, se)
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
                near = [a for a in ctx.agencies.starting(m.end(), min(se, m.end() + 8)) if a.end <= se]
                target = next((a for a in near if _GAP.match(norm[m.end() : a.start])), None)
                if target is not None:
                    _rel(doc, kind, ss, se, target.iri, [], m.group(0))
                    break
        if m := _TRANSFER.search(norm, ss, se):
            receivers = [
                a for a in subs
                if a.start >= m.end() and (_TO.search(norm, m.end(), a.start) or m.group(0) == "划入" and a.start - m.end() <= 2)
            ]  # fmt: skip
            if receivers:
                givers = [a.iri for a in subs if a.end <= m.start() and a.iri != receivers[0].iri]
                _rel(doc, "transfer", ss, se, receivers[0].iri, givers, m.group(0))


def _issued(ctx: _Ctx, s: int, e: int) -> None:
    """Documents issued or revised in one sub-clause: a verb followed by one or more 《》 titles."""
    doc, norm = ctx.doc, ctx.doc.norm
    used: set[int] = set()  # 起草印发《X》: one event per title, the first verb names it
    for m in _ISSUE.finditer(norm, s, e):
        if ctx.in_title[m.start()]:
            continue
        near = [t for t in ctx.regulations.starting(m.end(), min(e, m.end() + 8)) if t.end <= e]
        if not near or near[0].start in used or not _GAP.match(norm[m.end() : near[0].start - 1]):
            continue
        used.add(near[0].start)
        objects, last = [near[0].iri], near[0]
        while True:  # 《A》《B》、《C》和《D》
            nxt = [t for t in ctx.regulations.starting(last.end + 1, min(e, last.end + 4)) if t.end <= e]
            if not nxt or not _LIST_GLUE.fullmatch(norm, last.end, nxt[0].start):
                break
            objects.append(nxt[0].iri)
            last = nxt[0]
            used.add(last.start)
        actor = _actor(ctx, m.start())
        verb = m.group(0)
        kind = "revised" if verb in ("修订", "修改") else "repealed" if verb in ("废止", "宣布失效") else "issued"
        joint = _joint(norm, actor)  # 中共中央、国务院印发: the other issuers
        first = actor[-1 - len(joint)] if actor else None
        head = first.start if first is not None and first.start >= s else m.start()
        subject = actor[-1].iri if actor else ctx.issuer
        attributive = norm.startswith("的", m.end())  # 中共中央印发的《…》: an earlier act, cited
        _rel(doc, kind, head, last.end + 1, subject, objects, verb, own=not attributive)
        if joint:
            doc.relations[-1].attrs["with"] = [a.iri for a in joint]
    for t in ctx.regulations.starting(s, e):  # 中办、国办《…》: the issuer named right before the title
        if t.start in used or t.end > e:
            continue
        before = ctx.agencies.inside(max(s, t.start - 40), t.start - 1)
        if not before or before[-1].end != t.start - 1:
            continue
        joint = _joint(norm, before)
        _rel(doc, "issued", before[-1 - len(joint)].start, t.end + 1, before[-1].iri, [t.iri], "", own=False)
        if joint:
            doc.relations[-1].attrs["with"] = [a.iri for a in joint]


def _adopted(ctx: _Ctx, s: int, e: int) -> None:
    """A mechanism adopted in one sub-clause: an adoption verb shortly before the mechanism's name."""
    doc = ctx.doc
    for x in ctx.mechanisms.inside(s, e):
        if ctx.in_title[x.start]:
            continue
        lo = max(s, x.start - 14)
        before = doc.norm[lo : x.start - (1 if x.quoted else 0)]
        verb = next((m for m in _ADOPT.finditer(before) if _GAP.match(before[m.end() :])), None)
        if verb is None:
            continue
        actor = _actor(ctx, x.start)
        subject = actor[-1].iri if actor else ctx.issuer
        if subject:
            head = actor[-1].start if actor and actor[-1].start >= s else lo + verb.start()
            _rel(doc, "adopted", head, x.end + (1 if x.quoted else 0), subject, [x.iri], verb.group(0))


def _actor(ctx: _Ctx, pos: int) -> list:
    """Agencies that can be the subject of a verb at ``pos``, nearest last.

    Any agency earlier in the verb's own sub-clause, or one that opens an earlier sub-clause of the
    same sentence (the subject carries over commas: 县司法局起草…,制订…), but not an agency inside
    the object of an earlier verb (召开区委…会议,…推行).
    """
    norm = ctx.doc.norm
    start = _sentence(norm, pos, pos, reach=80)[0]
    sub_start = max(norm.rfind(c, start, pos) for c in ",，") + 1
    out = []
    for a in ctx.agencies.inside(start, pos):
        if a.start >= sub_start:
            partner = _PARTNER.search(norm, max(sub_start, a.start - 12), a.start)
            prep = _PREP.search(norm, max(sub_start, a.start - 2), a.start)
            if not partner and not prep:
                out.append(a)  # not 联合司法所、派出所建立… nor 向区人大常委会报告: not the subject
        else:
            lead = max(norm.rfind(c, start, a.start) for c in ",，") + 1
            if _SUBJECT_LEAD.fullmatch(norm, max(lead, start), a.start):
                out.append(a)
    return out


def _joint(norm: str, actor: list) -> list:
    """The agencies listed with 、 right before the last actor (中共中央、国务院 → [中共中央])."""
    out: list = []
    for prev, nxt in zip(reversed(actor[:-1]), reversed(actor[1:]), strict=False):
        if norm[prev.end : nxt.start] not in ("、", "和", "与", "及"):
            break
        out.append(prev)
    return out[::-1]


def _names(ctx: _Ctx) -> None:
    """Documents whose title names a mechanism (quoted inside the title, or a known label)."""
    pattern, by_label = unquoted_labels()
    norm = ctx.doc.norm
    for r in ctx.doc.regulations:
        found = [x.iri for x in ctx.mechanisms.inside(r.start, r.end)]
        found += [by_label[lab] for lab in pattern.findall(norm, r.start, r.end)]
        for iri in dict.fromkeys(found):
            ctx.doc.relations.append(Relation("names", r.start, r.end, r.text, r.iri, [iri], {}))
