"""A reader on a phone (390 × 844): no page scrolls sideways, a document
number is never cut across two lines, and a document's Thuộc tính panel is
reachable from the top of the page."""

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
PAGES = ["van-ban/2023/114-kh-duk/", "", "thoi-han/", "danh-muc/tat-ca/", "danh-muc/nam/2023/", "tra-cuu/"]


def phone(page):
    page.set_viewport_size(PHONE)
    return page


@pytest.mark.parametrize("path", PAGES)
def test_no_page_scrolls_sideways(page, site_url, path):
    phone(page).goto(f"{site_url}/{path}")
    sizes = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert sizes[0] <= sizes[1] == 390
    # Nothing sticks out of the page either, hidden or not: a table wider than
    # the phone scrolls inside its own box.
    out = page.evaluate("""() => [...document.querySelectorAll('.md-content *')]
        .filter(e => e.closest('.md-typeset__scrollwrap') === null)
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
        .map(e => e.tagName + '.' + e.className)""")
    assert out == []


@pytest.mark.parametrize("path", PAGES[:5])
def test_tables_fit_the_phone(page, site_url, path):
    phone(page).goto(f"{site_url}/{path}")
    wider = page.evaluate("""() => [...document.querySelectorAll('.md-typeset__scrollwrap')]
        .filter(w => w.scrollWidth > w.clientWidth + 1).length""")
    assert wider == 0


@pytest.mark.parametrize("path", PAGES[:5])
def test_the_number_stays_on_one_line(page, site_url, path):
    phone(page).goto(f"{site_url}/{path}")
    numbers = page.locator(".vb-so-hieu", has_text="114-KH/ĐUK")
    assert numbers.count() >= 1
    lines = page.evaluate("""() => [...document.querySelectorAll('.vb-so-hieu')]
        .filter(e => e.offsetParent !== null)
        .map(e => [e.textContent, new Set([...e.getClientRects()].map(r => Math.round(r.top))).size])""")
    assert lines and all(count == 1 for _, count in lines), lines


def test_the_properties_panel_is_reachable_from_the_top(page, site_url):
    phone(page).goto(f"{site_url}/van-ban/2023/114-kh-duk/")
    link = page.get_by_role("link", name="Thuộc tính văn bản ↓")
    assert link.is_visible()
    assert link.bounding_box()["y"] < PHONE["height"]  # on the first screen
    link.click()
    page.wait_for_function("() => document.querySelector('#thuoc-tinh').getBoundingClientRect().top < 200")
    assert page.locator("aside.vb-thuoc-tinh").is_visible()


def test_the_panel_link_is_not_shown_where_the_panel_is_beside_the_document(page, site_url):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(f"{site_url}/van-ban/2023/114-kh-duk/")
    assert not page.get_by_role("link", name="Thuộc tính văn bản ↓").is_visible()


@pytest.mark.parametrize("width, shown", [(390, "arrow"), (1280, "magnifier")])
def test_the_search_box_shows_one_icon_at_each_width(page, site_url, width, shown):
    # Material shows one of the label's two icons by svg:first-child and
    # svg:last-child; the label's hidden text must not stand at either end.
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"{site_url}/")
    visible = page.evaluate("""() => [...document.querySelectorAll('label.md-search__icon[for=__search] svg')]
        .map(svg => getComputedStyle(svg).display !== 'none')""")
    assert visible == ([False, True] if shown == "arrow" else [True, False])
