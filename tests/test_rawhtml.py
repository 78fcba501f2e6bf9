"""Generated HTML blocks pass through Markdown untouched (site/rawhtml.py),
and only the blocks the core wrote itself."""

from __future__ import annotations

import re

import markdown

from vanban.model import markup
from vanban.model.markup import RAW_CLOSE, RAW_OPEN, raw_html, render, unbroken

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc", "admonition", "sane_lists", "vanban.site.unbroken"]


def convert(text: str, stash: bool = True) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS + (["vanban.site.rawhtml"] if stash else []))


def section(block: str) -> str:
    return f'<section class="vb-x" markdown="block">\n\n## Tiêu đề {{ #tieu-de }}\n\n{block}\n</section>\n'


LIST = ('<ul>\n<li><a href="../a/">Kế hoạch {}</a>, *không nghiêng*: &lt;b&gt;</li>\n</ul>'
        .format(unbroken("114-KH/ĐUK")))


def test_a_block_the_core_wrote_comes_out_as_written_inside_a_markdown_section():
    html = convert(section(raw_html(LIST)))
    assert ('<section class="vb-x">\n<h2 id="tieu-de">Tiêu đề</h2>\n' + LIST + "\n</section>") == html
    assert html.count("vb-so-hieu") == 1  # the number wrapped once, by the filter
    assert "vb-html" not in html


def test_a_block_the_core_did_not_write_is_left_to_markdown():
    """A marker copied into a page (an editor's code block, a page made
    elsewhere): Markdown reads it as it would without the extension."""
    forged = section(f"{RAW_OPEN.format(seal='0' * 32)}\n<script>alert(1)</script>\n{RAW_CLOSE}\n")
    assert convert(forged) == convert(forged, stash=False)
    fenced = f"```\n{RAW_OPEN.format(seal='0' * 32)}\n<b>x</b>\n{RAW_CLOSE}\n```\n"
    assert convert(fenced) == convert(fenced, stash=False)
    # A true seal on other text: the block was changed after the core wrote it.
    changed = raw_html("<p>khối</p>").replace("khối", "<script>alert(1)</script>")
    assert convert(section(changed)) == convert(section(changed), stash=False)


def test_without_the_extension_the_page_shows_the_same():
    """The markers are HTML comments: a Markdown without the extension parses
    the block tag by tag (slower) into the same elements."""
    text = section(raw_html(LIST))
    plain = re.sub(r"<!-- /?vb-html[^>]*-->\n", "", convert(text, stash=False))
    assert plain == convert(text)


def test_a_block_sealed_by_another_process_is_left_to_markdown(monkeypatch):
    """A page made by another run (another key): its marks are not this process's."""
    block = raw_html("<p>khối</p>")
    monkeypatch.setattr(markup, "_RAW_KEY", b"k" * 32)
    assert convert(section(block)) == convert(section(block), stash=False)


def test_templates_mark_their_lists():
    text = render("relations_related.md", related=[])
    assert text.count("<!-- vb-html ") == 1 and text.count(RAW_CLOSE) == 1
