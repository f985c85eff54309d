"""Mechanisms: every “…” span classified, plus unquoted mentions of known mechanisms.

* Quoted spans follow ANNOTATION §6: the inner text of every ``“([^“”]*)”`` (also inside 《》). A span
  naming a mechanism, reform, system, principle, slogan, formula or campaign goes to
  ``doc.mechanisms`` (``quoted=True``); any other goes to ``doc.quoted_other`` with its category
  (:mod:`ingest.quote_classes`).
* Identity: a name the seed scheme knows (:mod:`ingest.mechanism_scheme`, with its variant names)
  takes that concept's IRI; a new mechanism gets ``scheme/mechanism/{slug}`` from its identity key,
  so the same name in any report gets the same IRI.
* Unquoted mentions: the labels of known concepts found outside “” and 《》 (``quoted=False``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from fazhi.iri import concept
from ingest.mechanism_scheme import CONCEPTS, Concept, lookup, mechanism_key
from ingest.model import Doc, MechanismMention, QuotedOther
from ingest.pinyin_slug import pinyin_slug
from ingest.quote_classes import classify_quote, says_mechanism

_QUOTE = re.compile(r"“([^“”]{1,500})”")
_TITLE = re.compile(r"《[^《》]{1,400}》")
_CONTEXT = 8


def _known(name: str) -> object:
    """The seed concept of a name (looked up through the module so tests can switch it off)."""
    return lookup(name)


@lru_cache(maxsize=4096)
def mechanism_iri(name: str) -> tuple[str, str]:
    """(IRI, preferred label) of the mechanism a name denotes: a seed concept or a minted one."""
    known = lookup(name)
    if known is not None:
        return concept("mechanism", known.notation), known.zh
    key = mechanism_key(name)  # the label of a minted concept is its key: a pure function of the IRI
    return concept("mechanism", pinyin_slug(key)), key


def extract_mechanisms(doc: Doc) -> None:
    """Fill ``doc.mechanisms`` and ``doc.quoted_other``."""
    lo = doc.meta.header_end or 0
    norm = doc.norm
    matches = [m for m in _QUOTE.finditer(norm, lo) if m.group(1).strip()]
    quoted = [(m.start(), m.end()) for m in matches]
    contexts = _contexts(norm, matches, lo)
    categories = _consistent([m.group(1) for m in matches], contexts)
    for m, category in zip(matches, categories, strict=True):
        start, end, name = m.start(1), m.end(1), m.group(1)
        text = doc.text[start:end]
        if category is not None:
            doc.quoted_other.append(QuotedOther(text=text, start=start, end=end, category=category))
            continue
        iri, label = mechanism_iri(name)
        doc.mechanisms.append(MechanismMention(text=text, start=start, end=end, iri=iri, label=label, quoted=True))
    blocked = quoted + [(m.start(), m.end()) for m in _TITLE.finditer(norm, lo)]
    doc.mechanisms.extend(_unquoted(doc, lo, blocked))
    doc.mechanisms.sort(key=lambda x: (x.start, x.end))


def _consistent(names: list[str], contexts: list[tuple[str, str]]) -> list[str | None]:
    """The category of each quote, one per name in a report: a name that one mention's neighbours show
    to be a named thing (依托“X”平台) is that thing at its other, cue-less mentions too (提升“X”应用水平),
    unless a mention is followed by a system word (“X”制度) or the seed scheme knows the name."""
    categories = [
        classify_quote(name, before, after) if _known(name) is None else None
        for name, (before, after) in zip(names, contexts, strict=True)
    ]
    decided: dict[str, str | None] = {}
    for name, (_, after), category in zip(names, contexts, categories, strict=True):
        key = mechanism_key(name)
        if category is None and (_known(name) is not None or says_mechanism(after)):
            decided[key] = None
        elif category is not None:
            decided.setdefault(key, category)
    return [decided.get(mechanism_key(name), category) for name, category in zip(names, categories, strict=True)]


def _contexts(norm: str, matches: list[re.Match[str]], lo: int) -> list[tuple[str, str]]:
    """(before, after) context of each quote; quotes listed side by side (“A”“B”等平台, “A”、“B”称号)
    share the words before the first and after the last of the run."""
    out: list[tuple[str, str]] = []
    i = 0
    while i < len(matches):
        j = i
        while j + 1 < len(matches) and _RUN_GLUE.fullmatch(norm, matches[j].end(), matches[j + 1].start()):
            j += 1
        first, last = matches[i], matches[j]
        context = (norm[max(lo, first.start() - _CONTEXT) : first.start()], norm[last.end() : last.end() + _CONTEXT])
        out.extend([context] * (j - i + 1))
        i = j + 1
    return out


_RUN_GLUE = re.compile(r"[、,，和与及或]?")

#: An unquoted label followed by one of these is part of an agency's name (区综合行政执法大队) or of
#: an indicator (出庭应诉率, 全程网办率), not a mention of the mechanism.
_ORG_AFTER = re.compile(r"(大队|支队|中队|队|局|中心|办公室|办|所|科|站|处|率|数|量)")


def _unquoted(doc: Doc, lo: int, blocked: list[tuple[int, int]]) -> list[MechanismMention]:
    """Unquoted mentions of seed concepts, outside the blocked spans (quotes, titles) and agency names."""
    pattern, by_label = _label_matcher()
    mask = bytearray(len(doc.norm) + 1)
    for bs, be in blocked:
        mask[bs:be] = b"\x01" * (be - bs)
    out: list[MechanismMention] = []
    for m in pattern.finditer(doc.norm, lo):
        s, e = m.span()
        if mask[s] or mask[e - 1] or _ORG_AFTER.match(doc.norm, e):
            continue
        c = by_label[m.group(0)]
        out.append(
            MechanismMention(
                text=doc.text[s:e], start=s, end=e, iri=concept("mechanism", c.notation), label=c.zh, quoted=False
            )
        )
    return out


def unquoted_labels() -> tuple[re.Pattern[str], dict[str, str]]:
    """The matcher of labels found without quotes, and each label's concept IRI."""
    pattern, by_label = _label_matcher()
    return pattern, {label: concept("mechanism", c.notation) for label, c in by_label.items()}


@lru_cache(maxsize=1)
def _label_matcher() -> tuple[re.Pattern[str], dict[str, Concept]]:
    """One alternation (longest label first) over the labels that may be matched without quotes."""
    by_label: dict[str, Concept] = {}
    for c in CONCEPTS:
        for label in c.labels():
            if label in c.quoted_only or len(label) < 3 and not re.match(r"^[一二两三四五六七八九十]", label):
                continue
            by_label.setdefault(label, c)
            by_label.setdefault(label.replace("、", ""), c)
    alternation = "|".join(re.escape(x) for x in sorted(by_label, key=len, reverse=True))
    return re.compile(alternation), by_label
