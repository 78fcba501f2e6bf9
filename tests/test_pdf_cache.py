"""PDFs made once per content: read back from .cache/vanban/pdf while nothing
they are printed from changed, made again when anything did (each kind of
input), a damaged entry never served; made in worker processes with the same
bytes as one at a time."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from pypdf import PdfReader

from conftest import build_project
from plan_factory import plan
from vanban import forked
from vanban.graph import corpus
from vanban.site import pdf

SITE_URL = "http://127.0.0.1:8000/"


class Copy:
    def __init__(self, three_plans, tmp_path):
        self.site = tmp_path / "site"
        shutil.copytree(three_plans.site, self.site)
        self.docs = corpus.load(three_plans.project / "plans", three_plans.project).published
        self.store_dir = tmp_path / "cache"

    def pages(self):
        return [pdf.page_html(self.site, d) for d in self.docs]

    def run(self, site_url=SITE_URL, docs=None):
        return pdf.print_all(docs or self.docs, self.pages(), self.site, site_url, store=pdf.PdfCache(self.store_dir))

    def pdfs(self):
        return {d.src_uri: pdf.page_html(self.site, d).with_name(pdf.pdf_name(d)).read_bytes() for d in self.docs}

    def entries(self):
        return sorted(p.name for p in self.store_dir.iterdir())


@pytest.fixture
def site(three_plans, tmp_path):
    return Copy(three_plans, tmp_path)


def test_nothing_changed_means_every_pdf_read_back(site):
    assert site.run() == (3, 0)
    first = site.pdfs()
    assert len(site.entries()) == 3
    assert all(data.startswith(b"%PDF-") for data in first.values())
    for path in site.pages():  # the site's PDFs are removed: each comes back from the cache
        for made in path.parent.glob("*.pdf"):
            made.unlink()
    assert site.run() == (0, 3)
    assert site.pdfs() == first


def _edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_changed_printed_text_remakes_that_pdf_only(site):
    site.run()
    before = site.pdfs()
    page = site.pages()[[d.src_uri for d in site.docs].index("van-ban/2023/115-kh-duk.md")]
    _edit(page, "Nội dung thứ nhất", "Nội dung đã sửa")
    assert site.run() == (1, 2)
    after = site.pdfs()
    assert after["van-ban/2023/115-kh-duk.md"] != before["van-ban/2023/115-kh-duk.md"]
    assert "Nội dung đã sửa" in PdfReader(page.with_name("115-kh-duk.pdf")).pages[0].extract_text()
    assert len(site.entries()) == 3  # the entry of the old text is removed


def test_what_print_hides_does_not_remake_the_pdf(site):
    # The table of contents and the sections after the signature change when
    # other documents change; they are not printed.
    site.run()
    page = site.pages()[0]
    _edit(page, '<div class="md-content"', '<nav class="md-nav">Được dẫn chiếu bởi: 1 văn bản</nav><div class="md-content"')
    _edit(page, "</article>", '<h2 id="x">Văn bản liên quan</h2><p>Một văn bản mới.</p></article>')
    assert site.run() == (0, 3)


def test_a_changed_stylesheet_remakes_every_pdf(site):
    site.run()
    with (site.site / "assets" / "print.css").open("a", encoding="utf-8") as sheet:
        sheet.write("\n@media print { .vb-so { font-style: italic; } }\n")
    assert site.run() == (3, 0)


def test_changed_metadata_remakes_that_pdf(site, monkeypatch):
    site.run()
    real = pdf.metadata

    def changed(doc):
        found = real(doc)
        if doc.number.canonical == "12/KH-UBND":
            found["keywords"] = [*found["keywords"], "mới"]
        return found

    monkeypatch.setattr(pdf, "metadata", changed)
    assert site.run() == (1, 2)
    reader = PdfReader(site.pages()[[d.number.canonical for d in site.docs].index("12/KH-UBND")].with_name("12-kh-ubnd.pdf"))
    assert reader.metadata["/Keywords"] == "12/KH-UBND, Kế hoạch, mới"


def test_another_site_address_remakes_every_pdf(site):
    # The PDF's links lead to the published site, so its address is printed in them.
    site.run()
    assert site.run(site_url="https://vanban.example.vn/") == (3, 0)


def test_other_tool_versions_or_fonts_remake_every_pdf(site, monkeypatch):
    site.run()
    monkeypatch.setattr(pdf, "environment", lambda: "weasyprint 99.0")
    assert site.run() == (3, 0)
    assert site.run() == (0, 3)


def test_environment_names_the_tools_and_this_module():
    setting = pdf.environment()
    lines = setting.splitlines()
    for package in ("weasyprint", "pydyf", "tinycss2", "fonttools"):
        assert any(line.startswith(f"{package} ") and not line.endswith(" -") for line in lines), package
    assert any(line.startswith("pango-1.0 1.") and "harfbuzz " in line for line in lines)
    assert "def print_all(" in setting


def test_font_bytes_and_other_fonts_are_in_the_environment(tmp_path, monkeypatch):
    folder = tmp_path / "fonts"
    folder.mkdir()
    font = folder / "NotoSerif-Regular.ttf"
    font.write_bytes(b"glyphs one")

    def no_fc_list(*args, **kwargs):
        raise FileNotFoundError("fc-list")

    monkeypatch.setattr(pdf, "FONT_FOLDERS", (folder,))
    monkeypatch.setattr(subprocess, "run", no_fc_list)
    first = pdf._fonts()
    font.write_bytes(b"glyphs two")  # same size, other bytes
    second = pdf._fonts()
    assert len(first) == 1 and first != second
    (folder / "Other.otf").write_bytes(b"x")
    assert len(pdf._fonts()) == 2


@pytest.mark.parametrize("damage", ["cut", "flipped", "not a pdf", "empty"])
def test_a_damaged_entry_is_made_again_never_served(site, damage):
    site.run()
    good = site.pdfs()
    entry = site.store_dir / site.entries()[0]
    data = entry.read_bytes()
    entry.write_bytes({"cut": data[: len(data) // 2], "flipped": data[:100] + bytes([data[100] ^ 1]) + data[101:],
                       "not a pdf": b"<html>" + data[6:], "empty": b""}[damage])
    assert site.run() == (1, 2)
    assert site.pdfs() == good
    assert len(site.entries()) == 3
    assert all(p.read_bytes().startswith(b"%PDF-") for p in site.store_dir.iterdir())


def test_no_cache_folder_yet_and_leftovers_removed(site):
    site.store_dir.mkdir()
    (site.store_dir / ".abc-def.pdf.123.tmp").write_bytes(b"half")
    (site.store_dir / "0123-4567.pdf").write_bytes(b"%PDF-old%%EOF")
    site.run()
    assert len(site.entries()) == 3
    assert not any(name.endswith(".tmp") or name.startswith("0123-") for name in site.entries())


def test_parallel_pdfs_have_the_bytes_of_serial_ones(site, monkeypatch):
    monkeypatch.setattr(pdf, "WORKERS_FROM", 1)
    monkeypatch.setattr(forked.os, "cpu_count", lambda: 1)
    assert site.run() == (3, 0)
    serial = site.pdfs()
    shutil.rmtree(site.store_dir)
    for path in site.pages():
        for made in path.parent.glob("*.pdf"):
            made.unlink()
    calls = []
    real = forked.map_batches
    monkeypatch.setattr(forked.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(forked, "map_batches", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert site.run() == (3, 0)
    assert calls == [1]
    assert site.pdfs() == serial


def test_a_pdf_made_in_another_process_has_the_same_bytes(site, three_plans):
    site.run()
    script = (
        "import sys; from pathlib import Path; from vanban.site import pdf; from vanban.graph import corpus\n"
        f"docs = corpus.load(Path({str(three_plans.project / 'plans')!r}), Path({str(three_plans.project)!r})).published\n"
        f"site = Path({str(site.site)!r})\n"
        f"pdf.Printer.for_site(site, {SITE_URL!r}).write(pdf.page_html(site, docs[0]), docs[0], Path(sys.argv[1]))\n"
    )
    out = site.site.parent / "again.pdf"
    done = subprocess.run([sys.executable, "-c", script, str(out)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(pdf.Path(pdf.__file__).parents[2])})
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == site.pdfs()[site.docs[0].src_uri]


def test_links_in_a_pdf_lead_to_the_published_site(site):
    site.run()
    page = site.pages()[[d.src_uri for d in site.docs].index("van-ban/2023/115-kh-duk.md")]
    uris = [annot.get_object()["/A"]["/URI"] for p in PdfReader(page.with_name("115-kh-duk.pdf")).pages
            for annot in p.get("/Annots") or []]
    assert all(uri.startswith(SITE_URL) for uri in uris), uris


def test_pdf_has_no_date_and_no_identifier(site):
    site.run()
    reader = PdfReader(site.pages()[0].with_name(pdf.pdf_name(site.docs[0])))
    assert "/CreationDate" not in reader.metadata and "/ModDate" not in reader.metadata
    assert "/ID" not in reader.trailer


def test_printed_part_is_the_original_up_to_its_signature(site):
    page = site.pages()[0].read_text(encoding="utf-8")
    printed = pdf.printed(page)
    assert printed.startswith("<!DOCTYPE html>\n<html lang=\"vi\">")
    assert '<article class="vb-ban-goc vb-dang">' in printed
    assert "Nơi nhận:" in printed and '<p class="vb-nguoi-ky">' in printed
    assert "Thuộc tính" not in printed and "md-sidebar" not in printed and "md-header" not in printed
    assert printed.count("<div") == printed.count("</div>")
    assert pdf.printed("<html><body>một trang khác</body></html>") == "<html><body>một trang khác</body></html>"


# How many were printed before the PDF step depends on how fast MkDocs wrote the pages.
PRINTED = r"PDF: {made} bản mới in( \([0-9] bản in sẵn trước bước PDF\))?, {reused} bản lấy lại từ bộ nhớ đệm, "


def test_a_build_twice_makes_the_pdfs_once(tmp_path):
    plans = {"2023/dang.md": plan(), "2023/ba.md": plan(so_hieu="116-KH/ĐUK", trich_yeu="Kế hoạch thứ ba")}
    first = build_project(tmp_path, plans, env={"VANBAN_PDF": "true"})
    assert first.returncode == 0, first.output
    assert re.search(PRINTED.format(made=2, reused=0), first.output), first.output
    pdfs = {p.name: p.read_bytes() for p in first.site.rglob("*.pdf")}
    (first.project / "plans" / "2023" / "ba.md").write_text(plan("Nội dung đã sửa.", so_hieu="116-KH/ĐUK",
                                                                  trich_yeu="Kế hoạch thứ ba"), encoding="utf-8")
    again = build_project(tmp_path, {}, env={"VANBAN_PDF": "true"})
    assert again.returncode == 0, again.output
    assert re.search(PRINTED.format(made=1, reused=1), again.output), again.output
    now = {p.name: p.read_bytes() for p in again.site.rglob("*.pdf")}
    assert now["115-kh-duk.pdf"] == pdfs["115-kh-duk.pdf"]
    assert now["116-kh-duk.pdf"] != pdfs["116-kh-duk.pdf"]
