"""A Word file (.docx) → the importer's paragraphs, through mammoth's HTML.

mammoth's own Markdown output escapes characters and drops tables, so the HTML
is walked here instead: the header table's cells become the header's left and
right columns, the table holding Nơi nhận and the signature becomes the
closing, any other table stays a Markdown table in the body.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
from dataclasses import dataclass, field
from html.parser import HTMLParser

import mammoth

from vanban.editing.importer import AUTHORITY, NUMBER_LINE, Para, _is_motto, _title_index
from vanban.model import limits
from vanban.model.text import fold

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old .doc alike
ZIP_SIGNATURE = b"PK\x03\x04"


class NotReadable(Exception):
    """The file cannot be read as a Word document; the message says why, in Vietnamese."""


def check_bytes(data: bytes, name: str) -> None:
    """NotReadable unless `data` is a sound .docx within the limits (model/limits.py).

    Everything is checked from the archive's table of contents before a byte is
    unpacked (the packed size, the table's own size, each part's and the total
    unpacked size, each part's compression ratio), then every part is unpacked
    once, in pieces: zipfile stops a part at its declared size, so a part whose
    header lies about its size ends in a CRC error, not in gigabytes."""
    if not data:
        raise NotReadable(f"{name}: tệp rỗng (0 byte), không có gì để nhập.")
    if data.startswith(OLE_SIGNATURE):
        raise NotReadable(f"{name}: tệp Word đã đặt mật khẩu (mã hóa) hoặc là tệp .doc cũ. "
                          "Mở bằng Word, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu) và lưu thành .docx rồi nhập lại.")
    if not data.startswith(ZIP_SIGNATURE):
        raise NotReadable(f"{name}: không phải tệp Word .docx. Trong Word chọn Lưu thành… > Tài liệu Word (.docx).")
    _limit(name, "tệp", len(data), limits.DOCX_BYTES)
    _limit(name, "mục lục của tệp nén", _directory_size(data), limits.DOCX_DIRECTORY_BYTES)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if "word/document.xml" not in {p.filename for p in parts}:
                raise NotReadable(f"{name}: tệp nén này không phải tài liệu Word (thiếu word/document.xml).")
            for part in parts:
                _limit(name, f"phần {part.filename} khi giải nén", part.file_size, limits.DOCX_PART_BYTES)
                ratio = part.file_size / max(part.compress_size, 1)
                if part.file_size > limits.DOCX_RATIO_FROM and ratio > limits.DOCX_RATIO:
                    raise NotReadable(f"{name}: phần {part.filename} nén {ratio:.0f} lần ({limits.size(part.compress_size)} "
                                      f"thành {limits.size(part.file_size)}), giới hạn là {limits.DOCX_RATIO} lần; "
                                      f"không giải nén. {_RESAVE}")
            _limit(name, "tổng các phần khi giải nén", sum(p.file_size for p in parts), limits.DOCX_TOTAL_BYTES)
            for part in parts:
                with archive.open(part) as stream:
                    while stream.read(1 << 20):
                        pass
    except NotReadable:
        raise
    except Exception as err:  # zipfile, zlib, lzma and bz2 raise many kinds on a broken archive
        raise NotReadable(f"{name}: tệp .docx bị hỏng hoặc bị cắt cụt ({type(err).__name__}). "
                          "Lấy lại bản đầy đủ từ người gửi.") from None


_RESAVE = "Mở bằng Word, lưu lại thành .docx rồi nhập lại; tệp rất lớn thì tách thành nhiều tệp."


def _limit(name: str, what: str, size: int, limit: int) -> None:
    if size > limit:
        raise NotReadable(f"{name}: {what} quá lớn ({limits.size(size)}), giới hạn là {limits.size(limit)}; "
                          f"không nhập. {_RESAVE}")


def _directory_size(data: bytes) -> int:
    """The size the archive's end record gives its table of contents, which
    zipfile reads whole into objects; 0 when there is no end record (zipfile
    then refuses the archive itself)."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - (1 << 16) - 22))
    if end < 0 or end + 22 > len(data):
        return 0
    size = struct.unpack_from("<I", data, end + 12)[0]
    return size if size != 0xFFFFFFFF else 1 << 32  # a ZIP64 table: never in a Word file


def paragraphs(data: bytes, name: str) -> tuple[list[Para], list[str]]:
    """The document's paragraphs and mammoth's warnings; NotReadable if it is not a sound .docx."""
    check_bytes(data, name)
    nested = NotReadable(f"{name}: nội dung tệp .docx lồng nhau quá sâu (bảng trong bảng…). {_RESAVE}")
    try:
        # Images are counted, never unpacked: none is carried into the document.
        result = mammoth.convert_to_html(io.BytesIO(data), convert_image=mammoth.images.img_element(lambda image: {}))
    except RecursionError:
        raise nested from None
    except Exception as err:  # mammoth raises many kinds on broken XML
        raise NotReadable(f"{name}: không đọc được nội dung tệp .docx ({type(err).__name__}). "
                          "Mở bằng Word và lưu lại thành .docx rồi nhập lại.") from None
    try:
        tree = _parse(result.value)
        paras = _Walker().walk(tree)
        images = len(_descendants(tree, "img", into_tables=True))
    except RecursionError:
        raise nested from None
    warnings = [m.message for m in result.messages]
    if images:
        warnings.append(f"{images} hình ảnh trong tệp Word không được chuyển; thêm lại bằng tay nếu cần.")
    return paras, warnings


# --- a small HTML tree ----------------------------------------------------------

@dataclass
class Node:
    tag: str
    attrs: dict = field(default_factory=dict)
    children: list = field(default_factory=list)  # Node or str


class _TreeBuilder(HTMLParser):
    VOID = {"br", "img", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, dict(attrs))
        self.stack[-1].children.append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def _parse(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# --- HTML → paragraphs -----------------------------------------------------------

_MD_ESCAPE = re.compile(r"([\\`*_\[\]<>|])")


def _text(node) -> str:
    if isinstance(node, str):
        return node
    if node.tag == "br":
        return "\n"
    return "".join(_text(c) for c in node.children)


def _inline(node) -> str:
    """Markdown of inline content; spaces stay outside the emphasis markers."""
    if isinstance(node, str):
        return _MD_ESCAPE.sub(r"\\\1", node)
    inner = "".join(_inline(c) for c in node.children)
    if node.tag == "br":
        return "\n"
    if node.tag in ("strong", "b", "em", "i"):
        mark = "**" if node.tag in ("strong", "b") else "*"
        stripped = inner.strip()
        if not stripped:
            return inner
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()):]
        return f"{lead}{mark}{stripped}{mark}{trail}"
    if node.tag == "a" and str(node.attrs.get("href", "")).startswith(("http://", "https://")):
        return f"[{inner}]({node.attrs['href']})"
    if node.tag == "img":
        return ""
    return inner


