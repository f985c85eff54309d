"""A light SPARQL lexer for the endpoint's checks and rewrites (no full parse: the engine does that).

It tells the query form (SELECT, ASK, CONSTRUCT, DESCRIBE), finds operations that reach outside
(SERVICE, LOAD) wherever they hide (any case, after comments, in sub-queries, in updates), finds
dataset clauses, turns a DESCRIBE into the SELECT of the resources it describes, and adds the
protocol's ``using-graph-uri`` / ``using-named-graph-uri`` to update operations. Strings, IRIs,
comments, prefixed names and language tags are skipped, so a keyword inside them never counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PN_CHARS = r"\w\u00B7-\uFFFF"
_TOKEN = re.compile(
    rf"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<iri><[^<>"{{}}|^`\\\x00-\x20]*>)
  | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'''(?:[^'\\]|\\.|'(?!''))*'''
        |"(?:[^"\\\n\r]|\\.)*"|'(?:[^'\\\n\r]|\\.)*')
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<var>[?$][{_PN_CHARS}]+)
  | (?P<pname>(?:[{_PN_CHARS}][{_PN_CHARS}.\-]*)?:(?:[{_PN_CHARS}:%.\-]|\\.)*)
  | (?P<word>[A-Za-z_][\w]*)
  | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)

#: Operations that would make the server fetch from elsewhere (DEFINE: Virtuoso pragmas such as get:soft).
OUTBOUND_KEYWORDS = ("SERVICE", "LOAD", "DEFINE")
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # iri, string, langtag, var, pname, word, number, punct
    value: str
    start: int
    end: int
    depth: int  # brace depth before the token

    def is_word(self, *words: str) -> bool:
        return self.kind == "word" and self.value.upper() in words


def tokenize(text: str) -> list[Token]:
    """Significant tokens of a query or update (whitespace and comments dropped)."""
    out: list[Token] = []
    depth = 0
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "punct"
        if kind in ("ws", "comment"):
            continue
        value = m.group()
        if kind == "punct" and value == "}":
            depth = max(0, depth - 1)
        out.append(Token(kind, value, m.start(), m.end(), depth))
        if kind == "punct" and value == "{":
            depth += 1
    return out


def _skip_prologue(tokens: list[Token]) -> int:
    i = 0
    while i < len(tokens):
        if tokens[i].is_word("BASE"):
            i += 2
        elif tokens[i].is_word("PREFIX"):
            i += 3
        else:
            break
    return i


def query_form(tokens: list[Token]) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE; ``None`` when the text does not start like a query."""
    i = _skip_prologue(tokens)
    if i < len(tokens) and tokens[i].is_word(*QUERY_FORMS):
        return tokens[i].value.upper()
    return None


_PROLOGUE_FORM = re.compile(
    r"(?:\s+|\#[^\n]*|BASE\s*<[^<>\s]*>|PREFIX\s+[^\s:<>]*:\s*<[^<>\s]*>)*(SELECT|ASK|CONSTRUCT|DESCRIBE)\b",
    re.IGNORECASE,
)
#: Words whose presence means the query needs the full lexer (outbound operations, datasets, DESCRIBE).
_NEEDS_LEXER = ("service", "load", "define", "from", "describe", "using", "with")


@dataclass(frozen=True, slots=True)
class QueryFacts:
    """What the endpoint needs to know about a query before running it."""

    form: str | None
    outbound: str | None
    has_dataset: bool
    tokens: list[Token] | None  # only when the query needed the full lexer


_CODEPOINT_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def unescape_codepoints(text: str) -> str:
    """Apply SPARQL's ``\\uXXXX`` / ``\\UXXXXXXXX`` escapes, which some engines decode before parsing."""
    return _CODEPOINT_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def query_facts(text: str) -> QueryFacts:
    """Form, outbound operation and dataset clause of a query; the full lexer runs only when needed.

    A query with codepoint escapes is also checked as an engine that decodes them first would read it.
    """
    facts = _facts(text)
    if facts.outbound is None and ("\\u" in text or "\\U" in text):
        decoded = _facts(unescape_codepoints(text))
        if decoded.outbound is not None:
            return QueryFacts(facts.form, decoded.outbound, facts.has_dataset, facts.tokens)
    return facts


def _facts(text: str) -> QueryFacts:
    lowered = text.lower()
    if not any(word in lowered for word in _NEEDS_LEXER):
        m = _PROLOGUE_FORM.match(text)
        return QueryFacts(m.group(1).upper() if m else None, None, False, None)
    tokens = tokenize(text)
    return QueryFacts(query_form(tokens), outbound_operation(tokens), has_dataset_clause(tokens), tokens)


def outbound_operation(tokens: list[Token]) -> str | None:
    """The first keyword (SERVICE, LOAD, DEFINE) that could fetch data from outside the store, if any."""
    for t in tokens:
        if t.is_word(*OUTBOUND_KEYWORDS):
            return t.value.upper()
    return None


