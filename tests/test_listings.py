"""Listings generated from metadata: content, order, pagination, the home page,
and that only published documents appear."""

from __future__ import annotations

import re

import pytest
from listings_corpus import HELD_TITLE, PLANS, PUBLISHED, built

from plan_factory import plan
from vanban.site import build as core
from vanban.site import listings


def numbers_in(html: str) -> list[str]:
    """The số hiệu of the listing rows, in page order."""
    # Each number is wrapped to stay on one line (site/unbroken.py).
    return re.findall(r'<td><a href="[^"]*"><span class="vb-so-hieu">([^<]+)</span></a></td>', html)


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    return built(tmp_path_factory)


def core_build(tmp_path, plans: dict[str, str]) -> core.Site:
    for rel, text in plans.items():
        path = tmp_path / "plans" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return core.build(tmp_path / "plans", core.Options(site_url="https://vanban.example.vn/", identity={"ten": "Đảng ủy Khối"}))


# --- each listing's content and order (the built site) ------------------------

@pytest.mark.parametrize(("page", "expected"), [
    ("danh-muc/tat-ca/index.html", PUBLISHED),
    ("danh-muc/nam/2023/index.html", ["120-CT/ĐUK", "115-KH/ĐUK", "114-KH/ĐUK"]),
    ("danh-muc/nam/2022/index.html", ["05-KH/ĐUK"]),
    ("danh-muc/loai/ke-hoach/index.html", ["115-KH/ĐUK", "114-KH/ĐUK", "05-KH/ĐUK"]),
    ("danh-muc/loai/chi-thi/index.html", ["120-CT/ĐUK"]),
    ("danh-muc/co-quan/dang-uy-khoi-co-quan-doanh-nghiep-tinh/index.html", ["120-CT/ĐUK", "115-KH/ĐUK", "114-KH/ĐUK"]),
    ("danh-muc/co-quan/uy-ban-nhan-dan-tinh-ben-tre/index.html", ["1286/QĐ-UBND"]),
    ("danh-muc/tu-khoa/dan-van/index.html", ["120-CT/ĐUK", "115-KH/ĐUK"]),
    ("danh-muc/tu-khoa/hoi-nghi/index.html", ["115-KH/ĐUK"]),
    ("danh-muc/noi-nhan/ban-thuong-vu-doan-khoi/index.html", ["120-CT/ĐUK", "114-KH/ĐUK"]),
])
def test_listing_rows_are_the_groups_documents_newest_first(built_site, page, expected):
    assert numbers_in(built_site.html(page)) == expected


def test_a_row_shows_number_date_type_and_title(built_site):
    html = built_site.html("danh-muc/nam/2023/index.html")
    assert re.search(r'<a href="../../../van-ban/2023/115-kh-duk/"><span class="vb-so-hieu">115-KH/ĐUK</span></a></td>\s*<td>10/05/2023</td>\s*'
                     r"<td>Kế hoạch</td>\s*<td>Tổ chức hội nghị</td>", html)
    assert re.search(r"114-KH/ĐUK</span></a></td>\s*<td>chưa rõ</td>", html)


def test_kind_indexes_list_groups_with_counts(built_site):
    years = built_site.html("danh-muc/nam/index.html")
    assert re.findall(r'<a href="(\d{4})/">\d{4}</a></td>\s*<td[^>]*>(\d+)</td>', years) == [("2024", "1"), ("2023", "3"), ("2022", "1")]
    types = built_site.html("danh-muc/loai/index.html")
    assert re.findall(r'<a href="([a-z-]+)/">[^<]+</a></td>\s*<td[^>]*>(\d+)</td>', types) == [
        ("chi-thi", "1"), ("ke-hoach", "3"), ("quyet-dinh", "1")]
    recipients = built_site.html("danh-muc/noi-nhan/index.html")
    assert "Đăng Website" not in recipients and "Lưu VP" not in recipients


def test_the_website_and_archive_lines_are_not_recipients(tmp_path):
    site = core_build(tmp_path, {"a.md": plan(noi_nhan=["Ban Dân vận", "Đăng trang thông tin điện tử", "Lưu VP, BTG"])})
    assert listings._recipients(site.published[0]) == ["Ban Dân vận"]


def test_home_page_shows_newest_counts_and_ways_in(built_site):
    html = built_site.html("index.html")
    newest = html.split('id="van-ban-moi"')[1].split("<h2")[0]
    assert numbers_in(newest) == PUBLISHED
    assert re.search(r'<a href="danh-muc/loai/ke-hoach/">Kế hoạch</a></td>\s*<td[^>]*>3</td>', html)
    assert re.search(r'<a href="danh-muc/nam/2023/">2023</a></td>\s*<td[^>]*>3</td>', html)
    for target in ("danh-muc/", "danh-muc/nam/", "danh-muc/loai/", "danh-muc/co-quan/", "danh-muc/tu-khoa/",
                   "danh-muc/noi-nhan/", "tra-cuu/", "thoi-han/", "du-lieu-mo/", "feed/atom.xml", "feed/rss.xml"):
        assert f'href="{target}"' in html, target


