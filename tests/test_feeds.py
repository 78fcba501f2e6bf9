"""Atom and RSS feeds, sitemap lastmod, and each page's description and Open Graph tags."""

from __future__ import annotations

import gzip
import html
import re
import xml.etree.ElementTree as ET

import feedparser
import pytest
from listings_corpus import HOSTILE_TITLE, PUBLISHED, SITE_URL, built

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    return built(tmp_path_factory)


def parsed(built_site, path: str):
    feed = feedparser.parse((built_site.site / path).read_bytes())
    assert feed.bozo == 0, (path, feed.get("bozo_exception"))
    return feed


@pytest.mark.parametrize("path", ["feed/atom.xml", "feed/rss.xml"])
def test_site_feed_lists_every_published_document_newest_first(built_site, path):
    feed = parsed(built_site, path)
    assert feed.feed.title == "Văn bản mới — Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre"
    assert feed.feed.language == "vi"
    assert [e.title.split(":")[0] for e in feed.entries] == [
        "Quyết định 1286/QĐ-UBND", "Chỉ thị 120-CT/ĐUK", "Kế hoạch 115-KH/ĐUK", "Kế hoạch 114-KH/ĐUK", "Kế hoạch 05-KH/ĐUK"]
    assert [e.link for e in feed.entries] == [
        f"{SITE_URL}van-ban/2024/1286-qd-ubnd/", f"{SITE_URL}van-ban/2023/120-ct-duk/", f"{SITE_URL}van-ban/2023/115-kh-duk/",
        f"{SITE_URL}van-ban/2023/114-kh-duk/", f"{SITE_URL}van-ban/2022/05-kh-duk/"]
    assert feed.entries[0].title == f"Quyết định 1286/QĐ-UBND: {HOSTILE_TITLE}"


def test_atom_entries_carry_dates_and_ids(built_site):
    feed = parsed(built_site, "feed/atom.xml")
    first, seed = feed.entries[0], feed.entries[3]
    assert first.id == f"{SITE_URL}van-ban/2024/1286-qd-ubnd/"
    assert first.published == "2024-01-15T00:00:00+07:00"
    assert seed.published == "2023-01-01T00:00:00+07:00"  # known only by its year
    assert feed.feed.updated == "2024-01-15T00:00:00+07:00"
    assert any(link.rel == "self" and link.href == f"{SITE_URL}feed/atom.xml" for link in feed.feed.links)


@pytest.mark.parametrize(("slug", "title", "numbers"), [
    ("ke-hoach", "Kế hoạch mới — Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre", ["115-KH/ĐUK", "114-KH/ĐUK", "05-KH/ĐUK"]),
    ("chi-thi", "Chỉ thị mới — Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre", ["120-CT/ĐUK"]),
    ("quyet-dinh", "Quyết định mới — Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre", ["1286/QĐ-UBND"]),
])
@pytest.mark.parametrize("fmt", ["atom", "rss"])
def test_each_type_has_its_feeds(built_site, slug, title, numbers, fmt):
    feed = parsed(built_site, f"feed/{slug}/{fmt}.xml")
    assert feed.feed.title == title
    assert [e.title.split(":")[0].split(" ")[-1] for e in feed.entries] == numbers
    assert all(e.link.startswith(SITE_URL) for e in feed.entries)


def test_type_listing_links_its_feeds(built_site):
    page = built_site.html("danh-muc/loai/ke-hoach/index.html")
    assert 'href="../../../feed/ke-hoach/atom.xml"' in page and 'href="../../../feed/ke-hoach/rss.xml"' in page


def test_every_page_links_the_site_feeds(built_site):
    page = built_site.html("van-ban/2023/114-kh-duk/index.html")
    assert re.search(r'<link rel="alternate" type="application/atom\+xml" title="Văn bản mới \(Atom\)" href="[./]*feed/atom.xml">', page)


def test_the_feed_folder_has_the_sitemap_material_asks_for(built_site):
    """Material fetches sitemap.xml beside each <link rel="alternate">: an empty
    one there, so no page load ends in a 404."""
    root = ET.fromstring((built_site.site / "feed" / "sitemap.xml").read_bytes())
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset" and list(root) == []


def sitemap(built_site, name="sitemap.xml"):
    data = (built_site.site / name).read_bytes()
    root = ET.fromstring(gzip.decompress(data) if name.endswith(".gz") else data)
    return {u.find("s:loc", NS).text: u.find("s:lastmod", NS).text for u in root.findall("s:url", NS)}


@pytest.mark.parametrize("name", ["sitemap.xml", "sitemap.xml.gz"])
def test_sitemap_lastmod_comes_from_documents(built_site, name):
    lastmod = sitemap(built_site, name)
    assert lastmod[f"{SITE_URL}van-ban/2023/115-kh-duk/"] == "2023-05-10"
    assert lastmod[f"{SITE_URL}van-ban/2023/114-kh-duk/"] == "2023-01-01"
    assert lastmod[f"{SITE_URL}van-ban/2024/1286-qd-ubnd/"] == "2024-01-15"
    for generated in ("", "danh-muc/nam/2023/", "tra-cuu/", "thoi-han/"):
        assert lastmod[f"{SITE_URL}{generated}"] == "2024-01-15", generated
    assert len([loc for loc in lastmod if "/van-ban/20" in loc]) == len(PUBLISHED)


def meta(page: str, attribute: str, name: str) -> str:
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', page)
    assert match, name
    return html.unescape(match.group(1))


def test_document_page_description_and_open_graph_from_its_title(built_site):
    page = built_site.html("van-ban/2024/1286-qd-ubnd/index.html")
    described = f"Quyết định 1286/QĐ-UBND của Ủy ban nhân dân tỉnh Bến Tre: {HOSTILE_TITLE}"
    assert meta(page, "name", "description") == described
    assert meta(page, "property", "og:description") == described
    assert meta(page, "property", "og:title") == f"Quyết định 1286/QĐ-UBND: {HOSTILE_TITLE}"
    assert meta(page, "property", "og:url") == f"{SITE_URL}van-ban/2024/1286-qd-ubnd/"
    assert meta(page, "property", "og:type") == "article"
    assert meta(page, "property", "og:locale") == "vi_VN"
    assert "<b>thử</b>" not in page.split("</head>")[0]


def test_listing_pages_have_their_own_description(built_site):
    page = built_site.html("danh-muc/nam/2023/index.html")
    assert meta(page, "property", "og:title") == "Văn bản năm 2023"
    assert meta(page, "property", "og:type") == "website"
    assert meta(page, "name", "description").startswith("Văn bản năm 2023:")
