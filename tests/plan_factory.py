"""Small document files for tests, written as editors write them."""

from __future__ import annotations

import yaml

BASE = {
    "so_hieu": "115-KH/ĐUK",
    "loai": "Kế hoạch",
    "trich_yeu": "Tổ chức hội nghị",
    "co_quan_ban_hanh": "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh",
    "ngay_ban_hanh": "2023-05-10",
    "noi_nhan": ["Các chi ủy, đảng ủy cơ sở", "Đăng Website"],
}


def plan(body: str = "Nội dung văn bản.", **fields) -> str:
    meta = {**BASE, **fields}
    meta = {k: v for k, v in meta.items() if v is not None}
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"