def _all_bold(node) -> bool:
    """Every letter of the node sits inside <strong>."""
    if isinstance(node, str):
        return not node.strip()
    if node.tag in ("strong", "b"):
        return True
    return all(_all_bold(c) for c in node.children)


class _Walker:
    def __init__(self):
        self.paras: list[Para] = []

    def walk(self, root: Node) -> list[Para]:
        for child in root.children:
            self._block(child, "")
        return self.paras

    def _block(self, node, zone: str) -> None:
        if isinstance(node, str):
            if node.strip():
                self._add(node, node, "p", False, zone)
            return
        tag = node.tag
        if tag == "p":
            self._paragraph(node, "p", zone)
        elif re.fullmatch(r"h[1-6]", tag):
            self._paragraph(node, "heading", zone)
        elif tag in ("ul", "ol"):
            self._list(node, zone)
        elif tag == "table":
            self._table(node, zone)
        else:
            for child in node.children:
                self._block(child, zone)

    def _paragraph(self, node: Node, kind: str, zone: str) -> None:
        # A <br> inside a paragraph (title and trích yếu on one line) makes two paragraphs.
        md_lines = _inline(node).split("\n")
        text_lines = _text(node).split("\n")
        bold = _all_bold(node)
        for md, text in zip(md_lines, text_lines, strict=False):
            self._add(md.strip().replace("****", ""), text, kind, bold, zone)

    def _add(self, md: str, text: str, kind: str, bold: bool, zone: str) -> None:
        text = " ".join(text.split())
        if not text:
            return
        self.paras.append(Para(md, text, kind, bold, zone))

    def _list(self, node: Node, zone: str) -> None:
        number = 0
        for item in node.children:
            if isinstance(item, Node) and item.tag == "li":
                number += 1
                nested = [c for c in item.children if isinstance(c, Node) and c.tag in ("ul", "ol")]
                own = Node("li", children=[c for c in item.children if c not in nested])
                md, text = " ".join(_inline(own).split()), " ".join(_text(own).split())
                if node.tag == "ol":
                    self._add(f"{number}. {md}", f"{number}. {text}", "number", False, zone)
                else:
                    self._add(md, text, "item", False, zone)
                for sub in nested:
                    self._list(sub, zone)

    def _table(self, node: Node, zone: str) -> None:
        rows = [[c for c in r.children if isinstance(c, Node) and c.tag in ("td", "th")]
                for r in _descendants(node, "tr")]
        texts = ["\n".join(_text(child) for child in c.children) for row in rows for c in row]
        role = self._role(texts)
        if role and rows and len(rows[0]) >= 2:
            names = ("left", "right") if role == "header" else ("sig-left", "sig-right")
            for row in rows:
                for index, cell in enumerate(row):
                    for child in cell.children:
                        self._block(child, names[min(index, 1)])
            return
        self.paras.append(_markdown_table(rows))

    def _role(self, texts: list[str]) -> str:
        lines = [" ".join(line.split()) for t in texts for line in t.split("\n")]
        if any(fold(t).startswith("noi nhan") or (t == t.upper() and AUTHORITY.match(t)) for t in lines):
            return "signature"
        if _title_index(self.paras) is None and any(_is_motto(t) or NUMBER_LINE.match(t) for t in lines):
            return "header"
        return ""


def _descendants(node: Node, tag: str, into_tables: bool = False) -> list[Node]:
    """Nodes of this tag below `node`; a nested table's rows are its own unless into_tables."""
    found = []
    for child in node.children:
        if isinstance(child, Node):
            if child.tag == tag:
                found.append(child)
            elif child.tag != "table" or into_tables:
                found.extend(_descendants(child, tag, into_tables))
    return found


def _markdown_table(rows: list[list[Node]]) -> Para:
    width = max((len(r) for r in rows), default=1)

    def cell(node: Node) -> str:
        return " ".join(_inline(node).split()) or " "

    lines = []
    for index, row in enumerate(rows):
        cells = [cell(c) for c in row] + [" "] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if index == 0:
            lines.append("|" + "---|" * width)
    text = " ".join(" ".join(_text(c).split()) for row in rows for c in row)
    return Para("\n".join(lines), text, "table")
