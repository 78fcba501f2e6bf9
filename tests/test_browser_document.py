"""A reader opens the seed plan in Chromium and sees the original's layout and its panel."""

import pytest

pytestmark = pytest.mark.browser


def test_document_page_shows_panel_and_blocks(page, site_url):
    page.goto(f"{site_url}/van-ban/2023/114-kh-duk/")
    panel = page.locator("aside.vb-thuoc-tinh")
    assert panel.is_visible()
    assert panel.locator("h2").inner_text() == "Thuộc tính"
    row = panel.locator("tr", has_text="Số hiệu")
    assert row.locator("td").nth(1).inner_text() == "114-KH/ĐUK"
    assert panel.locator("tr", has_text="Ngày ban hành").locator("td").nth(1).inner_text() == "chưa rõ"
    assert page.locator(".vb-so").inner_text() == "Số 114-KH/ĐUK"
    assert page.locator(".vb-quoc-hieu").inner_text() == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert page.locator(".vb-nguoi-ky").inner_text() == "Phạm Hữu Dự"
    assert page.locator(".vb-noi-nhan li").count() == 8
    assert page.title().startswith("Kế hoạch 114-KH/ĐUK: Thực hiện công tác dân vận năm 2023")


def test_panel_sits_beside_the_document_on_a_laptop(page, site_url):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{site_url}/van-ban/2023/114-kh-duk/")
    doc = page.locator("article.vb-ban-goc").bounding_box()
    panel = page.locator("aside.vb-thuoc-tinh").bounding_box()
    assert panel["x"] >= doc["x"] + doc["width"]


def test_a_page_load_asks_for_nothing_missing(page, site_url):
    """Every request a document page makes is answered (Material looks for a
    sitemap beside the feed links: feeds.EMPTY_SITEMAP)."""
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.on("requestfailed", lambda r: failed.append(f"failed {r.url}"))
    page.goto(f"{site_url}/van-ban/2023/114-kh-duk/")
    page.wait_for_load_state("networkidle")
    assert failed == []
