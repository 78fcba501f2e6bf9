"""The one function that writes a link for raw HTML: the URL MkDocs serves
the target at (use_directory_urls), relative to the page that links."""

from __future__ import annotations

import pytest
from mkdocs.utils import get_relative_url

from vanban.model.markup import page_href, served_path, unbroken

CASES = [
    # from page, to page, href
    ("van-ban/2026/x.md", "van-ban/2026/y.md", "../y/"),
    ("van-ban/2026/x.md", "van-ban/dan-chieu/a.md", "../../dan-chieu/a/"),
    ("van-ban/dan-chieu/a.md", "van-ban/2026/x.md", "../../2026/x/"),
    ("van-ban/dan-chieu/index.md", "van-ban/dan-chieu/loai/chi-thi.md", "loai/chi-thi/"),
    ("van-ban/dan-chieu/loai/chi-thi.md", "van-ban/dan-chieu/index.md", "../../"),
    ("van-ban/dan-chieu/loai/chi-thi/trang-2.md", "van-ban/dan-chieu/a.md", "../../../a/"),
    ("danh-muc/nam/2023/index.md", "van-ban/2023/114-kh-duk.md", "../../../van-ban/2023/114-kh-duk/"),
    ("danh-muc/nam/2023/trang-2.md", "danh-muc/nam/2023/index.md", "../"),
    ("index.md", "van-ban/2023/x.md", "van-ban/2023/x/"),
    ("van-ban/2023/x.md", "index.md", "../../../"),
    ("index.md", "index.md", "./"),
    ("van-ban/2023/x.md", "van-ban/2023/x.md", "./"),
    ("van-ban/2023/x.md", "feed/atom.xml", "../../../feed/atom.xml"),
]


@pytest.mark.parametrize(("source", "target", "expected"), CASES)
def test_page_href_is_the_served_url_relative_to_the_page(source, target, expected):
    assert page_href(source, target) == expected


@pytest.mark.parametrize(("source", "target", "expected"), CASES)
def test_page_href_agrees_with_mkdocs(source, target, expected):
    """What MkDocs itself makes of a .md link between the same two pages
    (its File.url names the site's root "./")."""
    def url(uri):
        return served_path(uri) or "./"
    assert get_relative_url(url(target), url(source)) == expected


@pytest.mark.parametrize(("text", "html"), [
    ("Kế hoạch 114-KH/ĐUK", 'Kế hoạch <span class="vb-so-hieu">114-KH/ĐUK</span>'),
    ("114-KH/ĐUK và 30/2020/NĐ-CP.", '<span class="vb-so-hieu">114-KH/ĐUK</span> và '
                                     '<span class="vb-so-hieu">30/2020/NĐ-CP</span>.'),
    ("ngày 27/02/2023, 2020 - 2025", "ngày 27/02/2023, 2020 - 2025"),
    ('<b>"x"</b> & 5-CT/TU', '&lt;b&gt;&#34;x&#34;&lt;/b&gt; &amp; <span class="vb-so-hieu">5-CT/TU</span>'),
    ("<span>12-QĐ/TU</span>", '&lt;span&gt;<span class="vb-so-hieu">12-QĐ/TU</span>&lt;/span&gt;'),
])
def test_unbroken_escapes_and_keeps_each_number_whole(text, html):
    assert str(unbroken(text)) == html
