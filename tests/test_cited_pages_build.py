"""The real MkDocs build with citations of unknown and held-back documents:
strict mode stays warning-free, every cited page exists, and a held-back
document is never named anywhere on the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build_project
from plan_factory import plan

ROOT = Path(__file__).resolve().parent.parent
HELD_TITLE = "Phương án nội bộ chưa công bố"
PLANS = {
    "2023/114-kh-duk.md": (ROOT / "plans" / "2023" / "114-kh-duk.md").read_text(encoding="utf-8"),
    "2023/115-kh-duk.md": plan(
        "Thực hiện Kế hoạch số 114-KH/ĐUK và Kế hoạch số 91-KH/ĐUK, ngày 02/3/2023 của Ban Thường vụ "
        "Đảng ủy Khối; Kết luận số 01-KL/TU, ngày 02/3/2022 của Tỉnh ủy Trà Vinh.",
        so_hieu="115-KH/ĐUK", can_cu=["Chỉ thị số 06-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy"],
    ),
    "2023/91-kh-duk.md": plan("Nội dung nội bộ.", so_hieu="91-KH/ĐUK", ngay_ban_hanh="2023-03-02",
                              trich_yeu=HELD_TITLE, noi_nhan=["Lưu VP"]),
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    result = build_project(tmp_path_factory.mktemp("cited-build"), PLANS)
    assert result.returncode == 0, result.output
    return result


def test_strict_build_has_no_warning(built):
    assert "WARNING" not in built.output


def test_every_cited_document_has_a_page(built):
    for page in ("van-ban/dan-chieu/ket-luan-01-kl-tu-tra-vinh-2022", "van-ban/dan-chieu/ke-hoach-91-kh-duk-2023",
                 "van-ban/dan-chieu/chi-thi-06-ct-tu-2021", "van-ban/dan-chieu/loai/ket-luan", "van-ban/dan-chieu"):
        assert (built.site / page / "index.html").exists(), page
    html = built.html("van-ban/2023/115-kh-duk/index.html")
    assert '<a class="vb-dan-chieu" href="../114-kh-duk/">Kế hoạch số <span class="vb-so-hieu">114-KH/ĐUK</span></a>' in html
    assert '<a class="vb-dan-chieu" href="../../dan-chieu/ke-hoach-91-kh-duk-2023/">Kế hoạch số <span class="vb-so-hieu">91-KH/ĐUK</span></a>' in html


def test_a_held_back_document_is_never_named_on_any_page(built):
    for path in built.site.rglob("*"):
        if path.is_file() and path.suffix in (".html", ".xml", ".json", ".txt", ".ics", ".csv", ".md"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert HELD_TITLE not in text, path
            assert "2023/91-kh-duk" not in text, path
    page = built.html("van-ban/dan-chieu/ke-hoach-91-kh-duk-2023/index.html")
    assert "Chưa có trong danh mục" in page
