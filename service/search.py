"""``/search?q=…``: look entities up by label (Chinese substrings, English, traditional forms) or IRI.

An in-memory :class:`LabelIndex` is built once from the store (labels, types and mention counts: a
few SPARQL queries, no whole-graph load) and rebuilt when the store changes. All normalised
labels sit in one string, so a substring look-up is ``str.find`` at C speed over it, then a
ranking: exact, then prefix, then substring (then IRI matches); ties by mention count.
"""

from __future__ import annotations

import logging
import threading
import time
from bisect import bisect_right
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from fastapi import APIRouter, HTTPException, Query, Request

from service.api_docs import responses
from service.ld_common import LABEL_PREDICATES, MENTIONS, curie, iri_to_path, kind_of, local_name, pick_label

log = logging.getLogger(__name__)
SEP = "\x00"
RANKS = {"exact": 0, "prefix": 1, "substring": 2, "iri": 3}


@asynccontextmanager
async def warm_index(app):
    """Build the label index in the background at start-up (local stores), so the first /search is fast."""
    from fazhi.store import LocalStore

    store = getattr(app.state, "store", None)
    if isinstance(store, LocalStore):
        cache = app.state.label_index = IndexCache()

        def build() -> None:
            try:
                cache.get(store)
            except Exception as e:  # a failed warm-up only means the first /search builds it
                log.warning("search index warm-up failed: %s", e)

        threading.Thread(target=build, name="fazhi-search-index", daemon=True).start()
    yield


router = APIRouter(tags=["search"], lifespan=warm_index)



def norm(text: str) -> str:
    """Label normal form: full-width folded, traditional → simplified, lower case, spaces squeezed."""
    from ingest.normalize import normalize

    return " ".join(normalize(text.replace(SEP, " ")).lower().split())


@dataclass
class Entry:
    """One entity in the index."""

    iri: str
    labels: dict[str, str] = field(default_factory=dict)  # lang → display label
    all_labels: list[str] = field(default_factory=list)
    types: set[str] = field(default_factory=set)
    mentions: int = 0


class LabelIndex:
    """Labels of every IRI that has one, searchable by substring."""

    def __init__(self, store):
        preds = " ".join(f"<{p}>" for p in LABEL_PREDICATES)
        rank = {p: i for i, p in enumerate(LABEL_PREDICATES)}
        entries: dict[str, Entry] = {}
        best: dict[tuple[str, str], int] = {}
        q = f"SELECT DISTINCT ?s ?p ?l WHERE {{ VALUES ?p {{ {preds} }} ?s ?p ?l . FILTER(isIRI(?s) && isLiteral(?l)) }}"
        for sol in store.query(q):
            s, p, lit = sol["s"].value, sol["p"].value, sol["l"]
            e = entries.get(s) or entries.setdefault(s, Entry(s))
            e.all_labels.append(lit.value)
            lang = (lit.language or "")[:2].lower()
            lang = lang if lang in ("zh", "en") else ""
            if rank[p] < best.get((s, lang), 99):
                best[(s, lang)] = rank[p]
                e.labels[lang] = lit.value
        q = f"""SELECT DISTINCT ?s ?t WHERE {{ VALUES ?p {{ {preds} }} ?s ?p ?l . ?s a ?t . FILTER(isIRI(?t)) }}"""
        for sol in store.query(q):
            if sol["s"].value in entries:
                entries[sol["s"].value].types.add(sol["t"].value)
        for pred in MENTIONS:  # one count per linking property; a span may use both, so keep the larger
            q = f"SELECT ?e (COUNT(?m) AS ?n) WHERE {{ ?m <{pred}> ?e }} GROUP BY ?e"
            for sol in store.query(q):
                e = entries.get(sol["e"].value)
                if e:
                    e.mentions = max(e.mentions, int(sol["n"].value))
        self.entries = sorted(entries.values(), key=lambda e: e.iri)
        self.label_owner: list[int] = []
        texts: list[str] = []
        for i, e in enumerate(self.entries):
            for lab in dict.fromkeys(norm(x) for x in e.all_labels):
                texts.append(lab)
                self.label_owner.append(i)
        self.labels = texts
        self.starts: list[int] = []
        pos = 0
        for t in texts:
            self.starts.append(pos)
            pos += len(t) + 1
        self.blob = SEP.join(texts)
        self.by_iri = {e.iri: i for i, e in enumerate(self.entries)}
        self.iri_blob = SEP.join(e.iri.lower() for e in self.entries)
        self.iri_starts = []
        pos = 0
        for e in self.entries:
            self.iri_starts.append(pos)
            pos += len(e.iri) + 1

    def __len__(self) -> int:
        return len(self.entries)

    def _label_hits(self, q: str) -> dict[int, tuple[int, str]]:
        """Best (rank, label) per entry index over labels containing ``q`` (which holds no separator).

        The first occurrence in a label decides its rank, so the scan jumps to the next label.
        """
        hits: dict[int, tuple[int, str]] = {}
        pos = self.blob.find(q)
        while pos != -1:
            li = bisect_right(self.starts, pos) - 1
            label = self.labels[li]
            off = pos - self.starts[li]
            r = RANKS["exact"] if label == q else RANKS["prefix"] if off == 0 else RANKS["substring"]
            owner = self.label_owner[li]
            if owner not in hits or (r, label) < hits[owner]:
                hits[owner] = (r, label)
            if li + 1 >= len(self.starts):
                break
            pos = self.blob.find(q, self.starts[li + 1])
        return hits

    def search(self, text: str, types: set[str] | None = None, kinds: set[str] | None = None,
               limit: int = 20, offset: int = 0) -> tuple[int, list[tuple[Entry, str, str]]]:
        """``(total, [(entry, match kind, matched label)])`` ranked exact > prefix > substring > IRI."""
        q = norm(text)
        if not q:
            return 0, []
        hits = {i: (r, lab) for i, (r, lab) in self._label_hits(q).items()}
        raw = text.strip()
        if raw.startswith(("http://", "https://")) and raw in self.by_iri:
            hits[self.by_iri[raw]] = (RANKS["exact"], raw)
        elif len(q) >= 3 and q.isascii():
            pos = self.iri_blob.find(q)
            while pos != -1:
                i = bisect_right(self.iri_starts, pos) - 1
                if i not in hits:
                    hits[i] = (RANKS["iri"], self.entries[i].iri)
                if i + 1 >= len(self.iri_starts):
                    break
                pos = self.iri_blob.find(q, self.iri_starts[i + 1])
        ranked = []
        for i, (r, lab) in hits.items():
            e = self.entries[i]
            if types and not (e.types & types):
                continue
            if kinds and kind_of(e.iri) not in kinds:
                continue
            ranked.append((r, -e.mentions, len(lab), e.iri, e, lab))
        ranked.sort(key=lambda x: x[:4])
        names = {v: k for k, v in RANKS.items()}
        return len(ranked), [(e, names[r], lab) for r, _, _, _, e, lab in ranked[offset:offset + limit]]


