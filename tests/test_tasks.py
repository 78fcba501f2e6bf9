"""Plans carried out: documents answering a plan's tasks found from what they
say and who issues them, reports on a plan, and each task's status from that
evidence on the plan's page, on "Thời hạn", in the calendar and in open data."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import re

import icalendar
import pytest
from html_tables import cells, section
from tasks_corpus import SITE_URL, built

from conftest import build_project
from plan_factory import plan
from vanban.graph import tasks
from vanban.model.documents import parse

SEED_TASK_2 = ("Xây dựng kế hoạch nâng cao chất lượng công tác giám sát, phản biện xã hội theo Chỉ thị số "
               "18-CT/TW của Ban Bí thư Trung ương Đảng")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return built(tmp_path_factory)


def text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


# --- the plan's page ------------------------------------------------------------------

def test_a_units_plan_answers_the_one_of_its_two_tasks_its_title_speaks_of(site):
    """The Đoàn Khối's plan on giám sát, phản biện xã hội is its answer to task 2, not task 1; it came
    before the deadline. The plan names the unit "Ban Thường vụ Đoàn Khối", its own document
    "Ban Chấp hành Đoàn Khối Cơ quan - Doanh nghiệp tỉnh"."""
    rows = cells(section(site.html("van-ban/2023/114-kh-duk/index.html"), "nhiem-vu-va-thoi-han"))
    assert rows[1] == [SEED_TASK_2, "Ban Thường vụ Đoàn Khối", "tháng 4/2023",
                       "Đã có văn bản thực hiện: Kế hoạch 12-KH/ĐTN (ngày 20/04/2023, đúng hạn)"]


def test_a_task_past_its_deadline_with_nothing_published_and_one_answered_after_it(site):
    """Task 1: a chi bộ answers for "các chi ủy, đảng ủy cơ sở" after the deadline; the Đoàn Khối
    has nothing on the site for it: the page says so, as of the day, and no more."""
    rows = cells(section(site.html("van-ban/2023/114-kh-duk/index.html"), "nhiem-vu-va-thoi-han"))
    assert rows[0][3] == ("Các chi ủy, đảng ủy cơ sở: Đã có văn bản thực hiện: Kế hoạch 05-KH/CB (ngày 05/05/2023, sau hạn)\n"
                          "Ban Thường vụ Đoàn Khối: Chưa có văn bản trên trang (tính đến 15/05/2023)")


def test_the_plan_page_links_the_answering_documents(site):
    table = section(site.html("van-ban/2023/114-kh-duk/index.html"), "nhiem-vu-va-thoi-han")
    assert '<a href="../12-kh-dtn/">Kế hoạch <span class="vb-so-hieu">12-KH/ĐTN</span></a>' in table
    assert '<a href="../05-kh-cb/">Kế hoạch <span class="vb-so-hieu">05-KH/CB</span></a>' in table
    # Several units in one task: each named before its status.
    assert "<br><strong>Ban Thường vụ Đoàn Khối</strong>: Chưa có văn bản trên trang (tính đến 15/05/2023)" in table


def test_reports_on_the_plan_are_listed_newest_first(site):
    reports = section(site.html("van-ban/2023/114-kh-duk/index.html"), "bao-cao-thuc-hien")
    items = [text(li) for li in re.findall(r"<li>(.*?)</li>", reports, re.S)]
    assert items == [
        "Báo cáo 150-BC/ĐUK , ngày 10/07/2023: Sơ kết 6 tháng thực hiện Kế hoạch số 114-KH/ĐUK",
        "Báo cáo 140-BC/ĐUK , ngày 31/05/2023: Kết quả công tác dân vận tháng 5 năm 2023",
    ]


def test_a_report_is_not_an_answer_to_a_task_that_asks_for_a_plan(site):
    page = site.html("van-ban/2023/114-kh-duk/index.html")
    assert "140-BC" not in section(page, "nhiem-vu-va-thoi-han")


def test_the_explicit_link_overrides_the_inferred_task(site):
    """15-KH/ĐTN's trích yếu speaks of the Tháng Thanh niên (task 1); its front matter says task 2."""
    rows = cells(section(site.html("van-ban/2023/130-kh-duk/index.html"), "nhiem-vu-va-thoi-han"))
    assert [r[3] for r in rows] == [
        "Chưa có văn bản trên trang (tính đến 15/05/2023)",
        "Đã có văn bản thực hiện: Kế hoạch 15-KH/ĐTN (ngày 10/03/2023, đúng hạn)",
    ]


