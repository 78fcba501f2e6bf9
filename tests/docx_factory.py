"""Word files in the official layouts, built with python-docx for the import tests.

Each layout is a list of parts; the builder writes them as an office would:
a two-column header table, the type in capitals and the trích yếu, the body,
then Nơi nhận and the signature side by side.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH


@dataclass
class Layout:
    left: list[tuple[str, bool]]  # header left column: (text, bold)
    right: list[tuple[str, bool, bool]]  # header right column: (text, bold, italic)
    title: str  # type in capitals
    summary: str  # trích yếu
    body: list[tuple[str, str]]  # (kind, text): p, heading, bold-heading, bullet, number, table
    recipients: list[str] = field(default_factory=list)
    signature: list[tuple[str, bool]] = field(default_factory=list)  # (text, bold)
    header_table: bool = True
    signature_table: bool = True


def _para(container, text: str, bold: bool = False, italic: bool = False, center: bool = False):
    paragraph = container.add_paragraph()
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    if center:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph


def _cell(cell, lines) -> None:
    cell.paragraphs[0]._element.getparent().remove(cell.paragraphs[0]._element)
    for text, *style in lines:
        _para(cell, text, *style, center=True)


def _body(document, body) -> None:
    for kind, content in body:
        if kind == "heading":
            document.add_heading(content, level=2)
        elif kind == "bold-heading":
            _para(document, content, bold=True)
        elif kind == "bullet":
            document.add_paragraph(content, style="List Bullet")
        elif kind == "number":
            document.add_paragraph(content, style="List Number")
        elif kind == "mixed":  # "lead|bold part|italic part"
            lead, strong, emphasis = content.split("|")
            paragraph = document.add_paragraph(lead)
            paragraph.add_run(strong).bold = True
            paragraph.add_run(emphasis).italic = True
        elif kind == "table":
            rows = [row.split("|") for row in content.split("\n")]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
        else:
            document.add_paragraph(content)


def build(layout: Layout, path: Path) -> Path:
    document = docx.Document()
    if layout.header_table:
        table = document.add_table(rows=1, cols=2)
        _cell(table.cell(0, 0), layout.left)
        _cell(table.cell(0, 1), layout.right)
    else:
        for text, bold in layout.left:
            _para(document, text, bold)
        for text, bold, italic in layout.right:
            _para(document, text, bold, italic)
    _para(document, layout.title, bold=True, center=True)
    _para(document, layout.summary, bold=True, center=True)
    _body(document, layout.body)
    recipients = [("Nơi nhận:", True, True)] + [(f"- {r};", False) for r in layout.recipients]
    if layout.signature_table:
        table = document.add_table(rows=1, cols=2)
        _cell(table.cell(0, 0), recipients)
        _cell(table.cell(0, 1), layout.signature)
    else:
        for text, *style in recipients + layout.signature:
            _para(document, text, *style)
    document.save(path)
    return path


PARTY_PLAN = Layout(
    left=[("ĐẢNG BỘ TỈNH BẾN TRE", False), ("ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH", True),
          ("*", False), ("Số 120-KH/ĐUK", False)],
    right=[("ĐẢNG CỘNG SẢN VIỆT NAM", True, False), ("Bến Tre, ngày 15 tháng 5 năm 2023", False, True)],
    title="KẾ HOẠCH",
    summary="Tổ chức hội nghị học tập chuyên đề năm 2023",
    body=[
        ("p", "Thực hiện Kế hoạch số 45-KH/TU, ngày 10/3/2023 của Ban Thường vụ Tỉnh ủy về học tập chuyên đề, "
              "Ban Thường vụ Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh ban hành kế hoạch như sau:"),
        ("bold-heading", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("number", "Nâng cao nhận thức của cán bộ, đảng viên."),
        ("number", "Bảo đảm nghiêm túc, thiết thực."),
        ("bold-heading", "II. NỘI DUNG"),
        ("mixed", "Hội nghị học tập |chuyên đề năm 2023| theo hình thức trực tiếp."),
        ("table", "Thời gian|Nội dung\nSáng 20/5|Khai mạc"),
        ("bold-heading", "III. TỔ CHỨC THỰC HIỆN"),
        ("p", "1. Các chi ủy, đảng ủy cơ sở tổ chức học tập đầy đủ. Hoàn thành trong tháng 6/2023."),
        ("bullet", "Văn phòng Đảng ủy Khối chuẩn bị hội trường."),
    ],
    recipients=["Ban Tuyên giáo Tỉnh ủy", "Các chi ủy, đảng ủy cơ sở", "Đăng Website", "Lưu VP"],
    signature=[("T/M BAN THƯỜNG VỤ", True), ("BÍ THƯ", True), ("(Đã ký)", False), ("Nguyễn Văn An", True)],
)

STATE_DECISION = Layout(
    left=[("ỦY BAN NHÂN DÂN", True), ("TỈNH BẾN TRE", True), ("Số: 123/QĐ-UBND", False)],
    right=[("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True, False), ("Độc lập - Tự do - Hạnh phúc", True, False),
           ("Bến Tre, ngày 05 tháng 02 năm 2024", False, True)],
    title="QUYẾT ĐỊNH",
    summary="Về việc thành lập Tổ công tác cải cách hành chính",
    body=[
        ("bold-heading", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẾN TRE"),
        ("p", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"),
        ("p", "Theo đề nghị của Giám đốc Sở Nội vụ."),
        ("bold-heading", "QUYẾT ĐỊNH:"),
        ("mixed", "Điều 1. |Thành lập Tổ công tác| cải cách hành chính của Ủy ban nhân dân tỉnh Bến Tre."),
        ("p", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
    ],
    recipients=["Như Điều 2", "Chủ tịch, các Phó Chủ tịch UBND tỉnh", "Cổng thông tin điện tử tỉnh",
                "Đăng Website", "Lưu: VT"],
    signature=[("KT. CHỦ TỊCH", True), ("PHÓ CHỦ TỊCH", True), ("Trần Thị Bình", True)],
)

NO_HEADER_TABLE = Layout(
    left=[("ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH", True), ("*", False), ("Số 15-TB/ĐUK", False)],
    right=[("ĐẢNG CỘNG SẢN VIỆT NAM", True, False), ("Bến Tre, ngày 03 tháng 7 năm 2023", False, True)],
    title="THÔNG BÁO",
    summary="Kết luận của Ban Thường vụ về công tác quý II năm 2023",
    body=[
        ("p", "Ngày 30/6/2023, Ban Thường vụ Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh họp đánh giá công tác quý II."),
        ("heading", "I. KẾT QUẢ"),
        ("p", "Các chi ủy, đảng ủy cơ sở hoàn thành nhiệm vụ."),
    ],
    recipients=["Các chi ủy, đảng ủy cơ sở", "Đăng Website", "Lưu VP"],
    signature=[("T/L BAN THƯỜNG VỤ", True), ("CHÁNH VĂN PHÒNG", True), ("Lê Văn Cường", True)],
    header_table=False,
    signature_table=False,
)

# A Youth Union plan: the union's own title line where a Party document has
# "ĐẢNG CỘNG SẢN VIỆT NAM", the superior union above the issuing committee.
YOUTH_PLAN = Layout(
    left=[("BCH ĐOÀN TỈNH BẾN TRE", False), ("BCH ĐOÀN KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH", True),
          ("*", False), ("Số 12-KH/ĐTN", False)],
    right=[("ĐOÀN TNCS HỒ CHÍ MINH", True, False), ("Bến Tre, ngày 20 tháng 4 năm 2023", False, True)],
    title="KẾ HOẠCH",
    summary="Nâng cao chất lượng công tác giám sát, phản biện xã hội năm 2023",
    body=[
        ("p", "Thực hiện Kế hoạch số 114-KH/ĐUK của Ban Thường vụ Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh về "
              "công tác dân vận năm 2023, Ban Thường vụ Đoàn Khối xây dựng kế hoạch như sau:"),
        ("bold-heading", "I. MỤC ĐÍCH, YÊU CẦU"),
        ("number", "Nâng cao chất lượng giám sát, phản biện xã hội của đoàn viên."),
    ],
    recipients=["Ban Thường vụ Đảng ủy Khối", "Các chi đoàn, đoàn cơ sở", "Đăng Website", "Lưu VP"],
    signature=[("TM. BAN THƯỜNG VỤ", True), ("BÍ THƯ", True), ("Nguyễn Thị Bích", True)],
)
