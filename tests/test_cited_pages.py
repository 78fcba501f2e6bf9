"""Cited documents' pages, the registry listing, and the relation sections of
document pages, computed by the core from a small corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from plan_factory import plan
from vanban.graph import relations
from vanban.site import build as core
from vanban.site import cited_pages

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "plans" / "2023" / "114-kh-duk.md").read_text(encoding="utf-8")
HELD_TITLE = "Kế hoạch giữ lại không được nêu tên"

PLANS = {
    "2023/114-kh-duk.md": SEED,
    # Cites the seed plan, one seed directive twice, an unknown directive and itself.
    "2023/115-kh-duk.md": plan(
        "Căn cứ Kế hoạch số 114-KH/ĐUK của Ban Thường vụ Đảng ủy Khối. Tiếp tục thực hiện Chỉ thị số 06-CT/TU, "
        "ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy <b>về</b> dân vận. Thực hiện Chỉ thị số 06-CT/TU "
        "và Kết luận số 01-KL/TU, ngày 02/3/2022 của Tỉnh ủy. Kế hoạch số 115-KH/ĐUK này thay thế kế hoạch cũ.",
        so_hieu="115-KH/ĐUK", ngay_ban_hanh="2023-05-10", trich_yeu="Tổ chức hội nghị <dân vận>",
        can_cu=["Chỉ thị số 06-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy"],
    ),
    # Cites the same directive as 115, so each is related to the other.
    "2023/116-kh-duk.md": plan(
        "Quán triệt Chỉ thị số 08-CT/TU, ngày 23/9/2021 của Ban Thường vụ Tỉnh ủy và Chỉ thị số 06-CT/TU.",
        so_hieu="116-KH/ĐUK", ngay_ban_hanh="2023-06-01", trich_yeu="Quán triệt chỉ thị",
    ),
    # Held back (no "Đăng Website"): it cites 06-CT/TU and is cited by 117; it is never named.
    "2023/90-kh-duk.md": plan(
        "Thực hiện Chỉ thị số 06-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy.",
        so_hieu="90-KH/ĐUK", ngay_ban_hanh="2023-03-01", trich_yeu=HELD_TITLE, noi_nhan=["Lưu VP"],
    ),
    "2023/117-kh-duk.md": plan(
        "Tiếp tục thực hiện Kế hoạch số 90-KH/ĐUK, ngày 01/3/2023 của Ban Thường vụ Đảng ủy Khối.",
        so_hieu="117-KH/ĐUK", ngay_ban_hanh="2023-07-01", trich_yeu="Tiếp tục kế hoạch",
    ),
}


def build(tmp_path: Path, plans: dict[str, str]) -> core.Site:
    for rel, text in plans.items():
        path = tmp_path / "plans" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    options = core.Options(identity={"tinh": "Bến Tre"}, registry=ROOT / "data" / "registry.yml")
    return core.build(tmp_path / "plans", options, base=tmp_path)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> core.Site:
    return build(tmp_path_factory.mktemp("cited"), PLANS)


def sections(site: core.Site, uri: str) -> str:
    return "\n".join(site.parts[uri].sections)


def field(name: str, value: str) -> str:
    """A row of a cited document's field table (raw HTML)."""
    return f"<tr>\n<td>{name}</td>\n<td>{value}</td>\n</tr>"


def num(number: str) -> str:
    """A number as the generated lists write it: raw HTML, kept on one line."""
    return f'<span class="vb-so-hieu">{number}</span>'


# --- a cited document's page -------------------------------------------------------