def test_the_answering_document_names_the_task_it_answers(site):
    page = site.html("van-ban/2023/12-kh-dtn/index.html")
    assert "<td>Thực hiện nhiệm vụ</td>" in page
    assert 'nhiệm vụ 2 của <a href="../114-kh-duk/">Kế hoạch <span class="vb-so-hieu">114-KH/ĐUK</span></a>' in page


def test_a_youth_union_document_shows_its_own_motto(site):
    page = site.html("van-ban/2023/12-kh-dtn/index.html")
    assert '<p class="vb-quoc-hieu">ĐOÀN TNCS HỒ CHÍ MINH</p>' in page
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in page


# --- "Thời hạn" ----------------------------------------------------------------------

def test_deadlines_page_counts_each_unit_in_the_groups_and_merges_its_names(site):
    page = site.html("thoi-han/index.html")
    header = re.findall(r"<th[^>]*>(.*?)</th>", section(page, "theo-don-vi"))
    assert header == ["Đơn vị", "Có văn bản, đúng hạn", "Có văn bản, sau hạn", "Có văn bản, chưa rõ ngày",
                      "Chưa đến hạn", "Đã qua thời hạn, chưa có văn bản trên trang"]
    # "Ban Thường vụ Đoàn Khối" (114) and "Đoàn Khối" (130) are one unit.
    assert cells(section(page, "theo-don-vi")) == [
        ["Ban Thường vụ Đoàn Khối", "2", "0", "0", "0", "2"],
        ["Các chi ủy, đảng ủy cơ sở", "0", "1", "0", "0", "0"],
    ]


def test_deadlines_page_lists_tasks_coming_then_passed(site):
    page = site.html("thoi-han/index.html")
    coming = cells(section(page, "thoi-han-sap-toi"))
    assert [(r[0], r[1], r[4]) for r in coming] == [
        ("30/06/2023", "Đã có văn bản thực hiện: Kế hoạch 15-KH/ĐTN (ngày 10/03/2023, đúng hạn)", "130-KH/ĐUK"),
    ]
    passed = cells(section(page, "thoi-han-da-qua"))
    assert [(r[0], r[4]) for r in passed] == [("tháng 4/2023", "114-KH/ĐUK"), ("tháng 4/2023", "114-KH/ĐUK"),
                                              ("20/03/2023", "130-KH/ĐUK")]


def test_unit_page_shows_the_units_own_status(site):
    page = site.html("thoi-han/ban-thuong-vu-doan-khoi/index.html")
    assert [(r[0], r[1], r[3]) for r in cells(page)] == [
        ("30/06/2023", "Đã có văn bản thực hiện: Kế hoạch 15-KH/ĐTN (ngày 10/03/2023, đúng hạn)", "130-KH/ĐUK"),
        ("tháng 4/2023", "Đã có văn bản thực hiện: Kế hoạch 12-KH/ĐTN (ngày 20/04/2023, đúng hạn)", "114-KH/ĐUK"),
        ("tháng 4/2023", "Chưa có văn bản trên trang (tính đến 15/05/2023)", "114-KH/ĐUK"),
        ("20/03/2023", "Chưa có văn bản trên trang (tính đến 15/05/2023)", "130-KH/ĐUK"),
    ]


