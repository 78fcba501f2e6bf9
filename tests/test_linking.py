"""Citations become links with the words unchanged, and the body stays neutralised."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from vanban.citations.linking import href, linkable, linked_body
from vanban.model.markup import neutralize_html

LINK = re.compile(r"\[([^\[\]]*)\]\(([^)]*)\)\{\.vb-dan-chieu\}")


def unlinked(markdown: str) -> str:
    return LINK.sub(r"\1", markdown)


def span(text: str, words: str, target: str = "../dan-chieu/x.md", nth: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return (start, start + len(words), target)


def test_each_citation_becomes_a_link_around_exactly_its_words():
    body = "Thực hiện Chỉ thị số 06-CT/TU, ngày 06/5/2021 và Quy chế số 09-QC/ĐUK."
    out = linked_body(body, [span(body, "Chỉ thị số 06-CT/TU", "a.md"), span(body, "Quy chế số 09-QC/ĐUK", "b.md")])
    assert out == ("Thực hiện [Chỉ thị số 06-CT/TU](a.md){.vb-dan-chieu}, ngày 06/5/2021 và "
                   "[Quy chế số 09-QC/ĐUK](b.md){.vb-dan-chieu}.")


def test_raw_html_is_neutralised_around_links_without_shifting_them():
    body = "<script>x()</script> theo <https://vbpl.vn/a> Chỉ thị số 06-CT/TU <b>"
    out = linked_body(body, [span(body, "Chỉ thị số 06-CT/TU")])
    assert out == ("&lt;script>x()&lt;/script> theo https://vbpl.vn/a "
                   "[Chỉ thị số 06-CT/TU](../dan-chieu/x.md){.vb-dan-chieu} &lt;b>")
    assert unlinked(out) == neutralize_html(body)


def test_code_is_left_as_it_is():
    body = "`<i>` rồi Chỉ thị số 06-CT/TU\n\n```\n<b>\n```\n"
    out = linked_body(body, [span(body, "Chỉ thị số 06-CT/TU")])
    assert out == "`<i>` rồi [Chỉ thị số 06-CT/TU](../dan-chieu/x.md){.vb-dan-chieu}\n\n```\n<b>\n```\n"


def test_words_that_would_cut_emphasis_or_a_link_are_left_unlinked():
    body = "Chỉ thị **số 06-CT/TU**, và [Chỉ thị 08-CT/TU](https://x) và **Chỉ thị số 18-CT/TW**"
    links = [span(body, "Chỉ thị **số 06-CT/TU"), span(body, "[Chỉ thị 08-CT/TU"), span(body, "Chỉ thị số 18-CT/TW")]
    out = linked_body(body, links)
    assert out == ("Chỉ thị **số 06-CT/TU**, và [Chỉ thị 08-CT/TU](https://x) và "
                   "**[Chỉ thị số 18-CT/TW](../dan-chieu/x.md){.vb-dan-chieu}**")
    assert not linkable("Chỉ thị *số 06-CT/TU")
    assert linkable("*Chỉ thị* số 06-CT/TU")
    assert not linkable("**Chỉ thị* số 06-CT/TU")
    assert not linkable("")


def test_overlapping_spans_link_only_the_first():
    body = "Chỉ thị số 06-CT/TU"
    out = linked_body(body, [(0, 19, "a.md"), (8, 19, "b.md")])
    assert out == "[Chỉ thị số 06-CT/TU](a.md){.vb-dan-chieu}"


def test_links_are_relative_md_paths():
    assert href("van-ban/2023/114-kh-duk.md", "van-ban/dan-chieu/chi-thi-06-ct-tu-2021.md") == \
        "../dan-chieu/chi-thi-06-ct-tu-2021.md"
    assert href("van-ban/dan-chieu/a/trang-2.md", "van-ban/2023/114-kh-duk.md") == "../../2023/114-kh-duk.md"


PIECES = ["a", "Đ", " ", "\n", "<", ">", "&", "`", "```", "*", "**", "_", "[", "]", "(", ")", "<https://x.vn>"]


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
       st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=4))
def test_the_text_is_never_changed_by_linking(body, raw):
    links = sorted({(min(s, len(body)), min(s + n, len(body)), "t.md") for s, n in raw})
    assert unlinked(linked_body(body, links)) == neutralize_html(body)
