"""Property tests of the citation parser: a citation built from parts and set in
Vietnamese text is found with exactly those parts; text without one yields
none; no input makes it raise."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vanban.citations.parser import find_citations
from vanban.model import doctypes

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PARTY_ISSUERS = ["TW", "TU", "HU", "ĐU", "ĐUK", "VPTW", "BTGTU", "UBKTTU", "BTCTU", "BDVTU"]
STATE_ISSUERS = ["UBND", "CP", "BNV", "BTC", "TTg", "HĐND", "BGDĐT", "VPCP", "BCT"]
# Issuing bodies as written → as returned (tone placement normalised).
BODIES = {
    "Ban Thường vụ Tỉnh ủy": "Ban Thường vụ Tỉnh ủy",
    "Ban Thường vụ Tỉnh uỷ": "Ban Thường vụ Tỉnh ủy",
    "Bộ Chính trị": "Bộ Chính trị",
    "Bộ Chính trị, Ban Bí thư": "Bộ Chính trị, Ban Bí thư",
    "Ban Chấp hành Trung ương Đảng": "Ban Chấp hành Trung ương Đảng",
    "Ủy ban nhân dân tỉnh Bến Tre": "Ủy ban nhân dân tỉnh Bến Tre",
    "Thủ tướng Chính phủ": "Thủ tướng Chính phủ",
    "Ban Thường vụ Đảng uỷ Khối": "Ban Thường vụ Đảng ủy Khối",
    "Huyện ủy Giồng Trôm": "Huyện ủy Giồng Trôm",
    "Ban Tuyên giáo và Dân vận Tỉnh ủy": "Ban Tuyên giáo và Dân vận Tỉnh ủy",
}
PREFIXES = ["", "Thực hiện ", "Căn cứ ", "Tiếp tục quán triệt ", "Lãnh đạo thực hiện tốt ", "(theo "]
SUFFIXES = [" về công tác dân vận.", ".", "; các cấp ủy cụ thể hóa để thực hiện.",
            ", đồng thời tăng cường kiểm tra, giám sát.", " nhằm nâng cao chất lượng hoạt động.", ""]


@dataclass
class Parts:
    type: str
    number: str
    issuer: str
    date: str | None
    body: str | None
    head: str  # what the span covers
    tails: str  # date and body as written


def _party_types():
    return [(t.name, code) for t in doctypes.TYPES for code in t.party]


def _state_types():
    return [(t.name, code) for t in doctypes.TYPES for code in t.state]


@st.composite
def written_dates(draw) -> tuple[str, str]:
    day = draw(st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
    d, m, y = day.day, day.month, day.year
    dd, mm = draw(st.sampled_from([(str(d), str(m)), (f"{d:02d}", f"{m:02d}"), (f"{d:02d}", str(m))]))
    form = draw(st.sampled_from([
        f", ngày {dd}/{mm}/{y}", f" ngày {dd} tháng {mm} năm {y}", f" (ngày {dd}/{mm}/{y})",
        f", ngày {dd}-{mm}-{y}", f" ngày {dd}.{mm}.{y}", f", ngày {dd} tháng {mm} năm {y},",
    ]))
    return form, day.isoformat()


@st.composite
def citations(draw) -> Parts:
    numeral = draw(st.integers(1, 9999))
    padded = f"{numeral:02d}"
    written_numeral = draw(st.sampled_from([str(numeral), padded]))
    if draw(st.booleans()):
        name, code = draw(st.sampled_from(_party_types()))
        issuer = draw(st.sampled_from(PARTY_ISSUERS))
        symbol = draw(st.sampled_from([f"{written_numeral}-{code}/{issuer}", f"{written_numeral} - {code}/{issuer}"]))
        number = f"{padded}-{code}/{issuer}"
    else:
        name, code = draw(st.sampled_from(_state_types()))
        issuer = draw(st.sampled_from(STATE_ISSUERS))
        year = draw(st.one_of(st.none(), st.integers(1990, 2030)))
        middle = f"{year}/" if year else ""
        symbol = f"{written_numeral}/{middle}{code}-{issuer}"
        number = f"{padded}/{middle}{code}-{issuer}"
    so = draw(st.sampled_from(["số ", "Số ", "số: ", ""]))
    word = draw(st.sampled_from([name, name.upper()]))
    date = draw(st.one_of(st.none(), written_dates()))
    body = draw(st.one_of(st.none(), st.sampled_from(sorted(BODIES))))
    date_text, iso = date if date else ("", None)
    body_text = f" của {body}" if body else ""
    tails = draw(st.sampled_from([date_text + body_text, body_text + date_text])) if body else date_text
    return Parts(name, number, issuer, iso, BODIES.get(body), f"{word} {so}{symbol}", tails)


@SETTINGS
@given(citations(), st.sampled_from(PREFIXES), st.sampled_from(SUFFIXES), st.booleans())
def test_a_citation_from_parts_is_found_with_exactly_those_parts(parts, prefix, suffix, markdown):
    text = prefix + parts.head + parts.tails + suffix
    found = [c.as_dict() for c in find_citations(text, markdown=markdown)]
    start = len(prefix)
    assert found == [{"type": parts.type, "number": parts.number, "issuer": parts.issuer, "date": parts.date,
                      "body": parts.body, "start": start, "end": start + len(parts.head)}]


@SETTINGS
@given(citations(), st.sampled_from(PREFIXES))
def test_nfd_and_emphasis_keep_the_parts_and_source_offsets(parts, prefix):
    text = unicodedata.normalize("NFD", f"{prefix}**{parts.head}**{parts.tails}.")
    (cite,) = find_citations(text)
    assert (cite.type, cite.number, cite.issuer, cite.date, cite.body) == (
        parts.type, parts.number, parts.issuer, parts.date, parts.body)
    assert unicodedata.normalize("NFC", text[cite.start:cite.end]) == parts.head


# Vietnamese text with numbers, dates, slashes and type words, but no citation.
NOT_CITATIONS = [
    "Thực hiện tốt công tác dân vận", "các nghị quyết, chỉ thị của Trung ương", "Kế hoạch này",
    "ngày 06/5/2021", "Bến Tre, ngày 20 tháng 4 năm 2023", "năm 2023", "nhiệm kỳ 2020 - 2025",
    "T/M BAN THƯỜNG VỤ", "K/T BÍ THƯ", "V/v tổ chức hội nghị", "Điều 5", "khoản 2 Điều 5",
    "số điện thoại 0275.3822.123", "tài khoản 1234567890", "tỷ lệ 1/2", "điểm 8/10", "lúc 14h30",
    "mức 50.000 đồng/người", "TCVN 5574:2018", "ISO 9001:2015", "https://example.vn/van-ban/114-kh-duk",
    "vp-duk@bentre.gov.vn", "`06-CT/TU`", "[Chỉ thị số 06-CT/TU](../06-ct-tu.md)", "phong trào “Dân vận khéo”",
    "Ban Thường vụ Đảng ủy Khối", "đại hội Công đoàn các cấp", "trong tháng 4/2023", "quý I/2022",
    "giai đoạn 2021-2025", "Đồng Khởi mới", "**Hoàn thành trong tháng 4/2023.**", "của Bộ Chính trị",
]


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(NOT_CITATIONS), st.sampled_from([" ", ", ", ". ", "; ", "\n", "\n\n"])),
                max_size=12))
def test_text_without_a_citation_yields_none(pieces):
    text = "".join(piece + joiner for piece, joiner in pieces)
    assert find_citations(text) == []


TRICKY = st.lists(
    st.sampled_from(list("*_`[]()<>|!#\n -–/.,:;0123456789") + list("sốSỐđĐĐÐuỷủyQDHTWKCNVU")
                    + ["\u0301", "\u0309", "\u200b", "\ufeff", "\u00a0", "Chỉ thị ", "số ", "ngày ", " của ",
                       "Nghị quyết ", "Đại hội ", "lần thứ ", "XIII", "https://", "---\n", "```", "Luật "]),
    max_size=60,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(max_size=200), TRICKY), st.booleans())
def test_no_input_raises_and_spans_stay_inside(text, markdown):
    found = find_citations(text, markdown=markdown)
    for cite in found:
        assert 0 <= cite.start < cite.end <= len(text)
    assert [c.start for c in found] == sorted(c.start for c in found)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TRICKY, st.builds(lambda a, parts, b: a + parts.head + parts.tails + b, TRICKY, citations(), TRICKY)))
def test_the_fast_scan_finds_what_the_pattern_finds(text):
    from vanban.citations import scan
    from vanban.citations.prepared import prepare

    prep = prepare(text)
    slow = [m.span() for m in _all(lambda pos: scan.next_match(prep.match, None, pos))]
    fast = [m.span() for m in _all(lambda pos: scan.next_match(prep.match, scan.windows(prep.match), pos))]
    assert fast == slow
    assert find_citations(text, windows=True) == find_citations(text, windows=False)


def _all(next_match):
    pos, found = 0, []
    while (match := next_match(pos)) is not None:
        found.append(match)
        pos = max(match.end(), match.start() + 1)
    return found


@SETTINGS
@given(citations(), st.data())
def test_emphasis_anywhere_keeps_the_parts_and_the_span_never_cuts_a_marker(parts, data):
    marker = data.draw(st.sampled_from(["**", "*", "__", "_"]))
    # * may open and close inside a word; _ only at a word's edge (CommonMark)
    places = [i for i in range(len(parts.head) + 1)
              if "*" in marker or i in (0, len(parts.head)) or " " in parts.head[max(i - 1, 0):i + 1]]
    a, b = sorted(data.draw(st.lists(st.sampled_from(places), min_size=2, max_size=2)))
    head = parts.head[:a] + marker + parts.head[a:b] + marker + parts.head[b:]
    text = f"Thực hiện {head}{parts.tails}."
    (cite,) = find_citations(text)
    assert (cite.type, cite.number, cite.issuer, cite.date, cite.body) == (
        parts.type, parts.number, parts.issuer, parts.date, parts.body)
    span = text[cite.start:cite.end]
    assert "*" not in span and "_" not in span
    assert parts.head.startswith(span)


# Words that make the long citations: laws with their titles, an organ between
# "của" and "số", type phrases, dates, with spaces, commas and colons between.
SOUP_WORDS = ["Luật", "Bộ luật", "Pháp lệnh", "Tổ", "chức", "chính", "quyền", "địa", "phương", "của",
              "Ban", "Chấp", "hành", "Đảng", "bộ", "tỉnh", "Bộ Chính trị", "số", "Số", "ngày", "Nghị quyết",
              "liên tịch", "Chương trình hành động", "Quyết định", "QĐ", "06/5/2021", "19 tháng 6 năm 2015",
              "1493/QĐ-TTg", "06-CT/TU", "77/2015/QH13", "05", "Đại hội", "lần thứ XIII", "Trung ương 4",
              "khóa XII", "về", "công", "tác", "dân", "vận", "1.", "(", ")"]
SOUP_GLUE = [" ", " ", " ", "  ", ", ", ",", ": ", " : ", "\n", " \n  ", "\t", ""]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(SOUP_WORDS), st.sampled_from(SOUP_GLUE)), max_size=40))
def test_the_windows_before_anchors_hold_every_long_citation(pieces):
    """The windows read before each anchor (grammar.py: where to look)
    find the citations that start farthest from their first digit: laws with
    a long title, an organ between "của" and "số", named laws with their date."""
    from vanban.citations import scan
    from vanban.citations.prepared import prepare

    prep = prepare("".join(word + glue for word, glue in pieces))
    slow = [m.span() for m in _all(lambda pos: scan.next_match(prep.match, None, pos))]
    fast = [m.span() for m in _all(lambda pos: scan.next_match(prep.match, scan.windows(prep.match), pos))]
    assert fast == slow


@pytest.mark.parametrize(("text", "first"), [
    # a named law with twelve words of title, then its date
    ("Căn cứ Luật Tổ chức chính quyền địa phương Một Hai Ba Bốn Năm Sáu, ngày 19 tháng 6 năm 2015;", "Luật Tổ"),
    ("Căn cứ Luật Tổ chức chính quyền địa phương ngày   19/6/2015 của Quốc hội", "Luật Tổ"),
    # "Bộ luật" and twelve words of title before "số"
    ("Căn cứ Bộ luật Lao động Một Hai Ba Bốn Năm Sáu Bảy Tám Chín Mười số 45/2019/QH14;", "Bộ luật"),
    # a four-word type, "của" and ten words of an organ before "số"
    ("Theo Chương trình hành động của Ban Chấp hành Đảng bộ tỉnh khóa mười một nhiệm, số: 05-CTr/TU",
     "Chương trình"),
    # a four-word type and spaces before the number
    ("Chương trình hành động      \n  12-CTr/TU và Nghị quyết liên tịch\t05/2020/NQLT-CP", "Chương trình"),
    ("QĐ 1493/QĐ-TTg; Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI", "QĐ 1493"),
    # dotless ı and long ſ, which the case-blind pattern reads as i and s
    ("Nghı quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI", "Nghı quyết"),
    ("Chỉ thị ſố 06-CT/TU", "Chỉ thị"),
])
def test_citations_far_from_their_first_digit_are_found(text, first):
    from vanban.citations import scan
    from vanban.citations.prepared import prepare

    prep = prepare(text)
    slow = [m.span() for m in _all(lambda pos: scan.next_match(prep.match, None, pos))]
    fast = [m.span() for m in _all(lambda pos: scan.next_match(prep.match, scan.windows(prep.match), pos))]
    assert fast == slow
    assert find_citations(text, windows=True) == find_citations(text, windows=False)
    assert text[slow[0][0]:].startswith(first)
