"""Printing a document page in Chromium: the "In văn bản" button, and print
media showing the original document alone, laid out as signed."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SEED = "/van-ban/2023/114-kh-duk/"
SITE_PARTS = (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
              ".vb-thuoc-tinh", ".vb-hanh-dong")


def display(page, selector: str) -> str:
    return page.locator(selector).first.evaluate("e => getComputedStyle(e).display")


def style(page, selector: str, prop: str) -> str:
    return page.locator(selector).first.evaluate("(e, p) => getComputedStyle(e).getPropertyValue(p)", prop)


def test_print_button_is_reachable_by_keyboard_and_prints(page, site_url):
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    page.goto(site_url + SEED)
    button = page.get_by_role("button", name="In văn bản")
    assert button.count() == 1
    assert button.is_visible()
    for _ in range(60):  # Tab through the page until the button has the focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('[data-vb-in]')"):
            break
    else:
        pytest.fail("Phím Tab không tới được nút In văn bản")
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed") == 1
    page.keyboard.press("Space")
    assert page.evaluate("window.__printed") == 2


def test_pdf_link_sits_beside_the_button(page, site_url):
    page.goto(site_url + SEED)
    link = page.get_by_role("link", name="Tải PDF")
    assert link.get_attribute("href") == "114-kh-duk.pdf"
    response = page.request.get(site_url + SEED + "114-kh-duk.pdf")
    assert response.ok
    assert response.body().startswith(b"%PDF-")


def test_screen_shows_the_site_around_the_document(page, site_url):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(site_url + SEED)
    # Document pages hide the site nav by design (pages.py): the panel needs the room.
    for selector in SITE_PARTS:
        if selector != ".md-sidebar--primary":
            assert display(page, selector) != "none", selector


def test_print_media_shows_the_original_alone(page, site_url):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(site_url + SEED)
    page.emulate_media(media="print")
    for selector in SITE_PARTS:
        assert display(page, selector) == "none", selector
    assert page.locator("article.vb-ban-goc").is_visible()
    assert page.locator(".vb-chu-ky").is_visible()


def test_print_media_lays_out_the_party_format(page, site_url):
    page.goto(site_url + SEED)
    page.emulate_media(media="print")
    assert display(page, ".vb-dau") == "table"
    assert display(page, ".vb-dau-trai") == "table-cell"
    assert display(page, ".vb-dau-phai") == "table-cell"
    assert display(page, ".vb-cuoi") == "table"
    assert display(page, ".vb-noi-nhan") == "table-cell"
    assert display(page, ".vb-chu-ky") == "table-cell"
    # Left column ends at or before where the right begins: two columns, side by side.
    left = page.locator(".vb-dau-trai").bounding_box()
    right = page.locator(".vb-dau-phai").bounding_box()
    assert left["x"] + left["width"] <= right["x"] and left["y"] == right["y"]
    assert style(page, "h1.vb-tieu-de", "text-align") == "center"
    assert style(page, ".vb-loai", "display") == "block"
    paragraph = ".vb-ban-goc > p:not(.vb-hanh-dong)"
    assert style(page, paragraph, "text-align") == "justify"
    assert style(page, paragraph, "font-family").startswith('"Noto Serif"')
    assert style(page, paragraph, "font-size") == "17.3333px"  # 13 pt


def test_print_media_hides_sections_added_after_the_signature(page, site_url):
    page.goto(site_url + SEED)
    page.evaluate("""() => {
        const added = document.createElement('h2');
        added.id = 'them';
        added.textContent = 'Văn bản liên quan';
        document.querySelector('.vb-cuoi').after(added);
    }""")
    assert display(page, "#them") != "none"
    page.emulate_media(media="print")
    assert display(page, "#them") == "none"
