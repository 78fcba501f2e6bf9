"""Citations of other documents in Vietnamese text (the rules: CITATIONS.md §4).

A small-step pipeline: prepare (citations.prepared: clean, mask Markdown,
fold; keep an offset map), find (citations.grammar: one verbose regex over
the folded copy, tried in the windows of citations.scan), resolve (here: members, tails, types, canonical numbers), and
map each span back to the source so that linking replaces exactly text[start:end].

Spans: the type phrase when written for that citation, "số", and the symbol;
never the date or the body after it ("Chỉ thị số 06-CT/TU" of "Chỉ thị số
06-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy"; "08-CT/TU" of "các Chỉ thị
số 06-CT/TU và 08-CT/TU"). A named reference spans its whole name, a partial one
its type word and number. Offsets are str indices into the text as given (NFD
input included); a span stops before an emphasis marker it would cut.

In Markdown (the default) code, existing links and their targets, HTML tags,
URLs, e-mail addresses and a leading YAML front matter are skipped; emphasis is
transparent; headings, list items, table cells and blank lines are boundaries.

    >>> [c.number for c in find_citations("theo Chỉ thị số 06-CT/TU, ngày 06/5/2021")]
    ['06-CT/TU']
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from vanban.citations import scan
from vanban.citations.citation import Citation
from vanban.citations.grammar import (
    ABBREVIATIONS,
    BODY_INTRO,
    DATE_TAIL,
    GROUP,
    MEMBER,
    SEPARATOR,
    TYPE_START,
    TYPE_WORDS,
    UNIT_AFTER,
    YEAR_TAIL,
)
from vanban.citations.prepared import _HOMOGLYPHS, BOUNDARY, Prepared, prepare
from vanban.model import dates, doctypes, numbers
from vanban.model.text import normalize_tones

__all__ = ["Citation", "find_citations", "parse"]


def find_citations(text: str, *, markdown: bool = True, windows: bool = True) -> list[Citation]:
    """Every citation in `text`, in order of appearance; spans index `text` itself.

    markdown=False reads the text as plain text (front-matter values, JSON
    fields): only URLs and e-mail addresses are skipped. windows=False searches
    the whole text instead of the windows before anchors (citations.scan): the
    same citations, slower; tests run both. A build or a check asks its
    priming.Primed instead, which answers from what was parsed ahead."""
    if not isinstance(text, str) or not text:
        return []
    return list(parse(text, markdown, windows))


# ------------------------------------------------------------------ resolving
_PARTY_CODES = {c for t in doctypes.TYPES for c in t.party} | {"QyĐ"}  # QyĐ: a wrong but common Party code
_BODY_WORD = re.compile(r"[^\s,;.:()\[\]{}|\"“”‘’'«»\x00]+")
_SPACES = re.compile(r"[ \n]+")
# Lower-case words that end an issuing body: what follows "của Ban X" is a verb,
# a preposition or a new clause, never part of the organ's name.
_BODY_STOPS = {
    "về", "v/v", "nhằm", "theo", "tại", "trong", "để", "đã", "đang", "sẽ", "với", "đến", "từ", "là",
    "thì", "được", "cho", "của", "có", "không", "gồm", "kèm", "trên", "gắn", "cũng", "như", "sau",
    "trước", "nay", "này", "đó", "các", "những", "mà", "nên", "vì", "do", "bởi", "giao", "đối",
    "nhiệm", "ngày", "tháng", "năm", "quý", "đợt", "hoặc", "hay", "ban hành", "quy định", "hướng dẫn",
    "chỉ đạo", "triển khai", "thực hiện", "đề ra", "xác định", "yêu cầu", "đề nghị", "tổ chức",
    "lãnh đạo", "phê duyệt", "kết luận", "thông báo", "chủ trì", "phối hợp",
}
# Organs that sign together: "của Bộ Chính trị, Ban Bí thư" keeps the comma.
_JOINT = ("bo chinh tri", "ban bi thu", "ban chap hanh trung uong dang", "ban chap hanh trung uong",
          "quoc hoi", "uy ban thuong vu quoc hoi", "chinh phu", "thu tuong chinh phu")
_MAX_BODY_WORDS = 16


@dataclass
class _Member:
    start: int  # span start: its own "số" when written
    num: str
    num_start: int
    end: int  # end of the symbol
    after: int  # end of the member with its own date
    number: numbers.Number | None  # None for a bare numeral
    date: str | None


@functools.lru_cache(maxsize=1 << 15)
def parse(text: str, markdown: bool = True, windows: bool = True) -> tuple[Citation, ...]:
    """The citations of a non-empty `text`, as find_citations finds them.

    Memoised: the same text always gives the same (immutable) citations, and a
    step may ask for a text another step asked for. The memo must hold a whole
    corpus (bodies and front-matter items): a smaller one misses every time."""
    prep = prepare(text, markdown=markdown)
    found: list[Citation] = []
    where = scan.windows(prep.match) if windows else None
    pos = 0
    while (match := scan.next_match(prep.match, where, pos)) is not None:
        if match.group("numbered") is not None:
            cites, end = _numbered(prep, match)
        else:
            cites, end = _named(prep, match)
        found.extend(_to_source(prep, c, markdown) for c in cites)
        pos = max(end, match.start() + 1)
    return tuple(c for c in found if c.end > c.start)


# ---- numbered citations (forms A, B, C, E)

def _numbered(prep: Prepared, m: re.Match) -> tuple[list[Citation], int]:
    word, word_valid = _type_word(prep, m)
    has_word = word_valid and m.group("head") is not None
    if not has_word and _is_own_header(prep, m):
        return [], m.end()
    members = _members(prep, m, has_word)
    if not members:
        return [], m.start() + 1
    head_start = m.start("head") if has_word else (m.start("so") if m.group("so") is not None else None)
    if head_start is not None:
        members[0].start = head_start
    prebody = _clean_body(prep.clean[m.start("prebody"):m.end("prebody")]) if m.group("prebody") else None
    body, date_after, end = _tails(prep, members[-1].after)
    body = body or prebody
    _share_dates(members, date_after)
    _borrow_suffixes(members)
    cites = []
    for member in members:
        cite = _member_citation(prep, member, word if has_word else None, body)
        if cite:
            cites.append(cite)
    return cites, (end if cites else m.start() + 1)


def _type_word(prep: Prepared, m: re.Match) -> tuple[str | None, bool]:
    """The type named by the head (None for "văn bản"), and whether the head counts."""
    if m.group("law") is not None:
        return _name_of(m.group("law")), True
    if m.group("type") is not None:
        return _name_of(m.group("type")), True
    if m.group("abbr") is not None:
        return ABBREVIATIONS[m.group("abbr").upper()], True
    return None, False


def _name_of(folded: str) -> str:
    return TYPE_WORDS[" ".join(folded.lower().split())]


def _is_own_header(prep: Prepared, m: re.Match) -> bool:
    """The document's own "Số 114-KH/ĐUK" line: "Số" starting a line, no type word."""
    if m.group("so") is None or not prep.clean[m.start("so")].isupper():
        return False
    line_start = max(prep.clean.rfind("\n", 0, m.start("so")), prep.clean.rfind(BOUNDARY, 0, m.start("so")))
    return not prep.clean[line_start + 1:m.start("so")].strip()


