"""`vanban gates [THƯ_MỤC]`: the quality gates on a built site, before publishing."""

from __future__ import annotations

import sys
from pathlib import Path

from vanban.gates.checks import check


def register(subparsers) -> None:
    cmd = subparsers.add_parser(
        "gates", help="kiểm tra trang đã dựng trước khi xuất bản",
        description="Kiểm tra trang đã dựng (mkdocs build): liên kết và neo nội bộ, lang=\"vi\", tiêu đề, "
                    "mô tả, địa chỉ chính tắc, HTML hợp lệ (trình kiểm tra Nu) và không tải tài nguyên "
                    "từ máy chủ bên ngoài. Có lỗi thì thoát với mã khác 0: không xuất bản.")
    cmd.add_argument("site_dir", nargs="?", type=Path, default=Path("site"), metavar="THƯ_MỤC",
                     help="thư mục trang đã dựng (mặc định: site/)")
    cmd.add_argument("--site-url", metavar="ĐỊA_CHỈ",
                     help="địa chỉ gốc của trang (mặc định: địa chỉ chính tắc của trang chủ)")
    cmd.add_argument("--skip-validator", action="store_true",
                     help="bỏ qua trình kiểm tra HTML Nu (khi máy không có Java); CI luôn chạy nó")
    cmd.set_defaults(run=run)


def run(args) -> int:
    if not args.site_dir.is_dir():
        print(f"Không tìm thấy thư mục {args.site_dir}: chạy mkdocs build trước.", file=sys.stderr)
        return 2
    site, faults = check(args.site_dir, args.site_url, validator=not args.skip_validator)
    for fault in faults:
        print(fault.format())
    pages = len({f.page for f in faults})
    if faults:
        print(f"Không đạt: {len(faults)} lỗi ở {pages} trang (trong {len(site.pages)} trang). Không xuất bản.")
        return 1
    skipped = " (đã bỏ qua trình kiểm tra HTML)" if args.skip_validator else ""
    print(f"Đạt: {len(site.pages)} trang, địa chỉ gốc {site.base}{skipped}.")
    return 0
