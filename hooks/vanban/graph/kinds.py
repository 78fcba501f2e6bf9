"""The kind of a relation, read from the sentence that cites a document.

"Quyết định này … thay thế Quy chế số 09-QC/ĐUK" replaces the Quy chế;
"bãi bỏ Điều 5 của Quyết định số 12-QĐ/ĐUK" repeals part of the Quyết định;
"sửa đổi, bổ sung một số điều của …" amends; "Hướng dẫn thực hiện Quy định
số …" guides. The verb must govern the cited document itself: the words
between them may only be a part of it ("Điều 5 của", "một số điều của") or
the instrument it was issued with ("Quy chế … ban hành kèm theo"). So "thay
thế nhân sự theo Quyết định số …" and "bãi bỏ thủ tục hành chính tại …" name
no relation, and neither does a proposal ("đề nghị thay thế …") or a
negation ("không bãi bỏ …"). Precision first: a sentence read wrongly would
tell readers a document no longer stands, so anything unsure stays a plain
mention ("dẫn chiếu"), which an editor can correct in the front matter.

Matching runs on folded text (no diacritics, lower case): editors type
"thay thế", "Thay thế" and "THAY THẾ" alike.
"""

from __future__ import annotations

import bisect
import re

from vanban.model import doctypes
from vanban.model.text import fold

REPLACES = "thay thế"
REPEALS = "bãi bỏ"
REPEALS_PART = "bãi bỏ một phần"
AMENDS = "sửa đổi, bổ sung"
GUIDES = "hướng dẫn"
# Relations that change what a reader of the cited document must know, strongest first.
EFFECTS = (REPLACES, REPEALS, REPEALS_PART, AMENDS, GUIDES)

_TYPES = "|".join(sorted({re.escape(fold(t.name)) for t in doctypes.TYPES}, key=len, reverse=True))

# A part of a document: "điều 5", "khoản 2 điều 3", "điểm a, b khoản 1 điều 2",
# "mục ii phần b", "một số điều", "các quy định" (folded).
_UNIT = r"(?:diem|khoan|dieu|muc|phan|chuong|tiet|phu luc)"
_LABEL = r"[0-9a-z]{1,6}[.]?"
_PART = (
    r"(?:(?:mot so|cac|nhung)\s+(?:dieu|khoan|diem|muc|noi dung|quy dinh)"
    rf"|(?:{_UNIT}\s+{_LABEL}(?:\s*(?:,|va)\s*{_LABEL})*\s*,?\s*)+)"
)
_OF = r"(?:\s+(?:cua|tai|trong|vao))?"
# "Quy chế công tác dân vận ban hành kèm theo" before "Quyết định số 306-QĐ/TU".
_ATTACHED = rf"(?:(?:{_TYPES})(?:\s+[^\s.;:]+){{0,15}}?\s+(?:ban hanh\s+)?kem theo\s+)"
_WHOLE = r"(?:(?:toan bo|cac|nhung)\s+)?"

_VERBS = (
    (REPLACES, r"thay the(?:\s+cho)?"),
    (REPEALS, r"bai bo"),
    (AMENDS, r"sua doi\s*,?\s*(?:va\s+)?bo sung|sua doi|bo sung"),
    (GUIDES, r"huong dan(?:\s+(?:viec\s+)?(?:thuc hien|thi hanh|trien khai))?"),
)
# Words before the verb that make it no act of this document: a proposal,
# a future, a negation, a passive ("được thay thế" by whom?), or guidance
# received ("theo hướng dẫn của").
_NOT_AN_ACT = (r"de nghi|de xuat|kien nghi|xem xet|nghien cuu|du thao|du kien|se|chua|khong|tham muu|trinh"
               r"|theo|co|duoc|bi|su|can|neu|cac|nhung|tai|van ban|cong van|viec chua")
_BEFORE = {
    kind: re.compile(
        rf"(?<!\w)(?P<verb>{verb})\s+(?:(?P<part>{_PART}){_OF}\s+)?{_WHOLE}(?:{_ATTACHED})?$"
    )
    for kind, verb in _VERBS
}
_NEGATED = re.compile(rf"(?:^|\W)(?:{_NOT_AN_ACT})\s*$")
# "Quy chế số 09-QC/ĐUK, ngày … của … hết hiệu lực kể từ ngày …", "… được thay
# thế bằng Quyết định này": the cited document is the subject, this one the agent.
_AFTER = re.compile(
    rf"^(?P<tail>[^.;!?]{{0,200}}?)\s(?:da\s+)?(?:(?:duoc|bi)\s+(?P<verb>thay the|bai bo|sua doi,?\s*(?:va\s+)?bo sung|sua doi)"
    rf"\s+(?:boi|bang|theo)\s+(?:{_TYPES})\s+nay|(?P<ended>het hieu luc)(?:\s+thi hanh)?\s+(?:ke\s+)?tu ngay)"
)
# Between two citations of one list: "thay thế Quyết định số A, ngày … và Quyết định số B".
_NEW_CLAUSE = re.compile(r"\b(?:can cu|thuc hien|theo|trien khai|dong thoi|trong do|nham|de|nhu|dong thoi)\b")
_JOINED = re.compile(rf"(?:,|;|\bva)\s*(?:(?P<part>{_PART}){_OF}\s*)?$")

