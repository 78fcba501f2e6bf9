"""A reader opens a plan and "Thời hạn" in Chromium: one document answers a task,
the other task has nothing on the site past its deadline, and reports are listed."""

from __future__ import annotations

import pytest
from tasks_corpus import built

from conftest import serve

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def tasks_url(tmp_path_factory):
    server, url = serve(built(tmp_path_factory).site)
    yield url
    server.shutdown()


@pytest.fixture
def local_page(page, tasks_url):
    """Requests beyond the local site are refused, and listed."""
    refused: list[str] = []

    def guard(route):
        if route.request.url.startswith(tasks_url):
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort()

    page.context.route("**/*", guard)
    page.refused = refused
    return page


def table_after(page, heading_id: str):
    """The first table after a heading (Material wraps tables in scrolling boxes)."""
    return page.locator(f"h2#{heading_id}").locator("xpath=following::table[1]")


def test_plan_page_shows_the_answer_under_its_task_and_the_reports(local_page, tasks_url):
    page = local_page
    page.goto(f"{tasks_url}/van-ban/2023/114-kh-duk/")
    rows = table_after(page, "nhiem-vu-va-thoi-han").locator("tbody tr")
    assert rows.count() == 2
    answered = rows.nth(1).locator("td").nth(3)
    assert answered.inner_text() == "Đã có văn bản thực hiện: Kế hoạch 12-KH/ĐTN (ngày 20/04/2023, đúng hạn)"
    assert "Chưa có văn bản trên trang (tính đến 15/05/2023)" in rows.nth(0).locator("td").nth(3).inner_text()
    assert page.get_by_text("Quá hạn").count() == 0
    reports = page.locator("h2#bao-cao-thuc-hien").locator("xpath=following::ul[1]").locator("li")
    assert [reports.nth(i).locator("a").inner_text() for i in range(reports.count())] == [
        "Báo cáo 150-BC/ĐUK", "Báo cáo 140-BC/ĐUK"]
    answered.get_by_role("link", name="Kế hoạch 12-KH/ĐTN").click()
    page.wait_for_url(f"{tasks_url}/van-ban/2023/12-kh-dtn/")
    row = page.locator("aside.vb-thuoc-tinh tr", has_text="Thực hiện nhiệm vụ")
    assert row.locator("td").nth(1).inner_text() == "nhiệm vụ 2 của Kế hoạch 114-KH/ĐUK"
    assert page.locator(".vb-quoc-hieu").inner_text() == "ĐOÀN TNCS HỒ CHÍ MINH"
    assert page.refused == []


def test_deadlines_page_counts_the_unit_and_shows_the_answer(local_page, tasks_url):
    page = local_page
    page.goto(f"{tasks_url}/thoi-han/")
    units = table_after(page, "theo-don-vi").locator("tbody tr")
    first = units.nth(0).locator("td")
    assert [first.nth(i).inner_text() for i in range(first.count())] == ["Ban Thường vụ Đoàn Khối", "2", "0", "0", "0", "2"]
    passed = table_after(page, "thoi-han-da-qua").locator("tbody tr", has_text="giám sát, phản biện xã hội")
    assert passed.locator("td").nth(1).inner_text() == "Đã có văn bản thực hiện: Kế hoạch 12-KH/ĐTN (ngày 20/04/2023, đúng hạn)"
    assert page.get_by_text("Quá hạn").count() == 0
    units.nth(0).get_by_role("link", name="Ban Thường vụ Đoàn Khối").click()
    page.wait_for_url(f"{tasks_url}/thoi-han/ban-thuong-vu-doan-khoi/")
    assert page.locator("h1").inner_text() == "Thời hạn của Ban Thường vụ Đoàn Khối"
    assert page.refused == []
