"""fazhi query and fazhi describe, from a shell, without a server."""

import csv
import io
import json

import pytest
from explore_fixture import JUSTICE, load, serve

from fazhi.cli import main


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    return load(tmp_path_factory.mktemp("cli") / "store")


def test_select_as_table_csv_and_json(store_dir, capsys):
    q = "SELECT ?a ?l WHERE { ?a org:subOrganizationOf <https://w3id.org/fazhi/id/org/370405/gov> ; skos:prefLabel ?l FILTER(lang(?l) = 'zh') } ORDER BY ?l"
    assert main(["query", "--store", store_dir, q]) == 0
    out = capsys.readouterr().out
    assert "台儿庄区司法局" in out and JUSTICE in out and "(2 rows)" in out
    assert main(["query", "--store", store_dir, "--format", "csv", q]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["a"] for r in rows} == {JUSTICE, JUSTICE.replace("justice", "admin-approval")}
    assert main(["query", "--store", store_dir, "--format", "json", q]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["head"]["vars"] == ["a", "l"]
    assert data["results"]["bindings"][0]["l"] == {"type": "literal", "value": "台儿庄区司法局", "lang": "zh"}


def test_ask_construct_and_query_from_file(store_dir, tmp_path, capsys):
    assert main(["query", "--store", store_dir, "ASK { ?r a fz:AnnualReport }"]) == 0
    assert capsys.readouterr().out.strip() == "true"
    f = tmp_path / "q.rq"
    f.write_text("CONSTRUCT { ?a org:subOrganizationOf ?b } WHERE { ?a org:subOrganizationOf ?b }", encoding="utf-8")
    assert main(["query", "--store", store_dir, f"@{f}"]) == 0
    assert "org:subOrganizationOf" in capsys.readouterr().out


def test_bad_query_and_bad_store_give_one_line_errors(store_dir, tmp_path, capsys):
    assert main(["query", "--store", store_dir, "SELECT * WHERE { ?s ?p }"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("fazhi query: bad SPARQL: ") and "line 1" in err and "Traceback" not in err
    assert main(["query", "--store", str(tmp_path / "none"), "ASK {}"]) == 1
    assert "cannot open store" in capsys.readouterr().err
    assert main(["query", "--store", store_dir, f"@{tmp_path}/missing.rq"]) == 2
    assert "cannot read" in capsys.readouterr().err
    assert main(["query", "--endpoint", "ftp://x", "ASK {}"]) == 2


def test_describe_text_and_turtle(store_dir, capsys):
    assert main(["describe", "--store", store_dir, "/id/org/370405/gov/justice"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("台儿庄区司法局") and "【区司法局】" in out and "evidence:" in out
    assert main(["describe", "--store", store_dir, "--format", "turtle", "fzid:org/370405/gov/justice"]) == 0
    assert "org:subOrganizationOf" in capsys.readouterr().out
    assert main(["describe", "--store", store_dir, "--lang", "en", JUSTICE]) == 0
    assert capsys.readouterr().out.startswith("Taierzhuang District Justice Bureau")


def test_describe_unknown_or_malformed(store_dir, capsys):
    assert main(["describe", "--store", store_dir, "/id/org/000000/gov"]) == 1
    assert "nothing is known" in capsys.readouterr().err
    assert main(["describe", "--store", store_dir, "no-such-prefix:x"]) == 2


def test_query_and_describe_through_an_endpoint(store_dir, capsys):
    with serve(store_dir) as url:
        q = "SELECT ?l WHERE { ?a org:subOrganizationOf ?b ; skos:prefLabel ?l FILTER(lang(?l) = 'zh') } ORDER BY ?l"
        assert main(["query", "--endpoint", f"{url}/sparql", "--format", "csv", q]) == 0
        assert capsys.readouterr().out.split() == ["l", "台儿庄区司法局", "台儿庄区行政审批服务局"]
        assert main(["describe", "--endpoint", f"{url}/sparql", "/id/org/370405/gov/justice"]) == 0
        assert "【区司法局】" in capsys.readouterr().out