def has_dataset_clause(tokens: list[Token]) -> bool:
    """Whether a query names its dataset (FROM / FROM NAMED)."""
    return any(t.depth == 0 and t.is_word("FROM") for t in tokens)


def dataset_iris(tokens: list[Token]) -> list[str]:
    """Graph IRIs named by FROM / FROM NAMED / USING / WITH written as ``<…>`` (prefixed names skipped)."""
    out = []
    for i, t in enumerate(tokens):
        if t.is_word("FROM", "USING", "WITH"):
            j = i + 1
            if j < len(tokens) and tokens[j].is_word("NAMED"):
                j += 1
            if j < len(tokens) and tokens[j].kind == "iri":
                out.append(tokens[j].value[1:-1])
    return out


def describe_as_select(text: str, tokens: list[Token]) -> str | None:
    """The SELECT DISTINCT that binds the resources a DESCRIBE describes (``None`` if not a DESCRIBE)."""
    i = _skip_prologue(tokens)
    if i >= len(tokens) or not tokens[i].is_word("DESCRIBE"):
        return None
    j = i + 1
    projection = []
    while j < len(tokens) and not (
        tokens[j].is_word("FROM", "WHERE") or (tokens[j].kind == "punct" and tokens[j].value == "{")
    ):
        t = tokens[j]
        if t.kind == "var":
            projection.append("?" + t.value[1:])
        elif t.kind in ("iri", "pname"):
            projection.append(f"({t.value} AS ?__fz_describe{len(projection)})")
        elif t.value == "*":
            projection.append("*")
        else:
            break
        j += 1
    targets_end = tokens[j - 1].end if j > i + 1 else tokens[i].end
    # dataset clauses stay; a missing WHERE clause becomes an empty group
    k = j
    while k < len(tokens) and tokens[k].is_word("FROM"):
        k += 2 if not tokens[k + 1 : k + 2] or not tokens[k + 1].is_word("NAMED") else 3
    has_where = k < len(tokens) and (tokens[k].is_word("WHERE") or tokens[k].value == "{")
    rest_start = tokens[j].start if j < len(tokens) else len(text)
    insert_at = tokens[k - 1].end if k > j else targets_end
    head = text[: tokens[i].start] + "SELECT DISTINCT " + " ".join(projection or ["*"]) + " "
    if has_where:
        return head + text[rest_start:]
    return head + text[rest_start:insert_at] + " WHERE {} " + text[insert_at:]


class DatasetConflict(ValueError):
    """using-graph-uri / using-named-graph-uri given for an update that names its own dataset."""


def add_using(text: str, tokens: list[Token], using: list[str], using_named: list[str]) -> str:
    """Add the protocol's USING / USING NAMED graphs to every INSERT/DELETE … WHERE operation."""
    if not using and not using_named:
        return text
    if any(t.depth == 0 and t.is_word("USING", "WITH") for t in tokens):
        raise DatasetConflict(
            "using-graph-uri/using-named-graph-uri cannot be combined with USING or WITH in the update"
        )
    clause = "".join(f"USING <{g}> " for g in using) + "".join(f"USING NAMED <{g}> " for g in using_named)
    pieces, last = [], 0
    for i, t in enumerate(tokens):
        if t.depth == 0 and t.is_word("WHERE") and not (i > 0 and tokens[i - 1].is_word("DELETE")):
            pieces.append(text[last : t.start])
            pieces.append(clause)
            last = t.start
    pieces.append(text[last:])
    return "".join(pieces)


#: Stands for a graph the store does not hold (so a remote server has nothing to fetch).
ABSENT_GRAPH = "urn:x-fazhi:absent-graph"


class PrefixedDatasetName(ValueError):
    """A FROM/USING clause names its graph with a prefixed name (only full IRIs are checked)."""


def neutralise_dataset(text: str, tokens: list[Token], known: set[str]) -> str:
    """Replace graphs named by FROM / FROM NAMED / USING that the store lacks with :data:`ABSENT_GRAPH`.

    For servers that might dereference such IRIs: the dataset keeps its meaning (an unknown graph is
    empty either way) but nothing is fetched.
    """
    pieces, last = [], 0
    for i, t in enumerate(tokens):
        if not t.is_word("FROM", "USING"):
            continue
        j = i + 1
        if j < len(tokens) and tokens[j].is_word("NAMED"):
            j += 1
        if j >= len(tokens):
            break
        target = tokens[j]
        if target.kind == "pname":
            raise PrefixedDatasetName(f"write the graph after {t.value.upper()} as a full IRI <…>")
        if target.kind == "iri" and target.value[1:-1] not in known:
            pieces += [text[last : target.start], f"<{ABSENT_GRAPH}>"]
            last = target.end
    pieces.append(text[last:])
    return "".join(pieces)
