"""What an editor should know about a valid document before sending it:
that it will not be published (and why), or that its date looks mistyped.

These are not faults of the file: the build neither fails nor warns on them
(a held-back document is a normal thing, and "today" differs from one build to
the next). `vanban check` and `vanban new` announce them.
"""

from __future__ import annotations

import datetime as dt
import re

from vanban.model import dates, schema
from vanban.model.documents import Document, is_website_line
from vanban.model.problems import NOTE, WARNING, Problem
from vanban.model.text import fold

ACCEPTED = ("Đăng Website", "Đăng trang thông tin điện tử")  # what the guide and the messages suggest
# A recipient line that speaks of the website without being the line that
# asks for publication ("Đưa lên Website", "Cổng thông tin điện tử", "Website").
_NEAR = re.compile(r"\b(?:web\s*site|web|trang\s+(?:thong\s+tin|tin|web)|cong\s+thong\s+tin|dien\s+tu|internet)\b")

# The earliest day a document can have been issued by each system: the
# Communist Party of Vietnam was founded on 3 February 1930, the state on
# 2 September 1945. Issuing bodies are free text, so no finer table is kept:
# a date before these is certainly mistyped, later ones are left to the editor.
FOUNDED = {
    "party": (dt.date(1930, 2, 3), "ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930)"),
    "state": (dt.date(1945, 9, 2), "ngày thành lập nước Việt Nam Dân chủ Cộng hòa (02/9/1945)"),
}


def for_document(doc: Document, today: dt.date | None = None, body: bool = True) -> list[Problem]:
    """`body=False` for a file just made from the frame, whose "…" are expected."""
    found = [publication(doc), issue_date(doc, today or dates.today()), unfilled(doc) if body else None]
    return [p for p in found if p is not None]


GAP = "…"  # what `vanban new` leaves in the body for the editor to write


def unfilled(doc: Document) -> Problem | None:
    """A body still holding the "…" lines of `vanban new`'s frame: published
    as it is, the page would show them."""
    gaps = [index for index, line in enumerate(doc.body.split("\n"))
            if line.strip() == GAP or line.rstrip().endswith(" " + GAP)]
    if not gaps:
        return None
    line = doc.body_line + gaps[0]
    more = f" (và {len(gaps) - 1} dòng khác)" if len(gaps) > 1 else ""
    return Problem(doc.path, line, "nội dung",
                   f"Nội dung còn dấu “{GAP}” của khung văn bản ở dòng {line}{more}: chưa thay bằng nội dung bản gốc.",
                   "nội dung văn bản như bản gốc thay cho mỗi dấu …", severity=WARNING)


def publication(doc: Document) -> Problem | None:
    flag = doc.meta.get("publish")
    line = doc.lines.get("noi_nhan", 2)
    if flag is False:
        asked = any(is_website_line(r) for r in doc.recipients)
        return Problem(doc.path, doc.lines.get("publish", 2), "publish",
                       "Văn bản được giữ lại, không đăng lên trang, vì có dòng publish: false"
                       + (" (dù Nơi nhận có dòng “Đăng Website”)." if asked else "."),
                       "xóa dòng publish: false nếu muốn đăng", severity=NOTE)
    if doc.published:
        return None
    accepted = " hoặc ".join(f"“{a}”" for a in ACCEPTED)
    if not doc.recipients:
        return Problem(doc.path, line, "noi_nhan",
                       "Văn bản sẽ KHÔNG được đăng lên trang: không có Nơi nhận (noi_nhan), nên không có dòng "
                       "“Đăng Website”.",
                       f"Nơi nhận như bản gốc, có dòng {accepted} nếu bản gốc có; nếu văn bản không đăng "
                       "thì để nguyên", schema.block("noi_nhan", ("Các chi ủy, đảng ủy cơ sở", "Đăng Website")),
                       severity=WARNING)
    near = [r for r in doc.recipients if _NEAR.search(fold(r))]
    if near:
        fixed = tuple("Đăng Website" if r == near[0] else r for r in doc.recipients)
        return Problem(doc.path, line, "noi_nhan",
                       f"Văn bản sẽ KHÔNG được đăng lên trang: Nơi nhận có dòng “{near[0]}”, không phải cách ghi "
                       "cho phép đăng. Có phải bản gốc ghi “Đăng Website”?",
                       f"dòng {accepted} nếu bản gốc cho đăng lên trang; nếu không đăng thì để nguyên",
                       schema.block("noi_nhan", fixed), severity=WARNING)
    return Problem(doc.path, line, "noi_nhan",
                   "Văn bản sẽ KHÔNG được đăng lên trang: Nơi nhận không có dòng “Đăng Website”.",
                   f"thêm dòng {accepted} nếu bản gốc có, hoặc publish: true; nếu văn bản không đăng thì để nguyên",
                   schema.block("noi_nhan", (*doc.recipients, "Đăng Website")), severity=WARNING)


def issue_date(doc: Document, today: dt.date) -> Problem | None:
    date = doc.date
    line = doc.lines.get("ngay_ban_hanh", doc.lines.get("nam", 2))
    field = "ngay_ban_hanh" if doc.date is not None else "nam"
    if date is None:
        date = dates.PartialDate(doc.year)
    if date.as_date() > today:
        return Problem(doc.path, line, field,
                       f"Ngày ban hành ({date.vietnamese()}) ở sau hôm nay ({today:%d/%m/%Y}): có gõ nhầm năm không?",
                       "ngày ban hành như trên bản gốc", schema.BY_KEY[field].yaml, severity=WARNING)
    floor, what = FOUNDED[doc.number.system] if doc.number.system in FOUNDED else (None, "")
    if floor is not None and dates.latest_day(date) < floor:
        return Problem(doc.path, line, field,
                       f"Ngày ban hành ({date.vietnamese()}) ở trước {what}: có gõ nhầm năm không?",
                       "ngày ban hành như trên bản gốc", schema.BY_KEY[field].yaml, severity=WARNING)
    return None