def test_calendar_events_carry_the_status(site):
    cal = icalendar.Calendar.from_ical((site.site / "lich/van-ban/2023/114-kh-duk.ics").read_bytes())
    description = str(list(cal.walk("VEVENT"))[0]["DESCRIPTION"])
    assert description.endswith(
        "Tình trạng theo các văn bản đã đăng, tính đến 15/05/2023:\n"
        "- Các chi ủy, đảng ủy cơ sở: Đã có văn bản thực hiện: Kế hoạch 05-KH/CB (ngày 05/05/2023, sau hạn)\n"
        "- Ban Thường vụ Đoàn Khối: Chưa có văn bản trên trang (tính đến 15/05/2023)")


# --- open data ------------------------------------------------------------------------

def test_json_record_holds_each_units_status_and_the_reports(site):
    record = json.loads(site.html("api/van-ban/2023/114-kh-duk.json"))
    first = record["nhiem_vu"][0]["tinh_trang"]
    assert [(s["don_vi"], s["nhom"]) for s in first] == [
        ("Các chi ủy, đảng ủy cơ sở", "sau_han"), ("Ban Thường vụ Đoàn Khối", "chua_co_van_ban")]
    assert first[0]["van_ban_thuc_hien"] == [{
        "so_hieu": "05-KH/CB", "loai": "Kế hoạch", "ngay_ban_hanh": "2023-05-05", "trich_yeu": "Công tác dân vận năm 2023",
        "duong_dan": f"{SITE_URL}van-ban/2023/05-kh-cb/", "thoi_gian": "sau_han", "nguon": "suy_ra"}]
    assert first[1]["mo_ta"] == "Chưa có văn bản trên trang (tính đến 15/05/2023)"
    assert [r["so_hieu"] for r in record["bao_cao"]] == ["150-BC/ĐUK", "140-BC/ĐUK"]
    assert json.loads(site.html("api/van-ban.json"))["tinh_den"] == "2023-05-15"


def test_json_record_of_the_answer_names_its_task_and_source(site):
    record = json.loads(site.html("api/van-ban/2023/15-kh-dtn.json"))
    assert record["thuc_hien_nhiem_vu"] == [{"van_ban": "130-KH/ĐUK", "nhiem_vu": [2], "don_vi": None}]
    assert [(t["so_hieu"], t["nhiem_vu"], t["don_vi"], t["nguon"]) for t in record["nhiem_vu_thuc_hien"]] == [
        ("130-KH/ĐUK", 2, ["Đoàn Khối"], "khai_bao")]


def test_task_files_say_what_the_page_says_with_counts_by_unit(site):
    data = json.loads(site.html("api/nhiem-vu.json"))
    assert data["tinh_den"] == "2023-05-15" and data["so_luong"] == 5
    assert data["theo_don_vi"] == [
        {"don_vi": "Ban Thường vụ Đoàn Khối", "dung_han": 2, "sau_han": 0, "co_van_ban": 0, "chua_den_han": 0,
         "chua_co_van_ban": 2},
        {"don_vi": "Các chi ủy, đảng ủy cơ sở", "dung_han": 0, "sau_han": 1, "co_van_ban": 0, "chua_den_han": 0,
         "chua_co_van_ban": 0},
    ]
    rows = list(csv.DictReader(io.StringIO(site.html("api/nhiem-vu.csv").lstrip("\ufeff"))))
    assert [(r["van_ban"], r["nhiem_vu"], r["don_vi"], r["nhom"], r["mo_ta"], r["van_ban_thuc_hien"]) for r in rows] == [
        (r["van_ban"], str(r["nhiem_vu"]), r["don_vi"], r["nhom"], r["mo_ta"],
         "; ".join(d["so_hieu"] for d in r["van_ban_thuc_hien"])) for r in data["nhiem_vu"]]
    units = list(csv.DictReader(io.StringIO(site.html("api/nhiem-vu-theo-don-vi.csv").lstrip("\ufeff"))))
    assert units[0] == {"don_vi": "Ban Thường vụ Đoàn Khối", "dung_han": "2", "sau_han": "0", "co_van_ban": "0",
                        "chua_den_han": "0", "chua_co_van_ban": "2", "tinh_den": "2023-05-15"}


