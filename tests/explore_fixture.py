"""A small dataset for the exploring tests, built from two real reports in ``data/reports/``.

It follows the RDF model of ``ontology-brief.md`` §2 (report, text with ``nif:isString``, sections,
spans with Web Annotation selectors and ``fz:mentions``, observations with ``fz:partOf``, canonical
agencies, divisions, mechanisms and documents in the entities graph), with every span found in the
real text, so the tests exercise the service independently of how far the extractor has got.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, QB, SKOS, XSD

from fazhi.namespaces import ENTITIES_GRAPH, FZ, ID, NIF, OA, SCHEME, SDMX_ATTR, SDMX_MEASURE, VOCAB_GRAPH
from fazhi.namespaces import report_graph as report_graph_iri

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"
SCHEMA = Namespace("https://schema.org/")

SEED_KEY = "370405-2019-gov"
SEED_IRI = str(ID["report/370405/2019/gov"])
OTHER_KEY = "110105-2024-gov"
GOV = str(ID["org/370405/gov"])
JUSTICE = str(ID["org/370405/gov/justice"])
APPROVAL = str(ID["org/370405/gov/admin-approval"])
NPC = str(ID["org/370405/npc-sc"])
CHAOYANG_GOV = str(ID["org/110105/gov"])
SHUANG = str(SCHEME["mechanism/shuang-suiji-yi-gongkai"])
YICI = str(SCHEME["mechanism/yi-ci-ban-hao"])
GANGYAO = str(ID["legal/cn/plan/fazhi-zhengfu-jianshe-shishi-gangyao-2021-2025"])
QINGDAN = str(ID["legal/370000/rule/shandong-xingzheng-quanli-qingdan"])

ENTITIES: dict[str, dict] = {
    GOV: {"types": [FZ.PeoplesGovernment, FZ.Agency], "zh": "台儿庄区人民政府",
          "en": "Taierzhuang District People's Government", "alt": ["区政府"], "place": "370405"},
    JUSTICE: {"types": [FZ.GovernmentDepartment, FZ.Agency], "zh": "台儿庄区司法局",
              "en": "Taierzhuang District Justice Bureau", "alt": ["区司法局"], "parent": GOV, "place": "370405"},
    APPROVAL: {"types": [FZ.GovernmentDepartment, FZ.Agency], "zh": "台儿庄区行政审批服务局",
               "en": "Taierzhuang District Administrative Approval Service Bureau", "alt": ["区行政审批服务局"],
               "parent": GOV, "place": "370405"},
    NPC: {"types": [FZ.PeoplesCongressBody, FZ.Agency], "zh": "台儿庄区人大常委会",
          "en": "Standing Committee of the Taierzhuang District People's Congress", "alt": ["区人大常委会"],
          "place": "370405"},
    CHAOYANG_GOV: {"types": [FZ.PeoplesGovernment, FZ.Agency], "zh": "朝阳区人民政府",
                   "en": "Chaoyang District People's Government", "alt": ["朝阳区政府"], "place": "110105"},
    SHUANG: {"types": [FZ.Mechanism, SKOS.Concept], "zh": "双随机、一公开",
             "en": "Double random, one public", "alt": ["双随机"]},
    YICI: {"types": [FZ.Mechanism, SKOS.Concept], "zh": "一次办好", "en": "Get it done in one visit", "alt": []},
    GANGYAO: {"types": [FZ.LegalDocument], "zh": "法治政府建设实施纲要(2021-2025年)",
              "en": "Implementation Outline for Building a Law-Based Government (2021-2025)", "alt": [],
              "title": True},
    QINGDAN: {"types": [FZ.LegalDocument], "zh": "山东省行政权力清单动态管理办法",
              "en": "Shandong Measures for the Dynamic Management of Administrative Power Lists", "alt": [],
              "title": True},
}
DIVISIONS = {"370405": ("台儿庄区", "Taierzhuang District", "370400"), "370400": ("枣庄市", "Zaozhuang", None),
             "110105": ("朝阳区", "Chaoyang District", None)}

#: Surface forms looked up in each report's text → entity.
SURFACES = {
    SEED_KEY: {"台儿庄区人民政府": GOV, "区政府": GOV, "区司法局": JUSTICE, "区行政审批服务局": APPROVAL,
               "区人大常委会": NPC, "双随机、一公开": SHUANG, "一次办好": YICI, "山东省行政权力清单动态管理办法": QINGDAN},
    OTHER_KEY: {"朝阳区人民政府": CHAOYANG_GOV, "朝阳区政府": CHAOYANG_GOV, "双随机": SHUANG,
                "法治政府建设实施纲要(2021-2025年)": GANGYAO},
}


def _add_entities(g: Graph) -> None:
    for iri, e in ENTITIES.items():
        s = URIRef(iri)
        for t in e["types"]:
            g.add((s, RDF.type, t))
        g.add((s, DCTERMS.title if e.get("title") else SKOS.prefLabel, Literal(e["zh"], lang="zh")))
        g.add((s, SKOS.prefLabel if not e.get("title") else RDFS.label, Literal(e["en"], lang="en")))
        for alt in e["alt"]:
            g.add((s, SKOS.altLabel, Literal(alt, lang="zh")))
        if "parent" in e:
            g.add((s, ORG.subOrganizationOf, URIRef(e["parent"])))
        if "place" in e:
            g.add((s, DCTERMS.spatial, ID[f"division/{e['place']}"]))
        if FZ.Mechanism in e["types"]:
            g.add((s, SKOS.inScheme, SCHEME["mechanism"]))
    for code, (zh, en, broader) in DIVISIONS.items():
        d = ID[f"division/{code}"]
        g.add((d, RDF.type, FZ.Division))
        g.add((d, SKOS.prefLabel, Literal(zh, lang="zh")))
        g.add((d, SKOS.prefLabel, Literal(en, lang="en")))
        g.add((d, SKOS.notation, Literal(code)))
        if broader:
            g.add((d, SKOS.broader, ID[f"division/{broader}"]))


def _vocab() -> Graph:
    g = Graph()
    for cls, zh, en in [(FZ.Agency, "机构", "Agency"), (FZ.PeoplesGovernment, "人民政府", "People's government"),
                        (FZ.GovernmentDepartment, "政府工作部门", "Government department"),
                        (FZ.Mechanism, "机制", "Mechanism"), (FZ.LegalDocument, "法律文件", "Legal document"),
                        (FZ.AnnualReport, "年度报告", "Annual report"), (FZ.Division, "行政区划", "Division")]:
        g.add((cls, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")))
        g.add((cls, RDFS.label, Literal(zh, lang="zh")))
        g.add((cls, RDFS.label, Literal(en, lang="en")))
    return g


def _span(g: Graph, key: str, text_node: URIRef, text: str, start: int, end: int) -> URIRef:
    span = ID[f"span/{key}/{start}-{end}"]
    g.add((span, RDF.type, FZ.Span))
    g.add((span, RDF.type, OA.SpecificResource))
    g.add((span, OA.hasSource, text_node))
    pos, quote = URIRef(f"{span}#position"), URIRef(f"{span}#quote")
    g.add((span, OA.hasSelector, pos))
    g.add((pos, RDF.type, OA.TextPositionSelector))
    g.add((pos, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    g.add((pos, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))
    g.add((span, OA.hasSelector, quote))
    g.add((quote, RDF.type, OA.TextQuoteSelector))
    g.add((quote, OA.exact, Literal(text[start:end])))
    return span


def _mentions(text: str, surfaces: dict[str, str]) -> list[tuple[int, int, str]]:
    """Non-overlapping occurrences of the surface forms, longest first."""
    taken: list[tuple[int, int, str]] = []
    for form in sorted(surfaces, key=len, reverse=True):
        for m in re.finditer(re.escape(form), text):
            if all(m.end() <= s or m.start() >= e for s, e, _ in taken):
                taken.append((m.start(), m.end(), surfaces[form]))
    return sorted(taken)


def _report(key: str, file: str, iri: str, issuer: str, code: str, year: int, published: str | None) -> Graph:
    text = (REPORTS / file).read_text(encoding="utf-8")
    g = Graph()
    r, t = URIRef(iri), URIRef(f"{iri}/text")
    title = next(line for line in text.splitlines() if "报告" in line and not line.startswith("-"))
    g.add((r, RDF.type, FZ.AnnualReport))
    g.add((r, RDF.type, SCHEMA.Report))
    g.add((r, DCTERMS.title, Literal(title.strip(), lang="zh")))
    g.add((r, FZ.issuer, URIRef(issuer)))
    g.add((r, FZ.jurisdiction, ID[f"division/{code}"]))
    g.add((r, FZ.year, Literal(year, datatype=XSD.gYear)))
    if published:
        g.add((r, DCTERMS.issued, Literal(published, datatype=XSD.date)))
    g.add((r, FZ.hasText, t))
    g.add((t, RDF.type, FZ.ReportText))
    g.add((t, RDF.type, NIF.Context))
    g.add((t, NIF.isString, Literal(text)))
    for n, m in enumerate(re.finditer(r"^([一二三四五六七八九十]+)、([^。\n]{2,40}?)。", text, re.M), 1):
        sec = URIRef(f"{iri}/section/{n}")
        g.add((t, FZ.hasSection, sec))
        g.add((sec, RDF.type, FZ.ReportSection))
        g.add((sec, FZ.number, Literal(m.group(1))))
        g.add((sec, DCTERMS.title, Literal(m.group(2), lang="zh")))
        g.add((sec, FZ.level, Literal(1)))
        g.add((sec, NIF.beginIndex, Literal(m.start(), datatype=XSD.nonNegativeInteger)))
        g.add((sec, NIF.endIndex, Literal(m.end(), datatype=XSD.nonNegativeInteger)))
    adopted: set[str] = set()
    for start, end, entity in _mentions(text, SURFACES[key]):
        span = _span(g, key, t, text, start, end)
        g.add((span, FZ.mentions, URIRef(entity)))
        if "/legal/" in entity:
            g.add((r, FZ.cites, URIRef(entity)))
        if "/mechanism/" in entity and entity not in adopted:
            adopted.add(entity)
            adoption = ID[f"adoption/{key}/{entity.rsplit('/', 1)[1]}"]
            g.add((adoption, RDF.type, FZ.MechanismAdoption))
            g.add((adoption, FZ.mechanism, URIRef(entity)))
            g.add((adoption, FZ.adopter, URIRef(issuer)))
            g.add((adoption, FZ.evidence, span))
    return g


def _figures(g: Graph, key: str, iri: str, parts_of_54: tuple[str, ...]) -> None:
    """The seed's 54项 ← 26项, 24项, 4项 breakdown as observations linked by ``fz:partOf``."""
    text = str(next(g.objects(URIRef(f"{iri}/text"), NIF.isString)))
    anchor = text.index("事项54项")
    spans = [("54项", anchor + 2)] + [(p, text.index(p, anchor + 5)) for p in parts_of_54]
    total = None
    for n, (raw, start) in enumerate(spans, 1):
        end = start + len(raw)
        assert text[start:end] == raw
        obs = ID[f"obs/{key}/{n}"]
        g.add((obs, RDF.type, QB.Observation))
        g.add((obs, RDF.type, FZ.Observation))
        g.add((obs, QB.dataSet, ID[f"dataset/{key}"]))
        g.add((obs, SDMX_MEASURE.obsValue, Literal(int(raw[:-1]), datatype=XSD.decimal)))
        g.add((obs, SDMX_ATTR.unitMeasure, SCHEME["unit/xiang"]))
        g.add((obs, FZ.rawText, Literal(raw)))
        g.add((obs, FZ.measure, Literal("行政许可等事项调整")))
        g.add((obs, FZ.evidence, _span(g, key, URIRef(f"{iri}/text"), text, start, end)))
        if total is None:
            total = obs
        else:
            g.add((obs, FZ.partOf, total))