def _members(prep: Prepared, m: re.Match, has_word: bool) -> list[_Member]:
    members: list[_Member] = []
    pos, own_so = m.start("members"), None
    limit = m.end("members")
    while pos < limit:
        mm = MEMBER.match(prep.match, pos)
        if mm is None:
            break
        member = _member(prep, mm, has_word)
        if member is None:
            break
        if own_so is not None:
            member.start = own_so
        members.append(member)
        if member.after < mm.end():  # cut short (a group failed): the list ends here
            break
        sep = SEPARATOR.match(prep.match, mm.end())
        if sep is None or sep.end() >= limit:
            break
        pos, own_so = sep.end(), (sep.start("sso") if sep.group("sso") is not None else None)
    while members and members[-1].number is None and len(members) > 1 and _glued_unit(prep, members[-1]):
        members.pop()
    return members


def _member(prep: Prepared, mm: re.Match, has_word: bool) -> _Member | None:
    num = mm.group("num")
    date = _iso(mm.group("mdate"))
    member = _Member(mm.start("num"), num, mm.start("num"), mm.end("num"), mm.end(), None, date)
    if mm.group("pcode") is not None:
        parsed = _party(prep, mm, has_word)
    elif mm.group("groups") is not None:
        parsed = _state(prep, mm, has_word)
    else:
        return member
    if parsed is None:  # a symbol-like shape that is not one: keep the numeral only
        member.after = member.end
        member.date = None
        return member if mm.group("pcode") is not None and mm.group("psep") != "-" else None
    number, end = parsed
    member.number, member.end = number, end
    if end < mm.end("piss" if mm.group("pcode") is not None else "groups"):
        member.after, member.date = end, None
    return member