def test_a_directive_page_lists_each_citing_document_with_its_sentence(site):
    text = site.files["van-ban/dan-chieu/chi-thi-06-ct-tu-2021.md"]
    assert "# Chỉ thị 06\\-CT/TU" in text
    assert field("Cơ quan ban hành", "Ban Thường vụ Tỉnh ủy") in text
    assert field("Ngày ban hành", "ngày 06/05/2021") in text
    assert field("Văn bản gốc", "Trang chưa có đường dẫn tới văn bản gốc") in text
    # 115 cites it as căn cứ (front matter) and in the text; 116 and 114 in the text.
    # Raw HTML links, to the URL each page is served at.
    assert (text.index("### Ban hành căn cứ vào văn bản này")
            < text.index(f'<a href="../../2023/115-kh-duk/">Kế hoạch {num("115-KH/ĐUK")}</a>'))
    assert (text.index("### Dẫn chiếu văn bản này")
            < text.index(f'<a href="../../2023/116-kh-duk/">Kế hoạch {num("116-KH/ĐUK")}</a>'))
    assert (f'<li>\n<p><a href="../../2023/114-kh-duk/">Kế hoạch {num("114-KH/ĐUK")}</a>, năm 2023: '
            "Thực hiện công tác dân vận năm 2023</p>\n<blockquote>") in text
    # The sentence, with the cited words marked and the document's own HTML shown as text.
    assert (f"<p>Tiếp tục thực hiện <mark>Chỉ thị số {num('06-CT/TU')}</mark>, ngày 06/5/2021 của Ban Thường vụ "
            "Tỉnh ủy &lt;b&gt;về&lt;/b&gt; dân vận.</p>") in text
    assert "3 văn bản trên trang dẫn chiếu văn bản này." in text


def test_a_citing_document_shows_at_most_three_sentences(site):
    text = site.files["van-ban/dan-chieu/chi-thi-06-ct-tu-2021.md"]
    part = text[text.index(f"Kế hoạch {num('115-KH/ĐUK')}"):text.index("### Dẫn chiếu văn bản này")]
    assert part.count("<mark>") == 3


def test_an_unknown_document_gets_a_page_from_what_the_citation_says(site):
    text = site.files["van-ban/dan-chieu/ket-luan-01-kl-tu-2022.md"]
    assert '!!! note "Chưa có trong danh mục"' in text
    assert field("Cơ quan ban hành", "Tỉnh ủy") in text
    assert field("Ngày ban hành", "ngày 02/03/2022") in text
    assert "Trích yếu" not in text


def test_a_held_back_document_is_never_named(site):
    every = "\n".join(v for v in site.files.values() if isinstance(v, str))
    assert HELD_TITLE not in every
    assert "van-ban/2023/90-kh-duk" not in every and "2023/90-kh-duk.md" not in every
    page = site.files["van-ban/dan-chieu/ke-hoach-90-kh-duk-2023.md"]
    assert '!!! note "Chưa có trong danh mục"' in page
    assert field("Cơ quan ban hành", "Ban Thường vụ Đảng ủy Khối") in page
    directive = site.files["van-ban/dan-chieu/chi-thi-06-ct-tu-2021.md"]
    assert "90\\-KH" not in directive


def test_the_registry_listing_groups_cited_documents_by_type(site):
    index = site.files["van-ban/dan-chieu/index.md"]
    assert '<td><a href="loai/chi-thi/">Chỉ thị</a></td>\n<td>3</td>' in index
    assert '<td><a href="loai/ke-hoach/">Kế hoạch</a></td>\n<td>1</td>' in index  # the held-back one, by its citation
    chi_thi = site.files["van-ban/dan-chieu/loai/chi-thi.md"]
    assert f'<td><a href="../../chi-thi-06-ct-tu-2021/">Chỉ thị {num("06-CT/TU")}</a></td>' in chi_thi
    kl = site.files["van-ban/dan-chieu/loai/ket-luan.md"]
    assert "(chưa có trong danh mục)" in kl


# --- sections of a document page -----------------------------------------------------

