"""Saved government web pages (issue 9): built in the test run from the bundled reports, with site
furniture and a disclosure table, in UTF-8 and GBK (declared right and wrong). A page gives the same
regulations, mechanisms, agencies and figures as its plain text, the same metadata, the table's
fields in the metadata and in RDF; broken pages give clear messages and change nothing in the store."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from cli_run import fazhi
from formats_html_build import DEFAULT_FIELDS, build_div_page, build_page, build_table_page
from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, PROV

from fazhi.namespaces import FZ
from fazhi.store import open_store
from ingest.decode import InputError, read_report
from ingest.formats.html import convert
from ingest.model import Doc
from ingest.pipeline import extract_file
from ingest.to_rdf import doc_to_rdf

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"
SEED = REPORTS / "taierzhuang-2019.txt"
ALL = sorted(p.name for p in REPORTS.glob("*.txt"))
NIF_IS_STRING = URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString")
#: (charset the bytes are in, charset the page declares)
VARIANTS = {"utf8": ("utf-8", None), "gbk": ("gbk", None), "gbk-says-utf8": ("gb18030", "utf-8"),
            "utf8-says-gb2312": ("utf-8", "gb2312")}
FURNITURE = ("您所在的位置", "今天是", "字号", "打印", "关闭", "分享到", "相关阅读", "主办单位", "网站标识码", "ICP备",
             "版权所有", "无障碍", "_hmt", "doZoom", "网站首页", "line-height", "&ldquo;", "&nbsp;", "发布时间:")
KINDS = ("regulations", "mechanisms", "agencies", "figures")


def mentions(doc: Doc) -> dict[str, Counter]:
    """Mention texts per kind, outside a CMS list at the top of the text (which a page holds in its table)."""
    ex = doc.to_extract_json()
    return {k: Counter(m["text"] for m in ex[k] if m["start"] >= doc.meta.header_end) for k in KINDS}


def report_meta(doc: Doc) -> dict:
    r = doc.to_extract_json()["report"]
    return {k: r[k] for k in ("title", "issuer", "jurisdiction", "year", "iri", "division_code", "level")}


@pytest.fixture(scope="module")
def plain() -> dict[str, Doc]:
    return {name: extract_file(REPORTS / name) for name in ALL}


def page(tmp_path: Path, name: str, variant: str = "utf8", **kw) -> Path:
    charset, declared = VARIANTS[variant]
    path = tmp_path / f"{Path(name).stem}-{variant}.html"
    path.write_bytes(build_page((REPORTS / name).read_text(encoding="utf-8"), charset=charset, declared=declared, **kw))
    return path


@pytest.mark.parametrize("name", ALL)
def test_page_gives_the_same_mentions_and_metadata_as_the_text(tmp_path, plain, name):
    doc = extract_file(page(tmp_path, name))
    assert mentions(doc) == mentions(plain[name])
    assert sum(map(len, mentions(doc).values())) > 5
    assert report_meta(doc) == report_meta(plain[name])
    if plain[name].meta.published:
        assert doc.meta.published == plain[name].meta.published
    for word in FURNITURE:
        assert word not in doc.text, word
    gaps = re.compile(r"[\u4e00-\u9fff] +[\u4e00-\u9fff]")  # source line breaks inside sentences leave none
    assert set(gaps.findall(doc.text)) <= set(gaps.findall(plain[name].text))
    ex = doc.to_extract_json()
    for kind in KINDS:
        for m in ex[kind]:
            assert doc.text[m["start"] : m["end"]] == m["text"]


@pytest.mark.parametrize("variant", list(VARIANTS))
@pytest.mark.parametrize("name", ["taierzhuang-2019.txt", "007.txt"])
def test_encodings_declared_right_or_wrong(tmp_path, plain, name, variant):
    path = page(tmp_path, name, variant)
    dec = read_report(path)
    charset, declared = VARIANTS[variant]
    assert dec.encoding == ("utf-8" if charset == "utf-8" else "gb18030")
    wrong = [w for w in dec.warnings if "declares charset" in w]
    assert bool(wrong) == (declared is not None), dec.warnings
    if wrong:
        assert str(path) in wrong[0] and declared in wrong[0]
    doc = extract_file(path)
    assert mentions(doc) == mentions(plain[name])
    assert report_meta(doc) == report_meta(plain[name])


@pytest.mark.parametrize("layout", ["table", "divs"])
@pytest.mark.parametrize("name", ["taierzhuang-2019.txt", "001.txt", "003.txt", "008.txt", "010.txt"])
def test_other_page_layouts(tmp_path, plain, name, layout):
    text = (REPORTS / name).read_text(encoding="utf-8")
    path = tmp_path / f"{layout}.html"
    path.write_bytes(build_table_page(text) if layout == "table" else build_div_page(text))
    doc = extract_file(path)
    assert mentions(doc) == mentions(plain[name])
    assert report_meta(doc) == report_meta(plain[name])
    for word in FURNITURE + ("通知公告", "点击", "附件", "QQ空间", "相关链接", "请输入关键字", "当前位置"):
        assert word not in doc.text, word
    if layout == "divs":
        assert doc.source_metadata["索引号"] == "000014349/2021-00123"
        assert doc.source_metadata.get("标题") == plain[name].meta.title
        assert doc.source_url == "https://www.example.gov.cn/art/2021/3/1/art_1_2.html"


def test_title_inside_the_content_block_is_kept_once(tmp_path, plain):
    doc = extract_file(page(tmp_path, "001.txt", title_inside=True))
    assert doc.text.count("2020年静海区法治政府建设情况报告") == 1
    assert report_meta(doc) == report_meta(plain["001.txt"])
    assert mentions(doc) == mentions(plain["001.txt"])


def test_disclosure_table_fills_the_metadata_and_the_rdf(tmp_path, plain):
    path = page(tmp_path, "001.txt")
    doc = extract_file(path)
    assert plain["001.txt"].meta.published is None and "索引号" not in plain["001.txt"].meta.header
    for key, value in DEFAULT_FIELDS.items():
        assert doc.meta.header[key] == value
        assert doc.source_metadata[key] == value
    assert doc.meta.published == "2021-03-29" and doc.meta.evidence["published"] == "page metadata 成文日期"
    assert doc.media_type == "text/html"
    assert doc.source_url == "http://www.tjjh.gov.cn/jhqzf/zwgk/gzbg/202103/t20210329_5396867.html"
    ex = json.loads(json.dumps(doc.to_extract_json()))
    assert ex["media_type"] == "text/html" and ex["source_metadata"]["发布机构"] == "静海区人民政府办公室"
    assert ex["source_url"] == doc.source_url

    rdf = doc_to_rdf(doc, "20261127T000000Z-test")
    g = rdf.report
    report = URIRef(rdf.iri)
    source = g.value(report, FZ.source)
    assert (report, FZ.indexNumber, Literal(DEFAULT_FIELDS["索引号"])) in g
    assert str(g.value(report, DCTERMS.issued)) == "2021-03-29"
    assert str(g.value(report, DCTERMS.created)) == "2021-03-29"
    assert g.value(source, FZ.sha256) == Literal(hashlib.sha256(path.read_bytes()).hexdigest())
    assert g.value(source, DCTERMS["format"]) == Literal("text/html")
    assert g.value(source, DCAT.mediaType) == URIRef("https://www.iana.org/assignments/media-types/text/html")
    assert g.value(source, PROV.hadPrimarySource) == URIRef(doc.source_url)
    assert str(g.value(g.value(report, FZ.hasText), NIF_IS_STRING)) == doc.text  # the extracted text is stored
    fields = {str(g.value(f, FZ.fieldName)): str(g.value(f, FZ.fieldValue)) for f in g.objects(report, FZ.headerField)}
    assert fields["发布机构"] == "静海区人民政府办公室" and fields["效力状态"] == "有效"

    from shapes.validate import validate_report

    assert validate_report(rdf).violations == 0


def test_the_texts_own_values_win_with_a_warning(tmp_path, plain):
    fields = {"索引号": "370405/2020-00025", "文号": "台政办发〔2020〕3号", "成文日期": "2020年02月01日"}
    # A page whose text keeps its own CMS list (``- 文 号:无``) under a table that says otherwise.
    text = SEED.read_text(encoding="utf-8")
    body = "".join(f"<p>{line}</p>" for line in text.splitlines() if line.strip())
    table = "".join(f"<tr><td>{k}:</td><td>{v}</td></tr>" for k, v in fields.items())
    path = tmp_path / "both.html"
    path.write_text(f"<html><body><table>{table}</table><div class='content'>{body}</div></body></html>", "utf-8")
    doc = extract_file(path)
    assert doc.meta.header["文号"] == "无" and doc.meta.published == "2020-01-15"
    assert any("文号" in w and "the text's value is kept" in w for w in doc.warnings), doc.warnings
    assert not any("索引号" in w for w in doc.warnings)  # the same value: no warning
    assert mentions(doc) == mentions(plain["taierzhuang-2019.txt"])


def test_page_named_txt_and_text_named_html_are_read_by_content(tmp_path, plain):
    disguised = tmp_path / "report.txt"
    disguised.write_bytes(build_page((REPORTS / "007.txt").read_text(encoding="utf-8"), charset="gbk"))
    doc = extract_file(disguised)
    assert doc.media_type == "text/html" and "<p" not in doc.text
    assert mentions(doc) == mentions(plain["007.txt"])
    text_named_html = tmp_path / "report.html"
    text_named_html.write_bytes(SEED.read_bytes())
    doc = extract_file(text_named_html)
    assert doc.media_type == "text/plain" and doc.text == SEED.read_text(encoding="utf-8")


# ---------------------------------------------------------------------------- broken pages

INDEX_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>工作报告_某区人民政府</title></head><body>
<div class="position">您所在的位置:<a href="/">首页</a> &gt; <a href="/gzbg">工作报告</a></div>
<ul class="list">""" + "".join(
    f'<li><a href="/a/{i}.html">某区{2010 + i}年法治政府建设情况报告</a><span>{2011 + i}-03-2{i % 9}</span></li>'
    for i in range(12)
) + """</ul><div class="footer">主办单位:某区人民政府办公室 网站标识码:1200000026 津ICP备05004351号</div></body></html>"""
NOT_FOUND = """<html><head><meta charset="gb2312"><title>404</title></head><body><div class="err">
<h1>404</h1><p>对不起,您访问的页面不存在或已被删除!</p><a href="/">返回首页</a></div></body></html>"""