def _party(prep: Prepared, mm: re.Match, has_word: bool) -> tuple[numbers.Number, int] | None:
    code_text = _code_text(prep, mm.start("pcode"), mm.end("pcode"))
    code = numbers.canonical_code(code_text)
    if code not in _PARTY_CODES or not (has_word or _code_case(code_text)):
        return None
    issuer_end = mm.end("piss")
    parts = _code_text(prep, mm.start("piss"), issuer_end).split("-")
    issuer = numbers.canonical_code(parts[0])
    known = bool(numbers.PARTY_ISSUER.match(issuer))
    if not (_code_case(parts[0]) or (has_word and known)):
        return None
    if mm.group("pslash") == "-" and not (known and _code_case(code_text) and _code_case(parts[0])):
        return None
    if len(parts) > 1:
        if _code_case(parts[1]) and mm.group("pslash") == "/":
            issuer += "-" + numbers.canonical_code(parts[1])
        else:
            issuer_end = mm.start("piss") + len(parts[0])
    number = _parse_number(f"{mm.group('num')}-{code}/{issuer}")
    return (number, issuer_end) if number else None


def _state(prep: Prepared, mm: re.Match, has_word: bool) -> tuple[numbers.Number, int] | None:
    groups: list[str] = []
    end = mm.start("groups")
    for g in re.finditer(GROUP, prep.match[mm.start("groups"):mm.end("groups")]):
        start = mm.start("groups") + g.start()
        text = _code_text(prep, start, mm.start("groups") + g.end())
        spaced = groups and prep.clean[end:start] != "-"
        if not (_code_case(text) or (has_word and not spaced)):
            break
        groups.append(numbers.canonical_code(text))
        end = start + len(text)
    year = mm.group("year")
    if not groups or (not year and len(groups) < 2):
        return None
    if mm.group("ysep") == "-" and groups[0] not in doctypes.ALL_CODES:
        return None  # 82/2005-QĐ-UBND: a hyphen for the second slash only before a type code
    num = mm.group("num")
    if not year and len(groups) == 2 and groups[0] in _PARTY_CODES and numbers.PARTY_ISSUER.match(groups[1]):
        number = _parse_number(f"{num}-{groups[0]}/{groups[1]}")  # a Party number in State shape: 22/CT-TW
    else:
        number = _parse_number(f"{num}/{year + '/' if year else ''}{'-'.join(groups)}")
    return (number, end) if number else None


def _code_text(prep: Prepared, start: int, end: int) -> str:
    """A code as written (case kept, Đ kept), look-alike letters mapped."""
    code = prep.clean[start:end]
    return code if code.isascii() else code.translate(_LOOKALIKES)


_LOOKALIKES = str.maketrans(_HOMOGLYPHS)
# The same few numbers come back in every document (06-CT/TU, 18-CT/TW): parse each once.
_parse_number = functools.lru_cache(maxsize=4096)(numbers.parse)


def _code_case(code: str) -> bool:
    """Written as a code: upper case, or one of the mixed-case codes (CTr, TTg, Ctr)."""
    if code.upper() == code:
        return True
    return code[:1].isupper() and code.upper() in doctypes.MIXED_CASE


def _glued_unit(prep: Prepared, member: _Member) -> bool:
    return bool(UNIT_AFTER.match(prep.match, member.end))


def _share_dates(members: list[_Member], date_after: str | None) -> None:
    """A date after the last member, or after the body, is every member's (CITATIONS.md §4.2 B),
    unless other members carry their own dates."""
    last = members[-1].date
    if len(members) > 1 and last and not any(m.date for m in members[:-1]):
        for member in members:
            member.date = last
    if date_after:
        for member in members:
            member.date = member.date or date_after


def _borrow_suffixes(members: list[_Member]) -> None:
    """A bare numeral takes the suffix of the next full symbol: 18, 19-NQ/TW."""
    suffix_from: numbers.Number | None = None
    for member in reversed(members):
        if member.number is not None:
            suffix_from = member.number
        elif suffix_from is not None:
            rest = suffix_from.canonical[len(suffix_from.numeral):]
            member.number = _parse_number(numbers.pad(member.num) + rest)


def _member_citation(prep: Prepared, member: _Member, word: str | None, body: str | None) -> Citation | None:
    if member.number is None:  # partial reference (form E): needs a type word and an anchor
        if word is None or not (member.date or body) or _glued_unit(prep, member):
            return None
        return Citation(word, numbers.pad(member.num), None, member.date, body, member.start, member.end)
    kind = _type_for(member.number, word)
    if kind is None:
        return None
    return Citation(kind, member.number.canonical, member.number.issuer, member.date, body,
                    member.start, member.end)


