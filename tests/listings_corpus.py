"""A small corpus for the listing, feed, deadline, open-data and table tests:
the real seed plan, four more published documents of other years, types,
bodies and recipients, and one held back. Built once per test session."""

from __future__ import annotations

from conftest import ROOT, build_project
from plan_factory import plan

TODAY = "2023-04-15"  # the seed plan's tasks (due 4/2023) are upcoming on this day
HELD_TITLE = "Văn bản nội bộ không đăng"
HOSTILE_TITLE = 'Ban hành quy chế <b>thử</b> & “ngoặc” *sao*'

PLANS = {
    "2023/114-kh-duk.md": (ROOT / "plans/2023/114-kh-duk.md").read_text(encoding="utf-8"),
    "2023/115-kh-duk.md": plan(tags=["dân vận", "hội nghị"]),
    "2023/120-ct-duk.md": plan(
        so_hieu="120-CT/ĐUK", loai="Chỉ thị", trich_yeu="Tăng cường công tác dân vận", ngay_ban_hanh="2023-06-01",
        tags=["dân vận"], trang_thai="Còn hiệu lực",
        noi_nhan=["Ban Thường vụ Đoàn Khối", "Đăng Website"],
        nhiem_vu=[{"noi_dung": "Báo cáo kết quả", "don_vi": "Ban Thường vụ Đoàn Khối", "han": "2023-04-10"}],
    ),
    "2022/05-kh-duk.md": plan(
        so_hieu="05-KH/ĐUK", trich_yeu="Tuyên truyền năm 2022", ngay_ban_hanh="2022-03-02",
        co_quan_ban_hanh="Ban Tuyên giáo Đảng ủy Khối", trang_thai="Đã hoàn thành",
        nhiem_vu=[{"noi_dung": "Việc đã xong", "don_vi": "Ban Thường vụ Đoàn Khối", "han": "3/2022"}],
    ),
    "2024/1286-qd-ubnd.md": plan(
        so_hieu="1286/QĐ-UBND", loai="Quyết định", trich_yeu=HOSTILE_TITLE, ngay_ban_hanh="15/01/2024",
        co_quan_ban_hanh="Ủy ban nhân dân tỉnh Bến Tre", trang_thai="Còn hiệu lực",
    ),
    "2023/987-kh-duk.md": plan(
        so_hieu="987-KH/ĐUK", trich_yeu=HELD_TITLE, ngay_ban_hanh="2023-07-01", tags=["dân vận"],
        noi_nhan=["Ban Thường vụ Đoàn Khối", "Lưu VP"],
        nhiem_vu=[{"noi_dung": "Việc không đăng", "don_vi": "Ban Thường vụ Đoàn Khối", "han": "2023-08-01"}],
    ),
}
# Newest first, as every listing orders them; the seed has only a year.
PUBLISHED = ["1286/QĐ-UBND", "120-CT/ĐUK", "115-KH/ĐUK", "114-KH/ĐUK", "05-KH/ĐUK"]
SITE_URL = "https://vanban.example.vn/"

_built: dict = {}


def built(tmp_path_factory):
    if "site" not in _built:
        result = build_project(tmp_path_factory.mktemp("listings"), PLANS,
                               env={"VANBAN_TODAY": TODAY, "SITE_URL": SITE_URL})
        assert result.returncode == 0, result.output
        _built["site"] = result
    return _built["site"]
