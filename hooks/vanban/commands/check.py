"""`vanban check [ĐƯỜNG_DẪN…]`: the build's validation without building."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from vanban.editing.checking import check


def register(subparsers) -> None:
    cmd = subparsers.add_parser(
        "check", help="kiểm tra văn bản như khi dựng trang, không dựng",
        description="Kiểm tra các tệp văn bản đúng như khi dựng trang: mọi lỗi của mọi tệp, "
                    "kèm tệp, dòng, trường và ví dụ đúng; cảnh báo dẫn chiếu không tìm thấy.")
    cmd.add_argument("paths", nargs="*", type=Path, metavar="ĐƯỜNG_DẪN",
                     help="tệp hoặc thư mục cần kiểm tra (mặc định: plans/)")
    cmd.add_argument("--format", choices=("text", "json"), default="text",
                     help="json: một mảng các lỗi, cho chú thích trong CI")
    cmd.set_defaults(run=run)


def run(args) -> int:
    paths = args.paths or [Path("plans")]
    missing = [p for p in paths if not p.exists()]
    if missing:
        for path in missing:
            print(f"Không tìm thấy {path}.", file=sys.stderr)
        return 2
    report = check(paths)
    for note in report.notes:
        print(f"Lưu ý: {note}", file=sys.stderr)
    if args.format == "json":
        json.dump([p.as_dict() for p in report.problems], sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for problem in report.problems:
            print(problem.format())
        remarks = f", {report.remarks} lưu ý" if report.remarks else ""
        print(f"Đã kiểm tra {report.files} tệp: {report.errors} lỗi, {report.warnings} cảnh báo{remarks}.")
    return 1 if report.errors else 0