def test_nav_has_the_listing_pages(built_site):
    html = built_site.html("gioi-thieu/index.html")
    for label in ("Danh mục văn bản", "Tra cứu văn bản", "Thời hạn", "Dữ liệu mở"):
        assert label in html


def test_titles_are_escaped_in_listings(built_site):
    html = built_site.html("danh-muc/tat-ca/index.html")
    assert "<b>thử</b>" not in html
    assert "&lt;b&gt;thử&lt;/b&gt; &amp; “ngoặc” *sao*" in html


def test_held_back_documents_appear_in_no_generated_file(built_site):
    assert HELD_TITLE in PLANS["2023/987-kh-duk.md"]
    for path in built_site.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".csv", ".ics"):
            text = path.read_text(encoding="utf-8", errors="replace")
            for needle in (HELD_TITLE, "987-KH/ĐUK", "987-kh-duk", "Việc không đăng"):
                assert needle not in text, (path, needle)


def test_a_new_document_appears_everywhere_after_one_build(tmp_path):
    from conftest import build_project
    new = plan(so_hieu="130-TB/ĐUK", loai="Thông báo", trich_yeu="Thông báo mới toanh", ngay_ban_hanh="2025-02-03",
               co_quan_ban_hanh="Văn phòng Đảng ủy Khối", tags=["mới"],
               nhiem_vu=[{"noi_dung": "Việc mới", "don_vi": "Đơn vị mới", "han": "2025-03-01"}])
    result = build_project(tmp_path, {**PLANS, "2025/130-tb-duk.md": new}, env={"VANBAN_TODAY": "2025-02-10"})
    assert result.returncode == 0, result.output
    pages = ["index.html", "danh-muc/tat-ca/index.html", "danh-muc/nam/2025/index.html", "danh-muc/loai/thong-bao/index.html",
             "danh-muc/co-quan/van-phong-dang-uy-khoi/index.html", "danh-muc/tu-khoa/moi/index.html",
             "danh-muc/noi-nhan/cac-chi-uy-dang-uy-co-so/index.html", "tra-cuu/index.html", "thoi-han/index.html",
             "thoi-han/don-vi-moi/index.html"]
    files = ["feed/atom.xml", "feed/rss.xml", "feed/thong-bao/atom.xml", "feed/thong-bao/rss.xml",
             "tra-cuu/van-ban.json", "lich/thoi-han.ics", "lich/van-ban/2025/130-tb-duk.ics",
             "api/van-ban.json", "api/van-ban.csv", "api/van-ban/2025/130-tb-duk.json", "sitemap.xml"]
    for path in pages + files:
        assert "130-TB/ĐUK" in result.html(path) or "130-tb-duk" in result.html(path), path


# --- pagination and grouping (the core alone, fast) ---------------------------

def test_listings_paginate_newest_first(tmp_path):
    plans = {f"2023/{n}.md": plan(so_hieu=f"{n}-KH/ĐUK", ngay_ban_hanh=f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}")
             for n in range(1, 121)}
    site = core_build(tmp_path, plans)
    first, second, third = (site.files[f"danh-muc/nam/2023/{p}.md"] for p in ("index", "trang-2", "trang-3"))
    assert "danh-muc/nam/2023/trang-4.md" not in site.files
    # The rows are raw HTML, each number linked to the URL its page is served at.
    rows = [numbers_in(page) for page in (first, second, third)]
    assert [len(r) for r in rows] == [50, 50, 20]
    ordered = listings.newest_first(site.published)
    assert [n for r in rows for n in r] == [d.number.canonical for d in ordered]
    assert f'<td><a href="../../../van-ban/2023/{ordered[0].src_uri.rsplit("/", 1)[1][:-3]}/">' in first
    assert "[Trang sau ›](trang-2.md)" in first and "[Trang cuối »](trang-3.md)" in first
    assert "[‹ Trang trước](index.md)" in second and "Trang 2/3" in second
    assert "[« Trang đầu](index.md)" in third and "Trang sau" not in third


def test_group_index_paginates(tmp_path):
    plans = {f"2023/{n}.md": plan(so_hieu=f"{n}-KH/ĐUK", tags=[f"từ khóa {n:03d}"]) for n in range(1, 106)}
    site = core_build(tmp_path, plans)
    assert "danh-muc/tu-khoa/trang-2.md" in site.files
    assert "danh-muc/tu-khoa/trang-3.md" not in site.files
    assert site.files["danh-muc/tu-khoa/trang-2.md"].count("](tu-khoa-") == 5


def test_spellings_that_differ_in_case_share_one_group(tmp_path):
    site = core_build(tmp_path, {
        "a.md": plan(so_hieu="1-KH/ĐUK", tags=["Dân vận"]),
        "b.md": plan(so_hieu="2-KH/ĐUK", tags=["dân vận"]),
        "c.md": plan(so_hieu="3-KH/ĐUK", tags=["dân vận"]),
    })
    groups = listings.groups(listings.BY_SLUG["tu-khoa"], site.published)
    assert [(g.slug, g.name, len(g.documents)) for g in groups] == [("dan-van", "dân vận", 3)]


def test_a_group_named_like_a_page_keeps_its_own_page():
    assert listings.group_slug("Trang 2") == "trang-2-nhom"
    assert listings.group_slug("Đoàn Khối") == "doan-khoi"
