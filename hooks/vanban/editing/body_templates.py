"""The standard parts of each document type's body, for `vanban new`.

One table: the Markdown blocks a new document of the type starts with, section
headings (## …) and the fixed lines of the type (Căn cứ…, QUYẾT ĐỊNH:,
Điều 1.…); every "…" is for the editor to replace. Types not listed get an
opening paragraph only.
"""

from __future__ import annotations

GAP = "…"  # text for the editor to write


def _sections(*headings: str) -> tuple[str, ...]:
    """An opening paragraph, then each heading with its text."""
    blocks = [GAP]
    for heading in headings:
        blocks += [f"## {heading}", GAP]
    return tuple(blocks)


_PLAN = _sections("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN")
_RULES = ("## Chương I. QUY ĐỊNH CHUNG", "**Điều 1.** Phạm vi điều chỉnh", GAP, "**Điều 2.** Đối tượng áp dụng", GAP,
          "## Chương II. NỘI DUNG", "**Điều 3.** …", "## Chương III. TỔ CHỨC THỰC HIỆN", "**Điều 4.** …")

BLOCKS: dict[str, tuple[str, ...]] = {
    "Kế hoạch": _PLAN,
    "Chương trình": _PLAN,
    "Hướng dẫn": _sections("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG HƯỚNG DẪN", "III. TỔ CHỨC THỰC HIỆN"),
    "Báo cáo": _sections("I. KẾT QUẢ THỰC HIỆN", "II. HẠN CHẾ, NGUYÊN NHÂN",
                         "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "IV. ĐỀ XUẤT, KIẾN NGHỊ"),
    "Nghị quyết": _sections("I. TÌNH HÌNH", "II. MỤC TIÊU", "III. NHIỆM VỤ, GIẢI PHÁP", "IV. TỔ CHỨC THỰC HIỆN"),
    "Đề án": _sections("I. SỰ CẦN THIẾT", "II. MỤC TIÊU", "III. NỘI DUNG, GIẢI PHÁP", "IV. TỔ CHỨC THỰC HIỆN"),
    "Phương án": _sections("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG PHƯƠNG ÁN", "III. TỔ CHỨC THỰC HIỆN"),
    "Tờ trình": _sections("I. SỰ CẦN THIẾT", "II. NỘI DUNG ĐỀ NGHỊ", "III. KIẾN NGHỊ"),
    "Chỉ thị": (GAP, "**1.** …", "**2.** …", "**3.** Tổ chức thực hiện: …"),
    "Kết luận": (GAP, "**1.** …", "**2.** …", "**3.** …"),
    "Thông báo": (GAP, "**1.** …", "**2.** …"),
    "Quyết định": ("Căn cứ …;", "Theo đề nghị của ….", "**QUYẾT ĐỊNH:**", "**Điều 1.** …", "**Điều 2.** …",
                   "**Điều 3.** … chịu trách nhiệm thi hành Quyết định này."),
    "Quy chế": _RULES,
    "Quy định": _RULES,
}


def body(type_name: str) -> str:
    """The Markdown body a new document of this type starts with."""
    return "\n\n".join(BLOCKS.get(type_name, (GAP,))) + "\n"
