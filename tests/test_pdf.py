"""The PDF of each published document: made at build time from the page and the
print stylesheet, with its metadata, its whole text and Vietnamese intact."""

from __future__ import annotations

import re
import shutil
import unicodedata

import pytest
from pypdf import PdfReader

from conftest import ROOT, build_project
from plan_factory import plan

SEED_PAGE = "van-ban/2023/114-kh-duk/index.html"
SEED_PDF = "van-ban/2023/114-kh-duk/114-kh-duk.pdf"
TITLE = "Kế hoạch 114-KH/ĐUK: Thực hiện công tác dân vận năm 2023"
PDF_LINK = re.compile(r'<a class="md-button vb-tai-pdf" href="([^"]+)"[^>]*>Tải PDF</a>')


def text_of(reader: PdfReader) -> str:
    """The PDF's text in NFC, with runs of spaces (justified lines) made single."""
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"[ \t]+", " ", unicodedata.normalize("NFC", text))


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def seed_pdf(real_site) -> PdfReader:
    path = real_site.site / SEED_PDF
    assert path.is_file()
    assert path.read_bytes().startswith(b"%PDF-")
    return PdfReader(path)


def test_seed_pdf_metadata(seed_pdf):
    info = seed_pdf.metadata
    assert info.title == TITLE
    assert info.author == "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh"
    assert info.subject == "Kế hoạch 114-KH/ĐUK của Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh: Thực hiện công tác dân vận năm 2023"
    assert info["/Keywords"] == "114-KH/ĐUK, Kế hoạch"
    assert info["/SoHieu"] == "114-KH/ĐUK"
    assert seed_pdf.trailer["/Root"]["/Lang"] == "vi"


def test_seed_pdf_is_a4_with_several_pages(seed_pdf):
    box = seed_pdf.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert len(seed_pdf.pages) >= 2


def test_seed_pdf_text_has_number_title_headings_and_signer(seed_pdf):
    text = text_of(seed_pdf)
    lines = [line.strip() for line in text.splitlines()]
    for line in ("Số 114-KH/ĐUK", "ĐẢNG CỘNG SẢN VIỆT NAM", "*", "KẾ HOẠCH", "Thực hiện công tác dân vận năm 2023",
                 "I. MỤC ĐÍCH YÊU CẦU", "II. NỘI DUNG TRỌNG TÂM", "III. TỔ CHỨC THỰC HIỆN",
                 "Nơi nhận:", "- Lưu VP, BTG Đảng ủy Khối", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Phạm Hữu Dự"):
        assert line in lines, line
    assert "Ban Thường vụ Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh đề ra Kế hoạch công tác dân vận năm 2023" in one_line(text)


def test_seed_pdf_has_page_numbers_from_page_two(seed_pdf):
    for number, page in enumerate(seed_pdf.pages, start=1):
        lines = [line.strip() for line in page.extract_text().splitlines()]
        assert (str(number) in lines) == (number > 1), number


def test_seed_pdf_has_nothing_of_the_web_site(seed_pdf):
    text = text_of(seed_pdf)
    for word in ("Thuộc tính", "Trang chủ", "Mục lục", "Tìm kiếm", "Bỏ qua", "In văn bản", "Tải PDF",
                 "Hướng dẫn biên tập", "Material for MkDocs"):
        assert word not in text, word


def test_seed_pdf_uses_only_the_vietnamese_serif_font(seed_pdf):
    # A glyph missing from Noto Serif would be drawn from a fallback font.
    fonts = set()
    for page in seed_pdf.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+", 1)[1])
    assert fonts == {"Noto-Serif", "Noto-Serif-Bold", "Noto-Serif-Italic", "Noto-Serif-Bold-Italic"}


def test_seed_page_links_its_pdf(real_site):
    page = real_site.html(SEED_PAGE)
    assert PDF_LINK.findall(page) == ["114-kh-duk.pdf"]
    assert (real_site.site / SEED_PAGE).with_name("114-kh-duk.pdf").is_file()


@pytest.fixture(scope="module")
def mixed_pdf_site(tmp_path_factory):
    plans = {
        "2023/dang.md": plan(),
        "2023/nha-nuoc.md": plan(so_hieu="12/KH-UBND", co_quan_ban_hanh="Ủy ban nhân dân tỉnh Bến Tre"),
        "2023/giu-lai.md": plan(so_hieu="116-KH/ĐUK", noi_nhan=["Lưu VP"]),
    }
    result = build_project(tmp_path_factory.mktemp("pdf-mixed"), plans, env={"VANBAN_PDF": "true"})
    assert result.returncode == 0, result.output
    return result


def test_only_published_documents_get_a_pdf(mixed_pdf_site):
    pdfs = sorted(p.relative_to(mixed_pdf_site.site).as_posix() for p in mixed_pdf_site.site.rglob("*.pdf"))
    assert pdfs == ["van-ban/2023/115-kh-duk/115-kh-duk.pdf", "van-ban/2023/12-kh-ubnd/12-kh-ubnd.pdf"]


def test_state_document_pdf_has_the_state_header(mixed_pdf_site):
    reader = PdfReader(mixed_pdf_site.site / "van-ban/2023/12-kh-ubnd/12-kh-ubnd.pdf")
    lines = [line.strip() for line in text_of(reader).splitlines()]
    for line in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 12/KH-UBND"):
        assert line in lines, line
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in lines
    assert reader.metadata.title == "Kế hoạch 12/KH-UBND: Tổ chức hội nghị"


def test_pdfs_off_means_no_pdf_and_no_link(tmp_path):
    result = build_project(tmp_path, {"2023/dang.md": plan()}, env={"VANBAN_PDF": "false"})
    assert result.returncode == 0, result.output
    assert list(result.site.rglob("*.pdf")) == []
    page = result.html("van-ban/2023/115-kh-duk/index.html")
    assert "Tải PDF" not in page
    assert ".pdf" not in page
    assert 'data-vb-in>In văn bản</button>' in page  # printing still works without PDFs


def test_pdf_leaves_out_what_the_site_adds_after_the_signature(real_site, tmp_path):
    # Relations and task tables are sections after the signature: the site's, not the original's.
    from vanban.graph import corpus
    from vanban.site import pdf

    site_dir = tmp_path / "site"
    shutil.copytree(real_site.site, site_dir)
    html = site_dir / SEED_PAGE
    added = '<h2 id="lien-quan">Văn bản liên quan</h2>\n<p>Văn bản thêm của trang web.</p>\n'
    page = html.read_text(encoding="utf-8")
    assert page.count("</article>") == 2  # the original's, then the theme's
    html.write_text(page.replace("</article>", added + "</article>", 1), encoding="utf-8")
    doc = corpus.load(ROOT / "plans", ROOT).published[0]
    target = tmp_path / "ra.pdf"
    pdf.Printer.for_site(site_dir).write(html, doc, target)
    text = text_of(PdfReader(target))
    assert "Phạm Hữu Dự" in text
    assert "Văn bản liên quan" not in text
    assert "Văn bản thêm" not in text
