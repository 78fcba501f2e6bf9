"""'Tra cứu văn bản' in Chromium: filter and sort in the browser, page through
many rows, and a plain static list when scripts do not run."""

from __future__ import annotations

import pytest
from listings_corpus import HOSTILE_TITLE, PUBLISHED, built

from conftest import build_project, serve
from plan_factory import plan

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def table_url(tmp_path_factory):
    server, url = serve(built(tmp_path_factory).site)
    yield f"{url}/tra-cuu/"
    server.shutdown()


def numbers(page) -> list[str]:
    return page.locator("#vb-tra-cuu tbody tr td:first-child").all_inner_texts()


def open_table(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("#vb-tra-cuu.vb-tra-cuu-san-sang")


def choose(page, name: str, value: str) -> None:
    page.select_option(f"#vb-tra-cuu select[name={name}]", value)


def test_table_starts_with_every_document_newest_first(page, table_url):
    open_table(page, table_url)
    assert numbers(page) == PUBLISHED
    assert page.locator("#vb-tra-cuu [role=status]").inner_text() == "Văn bản 1–5 trong 5 văn bản khớp (tổng 5)."
    assert page.locator("th[aria-sort=descending] button").inner_text() == "Ngày ban hành"


def test_filters_by_type_year_body_and_status(page, table_url):
    open_table(page, table_url)
    choose(page, "loai", "Kế hoạch")
    assert numbers(page) == ["115-KH/ĐUK", "114-KH/ĐUK", "05-KH/ĐUK"]
    choose(page, "nam", "2023")
    assert numbers(page) == ["115-KH/ĐUK", "114-KH/ĐUK"]
    choose(page, "loai", "")
    choose(page, "nam", "")
    choose(page, "co_quan_ban_hanh", "Ủy ban nhân dân tỉnh Bến Tre")
    assert numbers(page) == ["1286/QĐ-UBND"]
    choose(page, "co_quan_ban_hanh", "")
    choose(page, "trang_thai", "Còn hiệu lực")
    assert numbers(page) == ["1286/QĐ-UBND", "120-CT/ĐUK"]
    choose(page, "nam", "2022")
    assert numbers(page) == []
    assert page.locator("#vb-tra-cuu [role=status]").inner_text() == "Không có văn bản nào khớp."


def test_filter_options_come_from_the_data(page, table_url):
    open_table(page, table_url)
    years = page.locator("#vb-tra-cuu select[name=nam] option").all_inner_texts()
    assert years == ["Tất cả", "2024", "2023", "2022"]
    types = page.locator("#vb-tra-cuu select[name=loai] option").all_inner_texts()
    assert types == ["Tất cả", "Chỉ thị", "Kế hoạch", "Quyết định"]


def test_text_filter_ignores_diacritics(page, table_url):
    open_table(page, table_url)
    page.fill("#vb-tra-cuu input[name=q]", "dan van")
    assert numbers(page) == ["120-CT/ĐUK", "114-KH/ĐUK"]
    page.fill("#vb-tra-cuu input[name=q]", "114-kh/duk")
    assert numbers(page) == ["114-KH/ĐUK"]


def test_sorts_by_a_column_both_ways(page, table_url):
    open_table(page, table_url)
    page.click("th button[data-cot=so_hieu]")
    assert numbers(page) == ["05-KH/ĐUK", "114-KH/ĐUK", "115-KH/ĐUK", "120-CT/ĐUK", "1286/QĐ-UBND"]
    assert page.get_attribute("th:has(button[data-cot=so_hieu])", "aria-sort") == "ascending"
    page.click("th button[data-cot=so_hieu]")
    assert numbers(page) == ["1286/QĐ-UBND", "120-CT/ĐUK", "115-KH/ĐUK", "114-KH/ĐUK", "05-KH/ĐUK"]
    page.click("th button[data-cot=loai]")
    assert [t for t in page.locator("tbody tr td:nth-child(3)").all_inner_texts()] == [
        "Chỉ thị", "Kế hoạch", "Kế hoạch", "Kế hoạch", "Quyết định"]
    page.click("th button[data-cot=ngay]")
    assert numbers(page) == PUBLISHED


def test_values_show_as_text_and_rows_link_to_documents(page, table_url):
    open_table(page, table_url)
    first = page.locator("#vb-tra-cuu tbody tr").first
    assert first.locator("td:nth-child(4)").inner_text() == HOSTILE_TITLE
    assert first.locator("b").count() == 0
    first.locator("a").click()
    page.wait_for_url("**/van-ban/2024/1286-qd-ubnd/")


def test_without_script_the_page_is_a_static_list(browser, table_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(table_url)
        assert numbers(page) == PUBLISHED
        assert page.locator("#vb-tra-cuu select").count() == 0
        assert page.locator('#vb-tra-cuu a[href="../danh-muc/tat-ca/"]').count() == 1
    finally:
        context.close()


@pytest.fixture(scope="module")
def big_table_url(tmp_path_factory):
    plans = {f"2023/{n}.md": plan(so_hieu=f"{n}-KH/ĐUK", ngay_ban_hanh=f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}")
             for n in range(1, 131)}
    result = build_project(tmp_path_factory.mktemp("big-table"), plans)
    assert result.returncode == 0, result.output
    server, url = serve(result.site)
    yield f"{url}/tra-cuu/"
    server.shutdown()


def test_many_rows_are_paged_in_the_browser_and_statically(page, big_table_url):
    page.goto(big_table_url)
    page.wait_for_selector("#vb-tra-cuu.vb-tra-cuu-san-sang")
    assert page.locator("#vb-tra-cuu tbody tr").count() == 100
    assert page.locator("#vb-tra-cuu nav").inner_text().replace("\n", " ").split() == [
        "‹", "Trang", "trước", "Trang", "1/2", "Trang", "sau", "›"]
    page.click("#vb-tra-cuu nav button:has-text('Trang sau')")
    assert page.locator("#vb-tra-cuu tbody tr").count() == 30
    assert page.locator("#vb-tra-cuu [role=status]").inner_text() == "Văn bản 101–130 trong 130 văn bản khớp (tổng 130)."
    static = (page.context.browser.new_context(java_script_enabled=False))
    try:
        plain = static.new_page()
        plain.goto(big_table_url)
        assert plain.locator("#vb-tra-cuu tbody tr").count() == 50
        assert plain.locator('#vb-tra-cuu a[href="../danh-muc/tat-ca/trang-2/"]').count() == 1
    finally:
        static.close()
