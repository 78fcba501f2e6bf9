"""The front-matter fields of a document: one table that validation, the
editor guide and the editor tools all read, so they never disagree."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from vanban.model import yamlsafe


@dataclass(frozen=True)
class Field:
    key: str  # the YAML key editors write
    label: str  # its Vietnamese name, as shown on the site
    kind: str  # text, list, date, year, bool, choice, tasks, original ({tep, sha256}), task_links
    required: bool
    # A correct value, shown in messages, the guide and `vanban new --help`:
    # the text as typed for one value; the items for a list (always written
    # one per line, "- " first: a one-line [a, b] splits any item with a comma);
    # the tasks, as mappings, for nhiem_vu.
    example: str | tuple
    help: str  # one sentence for the editor guide

    @property
    def yaml(self) -> str:
        """The example as the lines an editor types (block form for lists)."""
        return block(self.key, self.example)


SIGNING_AUTHORITIES = ("T/M", "K/T", "T/L", "TM.", "KT.", "TL.", "TUQ.", "Q.")
STATUSES = ("Còn hiệu lực", "Hết hiệu lực", "Đang thực hiện", "Đã hoàn thành", "Bị thay thế",
            "Hết hiệu lực một phần", "Ngưng hiệu lực")

FIELDS: tuple[Field, ...] = (
    Field("so_hieu", "Số hiệu", "text", True, "114-KH/ĐUK",
          "Số và ký hiệu văn bản như dòng “Số …” của bản gốc; được chuẩn hóa (Số 114 -KH/ĐUK → 114-KH/ĐUK)."),
    Field("loai", "Loại văn bản", "choice", True, "Kế hoạch",
          "Tên loại văn bản; phải khớp với mã loại trong số hiệu (KH là Kế hoạch, CT là Chỉ thị…)."),
    Field("trich_yeu", "Trích yếu", "text", True, "Thực hiện công tác dân vận năm 2023",
          "Trích yếu nội dung, dòng in đậm dưới tên loại văn bản."),
    Field("co_quan_ban_hanh", "Cơ quan ban hành", "text", True,
          "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh", "Cơ quan ban hành văn bản (cột trái của phần đầu)."),
    Field("co_quan_cap_tren", "Cơ quan cấp trên", "text", False, "Đảng bộ tỉnh Bến Tre",
          "Cơ quan cấp trên trực tiếp, dòng đầu của cột trái; bỏ trống nếu bản gốc không ghi."),
    Field("tieu_de", "Tiêu đề", "text", False, "ĐOÀN TNCS HỒ CHÍ MINH",
          "Dòng tiêu đề ở cột phải phần đầu khi không phải “ĐẢNG CỘNG SẢN VIỆT NAM” hay Quốc hiệu "
          "(văn bản của Đoàn, Hội…); bỏ trống với văn bản của Đảng và Nhà nước."),
    Field("ngay_ban_hanh", "Ngày ban hành", "date", False, "2023-04-20",
          "Ngày ban hành; có thể chỉ ghi tháng (4/2023) hoặc năm (2023); bỏ trống nếu bản gốc không ghi, trang sẽ ghi “chưa rõ”."),
    Field("nam", "Năm", "year", False, "2023",
          "Năm của văn bản, dùng cho đường dẫn khi không có ngày ban hành; nếu có cả hai thì phải trùng năm."),
    Field("dia_danh", "Địa danh", "text", False, "Bến Tre",
          "Địa danh ở dòng “…, ngày … tháng … năm …”; bỏ trống nếu bản gốc không ghi."),
    Field("nguoi_ky", "Người ký", "text", False, "Phạm Hữu Dự", "Họ tên người ký."),
    Field("chuc_vu", "Chức vụ", "text", False, "Phó Bí thư", "Chức vụ của người ký, dòng trên họ tên."),
    Field("tham_quyen_ky", "Thẩm quyền ký", "choice", False, "T/M",
          "T/M (thay mặt), K/T (ký thay), T/L (thừa lệnh) với văn bản của Đảng; TM., KT., TL., TUQ., Q. với văn bản nhà nước; bỏ trống nếu ký trực tiếp."),
    Field("thay_mat", "Ký thay mặt", "text", False, "Ban Thường vụ",
          "Tập thể hoặc người đứng đầu được ký thay, ghi sau thẩm quyền ký (T/M BAN THƯỜNG VỤ)."),
    Field("chu_de", "Chủ đề", "text", False, "Đẩy mạnh và nâng cao chất lượng công tác tuyên truyền, vận động",
          "Chủ đề của năm hoặc của văn bản, nếu văn bản nêu."),
    Field("phuong_cham", "Phương châm", "text", False, "Thực chất - Hiệu quả - Hướng về cơ sở",
          "Phương châm, nếu văn bản nêu."),
    Field("noi_nhan", "Nơi nhận", "list", False, ("Ban Dân vận Tỉnh ủy", "Các chi ủy, đảng ủy cơ sở", "Đăng Website"),
          "Danh sách nơi nhận, mỗi dòng một nơi; dòng “Đăng Website” cho phép đăng văn bản lên trang."),
    Field("tags", "Từ khóa", "list", False, ("dân vận", "dân chủ cơ sở"), "Từ khóa để tra cứu."),
    Field("trang_thai", "Trạng thái", "choice", False, "Đang thực hiện",
          "Một trong: " + ", ".join(STATUSES) + "; bỏ trống nếu chưa rõ. Chỉ ghi khi cơ quan ban hành biết chắc: "
          "trang ghi “Còn hiệu lực” chỉ khi có nguồn; văn bản trên trang thay thế, bãi bỏ văn bản này thì trang tự ghi."),
    Field("can_cu", "Căn cứ", "list", False, ("Quy định số 218-QĐ/TW của Bộ Chính trị",),
          "Các văn bản làm căn cứ ban hành, ghi như khi trích dẫn (loại, số hiệu, ngày, cơ quan)."),
    Field("thuc_hien", "Thực hiện", "list", False,
          ("Chương trình số 36-CTr/TU, ngày 27/02/2023 của Ban Thường vụ Tỉnh ủy",),
          "Các văn bản mà văn bản này triển khai thực hiện, ghi như khi trích dẫn."),
    Field("thay_the", "Thay thế", "list", False,
          ("Quy chế số 09-QC/ĐUK, ngày 25/11/2022 của Ban Thường vụ Đảng ủy Khối",),
          "Các văn bản mà văn bản này thay thế; trang của chúng ghi “Bị thay thế bởi” văn bản này. "
          "Thường không cần ghi: trang đọc được câu “… thay thế Quy chế số …” trong nội dung; ghi ở đây khi câu không rõ."),
    Field("bai_bo", "Bãi bỏ", "list", False, ("Quyết định số 12-QĐ/ĐUK, ngày 01/3/2021 của Ban Thường vụ Đảng ủy Khối",),
          "Các văn bản mà văn bản này bãi bỏ toàn bộ, ghi như khi trích dẫn."),
    Field("bai_bo_mot_phan", "Bãi bỏ một phần", "list", False,
          ("Điều 5 Quyết định số 12-QĐ/ĐUK, ngày 01/3/2021 của Ban Thường vụ Đảng ủy Khối",),
          "Các văn bản mà văn bản này bãi bỏ một phần (ghi cả điều, khoản bị bãi bỏ)."),
    Field("sua_doi_bo_sung", "Sửa đổi, bổ sung", "list", False,
          ("Quy định số 05-QĐ/ĐUK, ngày 10/01/2022 của Ban Thường vụ Đảng ủy Khối",),
          "Các văn bản mà văn bản này sửa đổi, bổ sung."),
    Field("huong_dan", "Hướng dẫn", "list", False, ("Quy định số 05-QĐ/ĐUK, ngày 10/01/2022 của Ban Thường vụ Đảng ủy Khối",),
          "Các văn bản mà văn bản này hướng dẫn thực hiện."),
    Field("dan_chieu", "Chỉ dẫn chiếu", "list", False, ("Quy chế số 09-QC/ĐUK",),
          "Các văn bản nội dung có nhắc tới nhưng không thay thế, bãi bỏ hay sửa đổi: ghi ở đây khi trang đọc nhầm "
          "câu trong nội dung (ví dụ “đề nghị thay thế Quy chế số …” chưa phải là thay thế)."),
    Field("dinh_chinh", "Đính chính", "text", False,
          "Ngày 15/5/2023 đính chính: tại mục II.2, “tháng 5” sửa thành “tháng 6”.",
          "Thông báo đính chính của cơ quan ban hành, hiện ở đầu trang văn bản; nội dung sửa vẫn ghi trong phần Lịch sử."),
    Field("ban_goc", "Bản gốc có chữ ký", "original", False,
          "{tep: goc/114-KH-DUK.pdf, sha256: 3f5a…(64 chữ số hệ 16)}",
          "Bản quét văn bản có chữ ký, lưu trong kho (thư mục goc/): đường dẫn tệp (tep) và mã SHA-256 của tệp "
          "(sha256); lệnh vanban import ghi sẵn mã này, lệnh vanban check báo lỗi nếu tệp thiếu hoặc mã không khớp."),
    Field("nhiem_vu", "Nhiệm vụ", "tasks", False,
          ({"noi_dung": "Cụ thể thành kế hoạch công tác dân vận để thực hiện",
            "don_vi": ("Các chi ủy, đảng ủy cơ sở", "Ban Thường vụ Đoàn Khối"), "han": "4/2023"},),
          "Các nhiệm vụ văn bản giao: nội dung (noi_dung), đơn vị thực hiện (don_vi), thời hạn (han)."),
    Field("thuc_hien_nhiem_vu", "Thực hiện nhiệm vụ", "task_links", False,
          ({"van_ban": "114-KH/ĐUK", "nhiem_vu": 2},),
          "Nhiệm vụ của văn bản khác mà văn bản này thực hiện: số hiệu văn bản giao (van_ban), số thứ tự nhiệm vụ "
          "(nhiem_vu, một số hoặc danh sách), đơn vị (don_vi) nếu nhiệm vụ giao cho nhiều đơn vị; "
          "bỏ trống thì trang tự xếp theo đơn vị ban hành và trích yếu."),
    Field("publish", "Đăng website", "bool", False, "true",
          "true để đăng dù Nơi nhận không có dòng “Đăng Website”; false để giữ lại dù có."),
    Field("ghi_chu", "Ghi chú biên tập", "text", False,
          "Bản gốc không ghi ngày ban hành; năm 2023 lấy từ trích yếu",
          "Ghi chú của người biên tập về nguồn của thông tin (ví dụ năm lấy từ đâu); không đăng lên trang."),
)

BY_KEY = {f.key: f for f in FIELDS}
TASK_KEYS = ("noi_dung", "don_vi", "han")
TASK_LINK_KEYS = ("van_ban", "nhiem_vu", "don_vi")


def block(key: str, value, indent: str = "") -> str:
    """`key: value` as an editor types it: lists one item a line after "- ",
    a task's fields under its "- " aligned with the first one."""
    if isinstance(value, tuple | list):
        lines = [f"{indent}{key}:"]
        for item in value:
            if isinstance(item, dict):
                inner = [block(k, v, indent + "    ") for k, v in item.items()]
                first = inner[0][len(indent) + 4:]
                lines.append(f"{indent}  - {first}")
                lines.extend(inner[1:])
            else:
                lines.append(f"{indent}  - {item}")
        return "\n".join(lines)
    return f"{indent}{key}: {typed(value)}"


def typed(value: str) -> str:
    """A one-line value as it must be typed to read back as itself: in double
    quotes when plain text would not ("đính chính: tại mục…" has a colon)."""
    text = str(value)
    try:
        read = yamlsafe.load(f"k: {text}", "")[1]
        # A date, a number or true reads as itself in its own type: as typed.
        plain = isinstance(read, dict) and list(read) == ["k"] and (
            read["k"] == text or not isinstance(read["k"], str | dict | list))
    except (yaml.YAMLError, yamlsafe.Refused):
        plain = False
    if plain or not isinstance(value, str) or text.startswith("{"):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
