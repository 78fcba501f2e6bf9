"""The registry: the data file, and how a citation resolves to one document.

Citations are given here as the parser's values (type, number, issuer, date,
body and offsets), so each rule of resolution is tested on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from plan_factory import plan
from vanban.graph import registry
from vanban.model.dates import PartialDate
from vanban.model.documents import parse

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "registry.yml"


@dataclass(frozen=True)
class Cited:
    """A citation as citations.citation.Citation gives it."""

    type: str
    number: str | None
    issuer: str | None
    date: str | None
    body: str | None
    start: int
    end: int


def cite(text: str, words: str, type_: str, number: str | None, date: str | None = None,
         body: str | None = None) -> Cited:
    start = text.index(words)
    issuer = number.split("/")[-1] if number and "-" in number.split("/")[0] else None
    return Cited(type_, number, issuer, date, body, start, start + len(words))


def known(*files: str, data: str | None = None, tmp_path: Path | None = None) -> registry.Registry:
    documents = [parse(text, f"plans/2023/{i}.md")[0] for i, text in enumerate(files)]
    path = None
    if data is not None:
        path = tmp_path / "registry.yml"
        path.write_text(data, encoding="utf-8")
    return registry.build(documents, path if data is not None else DATA, "Bến Tre")


SEED = registry.build([], DATA, "Bến Tre")


# --- the seed plan's directives, with only what the seed says --------------------

def by_number(number: str) -> registry.Entry:
    return next(e for e in SEED.entries if e.number == number)


@pytest.mark.parametrize(("number", "type_", "date", "body", "title"), [
    ("36-CTr/TU", "Chương trình", PartialDate(2023, 2, 27), "Ban Thường vụ Tỉnh ủy",
     "về công tác dân vận của Tỉnh ủy năm 2023"),
    ("06-CT/TU", "Chỉ thị", PartialDate(2021, 5, 6), "Ban Thường vụ Tỉnh ủy",
     "về tiếp tục đổi mới nội dung, phương thức và nâng cao chất lượng hoạt động của Mặt trận Tổ quốc "
     "Việt Nam và các tổ chức chính trị - xã hội"),
    ("09-QC/ĐUK", "Quy chế", PartialDate(2022, 11, 25), "Ban Thường vụ Đảng ủy Khối",
     "về công tác dân vận trong Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh"),
    ("306-QĐ/TU", "Quyết định", PartialDate(2021, 11, 19), "Ban Thường vụ Tỉnh ủy",
     "về việc ban hành Quy chế công tác dân vận của hệ thống chính trị"),
    ("08-CT/TU", "Chỉ thị", PartialDate(2021, 9, 23), "Ban Thường vụ Tỉnh ủy",
     "về nâng cao hiệu quả công tác dân vận trong cơ quan hành chính nhà nước, chính quyền các cấp "
     "trên địa bàn tỉnh"),
    ("18-CT/TW", "Chỉ thị", None, "Ban Bí thư Trung ương Đảng", None),
    ("218-QĐ/TW", "Quyết định", None, "Bộ Chính trị", None),
])
def test_seed_directives_hold_only_what_the_seed_says(number, type_, date, body, title):
    entry = by_number(number)
    assert (entry.type, entry.date, entry.body, entry.title, entry.url) == (type_, date, body, title, None)


def test_seed_named_resolutions_have_no_invented_date_number_or_url():
    named = {e.name: e for e in SEED.entries if e.number is None}
    assert set(named) == {
        "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
        "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI",
        "Nghị quyết Đại hội đại biểu Đảng bộ Khối lần thứ XIII, nhiệm kỳ 2020 - 2025",
    }
    for entry in named.values():
        assert (entry.date, entry.year, entry.url, entry.title, entry.body) == (None, None, None, None, None)
    assert SEED.problems == []
    assert len(SEED.entries) == 10


# --- resolution by type, number, province and year ------------------------------

def test_a_dated_citation_resolves_to_the_document_of_that_year():
    text = "theo Chỉ thị số 06-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy"
    found = SEED.resolve(cite(text, "Chỉ thị số 06-CT/TU", "Chỉ thị", "06-CT/TU", "2021-05-06", "Ban Thường vụ Tỉnh ủy"), text)
    assert found.status == "resolved"
    assert found.entry is by_number("06-CT/TU")
    assert found.entry.src_uri == "van-ban/dan-chieu/chi-thi-06-ct-tu-2021.md"


def test_the_same_number_in_another_year_is_another_document():
    text = "Chỉ thị số 06-CT/TU, ngày 10/3/2016 của Ban Thường vụ Tỉnh ủy"
    found = SEED.resolve(cite(text, "Chỉ thị số 06-CT/TU", "Chỉ thị", "06-CT/TU", "2016-03-10", "Ban Thường vụ Tỉnh ủy"), text)
    assert found.status == "unknown"
    assert not found.entry.known
    assert (found.entry.year, found.entry.body, found.entry.title) == (2016, "Ban Thường vụ Tỉnh ủy", None)
    assert found.entry.src_uri == "van-ban/dan-chieu/chi-thi-06-ct-tu-2016.md"


def test_the_same_number_in_another_province_is_another_document():
    text = "Chỉ thị số 06-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy Trà Vinh"
    found = SEED.resolve(cite(text, "Chỉ thị số 06-CT/TU", "Chỉ thị", "06-CT/TU", "2021-05-06",
                              "Ban Thường vụ Tỉnh ủy Trà Vinh"), text)
    assert found.status == "unknown"
    assert found.entry.province == "tra vinh"
    assert found.entry.src_uri == "van-ban/dan-chieu/chi-thi-06-ct-tu-tra-vinh-2021.md"


def test_the_sites_own_province_named_in_full_is_the_same_document():
    text = "Chỉ thị số 06-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy Bến Tre"
    found = SEED.resolve(cite(text, "Chỉ thị số 06-CT/TU", "Chỉ thị", "06-CT/TU", "2021-05-06",
                              "Ban Thường vụ Tỉnh ủy Bến Tre"), text)
    assert found.entry is by_number("06-CT/TU")


def test_a_citation_without_a_date_resolves_when_one_document_has_the_number():
    text = "theo Chỉ thị số 06-CT/TU của Ban Thường vụ Tỉnh ủy"
    found = SEED.resolve(cite(text, "Chỉ thị số 06-CT/TU", "Chỉ thị", "06-CT/TU", None, "Ban Thường vụ Tỉnh ủy"), text)
    assert (found.status, found.entry) == ("resolved", by_number("06-CT/TU"))


TWO_YEARS = """
van_ban:
  - loai: Chỉ thị
    so_hieu: 06-CT/TU
    ngay_ban_hanh: 2016-03-10
  - loai: Chỉ thị
    so_hieu: 06-CT/TU
    ngay_ban_hanh: 2021-05-06