def test_nothing_the_site_makes_says_overdue(site):
    for path in site.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".csv", ".ics", ".xml"):
            content = path.read_text(encoding="utf-8")
            assert "Quá hạn" not in content and "chưa hoàn thành" not in content.lower(), path


# --- matching, without a build ------------------------------------------------------------

def doc(**fields):
    found, problems = parse(plan(**fields), "x.md")
    assert found is not None, problems
    return found


SEED_PLAN = doc(so_hieu="114-KH/ĐUK", nhiem_vu=[
    {"noi_dung": "Cụ thể thành kế hoạch công tác dân vận", "don_vi": ["Các chi ủy, đảng ủy cơ sở", "Ban Thường vụ Đoàn Khối"],
     "han": "4/2023"}])


@pytest.mark.parametrize(("issuer", "signing", "unit", "expected"), [
    ("Đoàn Khối Cơ quan - Doanh nghiệp tỉnh", None, "Ban Thường vụ Đoàn Khối", True),
    ("Ban Chấp hành Đoàn Khối Cơ quan - Doanh nghiệp tỉnh", "Ban Thường vụ", "Ban Thường vụ Đoàn Khối", True),
    ("BCH Đoàn Khối Cơ quan - Doanh nghiệp tỉnh", None, "Đoàn Khối", True),
    ("Đoàn TNCS Hồ Chí Minh Khối Cơ quan - Doanh nghiệp tỉnh", None, "Ban Thường vụ Đoàn Khối", True),
    ("Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh", "Ban Thường vụ Đoàn Khối", "Ban Thường vụ Đoàn Khối", True),
    ("Công đoàn Viên chức tỉnh", None, "Ban Thường vụ Đoàn Khối", False),
    ("Chi bộ Sở Tư pháp", None, "Các chi ủy, đảng ủy cơ sở", True),
    ("Đảng ủy Công ty Điện lực Bến Tre", None, "Các chi ủy, đảng ủy cơ sở", True),
    ("Đảng bộ Sở Y tế", None, "Các chi ủy, đảng ủy cơ sở", True),
    # The body that assigned the task is not one of the group it assigned it to.
    ("Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh", "Ban Thường vụ", "Các chi ủy, đảng ủy cơ sở", False),
    ("Đoàn Khối Cơ quan - Doanh nghiệp tỉnh", None, "Các chi ủy, đảng ủy cơ sở", False),
    ("Ban Tuyên giáo Đảng ủy Khối", None, "Ban Thường vụ Đảng ủy Khối", False),
    ("Sở Y tế", None, "Các cơ quan, đơn vị", False),
    ("Đảng ủy Sở Y tế", None, "Các chi ủy và đảng ủy cơ sở", True),
    ("Chi bộ Sở Tư pháp", None, "Các chi bộ trực thuộc", True),
])
def test_units_match_as_offices_write_them(issuer, signing, unit, expected):
    answer = doc(so_hieu="20-KH/ĐTN", co_quan_ban_hanh=issuer, thay_mat=signing)
    assert tasks.unit_matches(unit, answer, SEED_PLAN) is expected


def test_a_title_that_tells_no_task_apart_goes_under_all_of_the_units_tasks():
    candidates = [(1, tasks.Task("Xây dựng kế hoạch tổ chức Tháng Thanh niên", ["Đoàn Khối"], None)),
                  (2, tasks.Task("Xây dựng kế hoạch tổ chức hội trại hè", ["Đoàn Khối"], None))]
    assert tasks.best_tasks("Kế hoạch năm 2023", candidates) == [1, 2]
    assert tasks.best_tasks("Tổ chức hội trại hè năm 2023", candidates) == [2]