def _broken_pages() -> dict[str, tuple[bytes, str]]:
    full = build_page(SEED.read_text(encoding="utf-8"))
    cut = full.index(b"<p", len(full) // 2) + 8  # inside a <p style=…> tag, half-way through the report
    return {
        "truncated.html": (full[:cut], "cut off"),
        "index.html": (INDEX_PAGE.encode("utf-8"), "no report text found"),
        "404.htm": (NOT_FOUND.encode("gb2312"), "no report text found"),
        "empty-body.html": (b"<!DOCTYPE html><html><head><title>x</title></head><body>  </body></html>", "empty body"),
    }


@pytest.mark.parametrize("name", list(_broken_pages()))
def test_broken_pages_get_a_clear_message(tmp_path, name):
    data, words = _broken_pages()[name]
    with pytest.raises(InputError, match=words) as err:
        convert(data, name)
    assert str(err.value).startswith(f"{name}: ")


def test_broken_pages_change_nothing_in_the_store(tmp_path):
    store = tmp_path / "store"
    good = page(tmp_path, "001.txt")
    res = fazhi("ingest", "-q", "--no-validate", "--store", str(store), str(good))
    assert res.returncode == 0, res.stderr
    s = open_store(str(store))
    before = s.count()
    s.close()
    bad = tmp_path / "bad"
    bad.mkdir()
    for name, (data, _) in _broken_pages().items():
        (bad / name).write_bytes(data)
    res = fazhi("ingest", "-q", "--no-validate", "--store", str(store), str(bad))
    assert res.returncode == 1 and "Traceback" not in res.stderr
    for name, (_, words) in _broken_pages().items():
        line = next(ln for ln in res.stderr.splitlines() if f"FAILED {bad / name}: " in ln)
        assert words in line, line
    s = open_store(str(store))
    assert s.count() == before
    s.close()


def test_mixed_folder_ingests_the_good_files_and_names_the_bad_one(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "007.txt").write_bytes((REPORTS / "007.txt").read_bytes())
    (folder / "001.html").write_bytes(build_page((REPORTS / "001.txt").read_text(encoding="utf-8"), charset="gbk"))
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "WordDocument".encode("utf-16-le") + bytes(3000)
    (folder / "old.doc").write_bytes(ole)
    (folder / "SOURCES.tsv").write_text("file\turl\n007.txt\thttp://www.dg.gov.cn/a.html\n", "utf-8")
    (folder / "notes.md").write_text("not a report", "utf-8")
    store = tmp_path / "store"
    res = fazhi("ingest", "--no-validate", "--store", str(store), str(folder))
    assert res.returncode == 1, res.stderr
    assert "ingested 2/3 report(s)" in res.stderr, res.stderr
    failed = [ln for ln in res.stderr.splitlines() if "FAILED" in ln]
    assert len(failed) == 1 and str(folder / "old.doc") in failed[0]
    assert "old binary .doc (Word 97–2003)" in failed[0] and ".docx" in failed[0]
    s = open_store(str(store))
    try:
        rows = list(s.query(
            "PREFIX dct: <http://purl.org/dc/terms/> SELECT ?f WHERE { GRAPH ?g { ?s dct:format ?f } } ORDER BY ?f"
        ))
    finally:
        s.close()
    assert [str(r[0].value) for r in rows] == ["text/html", "text/plain"]


def test_extract_command_on_a_page(tmp_path):
    path = page(tmp_path, "013.txt", "gbk-says-utf8")
    res = fazhi("extract", "--indent", "0", str(path))
    assert res.returncode == 0, res.stderr
    ex = json.loads(res.stdout)
    assert ex["media_type"] == "text/html" and ex["source_metadata"]["索引号"] == DEFAULT_FIELDS["索引号"]
    assert ex["report"]["title"] == "陕西省人民政府关于2021年法治政府建设情况的报告"
    assert "declares charset utf-8" in res.stderr and str(path) in res.stderr


def test_thousands_of_unclosed_tags_do_not_break_the_reader(plain):
    """Broken pages nest unclosed ``<font>`` thousands deep: the tree stays shallow, the text is whole."""
    text = SEED.read_text(encoding="utf-8")
    raw = ("<html><body>" + "<font size=3>" * 20000 + "".join(f"<p>{ln}</p>" for ln in text.splitlines())).encode()
    conv = convert(raw, "deep.html")
    assert conv.text.splitlines() == [ln.strip() for ln in text.splitlines() if ln.strip()]


def test_white_space_between_chinese_characters():
    """A line break in the source between Chinese characters is layout (dropped); a space the author typed
    stays (法 治 政 府, 教育局 2025年); &nbsp;/全角 indentation opens the paragraph."""
    raw = ("<html><body><div id=zoom><p>\u3000\u3000依法\n        行政,共办理\n   76件;</p>"
           "<p>&nbsp;&nbsp;<span>法治</span>\n<span>政府</span> <span>建设</span>取得新成效。</p>"
           "<p>法 治 政 府:见上;陵川县教育局 2025年依法行政工作要点。</p><p>English  words\nstay apart, 2021 年。</p>"
           f"<p>{SEED.read_text(encoding='utf-8').splitlines()[9]}</p></div></body></html>").encode()
    assert convert(raw, "a.html").text.splitlines()[:4] == [
        "\u3000\u3000依法行政,共办理76件;", "  法治政府建设取得新成效。", "法 治 政 府:见上;陵川县教育局 2025年依法行政工作要点。",
        "English words stay apart, 2021 年。"]


def test_report_words_that_look_like_furniture_and_listing_tables_are_kept():
    """无障碍环境建设 in a report line, a table listing documents (名称 | 文号 | 发布日期 over several rows), a
    column heading above the text that is not the report's title, and several fields in one cell."""
    body = SEED.read_text(encoding="utf-8").splitlines()[9]
    rows = "".join(
        f"<tr><td>{n}</td><td>台政办发〔2019〕{i}号</td><td>2019-0{i}-10</td></tr>"
        for i, n in enumerate(["台儿庄区行政规范性文件管理办法", "台儿庄区重大行政决策程序规定", "台儿庄区行政执法公示办法"], 1)
    )
    raw = f"""<html><head><title>法治政府建设_台儿庄区人民政府</title></head><body>
<div class="lm"><h2 class="lm-title">法治政府建设</h2></div>
<table class="xxgk"><tr><td>索引号:370405/2020-00025 发布机构:台儿庄区人民政府办公室成文日期:2020年01月15日</td></tr></table>
<div id="zoom"><p>{body}</p>
<p>(三)推进无障碍环境建设</p><p>全区新建无障碍设施120处,上一篇规划全部完成。</p>
<table><tr><th>名称</th><th>文号</th><th>发布日期</th></tr>{rows}</table></div>
<div class="footer">主办单位:台儿庄区人民政府办公室 网站标识码:3704050001</div></body></html>""".encode()
    conv = convert(raw, "page.html")
    lines = conv.text.splitlines()
    assert lines[0] == body  # no column heading put above the report
    assert "(三)推进无障碍环境建设" in lines and "全区新建无障碍设施120处,上一篇规划全部完成。" in lines
    assert "名称\t文号\t发布日期" in lines and "台儿庄区重大行政决策程序规定\t台政办发〔2019〕2号\t2019-02-10" in lines
    assert conv.metadata == {"索引号": "370405/2020-00025", "发布机构": "台儿庄区人民政府办公室", "成文日期": "2020年01月15日"}
    assert "主办单位" not in conv.text


def test_text_held_in_one_element_beside_a_sidebar():
    """The report as ``<br>`` lines in one ``<div>`` (no ``<p>``), a title ``<div>`` above it, a sidebar with a
    notice in prose and a footer around them."""
    text = (REPORTS / "006.txt").read_text(encoding="utf-8")
    body = "<br>\n".join(ln for ln in text.splitlines() if ln.strip())
    raw = f"""<html><head><meta charset=utf-8></head><body><div class=top><a>首页</a><a>政务公开</a></div>
<div class=wrap><div class=left><ul><li><a>通知公告</a></li></ul>
<div class=notice>关于做好2021年度法治政府建设年度报告工作的通知,请各单位按时报送。</div></div>
<div class=right><div class=bt>绍兴市司法局2021年法治政府建设年度报告</div><div class=box>{body}</div></div></div>
<div class=bottom>主办单位:绍兴市司法局 地址:绍兴市某路1号</div></body></html>""".encode()
    conv = convert(raw, "holder.html")
    lines = conv.text.splitlines()
    assert lines[0] == "绍兴市司法局2021年法治政府建设年度报告" and lines[1:] == [ln for ln in text.splitlines() if ln.strip()]