_SENTENCE_END = re.compile(r"[.!?…](?=[\s\"”’*_)\]]|$)|\n[ \t]*\n|\n[ \t]*(?:[-+*]|\d+[.)]|#+)\s")
_MARKS = re.compile(r"[*_`]+")
WINDOW = 400  # characters read before a citation: a verb and a part of a document fit many times over


def _plain(text: str) -> str:
    return " ".join(fold(_MARKS.sub("", text)).split())


# The verbs as written, with or without diacritics, in lower case: where they
# are is found with one search of the lowered text (a case-blind search is
# twenty times slower), and the sentence patterns (on folded text) run only on
# the windows holding one. Most bodies hold none.
_HINT_TEXT = (r"thay\s+th[eế]|b[aã]i\s+b[oỏ]|s[uử]a\s+[dđ][oổ]i|b[oổ]\s+sung|h[uư][oơớ]ng\s+d[aẫ]n"
              r"|h[eế]t\s+hi[eệ]u\s+l[uự]c")
_HINT = re.compile(_HINT_TEXT)
_HINT_ANY_CASE = re.compile(_HINT_TEXT, re.I)  # for a text whose lower case has another length


def read(text: str, spans: list[tuple[int, int]]) -> list[str | None]:
    """For each citation span (in order) of `text`, the relation its sentence
    states, or None for a plain mention."""
    lowered = text.lower() if spans else ""
    found = _HINT.finditer(lowered) if len(lowered) == len(text) else _HINT_ANY_CASE.finditer(text)
    hints = [m.start() for m in found] if spans else []
    if not hints:
        return [None] * len(spans)

    def near(start: int, end: int) -> bool:
        index = bisect.bisect_left(hints, start)
        return index < len(hints) and hints[index] < end

    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    kinds: list[str | None] = []
    for index, (start, end) in enumerate(spans):
        floor = max(0, start - WINDOW)
        before_end = bisect.bisect_right(ends, start) - 1
        sentence_start = max(floor, ends[before_end]) if before_end >= 0 else floor
        previous_end = spans[index - 1][1] if index else -1
        kind = None
        if previous_end >= sentence_start and kinds and kinds[-1] is not None:
            kind = _joined(_plain(text[previous_end:start]), kinds[-1])
        begin = max(sentence_start, previous_end)
        if kind is None and near(begin, start):
            kind = _before(_plain(text[begin:start]))
        if kind is None:
            stop = spans[index + 1][0] if index + 1 < len(spans) else len(text)
            stop = min(stop, end + WINDOW)
            after_end = bisect.bisect_left(ends, end)
            if after_end < len(ends):
                stop = min(stop, ends[after_end])
            if near(end, stop):
                kind = _after(_plain(text[end:stop]))
        kinds.append(kind)
    return kinds


def read_one(text: str, start: int, end: int) -> str | None:
    """The relation stated by the sentence around text[start:end], alone."""
    return read(text, [(start, end)])[0]


# Words one of the patterns needs: most citations have none before them, and
# the patterns are not run for those.
_BEFORE_WORDS = ("thay the", "bai bo", "sua doi", "bo sung", "huong dan")
_AFTER_WORDS = ("het hieu luc", "thay the", "bai bo", "sua doi")


def _before(plain: str) -> str | None:
    if not plain or not any(word in plain for word in _BEFORE_WORDS):
        return None
    start = max(plain.rfind(word) for word in _BEFORE_WORDS)
    # The verb governing the citation is the last one before it (another verb
    # in between would be in the gap, which the patterns refuse); "sửa đổi, bổ
    # sung" is one verb, so the search starts a few words earlier.
    plain = plain[max(0, start - 12):]
    plain += " "  # the citation follows: each pattern ends with the space before it
    for kind, pattern in _BEFORE.items():
        match = pattern.search(plain)
        if match is None or _NEGATED.search(plain[:match.start()]):
            continue
        if kind == REPEALS and match.group("part"):
            return REPEALS_PART
        return kind
    return None


def _after(window: str) -> str | None:
    plain = " " + re.split(r"[.;!?]\s", window, maxsplit=1)[0]
    if not any(word in plain for word in _AFTER_WORDS):
        return None
    match = _AFTER.match(plain)
    if match is None or " nay " in f" {match.group('tail')} ":
        return None
    if match.group("ended"):
        return REPEALS
    verb = match.group("verb")
    return REPLACES if verb == "thay the" else REPEALS if verb == "bai bo" else AMENDS


def _joined(plain: str, previous: str) -> str | None:
    """The kind a list member takes from the member before it, if the gap only joins them."""
    if _NEW_CLAUSE.search(plain):
        return None
    match = _JOINED.search(plain)
    if match is None:
        return None
    if previous == REPEALS and match.group("part"):
        return REPEALS_PART
    return previous
