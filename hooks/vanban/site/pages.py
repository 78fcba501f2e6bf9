"""A published document's page, as Markdown text for the site generator."""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from vanban.model import dates
from vanban.model.documents import Document
from vanban.model.markup import neutralize_html, page, render, unbroken


@dataclass
class PageParts:
    """What other parts of the core add to a document page."""

    body: str | None = None  # the body with citations linked; the plain body if None
    sections: list[str] = field(default_factory=list)  # Markdown sections after the signature
    panel: list[tuple[str, Markup]] = field(default_factory=list)  # extra rows of Thuộc tính: (label, HTML)
    actions: list[Markup] = field(default_factory=list)  # buttons and links under the title
    notices: list[str] = field(default_factory=list)  # Markdown blocks above the body: status, correction
    status: Markup | None = None  # the "Trạng thái" row as HTML, with its source (site/standing.py)


def place_date(doc: Document) -> str:
    place = doc.meta.get("dia_danh")
    if doc.date is None:
        return f"{place}, ngày ban hành: {dates.UNKNOWN}" if place else f"Ngày ban hành: {dates.UNKNOWN}"
    line = doc.date.long_form()
    return f"{place}, {line}" if place else line[0].upper() + line[1:]


def panel_rows(doc: Document) -> list[tuple[str, Markup]]:
    """The rows of the "Thuộc tính" panel from the front matter: (label, value
    as HTML, escaped, its numbers kept whole), for the raw HTML table."""
    meta = doc.meta
    unknown = unbroken(dates.UNKNOWN)
    signer = " ".join(filter(None, [meta.get("tham_quyen_ky"), meta.get("thay_mat")]))
    rows = [
        ("Số hiệu", unbroken(doc.number.canonical)),
        ("Loại văn bản", unbroken(doc.doctype.name)),
        ("Cơ quan ban hành", unbroken(doc.issuer_body)),
        ("Cơ quan cấp trên", unbroken(meta["co_quan_cap_tren"]) if meta.get("co_quan_cap_tren") else unknown),
        ("Ngày ban hành", unbroken(dates.display(doc.date))),
        ("Năm", unbroken(doc.year)),
        ("Người ký", unbroken(meta["nguoi_ky"]) if meta.get("nguoi_ky") else unknown),
        ("Chức vụ", unbroken(meta["chuc_vu"]) if meta.get("chuc_vu") else unknown),
        ("Thẩm quyền ký", unbroken(signer) if signer else unbroken("Ký trực tiếp hoặc chưa rõ")),
        ("Trạng thái", unbroken(meta["trang_thai"]) if meta.get("trang_thai") else unknown),
    ]
    for key, label in (("chu_de", "Chủ đề"), ("phuong_cham", "Phương châm")):
        if meta.get(key):
            rows.append((label, unbroken(meta[key])))
    if meta.get("tags"):
        rows.append(("Từ khóa", unbroken(", ".join(meta["tags"]))))
    return rows


def _with_status(rows: list[tuple[str, Markup]], status: Markup | None) -> list[tuple[str, Markup]]:
    """The status worked out from the documents and the registry replaces the
    editor's own word; "Đang thực hiện"/"Đã hoàn thành" (how a plan is carried
    out, not whether it stands) keep a row of their own."""
    if status is None:
        return rows
    out = []
    for label, value in rows:
        if label == "Trạng thái":
            out.append((label, status))
            if str(value) in ("Đang thực hiện", "Đã hoàn thành"):
                out.append(("Tình hình thực hiện", value))
            continue
        out.append((label, value))
    return out


def document_page(doc: Document, identity: dict, parts: PageParts | None = None) -> str:
    parts = parts or PageParts()
    body = parts.body if parts.body is not None else neutralize_html(doc.body)
    content = render(
        "document.md",
        doc=doc,
        superior=doc.meta.get("co_quan_cap_tren"),
        place_date=place_date(doc),
        body=Markup(body.strip()),
        sections=Markup("\n\n".join(parts.sections)),
        notices=Markup("\n\n".join(parts.notices)),
        panel=_with_status(panel_rows(doc), parts.status) + parts.panel,
        actions=parts.actions,
    )
    meta = {
        "title": f"{doc.heading}: {doc.title}",
        "description": f"{doc.heading} của {doc.issuer_body}: {doc.title}",
        "vanban": {"so_hieu": doc.number.canonical, "loai": doc.doctype.name},
        # The site nav would squeeze the document between two sidebars and the panel.
        "hide": ["navigation"],
    }
    return page(meta, content)
