"""`vanban import` of text shaped like the seed: the front matter must equal the
seed's own, field for field, and what the source lacks is reported."""

from __future__ import annotations

from pathlib import Path

from vanban import cli
from vanban.editing import importer, importer_text
from vanban.model import documents

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path(__file__).parent / "data" / "114-kh-duk-ban-goc.md"
SEED = ROOT / "plans" / "2023" / "114-kh-duk.md"


def test_seed_text_gives_the_seed_front_matter(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["import", str(SOURCE)]) == 0
    written = tmp_path / "plans" / "2023" / "114-kh-duk.md"
    imported, problems = documents.read(written)
    assert problems == []
    seed, _ = documents.read(SEED)
    assert imported.meta == seed.meta
    report = capsys.readouterr().out
    assert report.splitlines()[:5] == [
        f"Đã nhập {SOURCE} → plans/2023/114-kh-duk.md (Kế hoạch 114-KH/ĐUK).",
        "Không tìm thấy trong bản gốc (để trống; trang ghi “chưa rõ”, hoặc thêm bằng --truong/--nam):",
        "  - Cơ quan cấp trên (co_quan_cap_tren)",
        "  - Ngày ban hành (ngay_ban_hanh)",
        "  - Địa danh (dia_danh)",
    ]
    assert "  - nam: 2023 lấy từ trích yếu (“năm 2023”)." in report


def test_seed_body_keeps_headings_numbering_and_emphasis():
    result = importer.convert(importer_text.paragraphs(SOURCE.read_text(encoding="utf-8")))
    seed, _ = documents.read(SEED)
    assert [line for line in result.body.splitlines() if line.startswith("## ")] == [
        "## I. MỤC ĐÍCH YÊU CẦU", "## II. NỘI DUNG TRỌNG TÂM", "## III. TỔ CHỨC THỰC HIỆN"]
    assert "\n**6.** Ban Thường vụ Đoàn Khối" in result.body  # "6. …" would restart a Markdown list at 1
    assert "*Hoàn thành trong tháng 4/2023.*" in result.body
    # the paragraph the copy cut in two ("…tình hình mới," / "trọng tâm là…") is one again
    assert "trong tình hình mới, trọng tâm là Quyết định số 306-QĐ/TU" in result.body
    assert result.body.strip() == seed.body.strip()


def test_ghi_chu_explains_where_the_year_comes_from():
    """A field, not a YAML comment: the browser editor keeps fields and drops comments."""
    result = importer.convert(importer_text.paragraphs(SOURCE.read_text(encoding="utf-8")))
    front = result.front_matter()
    assert "#" not in front
    assert "\nghi_chu: Bản gốc không ghi ngày ban hành; năm 2023 lấy từ trích yếu (“năm 2023”).\n" in front


def test_no_year_anywhere_writes_nothing(tmp_path, monkeypatch, capsys):
    text = SOURCE.read_text(encoding="utf-8").replace("Thực hiện công tác dân vận năm 2023", "Thực hiện công tác dân vận")
    source = tmp_path / "ban-goc.md"
    source.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["import", str(source)]) == 1
    out = capsys.readouterr().out
    assert "Không ghi tệp: Văn bản chưa hợp lệ nên chưa ghi tệp nào." in out
    assert "  - Năm (nam)" in out
    assert not (tmp_path / "plans").exists()
    # the editor supplies the year the source does not give
    assert cli.main(["import", str(source), "--nam", "2023"]) == 0
    written = (tmp_path / "plans" / "2023" / "114-kh-duk.md").read_text(encoding="utf-8")
    assert "\nnam: 2023\n" in written
    assert "\nghi_chu: Bản gốc không ghi ngày ban hành; năm 2023 do người nhập ghi (--nam).\n" in written


