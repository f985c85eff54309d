"""The document model shared by every ingest component, and the ``fazhi extract`` JSON contract.

Offsets are Unicode code points into ``Doc.text`` (the decoded text, BOM removed), half-open
``[start, end)``, so ``doc.text[m.start:m.end] == m.text`` for every mention. Components match on
``Doc.norm``, a copy of the same length with traditional characters simplified and full-width
ASCII folded (see ``ingest.normalize``), and slice ``Doc.text`` for what they report.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Section:
    """A numbered heading and the extent of its section.

    ``start``/``end`` cover the whole section (heading to the next heading of the same or a higher
    level); ``title_start``/``title_end`` the heading title only; ``parent`` is the index of the
    enclosing section in ``Doc.sections`` or ``None``.
    """

    number: str
    title: str
    level: int
    start: int
    end: int
    title_start: int = -1
    title_end: int = -1
    parent: int | None = None


@dataclass
class AgencyMention:
    """A mention of a public body, linked to its canonical agency."""

    text: str
    start: int
    end: int
    iri: str = ""
    name: str = ""  # canonical full name, e.g. 台儿庄区司法局
    type: str = ""  # agency-type notation, e.g. justice-bureau
    confidence: float = 1.0


@dataclass
class RegulationMention:
    """A document cited in 《》: ``text`` is the title inside the brackets."""

    text: str
    start: int
    end: int
    iri: str = ""
    title: str = ""  # normalised title used for identity
    doc_type: str = ""  # doc-type notation, e.g. law, local-regulation, normative-document
    type_rule: str = ""  # id of the rule that decided the type, e.g. S7/issuer


@dataclass
class MechanismMention:
    """A mention of a mechanism or reform; ``text`` is the name (inside “” when quoted)."""

    text: str
    start: int
    end: int
    iri: str = ""
    label: str = ""  # the concept's preferred label
    quoted: bool = True


@dataclass
class QuotedOther:
    """A “” span that does not name a mechanism (honour, platform, metaphor, plan period …)."""

    text: str
    start: int
    end: int
    category: str = ""


@dataclass
class Figure:
    """A number with its unit: a count, amount, rate or duration."""

    text: str
    start: int
    end: int
    value: float | int
    unit: str
    approx: bool = False
    measure: str = ""
    part_of: int | None = None
    iri: str = ""
    qualifier: str = "exact"  # exact | approx | more-than | at-least | less-than | at-most
    indicator: str | None = None  # indicator notation, when one fits
    rate_of: dict[str, Any] | None = None  # {"numerator": [idx…], "denominator": idx}
    optional: bool = False  # hierarchy words, cycles … (never scored)


@dataclass
class Relation:
    """A relation the text states (组建, 合并, 印发, 推行 …), anchored to its evidence span."""

    kind: str  # establishment | merger | abolition | renaming | transfer | issued | revised | adopted
    start: int
    end: int
    text: str
    subject: str = ""  # IRI
    objects: list[str] = field(default_factory=list)  # IRIs
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReportMeta:
    """What the report says about itself."""

    title: str | None = None
    title_start: int = -1
    title_end: int = -1
    issuer: str | None = None  # canonical full name of the issuing body
    jurisdiction: str | None = None  # the body whose report it is, full simplified name
    division_code: str | None = None  # GB/T 2260 code of the jurisdiction's division
    division_name: str | None = None  # e.g. 台儿庄区
    level: str | None = None  # province | prefecture | county | township | national
    year: int | None = None
    published: str | None = None  # YYYY-MM-DD
    header: dict[str, str] = field(default_factory=dict)  # CMS fields: 索引号, 发布机构, 成文时间 …
    header_end: int = 0  # offset where the CMS header list ends
    addressee: list[str] = field(default_factory=list)
    confidence: dict[str, float] = field(default_factory=dict)  # per field, 0..1
    evidence: dict[str, str] = field(default_factory=dict)  # per field: which clue decided it
    iri: str = ""
    key: str = ""  # report key used in graph and span IRIs, e.g. 370405-2019-gov


@dataclass
class Doc:
    """One report being processed."""

    source: str
    sha256: str
    text: str
    norm: str = ""
    encoding: str = "utf-8"
    source_info: dict[str, str] = field(default_factory=dict)  # the file's row in a SOURCES.tsv (url, title …)
    media_type: str = "text/plain"  # of the original file: text/html, application/pdf …
    source_metadata: dict[str, str] = field(default_factory=dict)  # the file's disclosure table / properties
    source_url: str | None = None  # the web page's own address (canonical link, og:url)
    meta: ReportMeta = field(default_factory=ReportMeta)
    sections: list[Section] = field(default_factory=list)
    agencies: list[AgencyMention] = field(default_factory=list)
    regulations: list[RegulationMention] = field(default_factory=list)
    mechanisms: list[MechanismMention] = field(default_factory=list)
    quoted_other: list[QuotedOther] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str, source: str = "<text>", raw: bytes | None = None) -> Doc:
        """A document over ``text``; ``raw`` (the file's bytes) gives the sha256."""
        from ingest.normalize import normalize

        digest = hashlib.sha256(raw if raw is not None else text.encode("utf-8")).hexdigest()
        return cls(source=source, sha256=digest, text=text, norm=normalize(text))

    def to_extract_json(self) -> dict[str, Any]:
        """The ``fazhi extract`` JSON: the contract keys first, extra keys after them."""
        m = self.meta

        def mention(x: Any, keys: tuple[str, ...], extra: tuple[str, ...] = ()) -> dict[str, Any]:
            d = asdict(x)
            return {k: d[k] for k in keys + extra}

        return {
            "source": self.source,
            "sha256": self.sha256,
            "report": {
                "title": m.title,
                "issuer": m.issuer,
                "jurisdiction": m.jurisdiction,
                "year": m.year,
                "published": m.published,
                "iri": m.iri,
                "division_code": m.division_code,
                "level": m.level,
                "header": m.header,
                "addressee": m.addressee,
                "confidence": m.confidence,
                "evidence": m.evidence,
            },
            "sections": [
                mention(s, ("number", "title", "level", "start", "end"), ("title_start", "title_end", "parent"))
                for s in self.sections
            ],
            "agencies": [mention(a, ("text", "start", "end", "iri"), ("name", "type", "confidence")) for a in self.agencies],
            "regulations": [
                mention(r, ("text", "start", "end", "iri"), ("title", "doc_type", "type_rule")) for r in self.regulations
            ],
            "mechanisms": [
                mention(x, ("text", "start", "end", "iri"), ("label",)) for x in self.mechanisms if x.quoted
            ],
            "unquoted_mechanisms": [
                mention(x, ("text", "start", "end", "iri"), ("label",)) for x in self.mechanisms if not x.quoted
            ],
            "quoted_other": [asdict(q) for q in self.quoted_other],
            "figures": [
                mention(
                    f,
                    ("text", "start", "end", "value", "unit", "approx", "measure", "part_of", "iri"),
                    ("qualifier", "indicator", "rate_of", "optional"),
                )
                for f in self.figures
            ],
            "relations": [asdict(r) for r in self.relations],
            "media_type": self.media_type,
            "source_metadata": self.source_metadata,
            "source_url": self.source_url,
            "warnings": self.warnings,
        }
