"""Relation kinds read from the sentence that cites a document: each kind in
the sentences offices write, and none in the look-alikes (an object that is
not a document, a proposal, a negation, guidance received)."""

from __future__ import annotations

import pytest

from vanban.citations.parser import find_citations
from vanban.graph import kinds

T, B, BP, S, H = kinds.REPLACES, kinds.REPEALS, kinds.REPEALS_PART, kinds.AMENDS, kinds.GUIDES

# (sentence, [(cited words, kind or None), …]) — None is a plain mention.
CASES = [
    # thay thế
    ("Quyết định này có hiệu lực từ ngày ký và thay thế Quy chế số 09-QC/ĐUK, ngày 25/11/2022 của Ban Thường vụ "
     "Đảng ủy Khối.", [("Quy chế số 09-QC/ĐUK", T)]),
    ("Quy chế này thay thế Quy chế số 09-QC/ĐUK, ngày 25/11/2022 của Ban Thường vụ Đảng ủy Khối về công tác dân "
     "vận và Quyết định số 12-QĐ/ĐUK, ngày 01/3/2021.", [("Quy chế số 09-QC/ĐUK", T), ("Quyết định số 12-QĐ/ĐUK", T)]),
    ("Điều 3. Quyết định này THAY THẾ Quyết định số 12-QĐ/ĐUK, ngày 01/3/2021.", [("Quyết định số 12-QĐ/ĐUK", T)]),
    ("Thay thế Quy chế công tác dân vận ban hành kèm theo Quyết định số 306-QĐ/TU, ngày 19/11/2021 của Ban "
     "Thường vụ Tỉnh ủy.", [("Quyết định số 306-QĐ/TU", T)]),
    ("Quy chế số 09-QC/ĐUK được thay thế bằng Quy chế này.", [("Quy chế số 09-QC/ĐUK", T)]),
    # bãi bỏ, toàn bộ và một phần
    ("Bãi bỏ Quyết định số 12-QĐ/ĐUK, ngày 01/3/2021 của Ban Thường vụ Đảng ủy Khối.", [("Quyết định số 12-QĐ/ĐUK", B)]),
    ("Bãi bỏ toàn bộ Quyết định số 12-QĐ/ĐUK.", [("Quyết định số 12-QĐ/ĐUK", B)]),
    ("Quy chế số 09-QC/ĐUK, ngày 25/11/2022 của Ban Thường vụ Đảng ủy Khối hết hiệu lực kể từ ngày Quyết định này "
     "có hiệu lực.", [("Quy chế số 09-QC/ĐUK", B)]),
    ("Bãi bỏ Điều 5 của Quyết định số 12-QĐ/ĐUK, ngày 01/3/2021.", [("Quyết định số 12-QĐ/ĐUK", BP)]),
    ("Bãi bỏ khoản 2, khoản 3 Điều 5 Quyết định số 12-QĐ/ĐUK.", [("Quyết định số 12-QĐ/ĐUK", BP)]),
    ("Bãi bỏ một số điều của Quy định số 05-QĐ/ĐUK, ngày 10/01/2022.", [("Quy định số 05-QĐ/ĐUK", BP)]),
    ("Bãi bỏ Điều 5 của Quyết định số 12-QĐ/ĐUK và Điều 3 của Quyết định số 13-QĐ/ĐUK.",
     [("Quyết định số 12-QĐ/ĐUK", BP), ("Quyết định số 13-QĐ/ĐUK", BP)]),
    # sửa đổi, bổ sung
    ("Sửa đổi, bổ sung một số điều của Quy định số 05-QĐ/ĐUK, ngày 10/01/2022 như sau:", [("Quy định số 05-QĐ/ĐUK", S)]),
    ("Sửa đổi khoản 2 Điều 3 Quy chế số 09-QC/ĐUK như sau:", [("Quy chế số 09-QC/ĐUK", S)]),
    ("Bổ sung Điều 5a vào Quy chế số 09-QC/ĐUK.", [("Quy chế số 09-QC/ĐUK", S)]),
    ("Khoản 2 Điều 3 Quy chế số 09-QC/ĐUK được sửa đổi, bổ sung bởi Quyết định này.", [("Quy chế số 09-QC/ĐUK", S)]),
    # hướng dẫn
    ("Hướng dẫn thực hiện Quy định số 05-QĐ/ĐUK, ngày 10/01/2022 của Ban Thường vụ Đảng ủy Khối.",
     [("Quy định số 05-QĐ/ĐUK", H)]),
    ("Ban Tuyên giáo hướng dẫn triển khai Kế hoạch số 20-KH/ĐUK, ngày 01/3/2021 như sau:", [("Kế hoạch số 20-KH/ĐUK", H)]),
    # look-alikes: no relation
    ("Thực hiện thay thế nhân sự theo Quyết định số 12-QĐ/ĐUK, ngày 01/3/2021.", [("Quyết định số 12-QĐ/ĐUK", None)]),
    ("Thay thế thiết bị theo Kế hoạch số 20-KH/ĐUK, ngày 01/3/2021.", [("Kế hoạch số 20-KH/ĐUK", None)]),
    ("Bãi bỏ thủ tục hành chính tại Quyết định số 1286/QĐ-UBND, ngày 01/3/2021.", [("Quyết định số 1286/QĐ-UBND", None)]),
    ("Bổ sung kinh phí theo Kế hoạch số 20-KH/ĐUK, ngày 01/3/2021.", [("Kế hoạch số 20-KH/ĐUK", None)]),
    ("Đề nghị thay thế Quy chế số 09-QC/ĐUK, ngày 25/11/2022.", [("Quy chế số 09-QC/ĐUK", None)]),
    ("Ban Thường vụ không bãi bỏ Quyết định số 12-QĐ/ĐUK.", [("Quyết định số 12-QĐ/ĐUK", None)]),
    ("Kế hoạch này được xây dựng để thay thế nhân sự và bổ sung cán bộ theo Quy chế số 09-QC/ĐUK.",
     [("Quy chế số 09-QC/ĐUK", None)]),
    ("Thực hiện Quy chế số 09-QC/ĐUK, ngày 25/11/2022 và Quyết định số 12-QĐ/ĐUK.",
     [("Quy chế số 09-QC/ĐUK", None), ("Quyết định số 12-QĐ/ĐUK", None)]),
    ("Thay thế Quy chế số 09-QC/ĐUK. Căn cứ Quyết định số 12-QĐ/ĐUK.",
     [("Quy chế số 09-QC/ĐUK", T), ("Quyết định số 12-QĐ/ĐUK", None)]),
    ("Thay thế Quy chế số 09-QC/ĐUK; thực hiện Quyết định số 12-QĐ/ĐUK.",
     [("Quy chế số 09-QC/ĐUK", T), ("Quyết định số 12-QĐ/ĐUK", None)]),
    ("Kế hoạch số 20-KH/ĐUK đã được triển khai; Kế hoạch này hết hiệu lực kể từ ngày ký.", [("Kế hoạch số 20-KH/ĐUK", None)]),
    ("Kế hoạch số 20-KH/ĐUK về thay thế cán bộ đã hoàn thành.", [("Kế hoạch số 20-KH/ĐUK", None)]),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_relation_kind_of_each_citation(sentence, expected):
    found = find_citations(sentence)
    spans = [(c.start, c.end) for c in found]
    assert [(sentence[s:e], k) for (s, e), k in zip(spans, kinds.read(sentence, spans), strict=True)] == expected


def test_a_sentence_in_markdown_is_read_without_its_marks():
    text = "**Điều 3.** Quyết định này có hiệu lực từ ngày ký và *thay thế* Quy chế số 09-QC/ĐUK."
    (citation,) = find_citations(text)
    assert kinds.read_one(text, citation.start, citation.end) == T


def test_the_verb_of_an_earlier_paragraph_does_not_reach_a_citation():
    text = "Bãi bỏ các quy định trước đây.\n\nQuy chế số 09-QC/ĐUK vẫn được thực hiện."
    (citation,) = find_citations(text)
    assert kinds.read_one(text, citation.start, citation.end) is None
