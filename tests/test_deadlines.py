"""Deadlines: the plan page's task table, the "Thời hạn" page by unit, and the
iCalendar feeds, with "today" fixed by VANBAN_TODAY."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from html_tables import cells, section
from listings_corpus import SITE_URL, TODAY, built

from vanban.model import dates

SEED_TASKS = [
    "Cụ thể thành kế hoạch công tác dân vận để thực hiện",
    "Xây dựng kế hoạch nâng cao chất lượng công tác giám sát, phản biện xã hội theo Chỉ thị số 18-CT/TW "
    "của Ban Bí thư Trung ương Đảng",
]


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    return built(tmp_path_factory)


def test_plan_page_shows_its_tasks_as_a_table(built_site):
    page = built_site.html("van-ban/2023/114-kh-duk/index.html")
    table = section(page, "nhiem-vu-va-thoi-han")
    assert cells(table) == [
        [SEED_TASKS[0], "Các chi ủy, đảng ủy cơ sở; Ban Thường vụ Đoàn Khối", "tháng 4/2023",
         "Các chi ủy, đảng ủy cơ sở: Chưa đến hạn\nBan Thường vụ Đoàn Khối: Chưa đến hạn"],
        [SEED_TASKS[1], "Ban Thường vụ Đoàn Khối", "tháng 4/2023", "Chưa đến hạn"],
    ]
    assert "Tình trạng tính đến ngày 15/04/2023, theo các văn bản đã đăng trên trang." in table
    assert 'href="../../../lich/van-ban/2023/114-kh-duk.ics"' in table
    assert 'href="../../../thoi-han/"' in table


def test_a_task_past_its_date_has_no_document_yet_and_a_finished_plan_has_none(built_site):
    passed = cells(section(built_site.html("van-ban/2023/120-ct-duk/index.html"), "nhiem-vu-va-thoi-han"))
    assert passed == [["Báo cáo kết quả", "Ban Thường vụ Đoàn Khối", "10/04/2023",
                       "Chưa có văn bản trên trang (tính đến 15/04/2023)"]]
    closed = cells(section(built_site.html("van-ban/2022/05-kh-duk/index.html"), "nhiem-vu-va-thoi-han"))
    assert closed == [["Việc đã xong", "Ban Thường vụ Đoàn Khối", "tháng 3/2022", "Văn bản đã kết thúc"]]


def test_deadlines_page_counts_units_by_what_the_site_holds(built_site):
    page = built_site.html("thoi-han/index.html")
    assert "tính đến ngày 15/04/2023" in page
    assert cells(section(page, "theo-don-vi")) == [
        ["Ban Thường vụ Đoàn Khối", "0", "0", "0", "2", "1"],
        ["Các chi ủy, đảng ủy cơ sở", "0", "0", "0", "1", "0"],
    ]
    coming = cells(section(page, "thoi-han-sap-toi"))
    assert [(r[0], r[1], r[2], r[4]) for r in coming] == [
        ("tháng 4/2023", "Các chi ủy, đảng ủy cơ sở: Chưa đến hạn\nBan Thường vụ Đoàn Khối: Chưa đến hạn",
         SEED_TASKS[0], "114-KH/ĐUK"),
        ("tháng 4/2023", "Chưa đến hạn", SEED_TASKS[1], "114-KH/ĐUK"),
    ]
    passed = cells(section(page, "thoi-han-da-qua"))
    assert passed == [["10/04/2023", "Chưa có văn bản trên trang (tính đến 15/04/2023)", "Báo cáo kết quả",
                       "Ban Thường vụ Đoàn Khối", "120-CT/ĐUK"]]
    assert "Việc đã xong" not in page


def test_unit_page_lists_its_tasks_coming_then_passed(built_site):
    page = built_site.html("thoi-han/ban-thuong-vu-doan-khoi/index.html")
    assert [(r[0], r[1], r[3]) for r in cells(page)] == [
        ("tháng 4/2023", "Chưa đến hạn", "114-KH/ĐUK"),
        ("tháng 4/2023", "Chưa đến hạn", "114-KH/ĐUK"),
        ("10/04/2023", "Chưa có văn bản trên trang (tính đến 15/04/2023)", "120-CT/ĐUK"),
    ]
    assert "Chưa đến hạn: 2" in page and "Đã qua thời hạn, chưa có văn bản trên trang: 1" in page


def events(built_site, path: str) -> list[icalendar.Event]:
    cal = icalendar.Calendar.from_ical((built_site.site / path).read_bytes())
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    return list(cal.walk("VEVENT"))


def test_site_calendar_has_every_dated_task(built_site):
    found = events(built_site, "lich/thoi-han.ics")
    assert sorted((str(e["UID"]), e.decoded("DTSTART"), e.decoded("DTEND")) for e in found) == [
        ("2022-05-kh-duk-1@vanban.example.vn", dt.date(2022, 3, 31), dt.date(2022, 4, 1)),
        ("2023-114-kh-duk-1@vanban.example.vn", dt.date(2023, 4, 30), dt.date(2023, 5, 1)),
        ("2023-114-kh-duk-2@vanban.example.vn", dt.date(2023, 4, 30), dt.date(2023, 5, 1)),
        ("2023-120-ct-duk-1@vanban.example.vn", dt.date(2023, 4, 10), dt.date(2023, 4, 11)),
    ]
    for event in found:
        assert event.decoded("DTSTAMP").tzinfo is not None


def test_plan_calendar_has_the_plans_two_april_tasks(built_site):
    found = events(built_site, "lich/van-ban/2023/114-kh-duk.ics")
    assert [str(e["SUMMARY"]) for e in found] == [f"Hạn: {t}" for t in SEED_TASKS]
    assert all(str(e["URL"]) == f"{SITE_URL}van-ban/2023/114-kh-duk/" for e in found)
    assert "Đơn vị thực hiện: Các chi ủy, đảng ủy cơ sở; Ban Thường vụ Đoàn Khối" in str(found[0]["DESCRIPTION"])
    assert "Thời hạn: tháng 4/2023" in str(found[0]["DESCRIPTION"])


def test_plans_without_tasks_have_no_calendar(built_site):
    assert not (built_site.site / "lich/van-ban/2023/115-kh-duk.ics").exists()


@pytest.mark.parametrize(("due", "day"), [
    (dates.PartialDate(2023, 4, 20), dt.date(2023, 4, 20)),
    (dates.PartialDate(2023, 4), dt.date(2023, 4, 30)),
    (dates.PartialDate(2024, 2), dt.date(2024, 2, 29)),
    (dates.PartialDate(2023), dt.date(2023, 12, 31)),
])
def test_a_due_date_falls_on_the_last_day_it_allows(due, day):
    assert dates.latest_day(due) == day


@pytest.mark.parametrize(("date", "words"), [
    (dates.PartialDate(2023, 4, 20), "ngày 20/04/2023"),
    (dates.PartialDate(2023, 4), "tháng 4/2023"),
    (dates.PartialDate(2023), "năm 2023"),
])
def test_a_date_is_named_as_precisely_as_its_source(date, words):
    assert date.phrase() == words


def test_today_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv(dates.TODAY_ENV, TODAY)
    assert dates.today() == dt.date(2023, 4, 15)
    monkeypatch.delenv(dates.TODAY_ENV)
    assert abs((dates.today() - dt.date.today()).days) <= 1
