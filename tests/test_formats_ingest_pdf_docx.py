"""`fazhi ingest` and `fazhi extract` (CLI, subprocess) on PDF and DOCX files built in the test run:
they load beside plain text, and broken ones are refused with clear messages and change nothing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

pytest.importorskip("reportlab")

from cli_run import fazhi, quads  # noqa: E402
from formats_build import build_docx, build_image_only_pdf, build_pdf, pdf_safe  # noqa: E402

REPORTS = Path(__file__).resolve().parent.parent / "data" / "reports"


def _text(name: str) -> str:
    return (REPORTS / name).read_text(encoding="utf-8")


def _encrypted_office_file() -> bytes:
    """What Office writes for a password-protected .docx: an OLE compound file holding EncryptionInfo
    and EncryptedPackage streams (only the directory names matter to the reader)."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    return ole + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le")


@pytest.fixture(scope="module")
def seed_pdf() -> bytes:
    return build_pdf(pdf_safe(_text("taierzhuang-2019.txt")), "台儿庄区人民政府")


def test_extract_reads_a_pdf_like_its_text(tmp_path: Path, seed_pdf: bytes) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(seed_pdf)
    res = fazhi("extract", "--indent", "0", str(pdf))
    assert res.returncode == 0, res.stderr
    report = json.loads(res.stdout)["report"]
    assert report["title"] == "台儿庄区人民政府关于2019年度法治政府建设情况的报告"
    assert report["year"] == 2019


def test_ingest_loads_pdf_and_docx_and_broken_files_change_nothing(tmp_path: Path, seed_pdf: bytes) -> None:
    good = tmp_path / "good"
    good.mkdir()
    (good / "taierzhuang.pdf").write_bytes(seed_pdf)
    (good / "shaoxing.docx").write_bytes(build_docx(_text("006.txt"), numbered=True, table=[["事项", "数量"], ["复议", "5件"]]))
    (good / "013.txt").write_bytes((REPORTS / "013.txt").read_bytes())
    store = tmp_path / "store"
    res = fazhi("ingest", "-q", "--no-validate", "--store", str(store), str(good))
    assert res.returncode == 0, res.stderr
    assert "ingested 3/3 report(s)" in res.stderr
    before = quads(store)
    assert before > 1000
    # the original files' media types and hashes are in the provenance (the stored text is plain text)
    res = fazhi("query", "--store", str(store), "--format", "csv",
                "PREFIX dct: <http://purl.org/dc/terms/> SELECT DISTINCT ?f WHERE { GRAPH ?g { ?d dct:format ?f } }")
    assert res.returncode == 0, res.stderr
    assert {"application/pdf", "text/plain", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"} <= set(
        res.stdout.split()
    )
    res = fazhi("query", "--store", str(store), "--format", "csv",
                "PREFIX fz: <https://w3id.org/fazhi/ont#> SELECT ?h WHERE { GRAPH ?g { ?d fz:sha256 ?h } }")
    assert hashlib.sha256(seed_pdf).hexdigest() in res.stdout

    bad = tmp_path / "bad"
    bad.mkdir()
    locked = build_pdf("Law-based government annual report\n" + "The county reviewed 54 documents. " * 40, "x",
                       font="Helvetica", encrypt="secret")
    files = {
        "cut.pdf": (seed_pdf[: len(seed_pdf) // 2], "truncated"),
        "locked.pdf": (locked, "needs a password"),
        "scan.pdf": (build_image_only_pdf(), "it needs OCR first"),
        "cut.docx": (build_docx(_text("006.txt"))[:900], "truncated"),
        "locked.docx": (_encrypted_office_file(), "password-protected"),
    }
    for name, (raw, _) in files.items():
        (bad / name).write_bytes(raw)
    res = fazhi("ingest", "-q", "--no-validate", "--store", str(store), str(bad))
    assert res.returncode == 1
    for name, (_, words) in files.items():
        line = next((x for x in res.stderr.splitlines() if f"FAILED {bad / name}: " in x), "")
        assert words in line, (name, res.stderr)
    assert "Traceback" not in res.stderr
    assert quads(store) == before