def test_what_a_document_cites_is_grouped_by_kind(site):
    text = sections(site, "van-ban/2023/115-kh-duk.md")
    cites = text[text.index("## Văn bản dẫn chiếu"):text.index("## Văn bản liên quan")]
    directive = f"Chỉ thị {num('06-CT/TU')}"
    assert cites.index("### Căn cứ") < cites.index(directive) < cites.index("### Dẫn chiếu")
    assert cites.count(directive) == 1  # under its strongest kind only
    # One item under a heading is a tight list item, several are paragraphs (as Markdown made them).
    assert f'<li><a href="../../dan-chieu/chi-thi-06-ct-tu-2021/">{directive}</a>, ngày 06/05/2021: ' in cites
    assert f'<li>\n<p><a href="../114-kh-duk/">Kế hoạch {num("114-KH/ĐUK")}</a>' in cites
    assert (f'<a href="../../dan-chieu/ket-luan-01-kl-tu-2022/">Kết luận {num("01-KL/TU")}</a>, ngày 02/03/2022</p>'
            in cites)
    assert "115-KH" not in cites  # never itself


def test_the_seed_plan_carries_out_its_programme(site):
    text = sections(site, "van-ban/2023/114-kh-duk.md")
    assert text.index("### Thực hiện") < text.index(f"Chương trình {num('36-CTr/TU')}</a>") < text.index("### Dẫn chiếu")


def test_related_documents_cite_the_same_ones(site):
    text = sections(site, "van-ban/2023/116-kh-duk.md")
    related = text[text.index("## Văn bản liên quan"):]
    # 114 shares two directives with 116, 115 only one.
    assert (related.index(f'<a href="../114-kh-duk/">Kế hoạch {num("114-KH/ĐUK")}</a>')
            < related.index(f'<a href="../115-kh-duk/">Kế hoạch {num("115-KH/ĐUK")}</a>'))
    assert f"(cùng dẫn chiếu Chỉ thị {num('08-CT/TU')}, Chỉ thị {num('06-CT/TU')})</p>\n</li>" in related
    assert f"(cùng dẫn chiếu Chỉ thị {num('06-CT/TU')})</p>\n</li>" in related


def test_a_published_document_cited_by_another_lists_it(site):
    text = sections(site, "van-ban/2023/114-kh-duk.md")
    cited_by = text[text.index("## Được dẫn chiếu bởi"):]
    assert (f'<a href="../115-kh-duk/">Kế hoạch {num("115-KH/ĐUK")}</a>, ngày 10/05/2023: '
            "Tổ chức hội nghị &lt;dân vận&gt;</p>") in cited_by
    assert f"<p>Căn cứ <mark>Kế hoạch số {num('114-KH/ĐUK')}</mark> của Ban Thường vụ Đảng ủy Khối.</p>" in cited_by
    assert "van-ban/dan-chieu/ke-hoach-114-kh-duk-2023.md" not in site.files


def test_citations_in_the_text_are_links_and_a_document_never_links_itself(site):
    body = site.parts["van-ban/2023/115-kh-duk.md"].body
    assert "[Kế hoạch số 114-KH/ĐUK](114-kh-duk.md){.vb-dan-chieu}" in body
    assert "[Kết luận số 01-KL/TU](../dan-chieu/ket-luan-01-kl-tu-2022.md){.vb-dan-chieu}" in body
    assert "Kế hoạch số 115-KH/ĐUK này" in body
    assert "&lt;b>về&lt;/b>" in body


# --- long lists are paginated -----------------------------------------------------------

