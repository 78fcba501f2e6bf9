"""In Chromium: a replaced document's page and the link to it, a history entry
opened from its link, and a search result carrying the status."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from test_history import git

from conftest import build_project, serve
from plan_factory import plan

QC = dict(so_hieu="10-QC/ĐUK", loai="Quy chế", trich_yeu="Về công tác dân vận", ngay_ban_hanh="2022-11-25")


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser-status")
    project = tmp / "project"
    (project / "plans" / "2022").mkdir(parents=True)
    (project / "plans" / "2024").mkdir(parents=True)
    rule = project / "plans" / "2022" / "10-qc-duk.md"
    git(project, "init", "-q", "-b", "main")
    rule.write_text(plan("Các chi bộ sinh hoạt chuyên đề dân vận mỗi năm một lần.", **QC), encoding="utf-8")
    git(project, "add", ".")
    git(project, "commit", "-qm", "Đăng Quy chế 10-QC/ĐUK", when="2022-11-28T09:00:00+07:00")
    rule.write_text(plan("Các chi bộ sinh hoạt chuyên đề dân vận mỗi quý một lần.", **QC), encoding="utf-8")
    git(project, "commit", "-qam", "Đính chính kỳ sinh hoạt", when="2022-12-05T14:00:00+07:00")
    (project / "plans" / "2024" / "215-qd-duk.md").write_text(plan(
        "Quyết định này có hiệu lực từ ngày ký và thay thế Quy chế số 10-QC/ĐUK, ngày 25/11/2022.",
        so_hieu="215-QĐ/ĐUK", loai="Quyết định", trich_yeu="Ban hành Quy chế công tác dân vận",
        ngay_ban_hanh="2024-03-01"), encoding="utf-8")
    git(project, "add", ".")
    git(project, "commit", "-qm", "Đăng Quyết định 215-QĐ/ĐUK", when="2024-03-04T08:00:00+07:00")
    result = build_project(tmp, {})
    assert result.returncode == 0, result.output
    server, address = serve(result.site)
    yield address
    server.shutdown()


def test_a_replaced_document_says_so_and_links_to_it_are_marked(page, url):
    page.goto(url + "/van-ban/2022/10-qc-duk/")
    notice = page.locator(".admonition.vb-hieu-luc")
    assert notice.locator(".admonition-title").inner_text() == "Văn bản này đã bị thay thế"
    assert notice.locator("p").nth(1).inner_text().startswith("Bị thay thế bởi Quyết định 215-QĐ/ĐUK, ngày 01/03/2024")
    page.goto(url + "/van-ban/2024/215-qd-duk/")
    link = page.locator("article a.vb-dan-chieu.vb-het-hieu-luc")
    assert link.get_attribute("title") == "Bị thay thế bởi Quyết định 215-QĐ/ĐUK, ngày 01/03/2024"
    marker = link.locator(".vb-dau-hieu-luc")
    assert marker.is_visible() and marker.inner_text().strip() == "(đã bị thay thế)"


def test_a_history_entry_opens_from_its_link(page, url):
    page.goto(url + "/van-ban/2022/10-qc-duk/")
    change = page.locator("details.vb-thay-doi")
    assert change.get_attribute("open") is None
    page.locator("section.vb-lich-su a", has_text="xem thay đổi").click()
    assert change.get_attribute("open") == ""
    assert change.locator("del").inner_text() == "năm"
    assert change.locator("ins").inner_text() == "quý"


def test_a_search_result_carries_the_status(page, url):
    page.goto(url + "/?" + urlencode({"q": "10-QC/ĐUK"}))
    page.wait_for_function("document.getElementById('vb-tim-trang-thai').textContent.match(/^(Có|Không)/)")
    facts = page.locator("#vb-tim-danh-sach li", has_text="Quy chế 10-QC/ĐUK").locator(".vb-tim-thuoc-tinh")
    assert facts.inner_text().endswith("Trạng thái: bị thay thế")