"""


def test_a_citation_without_a_date_is_ambiguous_when_two_years_have_the_number(tmp_path):
    reg = known(data=TWO_YEARS, tmp_path=tmp_path)
    text = "theo Chỉ thị số 06-CT/TU"
    found = reg.resolve(cite(text, "Chỉ thị số 06-CT/TU", "Chỉ thị", "06-CT/TU"), text)
    assert found.status == "ambiguous"
    assert sorted(e.year for e in found.candidates) == [2016, 2021]
    assert not found.entry.known
    dated = "theo Chỉ thị số 06-CT/TU, ngày 10/3/2016"
    assert reg.resolve(cite(dated, "Chỉ thị số 06-CT/TU", "Chỉ thị", "06-CT/TU", "2016-03-10"), dated).entry.year == 2016


def test_type_is_part_of_the_key():
    text = "Quy định số 218-QĐ/TW của Bộ Chính trị"
    found = SEED.resolve(cite(text, "Quy định số 218-QĐ/TW", "Quy định", "218-QĐ/TW", None, "Bộ Chính trị"), text)
    assert found.status == "unknown"


def test_a_contradicting_date_in_the_same_year_resolves_with_a_note():
    text = "Chỉ thị số 08-CT/TU, ngày 24/9/2021"
    found = SEED.resolve(cite(text, "Chỉ thị số 08-CT/TU", "Chỉ thị", "08-CT/TU", "2021-09-24"), text)
    assert found.entry is by_number("08-CT/TU")
    assert found.problem == "ngày dẫn chiếu 24/09/2021 khác ngày ban hành 23/09/2021 của Chỉ thị 08-CT/TU trong danh mục"


def test_a_partial_number_gets_a_page_of_its_own_from_the_citation():
    text = "Công văn số 114 ngày 5/3/2023 của Ban Tuyên giáo"
    found = SEED.resolve(cite(text, "Công văn số 114", "Công văn", "114", "2023-03-05", "Ban Tuyên giáo"), text)
    assert found.status == "unknown"
    assert found.entry.src_uri == "van-ban/dan-chieu/cong-van-114-ban-tuyen-giao-2023.md"


# --- named documents through their aliases -------------------------------------------

@pytest.mark.parametrize("words", [
    "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII",
    "Nghị quyết Đại hội XIII",
    "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng",
    "nghi quyet dai hoi dang toan quoc lan thu XIII",
    "Nghị quyết Đại hội  Đảng toàn quốc lần thứ\nXIII",
])
def test_named_references_resolve_through_aliases(words):
    text = f"thực hiện tốt {words}, gắn với"
    found = SEED.resolve(cite(text, words, "Nghị quyết", None), text)
    assert found.status == "resolved"
    assert found.entry.name == "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"
    assert found.entry.src_uri == "van-ban/dan-chieu/nghi-quyet-dai-hoi-dai-bieu-toan-quoc-lan-thu-xiii-cua-dang.md"


def test_a_longer_name_resolves_to_the_longest_alias_it_starts_with():
    text = "Nghị quyết Đại hội đại biểu Đảng bộ Khối lần thứ XIII, nhiệm kỳ 2020 - 2025 và"
    words = "Nghị quyết Đại hội đại biểu Đảng bộ Khối lần thứ XIII, nhiệm kỳ 2020 - 2025"
    assert SEED.resolve(cite(text, words, "Nghị quyết", None), text).entry.name == words
    short = "Nghị quyết Đại hội đại biểu Đảng bộ Khối lần thứ XIII"
    assert SEED.resolve(cite(text, short, "Nghị quyết", None), text).entry.name == words


def test_a_name_with_another_organ_after_an_alias_is_not_that_document():
    text = "Nghị quyết Đại hội XIII của Đảng bộ tỉnh Trà Vinh"
    assert SEED.resolve(cite(text, text, "Nghị quyết", None), text).status == "unknown"


def test_a_congress_of_another_term_is_not_matched_by_a_shorter_numeral():
    text = "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XII"
    found = SEED.resolve(cite(text, text, "Nghị quyết", None), text)
    assert found.status == "unknown"
    assert found.entry.src_uri == "van-ban/dan-chieu/nghi-quyet-dai-hoi-dai-bieu-dang-bo-tinh-lan-thu-xii.md"


# --- documents in plans/ ---------------------------------------------------------------

def test_a_published_plan_is_linked_to_its_own_page():
    reg = known(plan(so_hieu="115-KH/ĐUK"))
    text = "Kế hoạch số 115-KH/ĐUK, ngày 10/5/2023"
    found = reg.resolve(cite(text, "Kế hoạch số 115-KH/ĐUK", "Kế hoạch", "115-KH/ĐUK", "2023-05-10"), text)
    assert found.entry.published
    assert found.entry.src_uri == "van-ban/2023/115-kh-duk.md"


def test_a_held_back_plan_resolves_to_a_page_built_from_the_citation_only():
    secret = plan(so_hieu="116-KH/ĐUK", trich_yeu="Trích yếu bí mật", noi_nhan=["Lưu VP"])
    reg = known(secret)
    text = "Kế hoạch số 116-KH/ĐUK của Ban Thường vụ Đảng ủy Khối"
    found = reg.resolve(cite(text, "Kế hoạch số 116-KH/ĐUK", "Kế hoạch", "116-KH/ĐUK", None,
                             "Ban Thường vụ Đảng ủy Khối"), text)
    assert found.status == "held"
    assert (found.entry.title, found.entry.doc, found.entry.known) == (None, None, False)
    assert found.entry.body == "Ban Thường vụ Đảng ủy Khối"
    assert found.entry.src_uri == "van-ban/dan-chieu/ke-hoach-116-kh-duk.md"


def test_a_data_entry_for_a_published_plan_is_ignored_with_a_warning(tmp_path):
    data = "van_ban:\n  - loai: Kế hoạch\n    so_hieu: 115-KH/ĐUK\n    ngay_ban_hanh: 2023-05-10\n"
    reg = known(plan(so_hieu="115-KH/ĐUK"), data=data, tmp_path=tmp_path)
    assert [(p.line, p.severity) for p in reg.problems] == [(2, "cảnh báo")]
    assert "đã được đăng" in reg.problems[0].message
    assert [e.source for e in reg.entries] == ["plans"]


# --- faults in the data file ---------------------------------------------------------

def test_every_faulty_entry_is_reported_with_its_line(tmp_path):
    data = """van_ban:
  - loai: Chỉ thị
    so_hieu: 06-CT/TU
  - loai: Chỉ thiii
    so_hieu: 07-CT/TU
  - loai: Chỉ thị
    so_hieu: không có số
  - loai: Chỉ thị
    so_hieu: 09-CT/TU
    ngay_ban_hanh: 31/02/2021
    url: javascript:alert(1)
    nguon: x
  - loai: Nghị quyết
  - loai: Chỉ thị
    so_hieu: 06-CT/TU