def test_a_long_cited_by_list_is_paginated(tmp_path, monkeypatch):
    monkeypatch.setattr(cited_pages, "ROWS_PER_PAGE", 2)
    monkeypatch.setattr(relations, "RELATED_LIMIT", 3)
    plans = {f"2023/{n}-kh-duk.md": plan(f"Thực hiện Chỉ thị số 08-CT/TU, ngày 23/9/2021 (lần {n}).",
                                         so_hieu=f"{n}-KH/ĐUK", ngay_ban_hanh=f"2023-05-{n:02d}")
             for n in range(10, 15)}
    built = build(tmp_path, plans)
    first = built.files["van-ban/dan-chieu/chi-thi-08-ct-tu-2021.md"]
    assert "5 văn bản trên trang dẫn chiếu văn bản này." in first
    assert first.count("<mark>") == 2
    assert f"Kế hoạch {num('14-KH/ĐUK')}" in first and f"Kế hoạch {num('13-KH/ĐUK')}" in first  # newest first
    assert "[Trang sau ›](chi-thi-08-ct-tu-2021/trang-2.md)" in first
    last = built.files["van-ban/dan-chieu/chi-thi-08-ct-tu-2021/trang-3.md"]
    assert f"Kế hoạch {num('10-KH/ĐUK')}" in last and last.count("<mark>") == 1
    assert "[« Trang đầu](../chi-thi-08-ct-tu-2021.md)" in last
    related = sections(built, "van-ban/2023/10-kh-duk.md")
    assert related.count("(cùng dẫn chiếu") == 3


def test_an_undated_citation_of_a_number_two_documents_share_gets_its_own_page(tmp_path):
    data = tmp_path / "registry.yml"
    data.write_text("van_ban:\n  - loai: Chỉ thị\n    so_hieu: 06-CT/TU\n"
                    "  - loai: Chỉ thị\n    so_hieu: 06-CT/TU\n    ngay_ban_hanh: 2016-03-10\n", encoding="utf-8")
    (tmp_path / "plans" / "2023").mkdir(parents=True)
    (tmp_path / "plans" / "2023" / "a.md").write_text(plan("Theo Chỉ thị số 06-CT/TU."), encoding="utf-8")
    built = core.build(tmp_path / "plans", core.Options(registry=data), base=tmp_path)
    assert "[Chỉ thị số 06-CT/TU](../dan-chieu/chi-thi-06-ct-tu-chua-ro.md){.vb-dan-chieu}" in \
        built.parts["van-ban/2023/115-kh-duk.md"].body
    assert "Chưa có trong danh mục" in built.files["van-ban/dan-chieu/chi-thi-06-ct-tu-chua-ro.md"]
    assert "Chưa có văn bản nào trên trang" in built.files["van-ban/dan-chieu/chi-thi-06-ct-tu.md"]
    assert "2016" in built.files["van-ban/dan-chieu/chi-thi-06-ct-tu-2016.md"]


def test_hostile_words_in_a_citation_are_shown_as_text(tmp_path):
    hostile = plan("Theo Chỉ thị số 05-CT/TU, ngày 01/02/2020 của Ban *Thường* vụ [x](javascript:alert(1)) <img src=x>.",
                   so_hieu="118-KH/ĐUK")
    built = build(tmp_path, {"2023/118-kh-duk.md": hostile})
    page = built.files["van-ban/dan-chieu/chi-thi-05-ct-tu-2020.md"]
    assert "<img" not in page and "](javascript" not in page
    assert "&lt;img src=x&gt;" in page


def test_documents_of_one_day_cite_in_the_listings_order_higher_number_first(tmp_path):
    """The graph orders citing documents as the listings do (model.order): on
    the same day, the higher number first (9 before 10 would be the text order)."""
    plans = {f"2023/{n}-kh-duk.md": plan("Thực hiện Chỉ thị số 08-CT/TU, ngày 23/9/2021.",
                                         so_hieu=f"{n}-KH/ĐUK", ngay_ban_hanh="2023-05-02")
             for n in (9, 10, 100)}
    built = build(tmp_path, plans)
    page = built.files["van-ban/dan-chieu/chi-thi-08-ct-tu-2021.md"]
    shown = [n for n in ("100", "10", "09") if f"Kế hoạch {num(n + '-KH/ĐUK')}" in page]
    assert shown == ["100", "10", "09"]
    assert (page.index(f"Kế hoạch {num('100-KH/ĐUK')}") < page.index(f"Kế hoạch {num('10-KH/ĐUK')}")
            < page.index(f"Kế hoạch {num('09-KH/ĐUK')}"))