@pytest.mark.parametrize(("document", "on", "group", "label"), [
    (None, dt.date(2023, 4, 30), tasks.NOT_DUE, "Chưa đến hạn"),
    (None, dt.date(2023, 5, 1), tasks.NOTHING, "Chưa có văn bản trên trang (tính đến 01/05/2023)"),
    ("2023-04-30", dt.date(2023, 5, 1), tasks.ON_TIME, "Đã có văn bản thực hiện"),
    ("4/2023", dt.date(2023, 5, 1), tasks.ON_TIME, "Đã có văn bản thực hiện"),
    ("2023-05-01", dt.date(2023, 5, 2), tasks.LATE, "Đã có văn bản thực hiện"),
    ("2023", dt.date(2023, 5, 2), tasks.ANSWERED, "Đã có văn bản thực hiện"),
])
def test_status_comes_from_the_evidence_and_its_date(document, on, group, label):
    task = SEED_PLAN.tasks[0]
    found = () if document is None else (tasks.Answer(doc(so_hieu="20-KH/ĐTN", ngay_ban_hanh=document), "x", False),)
    status = tasks.unit_status(task, "Ban Thường vụ Đoàn Khối", found, on)
    assert (status.group, status.label) == (group, label)


def test_a_closed_plan_says_so_rather_than_no_document():
    closed = doc(so_hieu="05-KH/ĐUK", trang_thai="Đã hoàn thành",
                 nhiem_vu=[{"noi_dung": "Việc", "don_vi": "Đoàn Khối", "han": "3/2022"}])
    status = tasks.Tracking().status(closed, 1, "Đoàn Khối", dt.date(2023, 1, 1))
    assert (status.group, status.label) == (tasks.CLOSED, "Văn bản đã kết thúc")


