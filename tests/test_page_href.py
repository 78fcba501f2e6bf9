"""The one function that writes a link for raw HTML: the URL MkDocs serves
the target at (use_directory_urls), relative to the page that links."""

from __future__ import annotations

import pytest
from markupsafe import escape
from mkdocs.utils import get_relative_url

from vanban.graph.status import NOT_KNOWN, REPLACED, Status
from vanban.model.markup import number_pieces, page_href, served_path, unbroken
from vanban.site.standing import marked_anchor

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
    ("", ""),
    ("Tỉnh ủy Bến Tre", "Tỉnh ủy Bến Tre"),  # no digit at all
    ("114-KH/ĐUK", '<span class="vb-so-hieu">114-KH/ĐUK</span>'),  # the whole text
    ("1286/QĐ-UBND.", '<span class="vb-so-hieu">1286/QĐ-UBND</span>.'),  # at the start
    ("114-KH/ĐUK,115-KH/ĐUK", '<span class="vb-so-hieu">114-KH/ĐUK</span>,<span class="vb-so-hieu">115-KH/ĐUK</span>'),
    ("114-KH/ĐUK 30/2020/NĐ-CP", '<span class="vb-so-hieu">114-KH/ĐUK</span> <span class="vb-so-hieu">30/2020/NĐ-CP</span>'),
    ("x114-KH/ĐUK", "x114-KH/ĐUK"),  # digits inside a word: no number
    ("Số 114-KH/ĐUK<script>alert(1)</script>",
     'Số <span class="vb-so-hieu">114-KH/ĐUK</span>&lt;script&gt;alert(1)&lt;/script&gt;'),
    ("<script>\"x\"</script> 5-CT/TU's & 6-CT/TU",
     '&lt;script&gt;&#34;x&#34;&lt;/script&gt; <span class="vb-so-hieu">5-CT/TU</span>&#39;s &amp; '
     '<span class="vb-so-hieu">6-CT/TU</span>'),
])
def test_unbroken_escapes_and_keeps_each_number_whole(text, html):
    assert str(unbroken(text)) == html


@pytest.mark.parametrize("text", [
    "", "ngày 06/05/2021", "114-KH/ĐUK,115-KH/ĐUK", "<b>&'\"</b> 5-CT/TU 6-CT/TU.", "٣-KH/TU và 30/2020/NĐ-CP",
])
def test_unbroken_cuts_where_number_pieces_cuts(text):
    """The filter and the Markdown extension (site/unbroken.py) share one rule."""
    expected = "".join(f'<span class="vb-so-hieu">{piece}</span>' if number else str(escape(piece))
                       for piece, number in number_pieces(text))
    assert str(unbroken(text)) == expected


ENDED = Status(REPLACED, source='<i>"Ban" & 12-QĐ/TU</i>')


@pytest.mark.parametrize(("label", "target", "status", "html"), [
    ("Kế hoạch 114-KH/ĐUK", "../../a/", NOT_KNOWN,
     '<a href="../../a/">Kế hoạch <span class="vb-so-hieu">114-KH/ĐUK</span></a>'),
    ('<b>"x"</b> 5-CT/TU', '../"a"/?x=1&y=<2>', NOT_KNOWN,
     '<a href="../&#34;a&#34;/?x=1&amp;y=&lt;2&gt;">&lt;b&gt;&#34;x&#34;&lt;/b&gt; <span class="vb-so-hieu">5-CT/TU</span></a>'),
    ("Quyết định 215-QĐ/ĐUK", "../b/", ENDED,
     '<a class="vb-het-hieu-luc" href="../b/" title="Bị thay thế (theo &lt;i&gt;&#34;Ban&#34; &amp; 12-QĐ/TU&lt;/i&gt;)">'
     'Quyết định <span class="vb-so-hieu">215-QĐ/ĐUK</span><span class="vb-dau-hieu-luc"> (đã bị thay thế)</span></a>'),
])
def test_marked_anchor_escapes_every_value(label, target, status, html):
    assert str(marked_anchor(label, target, status)) == html
