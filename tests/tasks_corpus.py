"""A plan and the documents that carry it out, built once per test session:
the seed plan 114-KH/ĐUK (two tasks due in April 2023), a plan of the Đoàn Khối
answering its second task on time, a chi bộ's plan answering the first after
its deadline, two reports of the Đảng ủy Khối on it, and a plan of two tasks
to one unit whose answer the editor places against the words of its trích yếu."""

from __future__ import annotations

from conftest import ROOT, build_project
from plan_factory import plan

TODAY = "2023-05-15"  # after the seed plan's deadline (30/04/2023)
SEED = (ROOT / "plans/2023/114-kh-duk.md").read_text(encoding="utf-8")

YOUTH_PLAN = plan(
    "Thực hiện Kế hoạch số 114-KH/ĐUK của Ban Thường vụ Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh về công tác "
    "dân vận năm 2023, Ban Chấp hành Đoàn Khối xây dựng Kế hoạch như sau:\n\n## I. MỤC ĐÍCH\n\nNội dung.",
    so_hieu="12-KH/ĐTN", trich_yeu="Nâng cao chất lượng công tác giám sát, phản biện xã hội năm 2023",
    co_quan_ban_hanh="Ban Chấp hành Đoàn Khối Cơ quan - Doanh nghiệp tỉnh", tieu_de="ĐOÀN TNCS HỒ CHÍ MINH",
    ngay_ban_hanh="2023-04-20", tham_quyen_ky="TM.", thay_mat="Ban Thường vụ",
    noi_nhan=["Ban Thường vụ Đảng ủy Khối", "Đăng Website"],
)
CELL_PLAN = plan(
    "Chi bộ triển khai công tác dân vận năm 2023.",
    so_hieu="05-KH/CB", trich_yeu="Công tác dân vận năm 2023", co_quan_ban_hanh="Chi bộ Sở Tư pháp",
    co_quan_cap_tren="Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh", ngay_ban_hanh="2023-05-05",
    thuc_hien=["Kế hoạch số 114-KH/ĐUK của Ban Thường vụ Đảng ủy Khối"],
)
REPORT_OLD = plan(
    "Thực hiện Kế hoạch số 114-KH/ĐUK về công tác dân vận năm 2023, Ban Thường vụ Đảng ủy Khối báo cáo như sau.",
    so_hieu="140-BC/ĐUK", loai="Báo cáo", trich_yeu="Kết quả công tác dân vận tháng 5 năm 2023",
    ngay_ban_hanh="2023-05-31",
)
REPORT_NEW = plan(
    "Nội dung báo cáo.",
    so_hieu="150-BC/ĐUK", loai="Báo cáo", trich_yeu="Sơ kết 6 tháng thực hiện Kế hoạch số 114-KH/ĐUK",
    ngay_ban_hanh="2023-07-10",
)
TWO_TASKS = plan(
    so_hieu="130-KH/ĐUK", trich_yeu="Công tác thanh niên năm 2023", ngay_ban_hanh="2023-03-01",
    noi_nhan=["Ban Thường vụ Đoàn Khối", "Đăng Website"],
    nhiem_vu=[
        {"noi_dung": "Xây dựng kế hoạch tổ chức Tháng Thanh niên", "don_vi": "Đoàn Khối", "han": "2023-03-20"},
        {"noi_dung": "Xây dựng kế hoạch tổ chức hội trại hè", "don_vi": "Đoàn Khối", "han": "2023-06-30"},
    ],
)
# Its trích yếu speaks of the Tháng Thanh niên (task 1), but the editor says it answers task 2.
STATED = plan(
    "Thực hiện Kế hoạch số 130-KH/ĐUK của Ban Thường vụ Đảng ủy Khối, Ban Thường vụ Đoàn Khối ban hành Kế hoạch.",
    so_hieu="15-KH/ĐTN", trich_yeu="Tổ chức Tháng Thanh niên và hội trại hè năm 2023",
    co_quan_ban_hanh="Đoàn Khối Cơ quan - Doanh nghiệp tỉnh", ngay_ban_hanh="2023-03-10",
    thuc_hien_nhiem_vu=[{"van_ban": "130-KH/ĐUK", "nhiem_vu": 2}],
)

PLANS = {
    "2023/114-kh-duk.md": SEED,
    "2023/12-kh-dtn.md": YOUTH_PLAN,
    "2023/05-kh-cb.md": CELL_PLAN,
    "2023/140-bc-duk.md": REPORT_OLD,
    "2023/150-bc-duk.md": REPORT_NEW,
    "2023/130-kh-duk.md": TWO_TASKS,
    "2023/15-kh-dtn.md": STATED,
}
SITE_URL = "https://vanban.example.vn/"

_built: dict = {}


def built(tmp_path_factory):
    if "site" not in _built:
        result = build_project(tmp_path_factory.mktemp("tasks"), PLANS, env={"VANBAN_TODAY": TODAY, "SITE_URL": SITE_URL})
        assert result.returncode == 0, result.output
        _built["site"] = result
    return _built["site"]