def _type_for(number: numbers.Number, word: str | None) -> str | None:
    """Of the types the number can stand for (numbers.types_for), the one the
    word names, else the likeliest. A number of the công văn shape (no type
    code, not a law's) takes any type word: any text may be numbered so."""
    names = [t.name for t in numbers.types_for(number)]
    if word in names:
        return word
    if number.type_code is None and names == ["Công văn"]:
        return word or "Công văn"
    return names[0] if names else word


# ---- tails: "năm 2021", "của" + body, a date after the body

def _tails(prep: Prepared, pos: int) -> tuple[str | None, str | None, int]:
    year = YEAR_TAIL.match(prep.match, pos)
    after_year = year.end() if year else pos
    intro = BODY_INTRO.match(prep.match, after_year)
    if intro is None:
        return None, None, pos
    body, end = _body(prep, intro.end())
    if body is None:
        return None, None, pos
    date = DATE_TAIL.match(prep.match, end)
    if date:
        return body, _iso(date.group()), date.end()
    return body, None, end


def _body(prep: Prepared, start: int) -> tuple[str | None, int]:
    """The issuing body after "của": capitalised, up to a stop word or punctuation."""
    clean = prep.clean
    if start >= len(clean) or not clean[start].isupper():
        return None, start
    words = 0
    pos = end = start
    while words < _MAX_BODY_WORDS:
        word = _BODY_WORD.match(clean, pos)
        if word is None or (words and _stops(prep, word)):
            break
        words, end = words + 1, word.end()
        gap = _SPACES.match(clean, end)
        if gap:
            pos = gap.end()
        elif clean.startswith(",", end) and _joint_follows(prep, start, end):
            pos = _SPACES.match(clean, end + 1).end()
        else:
            break
    return _clean_body(clean[start:end]), end


def _stops(prep: Prepared, word: re.Match) -> bool:
    text = word.group()
    low = text.lower()
    following = _BODY_WORD.match(prep.clean, _skip_spaces(prep.clean, word.end()))
    pair = f"{low} {following.group().lower()}" if following else low
    if low in ("v/v", "về"):
        return True
    if text[0].isupper():
        return False
    if low in ("ngày", "tháng", "năm") and following and following.group()[0].isdigit():
        return True
    if low == "và":  # "Bộ Chính trị và Ban Bí thư" goes on; "và công tác", "và Kế hoạch số …" end it
        return (following is None or not following.group()[0].isupper()
                or bool(TYPE_START.match(prep.match, following.start())))
    return low in _BODY_STOPS or pair in _BODY_STOPS


def _skip_spaces(text: str, pos: int) -> int:
    gap = _SPACES.match(text, pos)
    return gap.end() if gap else pos


def _joint_follows(prep: Prepared, start: int, comma: int) -> bool:
    before = " ".join(prep.match[start:comma].lower().split())
    after = " ".join(prep.match[comma + 1:comma + 40].lower().split())
    return before.endswith(_JOINT) and after.startswith(_JOINT)


def _clean_body(text: str) -> str | None:
    text = " ".join(text.replace(BOUNDARY, " ").split()).strip(" ,")
    return normalize_tones(text) if text else None


def _iso(tail: str | None) -> str | None:
    if not tail:
        return None
    parts = re.findall(r"\d+", tail)
    if len(parts) < 3:
        return None
    found = dates.parse("/".join(parts[-3:]))
    return found.iso() if found and found.day else None


# ---- named references (form D)

def _named(prep: Prepared, m: re.Match) -> tuple[list[Citation], int]:
    if m.group("organ") is not None:
        body = _clean_body(prep.clean[m.start("organ"):m.end("organ")])
        return [Citation("Nghị quyết", None, None, None, body, m.start("nq"), m.end("organ"))], m.end()
    title_end = m.end("lawtitle")
    while title_end > m.start("lawtitle") and prep.clean[title_end - 1] in " ,":
        title_end -= 1
    kind = "Bộ luật" if m.group("lawname").lower().startswith("bo") else "Luật"
    date = _iso(m.group("lawdate"))
    if date is None:
        return [], m.start() + 1
    return [Citation(kind, None, None, date, None, m.start("lawname"), title_end)], m.end()


# ---- back to the source

_MARKERS = re.compile(r"[*_~`]")


def _to_source(prep: Prepared, cite: Citation, markdown: bool) -> Citation:
    start, end = prep.span(cite.start, cite.end)
    if markdown:
        # Emphasis markers were transparent for matching; the span must not cut
        # through them, so it ends before the first one inside it.
        marker = _MARKERS.search(prep.source, start, end)
        if marker:
            end = marker.start()
            while end > start and prep.source[end - 1] in " \t\n,":
                end -= 1
    return Citation(cite.type, cite.number, cite.issuer, cite.date, cite.body, start, end)