def build(parts_of_54: tuple[str, ...] = ("26项", "24项", "4项")) -> dict[str, Graph]:
    """The dataset as ``{graph IRI: Graph}``; ``parts_of_54`` lets a test drop a part to break the sum."""
    seed = _report(SEED_KEY, "taierzhuang-2019.txt", SEED_IRI, GOV, "370405", 2019, "2020-01-15")
    _figures(seed, SEED_KEY, SEED_IRI, parts_of_54)
    other = _report(OTHER_KEY, "008.txt", str(ID["report/110105/2024/gov"]), CHAOYANG_GOV, "110105", 2024, None)
    entities = Graph()
    _add_entities(entities)
    return {report_graph_iri(SEED_KEY): seed, report_graph_iri(OTHER_KEY): other,
            str(ENTITIES_GRAPH): entities, str(VOCAB_GRAPH): _vocab()}


def load(store_dir: Path, **kw) -> str:
    """Build the dataset into a new LocalStore at ``store_dir``; returns the directory as a string."""
    from fazhi.store import LocalStore

    store = LocalStore(store_dir)
    store.replace_graphs({g: graph.serialize(format="nt") for g, graph in build(**kw).items()})
    store.close()
    return str(store_dir)


def make_client(tmp_dir: Path, **kw):
    """A TestClient over the app serving a fresh fixture store in ``tmp_dir``."""
    from fastapi.testclient import TestClient

    from service.app import create_app
    from service.settings import Settings

    store_dir = load(tmp_dir / "store", **kw)
    return TestClient(create_app(Settings(store=store_dir)))


def ingest_real(tmp_dir: Path, files: tuple[str, ...] = ("taierzhuang-2019.txt", "008.txt")) -> str:
    """Ingest real reports with the project's pipeline into a new store; returns its directory."""
    from ingest.load import ingest_paths

    store_dir = tmp_dir / "real-store"
    # validation is the shapes' business (tested there); these tests exercise the service on what ingest maps
    summary = ingest_paths([str(REPORTS / f) for f in files], str(store_dir), progress=False, validate=False)
    assert summary.loaded == len(files), summary.failures
    return str(store_dir)


def real_client(tmp_dir: Path, files: tuple[str, ...] = ("taierzhuang-2019.txt", "008.txt")):
    """A TestClient over the app serving real reports ingested by the pipeline."""
    from fastapi.testclient import TestClient

    from service.app import create_app
    from service.settings import Settings

    return TestClient(create_app(Settings(store=ingest_real(tmp_dir, files))))


@contextmanager
def serve(store_dir: str):
    """The app over ``store_dir``, served by uvicorn on a free loopback port; yields its base URL."""
    import socket
    import threading
    import time

    import uvicorn

    from service.app import create_app
    from service.settings import Settings

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(Settings(store=store_dir)), host="127.0.0.1", port=port,
                                        log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)
