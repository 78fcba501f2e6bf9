"""Status on every page: a document replaced or partly repealed by a published
one says so on its page (with the sentence), links to it are marked, and the
listings, lookup table, JSON and CSV carry the same status. "Còn hiệu lực"
only with a source; otherwise "chưa rõ"."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import build_project
from plan_factory import plan
from vanban.graph import kinds, status
from vanban.model import dates

REGISTRY = """van_ban:
  - loai: Quy chế
    so_hieu: 09-QC/ĐUK
    ngay_ban_hanh: 2022-11-25
    co_quan_ban_hanh: Ban Thường vụ Đảng ủy Khối
    trich_yeu: về công tác dân vận
  - loai: Chỉ thị
    so_hieu: 06-CT/TU
    ngay_ban_hanh: 2021-05-06
    co_quan_ban_hanh: Ban Thường vụ Tỉnh ủy
    hieu_luc: Còn hiệu lực
    nguon_hieu_luc: Văn phòng Tỉnh ủy trả lời ngày 02/12/2026
  - loai: Quyết định
    so_hieu: 12-QĐ/ĐUK
    ngay_ban_hanh: 2021-03-01
    co_quan_ban_hanh: Ban Thường vụ Đảng ủy Khối
"""

PLANS = {
    "2024/215-qd-duk.md": plan(
        "**Điều 1.** Ban hành kèm theo Quyết định này Quy chế công tác dân vận.\n\n"
        "**Điều 2.** Quyết định này có hiệu lực từ ngày ký và thay thế Quy chế số 09-QC/ĐUK, ngày 25/11/2022 "
        "của Ban Thường vụ Đảng ủy Khối.\n\n"
        "**Điều 3.** Bãi bỏ Điều 2 của Kế hoạch số 114-KH/ĐUK, ngày 10/4/2023.\n\n"
        "**Điều 4.** Đề nghị thay thế Quyết định số 12-QĐ/ĐUK, ngày 01/3/2021.",
        so_hieu="215-QĐ/ĐUK", loai="Quyết định", trich_yeu="Ban hành Quy chế công tác dân vận",
        ngay_ban_hanh="2024-03-01"),
    "2023/114-kh-duk.md": plan(
        "Thực hiện Quy chế số 09-QC/ĐUK, ngày 25/11/2022 và Chỉ thị số 06-CT/TU, ngày 06/5/2021 của Ban "
        "Thường vụ Tỉnh ủy.", so_hieu="114-KH/ĐUK", ngay_ban_hanh="2023-04-10"),
    # The sentence reads as a replacement, the editor says it is only a mention: the editor wins.
    "2024/20-qd-duk.md": plan("Quyết định này thay thế Quyết định số 12-QĐ/ĐUK, ngày 01/3/2021.",
                              so_hieu="20-QĐ/ĐUK", loai="Quyết định", ngay_ban_hanh="2024-05-02",
                              dan_chieu=["Quyết định số 12-QĐ/ĐUK, ngày 01/3/2021"]),
    # No sentence says so; the editor states the repeal in the front matter.
    "2024/21-qd-duk.md": plan("Nội dung.", so_hieu="21-QĐ/ĐUK", loai="Quyết định", ngay_ban_hanh="2024-06-03",
                              bai_bo=["Kế hoạch số 30-KH/ĐUK, ngày 02/02/2022"]),
    "2024/22-kh-duk.md": plan("Nội dung.", so_hieu="22-KH/ĐUK", ngay_ban_hanh="2024-06-04", trang_thai="Còn hiệu lực"),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = build_project(tmp_path_factory.mktemp("status"), PLANS, extra_files={"data/registry.yml": REGISTRY})
    assert result.returncode == 0, result.output
    return result


def _row(html: str, label: str) -> str:
    match = re.search(rf"<td>{label}</td>\s*<td>(.*?)</td>", html, re.S)
    return match.group(1) if match else ""


def test_a_replaced_registry_document_says_by_which_document(built):
    html = built.html("van-ban/dan-chieu/quy-che-09-qc-duk-2022/index.html")
    assert '<p class="admonition-title">Văn bản này đã bị thay thế</p>' in html
    assert ('<strong>Bị thay thế bởi</strong> <a href="../../2024/215-qd-duk/">Quyết định <span class="vb-so-hieu">215-QĐ/ĐUK</span></a>, '
            'ngày 01/03/2024:') in html
    assert 'có hiệu lực từ ngày ký và thay thế <mark>Quy chế số <span class="vb-so-hieu">09-QC/ĐUK</span></mark>, ngày 25/11/2022' in html
    assert _row(html, "Trạng thái") == ('<strong>Bị thay thế</strong> bởi <a href="../../2024/215-qd-duk/">'
                                         'Quyết định <span class="vb-so-hieu">215-QĐ/ĐUK</span></a>, ngày 01/03/2024')
    assert '<h3 id="thay-the-van-ban-nay">Thay thế văn bản này</h3>' in html


def test_a_link_to_a_replaced_document_is_marked_with_its_status_in_the_title(built):
    html = built.html("van-ban/2023/114-kh-duk/index.html")
    assert ('<a class="vb-dan-chieu vb-het-hieu-luc" href="../../dan-chieu/quy-che-09-qc-duk-2022/" '
            'title="Bị thay thế bởi Quyết định 215-QĐ/ĐUK, ngày 01/03/2024">Quy chế số <span class="vb-so-hieu">09-QC/ĐUK</span>'
            '<span class="vb-dau-hieu-luc"> (đã bị thay thế)</span></a>') in html
    # A document still standing by a source is linked without a marker.
    assert '<a class="vb-dan-chieu" href="../../dan-chieu/chi-thi-06-ct-tu-2021/">Chỉ thị số <span class="vb-so-hieu">06-CT/TU</span></a>' in html


def test_a_partly_repealed_published_document_shows_it_on_its_page(built):
    html = built.html("van-ban/2023/114-kh-duk/index.html")
    assert '<p class="admonition-title">Văn bản này bị bãi bỏ một phần</p>' in html
    assert 'Bãi bỏ Điều 2 của <mark>Kế hoạch số <span class="vb-so-hieu">114-KH/ĐUK</span></mark>, ngày 10/4/2023.' in html
    assert _row(html, "Trạng thái").startswith("<strong>Bị bãi bỏ một phần</strong> bởi ")


def test_in_force_only_with_a_source_and_unknown_otherwise(built):
    cited = built.html("van-ban/dan-chieu/chi-thi-06-ct-tu-2021/index.html")
    assert _row(cited, "Trạng thái") == ("<strong>Còn hiệu lực</strong> (theo danh mục văn bản: Văn phòng Tỉnh ủy "
                                         "trả lời ngày 02/12/2026)")
    stated = built.html("van-ban/2024/22-kh-duk/index.html")
    assert _row(stated, "Trạng thái") == "<strong>Còn hiệu lực</strong> (theo cơ quan ban hành, ghi trên trang này)"
    plain = built.html("van-ban/2024/215-qd-duk/index.html")
    assert _row(plain, "Trạng thái") == "chưa rõ"
    assert "vb-hieu-luc" not in plain


def test_a_proposal_and_an_editors_mention_leave_the_status_unknown(built):
    html = built.html("van-ban/dan-chieu/quyet-dinh-12-qd-duk-2021/index.html")
    assert _row(html, "Trạng thái") == "chưa rõ"
    assert "Thay thế văn bản này" not in html


def test_a_relation_stated_in_front_matter_counts(built):
    html = built.html("van-ban/dan-chieu/ke-hoach-30-kh-duk-2022/index.html")
    assert _row(html, "Trạng thái") == ('<strong>Bị bãi bỏ</strong> bởi <a href="../../2024/21-qd-duk/">'
                                         'Quyết định <span class="vb-so-hieu">21-QĐ/ĐUK</span></a>, ngày 03/06/2024')


def test_listings_table_json_and_csv_carry_the_status(built):
    listing = built.html("danh-muc/tat-ca/index.html")
    assert ('<a class="vb-het-hieu-luc" href="../../van-ban/2023/114-kh-duk/" title="Bị bãi bỏ một phần bởi '
            'Quyết định 215-QĐ/ĐUK, ngày 01/03/2024"><span class="vb-so-hieu">114-KH/ĐUK</span><span class="vb-dau-hieu-luc">'
            ' (bị bãi bỏ một phần)</span></a>') in listing
    table = json.loads((built.site / "tra-cuu/van-ban.json").read_text(encoding="utf-8"))
    column = table["cot"].index("trang_thai")
    by_number = {row[1]: row[column] for row in table["dong"]}
    assert by_number == {"114-KH/ĐUK": "Bị bãi bỏ một phần", "215-QĐ/ĐUK": "Chưa rõ", "20-QĐ/ĐUK": "Chưa rõ",
                         "21-QĐ/ĐUK": "Chưa rõ", "22-KH/ĐUK": "Còn hiệu lực"}
    record = json.loads((built.site / "api/van-ban/2023/114-kh-duk.json").read_text(encoding="utf-8"))
    assert record["hieu_luc"] == {"trang_thai": "Bị bãi bỏ một phần", "nguon": None, "boi": [{
        "quan_he": "bãi bỏ một phần", "loai": "Quyết định", "so_hieu": "215-QĐ/ĐUK", "ngay": "2024-03-01",
        "duong_dan": "http://127.0.0.1:8000/van-ban/2024/215-qd-duk/"}]}
    replacing = json.loads((built.site / "api/van-ban/2024/215-qd-duk.json").read_text(encoding="utf-8"))
    assert [(c["so_hieu"], c["quan_he"]) for c in replacing["trich_dan"]] == [
        ("09-QC/ĐUK", "thay thế"), ("114-KH/ĐUK", "bãi bỏ một phần"), ("12-QĐ/ĐUK", "dẫn chiếu")]
    text = (built.site / "api/van-ban.csv").read_text(encoding="utf-8-sig")
    rows = {r["so_hieu"]: r["hieu_luc"] for r in csv.DictReader(io.StringIO(text))}
    assert rows["114-KH/ĐUK"] == "Bị bãi bỏ một phần" and rows["22-KH/ĐUK"] == "Còn hiệu lực"


def test_a_registry_status_without_its_source_is_refused(tmp_path):
    registry = REGISTRY.replace("    nguon_hieu_luc: Văn phòng Tỉnh ủy trả lời ngày 02/12/2026\n", "")
    result = build_project(tmp_path, {"2023/114-kh-duk.md": PLANS["2023/114-kh-duk.md"]},
                           extra_files={"data/registry.yml": registry})
    assert result.returncode != 0
    assert ("data/registry.yml:7: lỗi [nguon_hieu_luc] “hieu_luc: Còn hiệu lực” cần ghi nguồn (nguon_hieu_luc): "
            "trang chỉ ghi hiệu lực khi có nguồn.") in result.output


def test_search_records_carry_the_status(tmp_path):
    from vanban.model.documents import parse
    from vanban.search.index import record
    doc, _ = parse(PLANS["2023/114-kh-duk.md"], "plans/2023/114-kh-duk.md")
    meta = record(doc, Path(tmp_path), 0, "Bị bãi bỏ một phần").meta
    from vanban.search import tokens
    assert meta["trang_thai"] == tokens.tag_text(tokens.encode_text("Bị bãi bỏ một phần"), 0)


def test_search_reads_the_document_not_its_status(built):
    from vanban.search.extract import article_text
    text = article_text(built.html("van-ban/2023/114-kh-duk/index.html"))
    assert "Thực hiện Quy chế số 09-QC/ĐUK, ngày 25/11/2022" in text
    assert "đã bị thay thế" not in text and "Bị bãi bỏ một phần bởi" not in text


def _act(target_date, acting_date):
    """A graph where a document dated `acting_date` replaces one dated `target_date`."""
    target = SimpleNamespace(src_uri="van-ban/dan-chieu/quy-che-09.md", date=target_date,
                             year=target_date.year if target_date else None, doc=None, published=False, status=None)
    acting = SimpleNamespace(date=acting_date, year=acting_date.year, heading="Quyết định 215-QĐ/ĐUK")
    mention = SimpleNamespace(kind=kinds.REPLACES, target=target, doc=acting, sentence=("", "Quy chế số 09", ""))
    return SimpleNamespace(mentions={"2024/215.md": [mention]}, targets={target.src_uri: target})


@pytest.mark.parametrize(("target", "acting", "key"), [
    ((2022, 11, 25), (2024, 3, 1), "bi-thay-the"),
    ((2024, 3, 1), (2024, 3, 1), "bi-thay-the"),  # issued the same day: it may be
    ((2024, 3), (2024, 3, 1), "bi-thay-the"),  # March 2024 may be 1 March
    ((2025, 2, 3), (2024, 3, 1), "chua-ro"),  # a later namesake: a citation cannot name it
    ((2025,), (2024, 3, 1), "chua-ro"),
    (None, (2024, 3, 1), "bi-thay-the"),  # nothing known of the target's date: the sentence stands
])
def test_a_document_acts_only_on_one_issued_before_it(target, acting, key):
    graph = _act(dates.PartialDate(*target) if target else None, dates.PartialDate(*acting))
    assert status.build(graph)["van-ban/dan-chieu/quy-che-09.md"].key == key