def change_token(store) -> object:
    """A cheap value that changes when the store is written: the on-disk signature of a local store (a
    directory listing), the named graphs of a remote one. Never a quad count: at 100 M quads counting takes
    longer than the check's period."""
    from fazhi.store import LocalStore

    if isinstance(store, LocalStore):
        store.refresh(force=True)  # a read-only view reopens first, so a rebuild reads what the token says
        return store.signature
    names = store.graph_names()
    return len(names), hash(tuple(names))


class IndexCache:
    """The store's label index. Checked for change at most every ``ttl`` s; a changed store gets a new index
    built in the background while the current one goes on answering (only the very first build is waited for)."""

    def __init__(self, ttl: float = 30.0):
        self.ttl = ttl
        self._lock = threading.Lock()  # held while the first index is built and while checking
        self._index: LabelIndex | None = None
        self._token: object = None
        self._checked = 0.0
        self._rebuilding = False

    def get(self, store) -> LabelIndex:
        with self._lock:
            if self._index is None:
                self._token = change_token(store)
                self._index = LabelIndex(store)
                self._checked = time.monotonic()
                return self._index
            now = time.monotonic()
            if now - self._checked > self.ttl and not self._rebuilding:
                self._checked = now
                token = change_token(store)
                if token != self._token:
                    self._rebuilding = True
                    threading.Thread(target=self._rebuild, args=(store, token), name="fazhi-search-reindex",
                                     daemon=True).start()
            return self._index

    def _rebuild(self, store, token: object) -> None:
        try:
            index = LabelIndex(store)
            with self._lock:
                self._index, self._token = index, token
        except Exception as e:  # keep answering from the old index; the next check tries again
            log.warning("search index rebuild failed: %s", e)
        finally:
            self._rebuilding = False


def index_for(request: Request) -> LabelIndex:
    """The app's label index (built on first use)."""
    state = request.app.state
    cache = getattr(state, "label_index", None)
    if cache is None:
        cache = state.label_index = IndexCache()
    return cache.get(state.store)


@router.get("/search", summary="Find entities by label (Chinese, English) or IRI, ranked",
            responses=responses(["application/json"], errors=(400,)))
def search(
    request: Request,
    q: str = Query(..., min_length=1, max_length=200, description="text to look for: 司法局, 双随机, justice, an IRI"),
    type: list[str] = Query([], description="keep entities of these types (IRIs or fz:Term; repeatable)"),
    kind: list[str] = Query([], description="agency, document, mechanism, figure, place, report, concept"),
    limit: int = Query(20, ge=1, le=200),
    offset: int = Query(0, ge=0),
    lang: str | None = Query(None, description="zh or en: the language of `label`"),
) -> dict:
    """Entities whose label contains ``q`` (exact, then prefix, then substring; then by mention count)."""
    from service.neighborhood import expand_curie

    if not q.strip():
        raise HTTPException(400, "q is empty")
    index = index_for(request)
    types = {expand_curie(t) for t in type} or None
    total, found = index.search(q, types, set(kind) or None, limit, offset)
    lg = lang if lang in ("zh", "en") else "zh"
    return {
        "query": q,
        "total": total,
        "offset": offset,
        "count": len(found),
        "results": [
            {
                "iri": e.iri,
                "label": pick_label(e.labels, lg, local_name(e.iri)),
                "labels": {k: v for k, v in e.labels.items() if k},
                "types": sorted(e.types),
                "type_curies": sorted(curie(t) for t in e.types),
                "kind": kind_of(e.iri),
                "mentions": e.mentions,
                "match": match,
                "matched": matched,
                "href": iri_to_path(e.iri),
            }
            for e, match, matched in found
        ],
    }
