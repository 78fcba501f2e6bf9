"""A reader follows the seed plan's citations in Chromium: every citation is a
link, each cited document's page lists the plan with the citing sentence, and
the way back leads to the plan."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SEED = "/van-ban/2023/114-kh-duk/"
# Each citation of 114-KH/ĐUK, in reading order, with the page it leads to.
CITATIONS = [
    ("Chương trình số 36-CTr/TU", "chuong-trinh-36-ctr-tu-2023"),
    ("Chỉ thị số 06-CT/TU", "chi-thi-06-ct-tu-2021"),
    ("Quy chế số 09-QC/ĐUK", "quy-che-09-qc-duk-2022"),
    ("Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII", "nghi-quyet-dai-hoi-dai-bieu-toan-quoc-lan-thu-xiii-cua-dang"),
    ("Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI", "nghi-quyet-dai-hoi-dai-bieu-dang-bo-tinh-lan-thu-xi"),
    ("Quyết định số 306-QĐ/TU", "quyet-dinh-306-qd-tu-2021"),
    ("Chỉ thị số 06-CT/TU", "chi-thi-06-ct-tu-2021"),
    ("Chỉ thị số 08-CT/TU", "chi-thi-08-ct-tu-2021"),
    ("Quy chế số 09-QC/ĐUK", "quy-che-09-qc-duk-2022"),
    ("Nghị quyết Đại hội đại biểu Đảng bộ Khối lần thứ XIII",
     "nghi-quyet-dai-hoi-dai-bieu-dang-bo-khoi-lan-thu-xiii-nhiem-ky-2020-2025"),
    ("Chỉ thị số 08-CT/TU", "chi-thi-08-ct-tu-2021"),
    ("Chỉ thị số 18-CT/TW", "chi-thi-18-ct-tw"),
    ("Quyết định số 218-QĐ/TW", "quyet-dinh-218-qd-tw"),
    ("Chỉ thị số 18-CT/TW", "chi-thi-18-ct-tw"),
]
# The sentence on each cited page that quotes 114-KH/ĐUK (its start, as shown).
SENTENCES = {
    "chuong-trinh-36-ctr-tu-2023": "Thực hiện Chương trình số 36-CTr/TU, ngày 27/02/2023 của Ban Thường vụ Tỉnh ủy",
    "chi-thi-06-ct-tu-2021": "Tiếp tục triển khai, thực hiện tốt Chỉ thị số 06-CT/TU, ngày 06/5/2021",
    "quy-che-09-qc-duk-2022": "Quy chế số 09-QC/ĐUK, ngày 25/11/2022 của Ban Thường vụ Đảng ủy Khối",
    "nghi-quyet-dai-hoi-dai-bieu-toan-quoc-lan-thu-xiii-cua-dang":
        "phát huy dân chủ, đẩy mạnh các phong trào thi đua thực hiện tốt Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII",
    "nghi-quyet-dai-hoi-dai-bieu-dang-bo-tinh-lan-thu-xi": "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI gắn với",
    "quyet-dinh-306-qd-tu-2021": "trọng tâm là Quyết định số 306-QĐ/TU, ngày 19/11/2021",
    "chi-thi-08-ct-tu-2021": "Thực hiện tốt công tác dân vận chính quyền theo Chỉ thị số 08-CT/TU, ngày 23/9/2021",
    "nghi-quyet-dai-hoi-dai-bieu-dang-bo-khoi-lan-thu-xiii-nhiem-ky-2020-2025":
        "thực hiện Nghị quyết Đại hội đại biểu Đảng bộ Khối lần thứ XIII, nhiệm kỳ 2020 - 2025",
    "chi-thi-18-ct-tw": "theo Chỉ thị số 18-CT/TW của Ban Bí thư Trung ương Đảng",
    "quyet-dinh-218-qd-tw": "theo Quyết định số 218-QĐ/TW của Bộ Chính trị",
}


def test_every_citation_of_the_seed_plan_is_a_link(page, site_url):
    page.goto(site_url + SEED)
    links = page.locator("article.vb-ban-goc a.vb-dan-chieu")
    shown = [(links.nth(i).inner_text(), links.nth(i).get_attribute("href")) for i in range(links.count())]
    assert shown == [(words, f"../../dan-chieu/{slug}/") for words, slug in CITATIONS]


@pytest.mark.parametrize("slug", sorted(SENTENCES))
def test_each_cited_page_lists_the_plan_with_the_citing_sentence(page, site_url, slug):
    page.goto(f"{site_url}/van-ban/dan-chieu/{slug}/")
    cited_by = page.locator("section.vb-duoc-dan-chieu")
    item = cited_by.locator("li", has=page.locator("a", has_text="Kế hoạch 114-KH/ĐUK"))
    assert item.count() == 1
    quoted = item.locator("blockquote p").all_inner_texts()
    assert any(SENTENCES[slug] in sentence for sentence in quoted)


def test_a_reader_clicks_a_citation_reads_who_cites_it_and_comes_back(page, site_url):
    page.goto(site_url + SEED)
    page.locator("article.vb-ban-goc a.vb-dan-chieu", has_text="Chỉ thị số 08-CT/TU").first.click()
    page.wait_for_url("**/van-ban/dan-chieu/chi-thi-08-ct-tu-2021/")
    assert page.locator("h1").first.inner_text() == "Chỉ thị 08-CT/TU"
    assert page.locator("tr", has_text="Ngày ban hành").locator("td").nth(1).inner_text() == "ngày 23/09/2021"
    quotes = page.locator("section.vb-duoc-dan-chieu blockquote p")  # one paragraph per sentence
    assert quotes.count() == 2
    assert quotes.nth(0).locator("mark").inner_text() == "Chỉ thị số 08-CT/TU"
    page.locator("section.vb-duoc-dan-chieu a", has_text="Kế hoạch 114-KH/ĐUK").click()
    page.wait_for_url("**" + SEED)
    assert page.locator(".vb-so").inner_text() == "Số 114-KH/ĐUK"


def test_the_plan_page_lists_what_it_cites_by_kind(page, site_url):
    page.goto(site_url + SEED)
    section = page.locator("section.vb-dan-chieu-di")
    assert section.locator("h3").all_inner_texts() == ["Thực hiện", "Dẫn chiếu"]
    assert section.locator("li").count() == 10
    section.locator("a", has_text="Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng").click()
    page.wait_for_url("**/nghi-quyet-dai-hoi-dai-bieu-toan-quoc-lan-thu-xiii-cua-dang/")
    assert page.locator("h1").first.inner_text() == "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"
    page.locator("a", has_text="Danh mục văn bản dẫn chiếu").last.click()
    page.wait_for_url("**/van-ban/dan-chieu/")
    assert page.locator("table a", has_text="Nghị quyết").count() == 1