"""
    reg = known(data=data, tmp_path=tmp_path)
    assert [(p.line, p.field) for p in reg.problems] == [
        (4, "loai"), (6, "so_hieu"), (8, "nguon"), (8, "ngay_ban_hanh"), (8, "url"), (13, "so_hieu"), (14, "so_hieu"),
    ]
    assert all(p.is_error for p in reg.problems)
    assert [e.number for e in reg.entries] == ["06-CT/TU"]


def test_a_list_where_a_line_of_text_belongs_is_an_error(tmp_path):
    data = """van_ban:
  - loai: Chỉ thị
    so_hieu: 06-CT/TU
    co_quan_ban_hanh: []
    tinh:
      - Bến Tre
  - loai: Chỉ thị
    so_hieu: 07-CT/TU
    co_quan_ban_hanh: Ban Thường vụ Tỉnh ủy
"""
    reg = known(data=data, tmp_path=tmp_path)
    assert [(p.line, p.field, p.is_error) for p in reg.problems] == [
        (2, "co_quan_ban_hanh", True), (2, "tinh", True),
    ]
    assert reg.problems[0].message == "Trường “co_quan_ban_hanh” phải là một dòng chữ, không phải danh sách."
    assert [e.number for e in reg.entries] == ["07-CT/TU"]


def test_unreadable_yaml_is_one_error(tmp_path):
    reg = known(data="van_ban: [\n", tmp_path=tmp_path)
    assert [(p.field, p.is_error) for p in reg.problems] == [("danh mục", True)]


def test_a_missing_data_file_is_an_empty_registry(tmp_path):
    assert registry.build([], tmp_path / "none.yml", "Bến Tre").entries == []


def test_a_held_back_plan_listed_in_the_data_file_shows_only_the_data_files_words(tmp_path):
    data = ("van_ban:\n  - loai: Kế hoạch\n    so_hieu: 116-KH/ĐUK\n    ngay_ban_hanh: 2023-05-10\n"
            "    trich_yeu: Trích yếu công khai\n")
    secret = plan(so_hieu="116-KH/ĐUK", trich_yeu="Trích yếu bí mật", noi_nhan=["Lưu VP"])
    reg = known(secret, data=data, tmp_path=tmp_path)
    text = "Kế hoạch số 116-KH/ĐUK, ngày 10/5/2023"
    found = reg.resolve(cite(text, "Kế hoạch số 116-KH/ĐUK", "Kế hoạch", "116-KH/ĐUK", "2023-05-10"), text)
    assert (found.status, found.entry.title, found.entry.doc) == ("resolved", "Trích yếu công khai", None)
    assert found.entry.src_uri == "van-ban/dan-chieu/ke-hoach-116-kh-duk-2023.md"
