"""A document laid out as Vietnamese offices lay it out, turned into a document file.

The readers (importer_docx for Word, importer_text for Markdown or plain text)
turn the source into a list of Paras; this module finds the parts of the
official layout in them and reads the front matter from those parts:

- header (before the type line): the bodies of the left column (superior in
  plain capitals, issuer in bold capitals; or, without bold, a second line that
  starts with TỈNH/HUYỆN… continues the first), ``*``, ``Số …``, the motto and
  the place-and-date line of the right column; a mass organisation's own title
  line there ("ĐOÀN TNCS HỒ CHÍ MINH", or any line in capitals of the right
  column) goes to ``tieu_de``, never into the issuer's name;
- the type in capitals (KẾ HOẠCH) and the next paragraph, the trích yếu; a
  công văn has no type line, its trích yếu is the "V/v …" line under the number;
- the closing, from ``Nơi nhận:`` or a signing-authority line (T/M, KT.…):
  recipients, then authority, position (capitals), and the signer's name (the
  last line not in capitals); ``(Đã ký)`` and the like are skipped;
- the body in between, as Markdown.

Heuristics for the fields a layout does not hold, each reported in the notes:

- ``nam``: the date's year; else ``--nam``; else "năm 2023" in the trích yếu;
  else the year of a State normative number. A date is never invented.
- ``co_quan_ban_hanh`` without a header: "Ban Thường vụ <cơ quan> đề ra /
  ban hành…" in the opening paragraph.
- ``thuc_hien`` / ``can_cu``: the opening paragraphs "Thực hiện <loại> số …,
  ngày … của …" (cut before "về …") and "Căn cứ …;".
- ``chu_de`` / ``phuong_cham``: the quoted text after "chủ đề:" and
  "phương châm:" in the opening paragraphs.
- ``nhiem_vu``: items of the section TỔ CHỨC THỰC HIỆN that carry a deadline
  ("Hoàn thành trong tháng 4/2023"): the units are the words before the first
  action verb (split on "và"), the task is the rest.
- Names written in capitals take the spelling the body uses for them; else
  sentence case with the usual capitals of titles (Bí thư, Ban Thường vụ),
  place names (tỉnh Bến Tre), mass organisations (Đoàn, Công đoàn Viên chức,
  Liên đoàn Lao động, Hội Cựu chiến binh), a bloc's name (Khối Cơ quan -
  Doanh nghiệp) and abbreviations (BCH, TNCS, LĐLĐ, UBND).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from vanban.model import doctypes, markup, numbers, schema
from vanban.model.text import clean, fold, normalize_tones


@dataclass
class Para:
    md: str  # Markdown of the paragraph's inline content
    text: str  # the same, plain
    kind: str = "p"  # p, heading, item (bulleted), number (numbered item), table
    bold: bool = False  # the whole paragraph is bold
    zone: str = ""  # "", or the table cell it came from: left, right, sig-left, sig-right


@dataclass
class Imported:
    meta: dict
    body: str
    missing: list[str] = field(default_factory=list)  # fields the source does not give
    notes: list[str] = field(default_factory=list)  # values found by a heuristic, and how
    year_source: str = ""  # where nam came from when the source gives no date, for ghi_chu

    def front_matter(self) -> str:
        """The YAML block, fields in the guide's order. Where the year was inferred it
        says so in ghi_chu, not in a YAML comment: the browser editor drops comments."""
        meta = dict(self.meta)
        if "nam" in meta and "ngay_ban_hanh" not in meta and self.year_source and "ghi_chu" not in meta:
            meta["ghi_chu"] = f"Bản gốc không ghi ngày ban hành; {self.year_source}."
        return markup.editor_front_matter(meta)

    def document(self) -> str:
        return markup.with_front_matter(self.front_matter(), f"{self.body.strip()}\n")


# Fields whose absence is worth telling the editor about.
REPORTED = ("so_hieu", "loai", "trich_yeu", "co_quan_ban_hanh", "co_quan_cap_tren", "ngay_ban_hanh",
            "dia_danh", "tham_quyen_ky", "chuc_vu", "nguoi_ky", "noi_nhan")

AUTHORITY = re.compile(r"^(T/M|K/T|T/L|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.)\s+(\S.*)$")
NUMBER_LINE = re.compile(r"^S[ốỐoO]\s*:?\s*\S")
PLACE_DATE = re.compile(
    r"^(?P<place>[^\d,]*?)\s*,?\s*ngày[\s.…_]*(?P<d>\d{1,2})?[\s.…_]*tháng[\s.…_]*(?P<m>\d{1,2})?"
    r"[\s.…_]*năm[\s.…_]*(?P<y>\d{4})?", re.I)
SUBJECT = re.compile(r"^V/v[.:]?\s+(\S.*)$", re.I)
MOTTOS = ("dang cong san viet nam", "cong hoa xa hoi chu nghia viet nam", "doc lap tu do hanh phuc")
# The Youth Union's own title line, where a Party document has "ĐẢNG CỘNG SẢN VIỆT NAM".
# Other organisations' lines (a Hội's) are known by their place: the right
# column, or after the number line of a header copied column by column. Not
# "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM" or "MẶT TRẬN TỔ QUỐC VIỆT NAM": those
# head the left column as a superior body.
ORGANISATION_TITLES = ("doan tncs ho chi minh", "doan thanh nien cong san ho chi minh")
SEPARATOR = re.compile(r"^[-_=–—.*\\\s]{3,}$")
SKIPPED_SIGNATURE = re.compile(r"^[(\[].*[)\]]$")  # (Đã ký), (Ký tên, đóng dấu), [chữ ký]
RECIPIENT_MARK = re.compile(r"^[-+•–]\s*")
PLACE_WORDS = ("tỉnh", "huyện", "thành phố", "quận", "xã", "phường", "thị xã", "thị trấn")
# Titles and bodies with capitals inside, as NĐ 30 and 36-HD/VPTW write them.
PROPER = (
    "Ban Chấp hành", "Ban Thường vụ", "Bộ Chính trị", "Ban Bí thư", "Bí thư", "Chủ tịch", "Thường vụ",
    "Thường trực", "Văn phòng", "Ủy ban nhân dân", "Hội đồng nhân dân", "Giám đốc", "Trưởng ban", "Trung ương",
    "Tỉnh ủy", "Huyện ủy", "Thành ủy", "Việt Nam", "Mặt trận Tổ quốc", "Khối", "Đảng",
    # Mass organisations, as their own documents write them.
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Đoàn Thanh niên", "Hồ Chí Minh", "Liên đoàn Lao động", "Công đoàn",
    "Hội Liên hiệp Phụ nữ", "Hội Nông dân", "Hội Cựu chiến binh", "Hội Chữ thập đỏ",
)
# "đoàn" alone in a body's name is the Youth Union ("BCH Đoàn tỉnh"), not part of "Công đoàn", "Liên đoàn".
_UNION = re.compile(r"(?<![Cc]ông )(?<![Ll]iên )(?<!\w)đoàn(?!\w)")
# A bloc's name after "Khối" is a proper name up to the place: "Khối Cơ quan - Doanh nghiệp tỉnh".
_BLOC = re.compile(r"(?<!\w)Khối\s+(?!các\b)(.{1,200}?)(?=\s+(?:tỉnh|huyện|thành phố|quận)(?!\w)|$)")
# After "Công đoàn", the next word names which one ("Công đoàn Viên chức tỉnh"), unless it is a place or level.
_WHICH_UNION = re.compile(r"(?<!\w)(Công đoàn\s+)(?!(?:tỉnh|huyện|thành phố|quận|xã|phường|cơ sở|các|ngành)(?!\w))(\w)")
# The Youth Union of a province or district, named after the place: "Tỉnh Đoàn Bến Tre", "Huyện Đoàn Châu Thành".
_PLACE_UNION = re.compile(r"^(Tỉnh|Huyện|Thành|Quận|Thị) Đoàn\s+(.+)$")
_VOWELS = set("aeiouy")
ACTION_VERBS = (
    "cụ thể", "xây dựng", "tổ chức", "triển khai", "thực hiện", "chủ trì", "phối hợp", "tham mưu", "báo cáo",
    "rà soát", "theo dõi", "hướng dẫn", "kiểm tra", "chỉ đạo", "ban hành", "tuyên truyền", "quán triệt",
    "đề xuất", "hoàn thành", "tiến hành", "chuẩn bị", "xây dựng", "lãnh đạo", "phổ biến", "tổng hợp",
)
DEADLINE = re.compile(
    r"\s*(?:Hoàn thành|Thời gian hoàn thành|Thời hạn|Thời gian thực hiện)\s*(?:trong|trước|:)?\s*"
    r"(?:(?:tháng|ngày|năm)\s+)?(?P<han>\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}|\d{4})\s*\.?\s*$", re.I)
_TYPE_NAMES = "|".join(sorted((re.escape(n) for n in doctypes.names()), key=len, reverse=True))
CITE = re.compile(
    rf"(?P<cite>(?:{_TYPE_NAMES})\s+số\s+\S+?(?:,?\s*ngày\s+\d{{1,2}}/\d{{1,2}}/\d{{4}})?"
    r"(?:\s+của\s+.{1,300}?)?)(?=\s+(?:về|năm|nhằm|và|với)\s|[,;:.]\s|[,;:.]?$)", re.I)


def convert(paras: list[Para], nam: int | None = None) -> Imported:
    """The front matter and body of a document read as a list of paragraphs."""
    paras = [p for p in (_cleaned(p) for p in paras) if p.text or p.kind == "table"]
    title = _title_index(paras)
    meta: dict = {}
    notes: list[str] = []
    top = title if title is not None else _header_end(paras)
    header = paras[:top] + [p for p in paras[top:] if p.zone in ("left", "right")]
    start = title + 1 if title is not None else top
    if title is not None:
        meta["loai"] = doctypes.by_name(paras[title].text.strip(" :")).name
        start = _summary(paras, start, meta)
    closing = _closing_index(paras, start)
    body = [p for p in paras[start:closing] if p.zone not in ("left", "right")]
    _header(header, meta, body)
    _closing(paras[closing:], meta)
    _opening(body, meta, notes)
    tasks = _tasks(body)
    if tasks:
        meta["nhiem_vu"] = tasks
        notes.append(f"nhiem_vu: {len(tasks)} nhiệm vụ có thời hạn lấy từ phần TỔ CHỨC THỰC HIỆN.")
    year_source = _year(meta, nam, notes)
    ordered = {f.key: meta[f.key] for f in schema.FIELDS if f.key in meta}
    missing = [k for k in REPORTED if k not in ordered]
    if "nam" not in ordered and "ngay_ban_hanh" not in ordered:
        missing.append("nam")
    return Imported(ordered, body_markdown(body), missing, notes, year_source)


def _cleaned(p: Para) -> Para:
    return Para(clean(p.md).strip(), " ".join(clean(p.text).split()), p.kind, p.bold, p.zone)


def _title_index(paras: list[Para]) -> int | None:
    for index, p in enumerate(paras):
        words = p.text.strip(" :")
        if p.zone or not words or words != words.upper() or len(words) > 40:
            continue
        if doctypes.by_name(words):
            return index
    return None


def _header_end(paras: list[Para]) -> int:
    """Without a type line (a công văn): the header ends after its last recognisable line."""
    end = 0
    for index, p in enumerate(paras[:15]):
        text = p.text
        if p.zone in ("left", "right") or text in ("*", "\\*") or _is_motto(text) or NUMBER_LINE.match(text) \
                or PLACE_DATE.match(text) or SUBJECT.match(text):
            end = index + 1
    return end


def _summary(paras: list[Para], index: int, meta: dict) -> int:
    """The trích yếu: the paragraph after the type line (a dashed rule under it is skipped)."""
    while index < len(paras) and SEPARATOR.match(paras[index].text):
        index += 1
    if index < len(paras) and not paras[index].zone and paras[index].kind in ("p", "heading"):
        meta["trich_yeu"] = paras[index].text.strip(" -")
        index += 1
    while index < len(paras) and SEPARATOR.match(paras[index].text):
        index += 1
    return index


def _closing_index(paras: list[Para], start: int) -> int:
    for index in range(start, len(paras)):
        p = paras[index]
        if p.zone.startswith("sig") or fold(p.text).startswith("noi nhan"):
            return index
        if p.text == p.text.upper() and AUTHORITY.match(p.text):
            return index
    return len(paras)


# --- header ---------------------------------------------------------------

def _header(header: list[Para], meta: dict, body: list[Para]) -> None:
    left: list[Para] = []
    numbered = False
    for p in header:
        text = p.text
        if _title_line(p, numbered):
            # The organisation's own title line, e.g. ĐOÀN TNCS HỒ CHÍ MINH: kept
            # as written (it is in capitals on the page too), never part of the issuer.
            meta.setdefault("tieu_de", " ".join(text.split()))
            continue
        if SEPARATOR.match(text) or text in ("*", "\\*") or _is_motto(text):
            continue
        if NUMBER_LINE.match(text):
            numbered = True
        if NUMBER_LINE.match(text) and "so_hieu" not in meta:
            number = numbers.parse(text)
            meta["so_hieu"] = number.canonical if number else re.sub(r"^S[ốỐoO]\s*:?\s*", "", text)
            continue
        subject = SUBJECT.match(text)
        if subject and "trich_yeu" not in meta:
            # A công văn's trích yếu sits under its number: "V/v tổ chức hội nghị".
            meta["trich_yeu"] = _capital(subject[1].strip())
            meta.setdefault("loai", "Công văn")
            continue
        match = PLACE_DATE.match(text)
        if match and "ngay_ban_hanh" not in meta:
            _place_date(match, meta)
            continue
        if p.zone != "right":
            left.append(p)
    superior, issuer = _bodies(left)
    context = " ".join(p.text for p in body)
    if issuer:
        meta["co_quan_ban_hanh"] = recase(issuer, context)
    if superior:
        meta["co_quan_cap_tren"] = recase(superior, context)


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^a-z ]", " ", fold(text)).split())


def _is_motto(text: str) -> bool:
    """A line of the right column that is no body's name: a motto or an organisation's title line."""
    key = _key(text)
    return key in MOTTOS or key in ORGANISATION_TITLES


def _title_line(p: Para, numbered: bool) -> bool:
    """An organisation's title line in place of "ĐẢNG CỘNG SẢN VIỆT NAM": a known one anywhere,
    or any other line in capitals of the right column (after the number, in a copy column by column)."""
    text = p.text
    key = _key(text)
    if key in ORGANISATION_TITLES:
        return True
    if key in MOTTOS or not key or text != text.upper() or p.zone == "left":
        return False
    if NUMBER_LINE.match(text) or PLACE_DATE.match(text) or SUBJECT.match(text) or SEPARATOR.match(text):
        return False
    return p.zone == "right" or (numbered and not p.zone)


def _place_date(match: re.Match, meta: dict) -> None:
    place = match["place"].strip(" ,")
    if place and not any(c.isdigit() for c in place):
        meta["dia_danh"] = place
    day, month, year = (int(match[k]) if match[k] else None for k in ("d", "m", "y"))
    if not year:
        return
    try:
        if day and month:
            meta["ngay_ban_hanh"] = dt.date(year, month, day)
        elif month:
            meta["ngay_ban_hanh"] = f"{month}/{year}"
        else:
            meta["nam"] = year
    except ValueError:
        return


def _bodies(left: list[Para]) -> tuple[str, str]:
    """(superior, issuer) from the left column: bold lines are the issuer."""
    lines = [p for p in left if p.text == p.text.upper() and any(c.isalpha() for c in p.text)]
    if not lines:
        return "", ""
    bold = [p for p in lines if p.bold]
    if bold and len(bold) < len(lines):
        first = lines.index(bold[0])
        return " ".join(p.text for p in lines[:first]), " ".join(p.text for p in bold)
    if len(lines) == 1:
        return "", lines[0].text
    if any(fold(lines[1].text).startswith(fold(w) + " ") for w in PLACE_WORDS):
        return " ".join(p.text for p in lines[2:]), " ".join(p.text for p in lines[:2])
    return lines[0].text, " ".join(p.text for p in lines[1:])


# --- closing: recipients and signature ---------------------------------------

def _closing(closing: list[Para], meta: dict) -> None:
    recipients: list[str] = []
    signature: list[str] = []
    in_list = False
    for p in closing:
        text = p.text
        if fold(text).startswith("noi nhan"):
            in_list = True
            rest = text.split(":", 1)[1].strip() if ":" in text else ""
            if rest:
                recipients.append(rest)
            continue
        listed = p.kind == "item" or RECIPIENT_MARK.match(text) or p.zone == "sig-left"
        if in_list and listed and p.zone != "sig-right":
            recipients.append(text)
        else:
            signature.append(text)
    recipients = [r for r in (RECIPIENT_MARK.sub("", r).strip().rstrip(",;.").strip() for r in recipients) if r]
    if recipients:
        meta["noi_nhan"] = recipients
    _signature(signature, meta)


def _signature(lines: list[str], meta: dict) -> None:
    lines = [t for t in lines if t and not SEPARATOR.match(t) and not SKIPPED_SIGNATURE.match(t)]
    if not lines:
        return
    authority = AUTHORITY.match(lines[0])
    if authority and lines[0] == lines[0].upper():
        code = authority[1]
        if "/" not in code and not code.endswith("."):
            code += "."
        meta["tham_quyen_ky"] = code
        meta["thay_mat"] = recase(authority[2])
        lines = lines[1:]
    names = [t for t in lines if t != t.upper()]
    if names:
        meta["nguoi_ky"] = names[-1]
        lines = lines[: lines.index(names[-1])]
    position = " ".join(t for t in lines if t == t.upper())
    if position:
        meta["chuc_vu"] = recase(position)


# --- opening paragraphs and tasks ---------------------------------------------

def _opening(body: list[Para], meta: dict, notes: list[str]) -> None:
    # The patterns below run over the whole opening, which a hostile file makes
    # hundreds of KB: each lazy span is bounded (a name, a motto) so a search
    # stays linear instead of re-reading the rest of the text at each start.
    opening = []
    for p in body:
        if _is_heading(p) or p.kind == "table":
            break
        opening.append(p.text)
    text = " ".join(opening)
    for line in opening:
        if fold(line).startswith("thuc hien "):
            meta.setdefault("thuc_hien", []).extend(_citations(line))
        elif fold(line).startswith("can cu "):
            meta.setdefault("can_cu", []).append(line[len("Căn cứ "):].rstrip(";,. "))
    for key, label in (("chu_de", "chủ đề"), ("phuong_cham", "phương châm")):
        match = re.search(label + r"\s*:\s*“(.{1,1000}?)”(?=\s*[,;.]|\s+\w|\s*$)", text, re.I)
        if match:
            meta[key] = match[1].strip()
    if "co_quan_ban_hanh" not in meta:
        match = re.search(r"(?:Ban Thường vụ|Ban Chấp hành|Thường trực)\s+([^,;]{1,200}?)\s+(?:đề ra|ban hành|xây dựng|triển khai)\b",
                          text)
        if match:
            meta["co_quan_ban_hanh"] = normalize_tones(match[1])
            notes.append(f"co_quan_ban_hanh: “{meta['co_quan_ban_hanh']}” lấy từ đoạn mở đầu (bản gốc không có phần đầu).")
    for key in ("thuc_hien", "can_cu", "chu_de", "phuong_cham"):
        if key in meta:
            notes.append(f"{key}: lấy từ đoạn mở đầu.")


def _citations(line: str) -> list[str]:
    """The documents named at the start of a line, as long as they follow each other (A và B)."""
    found: list[str] = []
    end = len("Thực hiện ")
    for match in CITE.finditer(line, end):
        if line[end:match.start()].strip(" ,") not in ("", "và"):
            break
        found.append(match["cite"].strip())
        end = match.end()
    return found


def _is_heading(p: Para) -> bool:
    return p.kind == "heading" or (p.bold and bool(re.match(r"^[IVXLC]+\.\s", p.text)))


def _tasks(body: list[Para]) -> list[dict]:
    """Items with a deadline in the section TỔ CHỨC THỰC HIỆN."""
    tasks: list[dict] = []
    inside = False
    for p in body:
        if _is_heading(p):
            inside = "to chuc thuc hien" in fold(p.text)
            continue
        if not inside:
            continue
        task = _task(p.text)
        if task:
            tasks.append(task)
    return tasks


def _task(text: str) -> dict | None:
    text = re.sub(r"^\d+\.\s*", "", text)
    due = None
    sentences = re.split(r"(?<=\.)\s+", text)
    kept = []
    for sentence in sentences:
        match = DEADLINE.fullmatch(sentence) or DEADLINE.match(sentence)
        if match and match.start() == 0:
            due = match["han"]
        else:
            kept.append(sentence)
    if not due:
        return None
    action = " ".join(kept).rstrip(" .")
    action = re.sub(r"^(?:Căn cứ [^,]+,|Giao)\s*", "", action)
    positions = [m.start() for v in ACTION_VERBS for m in [re.search(rf"(?<!\w){v}(?!\w)", action)] if m]
    if not positions or min(positions) == 0:
        return None
    cut = min(positions)
    units = [_capital(u.strip(" ,")) for u in re.split(r"\s+và\s+|;\s*", action[:cut].strip()) if u.strip(" ,")]
    content = _capital(action[cut:].strip())
    # Always a list, even of one: the browser editor's list of units reads no single text.
    return {"noi_dung": content, "don_vi": units, "han": due}


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- the year -------------------------------------------------------------------

def _year(meta: dict, nam: int | None, notes: list[str]) -> str:
    if "ngay_ban_hanh" in meta:
        meta.pop("nam", None) if nam is None else None
        return ""
    if nam is not None:
        meta["nam"] = nam
        return f"năm {nam} do người nhập ghi (--nam)"
    if "nam" in meta:
        return "năm lấy từ dòng địa danh, ngày tháng"
    match = re.search(r"\bnăm\s+((?:19|20)\d\d)\b", meta.get("trich_yeu", ""))
    if match:
        meta["nam"] = int(match[1])
        notes.append(f"nam: {match[1]} lấy từ trích yếu (“năm {match[1]}”).")
        return f"năm {match[1]} lấy từ trích yếu (“năm {match[1]}”)"
    number = numbers.parse(str(meta.get("so_hieu", "")))
    if number and number.year:
        meta["nam"] = number.year
        notes.append(f"nam: {number.year} lấy từ số hiệu.")
        return f"năm {number.year} lấy từ số hiệu"
    return ""


# --- names written in capitals ---------------------------------------------------

def recase(text: str, context: str = "") -> str:
    """A name written in capitals, in ordinary case: as the body writes it, or by rule."""
    if text != text.upper():
        return text
    found = _spelled_in(context, text)
    if found:
        return _capital(normalize_tones(found))
    result = _capital(text.lower())
    for proper in PROPER:
        result = re.sub(rf"(?<!\w){re.escape(proper.lower())}(?!\w)", proper, result, flags=re.I)
    result = _UNION.sub("Đoàn", result)
    result = _BLOC.sub(lambda m: "Khối " + " - ".join(_capital(part) for part in m[1].split(" - ")), result)
    result = _WHICH_UNION.sub(lambda m: m[1] + m[2].upper(), result)
    result = _PLACE_UNION.sub(lambda m: f"{m[1]} Đoàn {_title(m[2])}", result)
    for word in PLACE_WORDS:
        result = re.sub(rf"(?<!\w)({word})\s+(.+)$", lambda m: f"{m[1]} {_title(m[2])}", result)
    for word in set(text.split()):
        # Abbreviations keep their capitals: BCH, TNCS, LĐLĐ, HĐND (no vowel), UBND.
        if word.isalpha() and (not set(fold(word)) & _VOWELS or word in ("UBND", "UBMTTQ")):
            result = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", word, result, flags=re.I)
    return result


def _title(words: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in words.split())


_STRIP = ".,;:“”\"'()"


def _spelled_in(context: str, caps: str) -> str:
    target = [fold(w.strip(_STRIP)) for w in caps.split()]
    words = [w.strip(_STRIP) for w in context.split()]
    keys = [fold(w) for w in words]
    for index in range(len(keys) - len(target) + 1):
        if keys[index:index + len(target)] == target:
            found = " ".join(words[index:index + len(target)])
            if found != found.upper():
                return found
    return ""


# --- the body as Markdown ------------------------------------------------------------

def body_markdown(body: list[Para]) -> str:
    blocks: list[str] = []
    previous: Para | None = None
    for p in body:
        if p.kind == "table":
            blocks.append(p.md)
        elif _is_heading(p):
            blocks.append("## " + re.sub(r"^\*\*(.*)\*\*$", r"\1", p.md))
        elif p.kind == "item":
            line = "- " + p.md
            if previous is not None and previous.kind == "item":
                blocks[-1] += "\n" + line  # one list, not a list per item
            else:
                blocks.append(line)
        elif p.kind == "number" or re.match(r"^\d+\.\s", p.md):
            blocks.append(re.sub(r"^(\d+)\.\s+", r"**\1.** ", p.md))
        elif previous is not None and previous.kind == "p" and p.text[:1].islower() and blocks:
            # A paragraph cut in two by the conversion: the second half starts in lower case.
            blocks[-1] = blocks[-1] + " " + p.md
        else:
            blocks.append(p.md)
        previous = p
    return "\n\n".join(blocks) + "\n"
