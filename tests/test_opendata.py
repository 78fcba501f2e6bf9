"""Open data: the JSON list, the CSV, a JSON file per document, all valid
against the shipped JSON Schema, and the page that documents the fields."""

from __future__ import annotations

import csv
import io
import json

import jsonschema
import pytest
from listings_corpus import HOSTILE_TITLE, PUBLISHED, SITE_URL, built

from conftest import ROOT
from vanban.site import opendata


@pytest.fixture(scope="module")
def built_site(tmp_path_factory):
    return built(tmp_path_factory)


@pytest.fixture(scope="module")
def validator(built_site):
    schema = json.loads(built_site.html("api/van-ban.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def load(built_site, path: str):
    return json.loads(built_site.html(path))


def test_every_json_file_is_valid_against_the_shipped_schema(built_site, validator):
    paths = ["api/van-ban.json", *sorted(p.relative_to(built_site.site).as_posix()
                                         for p in (built_site.site / "api/van-ban").rglob("*.json"))]
    assert len(paths) == 1 + len(PUBLISHED)
    for path in paths:
        errors = list(validator.iter_errors(load(built_site, path)))
        assert errors == [], (path, [e.message for e in errors])


def test_the_schema_rejects_a_renamed_field(built_site, validator):
    record = load(built_site, "api/van-ban/2023/114-kh-duk.json")
    record["so"] = record.pop("so_hieu")
    assert not validator.is_valid(record)


def test_list_has_every_published_document_newest_first(built_site):
    data = load(built_site, "api/van-ban.json")
    assert data["phien_ban"] == 1 and data["so_luong"] == len(PUBLISHED)
    assert data["to_chuc"] == "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh Bến Tre"
    assert [d["so_hieu"] for d in data["van_ban"]] == PUBLISHED


def test_a_record_holds_the_documents_metadata(built_site):
    seed = load(built_site, "api/van-ban/2023/114-kh-duk.json")
    assert seed["ma"] == "2023/114-kh-duk"
    assert (seed["so_hieu"], seed["loai"], seed["trich_yeu"]) == ("114-KH/ĐUK", "Kế hoạch", "Thực hiện công tác dân vận năm 2023")
    assert seed["ngay_ban_hanh"] is None and seed["nam"] == 2023
    assert seed["nguoi_ky"] == "Phạm Hữu Dự" and seed["tham_quyen_ky"] == "T/M" and seed["trang_thai"] is None
    assert "Ban Thường vụ Đoàn Khối" in seed["noi_nhan"]
    assert seed["thuc_hien"] == ["Chương trình số 36-CTr/TU, ngày 27/02/2023 của Ban Thường vụ Tỉnh ủy"]
    assert [(t["han"], t["han_cuoi"]) for t in seed["nhiem_vu"]] == [("2023-04", "2023-04-30")] * 2
    assert seed["nhiem_vu"][0]["don_vi"] == ["Các chi ủy, đảng ủy cơ sở", "Ban Thường vụ Đoàn Khối"]
    assert seed["duong_dan"] == f"{SITE_URL}van-ban/2023/114-kh-duk/"
    assert seed["du_lieu"] == f"{SITE_URL}api/van-ban/2023/114-kh-duk.json"
    assert seed["noi_dung"].startswith("Thực hiện Chương trình số 36-CTr/TU")
    listed = load(built_site, "api/van-ban.json")["van_ban"][3]
    assert listed == {k: v for k, v in seed.items() if k != "noi_dung"}


def test_citations_are_listed_as_the_site_links_them(built_site):
    seed = load(built_site, "api/van-ban/2023/114-kh-duk.json")
    numbers = [c["so_hieu"] for c in seed["trich_dan"]]
    assert numbers[:3] == ["36-CTr/TU", "06-CT/TU", "09-QC/ĐUK"]
    assert "18-CT/TW" in numbers and None in numbers  # the named congress resolutions
    first = seed["trich_dan"][0]
    assert first == {"loai": "Chương trình", "so_hieu": "36-CTr/TU", "ky_hieu_co_quan": "TU", "ngay": "2023-02-27",
                     "co_quan": "Ban Thường vụ Tỉnh ủy",
                     "duong_dan": f"{SITE_URL}van-ban/dan-chieu/chuong-trinh-36-ctr-tu-2023/",
                     "quan_he": "thực hiện"}  # the body's citation of what the front matter says it carries out
    for cited in seed["trich_dan"]:  # every one has the page the site links it to
        assert (built_site.site / cited["duong_dan"][len(SITE_URL):] / "index.html").exists()


def test_csv_has_a_bom_and_one_row_per_document(built_site):
    raw = (built_site.site / "api/van-ban.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == list(opendata.CSV_COLUMNS)
    assert [r["so_hieu"] for r in rows] == PUBLISHED
    assert rows[0]["trich_yeu"] == HOSTILE_TITLE
    seed = rows[3]
    assert seed["ngay_ban_hanh"] == "" and seed["nam"] == "2023"
    assert seed["noi_nhan"].split("; ")[0] == "Thường trực Tỉnh ủy"
    assert seed["duong_dan"] == f"{SITE_URL}van-ban/2023/114-kh-duk/"


def test_csv_cells_are_never_formulas():
    assert opendata._cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert opendata._cell("@SUM") == "'@SUM"
    assert opendata._cell("Kế hoạch") == "Kế hoạch"
    assert opendata._cell(["a", "b"]) == "a; b"


def test_open_data_page_documents_every_field():
    page = (ROOT / "docs/du-lieu-mo.md").read_text(encoding="utf-8")
    schema = json.loads(opendata.SCHEMA_FILE.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    names = set(defs["danh_sach"]["properties"]) | set(defs["van_ban"]["properties"])
    names |= set(defs["van_ban"]["properties"]["nhiem_vu"]["items"]["properties"])
    names |= set(defs["van_ban"]["properties"]["trich_dan"]["items"]["properties"])
    missing = [n for n in sorted(names) if f"| `{n}` |" not in page]
    assert missing == []
    assert all(f"`{c}`" in page for c in opendata.CSV_COLUMNS)


def test_open_data_page_links_the_files(built_site):
    page = built_site.html("du-lieu-mo/index.html")
    for target in ("../api/van-ban.json", "../api/van-ban.csv", "../api/van-ban.schema.json", "../lich/thoi-han.ics"):
        assert f'href="{target}"' in page