def test_the_built_seed_site_never_says_overdue(tmp_path):
    """The seed plan's tasks are past their deadline with nothing answering them: no page, feed,
    calendar, data file or search index entry says "Quá hạn"."""
    result = build_project(tmp_path, None, env={"VANBAN_TODAY": "2024-01-01"})
    assert result.returncode == 0, result.output
    checked = 0
    for path in sorted(result.site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":  # the search index's compressed fragments
            data = gzip.decompress(data)
        content = data.decode("utf-8", errors="replace")
        assert "Quá hạn" not in content and "quá hạn" not in content, path
        checked += 1
    assert checked > 50
    plan_page = result.html("van-ban/2023/114-kh-duk/index.html")
    assert "Chưa có văn bản trên trang (tính đến 01/01/2024)" in plan_page


# --- the editor's link: thuc_hien_nhiem_vu ----------------------------------------------------

@pytest.mark.parametrize(("value", "message"), [
    ("114-KH/ĐUK", "“thuc_hien_nhiem_vu” phải là danh sách."),
    ([{"van_ban": "114-KH/ĐUK"}], "Mục thứ 1 của “thuc_hien_nhiem_vu” thiếu van_ban hoặc nhiem_vu."),
    (["114-KH/ĐUK"], "Mục thứ 1 của “thuc_hien_nhiem_vu” thiếu van_ban hoặc nhiem_vu."),
    ([{"van_ban": "114-KH/ĐUK", "nhiem_vu": 1, "han": "4/2023"}],
     "Mục thứ 1 của “thuc_hien_nhiem_vu” có trường lạ: han."),
    ([{"van_ban": "114-KH/ĐUK", "nhiem_vu": "hai"}],
     "nhiem_vu “hai” ở mục thứ 1 của “thuc_hien_nhiem_vu” không phải số thứ tự nhiệm vụ."),
    ([{"van_ban": "114-KH/ĐUK", "nhiem_vu": [1, 0]}],
     "nhiem_vu “[1, 0]” ở mục thứ 1 của “thuc_hien_nhiem_vu” không phải số thứ tự nhiệm vụ."),
    ([{"van_ban": "114-KH/ĐUK", "nhiem_vu": 1, "don_vi": ["a", "b"]}],
     "don_vi ở mục thứ 1 của “thuc_hien_nhiem_vu” phải là một dòng chữ."),
])
def test_a_malformed_link_is_an_error_with_an_example(value, message):
    found, problems = parse(plan(thuc_hien_nhiem_vu=value), "plans/2023/x.md")
    assert found is None
    assert [(p.field, p.message, p.severity) for p in problems] == [("thuc_hien_nhiem_vu", message, "lỗi")]
    assert problems[0].line == 10 and problems[0].example.startswith("thuc_hien_nhiem_vu:\n  - van_ban: 114-KH/ĐUK\n")


def test_a_link_is_read_with_one_or_several_tasks():
    found = doc(thuc_hien_nhiem_vu=[{"van_ban": "114-KH/ĐUK", "nhiem_vu": [1, 2, 1]},
                                    {"van_ban": "Kế hoạch số 130-KH/ĐUK", "nhiem_vu": 1, "don_vi": "Đoàn Khối"}])
    assert [(link.document, link.tasks, link.unit) for link in found.task_links] == [
        ("114-KH/ĐUK", (1, 2), None), ("Kế hoạch số 130-KH/ĐUK", (1,), "Đoàn Khối")]


TWO_UNITS = doc(so_hieu="114-KH/ĐUK", nhiem_vu=[
    {"noi_dung": "Cụ thể thành kế hoạch", "don_vi": ["Các chi ủy, đảng ủy cơ sở", "Ban Thường vụ Đoàn Khối"]}])


@pytest.mark.parametrize(("links", "plans", "message"), [
    ([{"van_ban": "116-KH/ĐUK", "nhiem_vu": 1}], [TWO_UNITS],
     "Không có văn bản giao nhiệm vụ nào số hiệu “116-KH/ĐUK” trên trang."),
    ([{"van_ban": "114-KH/ĐUK", "nhiem_vu": 3}], [TWO_UNITS], "Kế hoạch 114-KH/ĐUK có 1 nhiệm vụ, không có nhiệm vụ thứ 3."),
    ([{"van_ban": "114-KH/ĐUK", "nhiem_vu": 1, "don_vi": "Công đoàn Khối"}], [TWO_UNITS],
     "Nhiệm vụ thứ 1 của Kế hoạch 114-KH/ĐUK không giao cho “Công đoàn Khối”."),
    ([{"van_ban": "114-KH/ĐUK", "nhiem_vu": 1}], [TWO_UNITS],
     "Nhiệm vụ thứ 1 của Kế hoạch 114-KH/ĐUK giao cho nhiều đơn vị; không rõ văn bản này của đơn vị nào."),
    ([{"van_ban": "114-KH/ĐUK", "nhiem_vu": 1}],
     [TWO_UNITS, doc(so_hieu="114-KH/ĐUK", ngay_ban_hanh="2021-01-05", nhiem_vu=[{"noi_dung": "Việc", "don_vi": "Đoàn Khối"}])],
     "Có 2 văn bản số hiệu “114-KH/ĐUK” (năm 2023, 2021)."),
])
def test_a_link_that_names_no_task_is_a_warning_and_places_nothing(links, plans, message):
    answer = doc(so_hieu="20-KH/ĐTN", co_quan_ban_hanh="Công đoàn Viên chức tỉnh", thuc_hien_nhiem_vu=links)
    tracking = tasks.build([*plans, answer], None)
    assert [(p.field, p.message, p.severity) for p in tracking.problems] == [("thuc_hien_nhiem_vu", message, "cảnh báo")]
    assert tracking.answers == {}


def test_a_link_with_the_unit_or_the_year_places_the_answer():
    older = doc(so_hieu="114-KH/ĐUK", ngay_ban_hanh="2021-01-05", nhiem_vu=[{"noi_dung": "Việc", "don_vi": "Đoàn Khối"}])
    answer = doc(so_hieu="20-KH/ĐTN", co_quan_ban_hanh="Công đoàn Viên chức tỉnh", thuc_hien_nhiem_vu=[
        {"van_ban": "114-KH/ĐUK năm 2023", "nhiem_vu": 1, "don_vi": "Đoàn Khối"}])
    tracking = tasks.build([TWO_UNITS, older, answer], None)
    assert tracking.problems == []
    assert tracking.for_task(TWO_UNITS, 1) == [tasks.Answer(answer, "Ban Thường vụ Đoàn Khối", True)]


def test_a_unit_named_outright_is_answered_for_not_a_group_it_might_belong_to():
    plan_ = doc(so_hieu="114-KH/ĐUK", nhiem_vu=[
        {"noi_dung": "Xây dựng kế hoạch", "don_vi": ["Ban Thường vụ Đoàn Khối", "Các chi đoàn, đoàn cơ sở"]}])
    answer = doc(so_hieu="20-KH/ĐTN", co_quan_ban_hanh="Đoàn Khối Cơ quan - Doanh nghiệp tỉnh")
    cell = doc(so_hieu="21-KH/ĐTN", co_quan_ban_hanh="Đoàn cơ sở Sở Y tế")
    assert tasks._matched(plan_.tasks[0], answer, plan_) == ["Ban Thường vụ Đoàn Khối"]
    assert tasks._matched(plan_.tasks[0], cell, plan_) == ["Các chi đoàn, đoàn cơ sở"]


def test_a_link_to_a_plan_not_on_the_site_does_not_stop_a_strict_build(tmp_path):
    answer = plan(so_hieu="20-KH/ĐTN", co_quan_ban_hanh="Đoàn Khối Cơ quan - Doanh nghiệp tỉnh",
                  thuc_hien_nhiem_vu=[{"van_ban": "116-KH/ĐUK", "nhiem_vu": 1}])
    result = build_project(tmp_path, {"2023/20-kh-dtn.md": answer})
    assert result.returncode == 0, result.output
    assert ("plans/2023/20-kh-dtn.md:10: cảnh báo [thuc_hien_nhiem_vu] Không có văn bản giao nhiệm vụ nào "
            "số hiệu “116-KH/ĐUK” trên trang.") in result.output


def test_a_plan_replaced_by_another_document_is_over_and_its_tasks_are_not_counted():
    from types import SimpleNamespace

    from vanban.graph import status as status_mod

    replaced = doc(so_hieu="130-KH/ĐUK", nhiem_vu=[{"noi_dung": "Việc", "don_vi": "Đoàn Khối", "han": "3/2023"}])
    graph = SimpleNamespace(mentions={}, uri=lambda d: d.src_uri,
                            status=lambda uri: status_mod.Status(status_mod.REPLACED if uri == replaced.src_uri
                                                                 else status_mod.UNKNOWN))
    tracking = tasks.build([replaced, SEED_PLAN], graph)
    assert tracking.closed == {replaced.src_uri}
    assert [s.label for s in tracking.statuses(replaced, 1, dt.date(2023, 5, 1))] == ["Văn bản đã kết thúc"]
    assert [s.label for s in tracking.statuses(SEED_PLAN, 1, dt.date(2023, 5, 1))] == [
        "Chưa có văn bản trên trang (tính đến 01/05/2023)"] * 2


# SEED_PLAN is issued on 10/05/2023: a plan of the 9th answers a namesake, never it.
@pytest.mark.parametrize(("issued", "answers"), [("2023-05-20", 1), ("2023-05-10", 1), ("2023-05-09", 0)])
def test_a_document_answers_only_a_plan_issued_before_it(issued, answers):
    from types import SimpleNamespace

    answer = doc(so_hieu="20-KH/ĐTN", co_quan_ban_hanh="Đoàn Khối Cơ quan - Doanh nghiệp tỉnh", ngay_ban_hanh=issued)
    mention = SimpleNamespace(target=SimpleNamespace(src_uri=SEED_PLAN.src_uri), kind="thực hiện")
    graph = SimpleNamespace(mentions={answer.src_uri: [mention]}, uri=lambda d: d.src_uri,
                            status=lambda uri: tasks.status_mod.NOT_KNOWN)
    tracking = tasks.build([SEED_PLAN, answer], graph)
    assert len(tracking.for_task(SEED_PLAN, 1)) == answers