def test_refuses_to_overwrite_and_stdout_writes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["import", str(SOURCE)]) == 0
    target = tmp_path / "plans" / "2023" / "114-kh-duk.md"
    target.write_text("sửa tay", encoding="utf-8")
    capsys.readouterr()
    assert cli.main(["import", str(SOURCE)]) == 1
    assert "đã có; không ghi đè" in capsys.readouterr().out
    assert target.read_text(encoding="utf-8") == "sửa tay"
    assert cli.main(["import", str(SOURCE), "--stdout"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("---\nso_hieu: 114-KH/ĐUK\nloai: Kế hoạch\n")
    assert target.read_text(encoding="utf-8") == "sửa tay"
    assert cli.main(["import", str(SOURCE), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("---\nso_hieu: 114-KH/ĐUK\n")


def test_field_option_fills_what_the_source_lacks(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main(["import", str(SOURCE), "--stdout", "--truong", "co_quan_cap_tren=Đảng bộ tỉnh Bến Tre"]) == 0
    captured = capsys.readouterr()
    assert "co_quan_cap_tren: Đảng bộ tỉnh Bến Tre\n" in captured.out
    assert "Cơ quan cấp trên (co_quan_cap_tren)" not in captured.err


def test_plain_text_one_paragraph_per_line(tmp_path, monkeypatch, capsys):
    text = "\n".join([
        "ĐẢNG BỘ TỈNH BẾN TRE", "ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH", "*", "Số 07-CT/ĐUK",
        "ĐẢNG CỘNG SẢN VIỆT NAM", "Bến Tre, ngày 12 tháng 9 năm 2024",
        "CHỈ THỊ", "Về tăng cường công tác dân vận",
        "Ban Thường vụ Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh yêu cầu:",
        "1. Các chi ủy thực hiện nghiêm.",
        "Nơi nhận:", "- Các chi ủy,", "- Đăng Website,", "- Lưu VP.",
        "T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Văn An",
    ])
    source = tmp_path / "chi-thi.txt"
    source.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["import", str(source)]) == 0
    doc, problems = documents.read(tmp_path / "plans" / "2024" / "07-ct-duk.md")
    assert problems == []
    assert {k: doc.meta[k] for k in ("co_quan_cap_tren", "co_quan_ban_hanh", "dia_danh", "chuc_vu")} == {
        "co_quan_cap_tren": "Đảng bộ tỉnh Bến Tre",
        "co_quan_ban_hanh": "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh",
        "dia_danh": "Bến Tre", "chuc_vu": "Bí thư"}
    assert doc.date.iso() == "2024-09-12"
    assert doc.recipients == ["Các chi ủy", "Đăng Website", "Lưu VP"]
    assert doc.body.strip() == ("Ban Thường vụ Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh yêu cầu:\n\n"
                                "**1.** Các chi ủy thực hiện nghiêm.")


def test_recase_prefers_the_bodys_spelling_then_rules():
    assert importer.recase("ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH",
                           "Ban Thường vụ Đảng uỷ Khối Cơ quan - Doanh nghiệp tỉnh đề ra") == \
        "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh"
    assert importer.recase("PHÓ BÍ THƯ") == "Phó Bí thư"
    assert importer.recase("BAN THƯỜNG VỤ") == "Ban Thường vụ"
    assert importer.recase("ỦY BAN NHÂN DÂN TỈNH BẾN TRE") == "Ủy ban nhân dân tỉnh Bến Tre"
    assert importer.recase("Nguyễn Văn An") == "Nguyễn Văn An"


def test_partial_dates_are_kept_as_partial():
    paras = importer_text.paragraphs("Số 05-TB/ĐUK\n\nBến Tre, ngày   tháng 4 năm 2023\n\nTHÔNG BÁO\n\nVề việc họp\n\nNội dung.\n")
    result = importer.convert(paras)
    assert result.meta["ngay_ban_hanh"] == "4/2023"  # the day is blank in the source; none is invented
    assert result.meta["dia_danh"] == "Bến Tre"


def test_cong_van_takes_its_trich_yeu_from_the_v_v_line(tmp_path, monkeypatch, capsys):
    text = "\n".join([
        "ỦY BAN NHÂN DÂN", "TỈNH BẾN TRE", "Số: 4912/UBND-NC", "V/v tổ chức hội nghị sơ kết",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bến Tre, ngày 10 tháng 10 năm 2024",
        "Kính gửi: Các sở, ban, ngành tỉnh.",
        "Ủy ban nhân dân tỉnh Bến Tre đề nghị các sở báo cáo kết quả.",
        "Nơi nhận:", "- Như trên;", "- Đăng Website;",
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Dũng",
    ])
    source = tmp_path / "cong-van.txt"
    source.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["import", str(source)]) == 0
    doc, problems = documents.read(tmp_path / "plans" / "2024" / "4912-ubnd-nc.md")
    assert problems == []
    assert (doc.doctype.name, doc.title, doc.issuer_body) == (
        "Công văn", "Tổ chức hội nghị sơ kết", "Ủy ban nhân dân tỉnh Bến Tre")
    assert (doc.meta["tham_quyen_ky"], doc.meta["thay_mat"], doc.meta["chuc_vu"]) == ("TM.", "Ủy ban nhân dân", "Chủ tịch")
    assert doc.body.strip() == ("Kính gửi: Các sở, ban, ngành tỉnh.\n\n"
                                "Ủy ban nhân dân tỉnh Bến Tre đề nghị các sở báo cáo kết quả.")


YOUTH_TEXT = [
    "BCH ĐOÀN TỈNH BẾN TRE", "BCH ĐOÀN KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH", "***", "Số: 12-KH/ĐTN",
    "ĐOÀN TNCS HỒ CHÍ MINH", "Bến Tre, ngày 20 tháng 4 năm 2023",
    "KẾ HOẠCH", "Nâng cao chất lượng công tác giám sát, phản biện xã hội năm 2023",
    "Thực hiện Kế hoạch số 114-KH/ĐUK của Ban Thường vụ Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh về công tác "
    "dân vận năm 2023, Ban Thường vụ Đoàn Khối xây dựng kế hoạch như sau:",
    "Nơi nhận:", "- Ban Thường vụ Đảng ủy Khối;", "- Đăng Website;", "- Lưu VP.",
    "TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Nguyễn Thị Bích",
]


def _header_fields(lines: list[str]) -> dict:
    result = importer.convert(importer_text.paragraphs("\n".join(lines), markdown=False))
    return {k: result.meta.get(k) for k in ("co_quan_cap_tren", "co_quan_ban_hanh", "tieu_de", "so_hieu")}


def test_youth_union_header_keeps_its_title_line_out_of_the_issuer():
    assert _header_fields(YOUTH_TEXT) == {
        "co_quan_cap_tren": "BCH Đoàn tỉnh Bến Tre", "co_quan_ban_hanh": "BCH Đoàn Khối Cơ quan - Doanh nghiệp tỉnh",
        "tieu_de": "ĐOÀN TNCS HỒ CHÍ MINH", "so_hieu": "12-KH/ĐTN"}


def test_youth_union_title_line_first_in_a_copy_row_by_row():
    lines = ["ĐOÀN TNCS HỒ CHÍ MINH", "TỈNH ĐOÀN BẾN TRE", "*", "Số 30-KH/TĐTN", "Bến Tre, ngày 02 tháng 3 năm 2023",
             "KẾ HOẠCH", "Tổ chức Tháng Thanh niên năm 2023", "Nội dung."]
    assert _header_fields(lines) == {"co_quan_cap_tren": None, "co_quan_ban_hanh": "Tỉnh Đoàn Bến Tre",
                                     "tieu_de": "ĐOÀN TNCS HỒ CHÍ MINH", "so_hieu": "30-KH/TĐTN"}


def test_another_organisations_title_line_is_known_by_its_place():
    lines = ["HỘI CCB TỈNH BẾN TRE", "HỘI CỰU CHIẾN BINH KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH", "*", "Số 05-KH/CCB",
             "HỘI CỰU CHIẾN BINH VIỆT NAM", "Bến Tre, ngày 02 tháng 3 năm 2023", "KẾ HOẠCH", "Công tác năm 2023", "Nội dung."]
    assert _header_fields(lines) == {
        "co_quan_cap_tren": "Hội CCB tỉnh Bến Tre", "co_quan_ban_hanh": "Hội Cựu chiến binh Khối Cơ quan - Doanh nghiệp tỉnh",
        "tieu_de": "HỘI CỰU CHIẾN BINH VIỆT NAM", "so_hieu": "05-KH/CCB"}


def test_trade_union_header_in_the_state_layout_has_no_title_line():
    lines = ["LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE", "CÔNG ĐOÀN VIÊN CHỨC TỈNH", "Số: 15/KH-CĐVC",
             "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Bến Tre, ngày 05 tháng 5 năm 2023",
             "KẾ HOẠCH", "Tổ chức Tháng Công nhân năm 2023", "Nội dung."]
    assert _header_fields(lines) == {"co_quan_cap_tren": "Liên đoàn Lao động tỉnh Bến Tre",
                                     "co_quan_ban_hanh": "Công đoàn Viên chức tỉnh", "tieu_de": None,
                                     "so_hieu": "15/KH-CĐVC"}


def test_recase_writes_mass_organisations_as_they_write_themselves():
    assert [importer.recase(t) for t in (
        "BAN CHẤP HÀNH ĐOÀN KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH", "ĐOÀN TNCS HỒ CHÍ MINH", "HUYỆN ĐOÀN CHÂU THÀNH",
        "LĐLĐ TỈNH BẾN TRE", "HỘI LIÊN HIỆP PHỤ NỮ TỈNH BẾN TRE", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH",
        "UBND TỈNH BẾN TRE")] == [
        "Ban Chấp hành Đoàn Khối Cơ quan - Doanh nghiệp tỉnh", "Đoàn TNCS Hồ Chí Minh", "Huyện Đoàn Châu Thành",
        "LĐLĐ tỉnh Bến Tre", "Hội Liên hiệp Phụ nữ tỉnh Bến Tre", "Đảng ủy Khối các cơ quan tỉnh",
        "UBND tỉnh Bến Tre"]


def test_imported_youth_plan_answers_the_seed_plans_task(tmp_path, monkeypatch, capsys):
    """The union's plan, imported as the office wrote it, is its answer to task 2 of 114-KH/ĐUK."""
    from conftest import build_project

    source = tmp_path / "ke-hoach-doan.txt"
    source.write_text("\n".join(YOUTH_TEXT), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(["import", str(source)]) == 0
    youth = (tmp_path / "plans" / "2023" / "12-kh-dtn.md").read_text(encoding="utf-8")
    result = build_project(tmp_path / "site", {"2023/114-kh-duk.md": SEED.read_text(encoding="utf-8"),
                                               "2023/12-kh-dtn.md": youth}, env={"VANBAN_TODAY": "2023-05-15"})
    assert result.returncode == 0, result.output
    page = result.html("van-ban/2023/114-kh-duk/index.html")
    table = page.split('id="nhiem-vu-va-thoi-han"')[1].split("<h2")[0]
    assert table.count("Đã có văn bản thực hiện") == 1
    assert 'Kế hoạch <span class="vb-so-hieu">12-KH/ĐTN</span></a> (ngày 20/04/2023, đúng hạn)' in table
