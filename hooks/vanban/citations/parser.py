"""Citations of other documents in Vietnamese text (citations-vn.md §3-§5).

A small-step pipeline: prepare (vanban.citation_text: clean, mask Markdown,
fold; keep an offset map), find (vanban.citation_grammar: one verbose regex over
the folded copy), resolve (here: members, tails, types, canonical numbers), and
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
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from vanban import forked
from vanban.citations import cache as citation_cache
from vanban.citations.grammar import (
    ABBREVIATIONS,
    BODY_INTRO,
    CITATION,
    DATE_TAIL,
    DIGITS,
    GROUP,
    MEMBER,
    PREFIX,
    RESOLUTIONS,
    SEPARATOR,
    TYPE_START,
    TYPE_WORDS,
    UNIT_AFTER,
    WORDS_BEFORE,
    YEAR_TAIL,
)
from vanban.citations.prepared import _HOMOGLYPHS, BOUNDARY, Prepared, prepare
from vanban.model import dates, doctypes, numbers
from vanban.model.text import normalize_tones


class Citation(NamedTuple):
    # A named tuple, not a frozen dataclass: tens of thousands are made, pickled
    # back from the parsing workers and cached at every build (5x cheaper each).
    type: str  # full Vietnamese type name, as in vanban.doctypes
    number: str | None  # canonical số hiệu; bare digits when partial; None when named
    issuer: str | None  # code after the slash (Party) or after the type code (State)
    date: str | None  # ISO date, only when a full date is written after the number
    body: str | None  # issuing body as written after "của", or a named reference's organ
    start: int  # text[start:end] is what becomes a link
    end: int

    def as_dict(self) -> dict:
        return self._asdict()


# ------------------------------------------------------------------ resolving
_PARTY_CODES = {c for t in doctypes.TYPES for c in t.party} | {"QyĐ"}  # QyĐ: a wrong but common Party code
_MIXED = {"CTR", "TTR", "QĐI", "QYĐ", "TTG", "QTR"}
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


def find_citations(text: str, *, markdown: bool = True) -> list[Citation]:
    """Every citation in `text`, in order of appearance; spans index `text` itself.

    markdown=False reads the text as plain text (front-matter values, JSON
    fields): only URLs and e-mail addresses are skipped."""
    if not isinstance(text, str) or not text:
        return []
    primed = _PRIMED.get((text, markdown))
    return list(primed if primed is not None else _find(text, markdown))


# Parsing is most of the time of a build or a check at thousands of documents,
# and each text is parsed on its own: prime() parses a corpus's texts in one
# process per core before the steps ask, and find_citations reads the results.
_PRIMED: dict[tuple[str, bool], tuple[Citation, ...]] = {}


def prime(texts, *, markdown: bool = True, project: Path | None = None, complete: bool = False,
          ahead: dict[str, Parsed] | None = None) -> None:
    """Parse `texts` ahead, in parallel; find_citations then answers at once.

    With `project`, what earlier runs found there is read from its cache
    (vanban.citation_cache) and only the other texts are parsed. `complete`:
    these are all the texts of the project (a build, a check of every file),
    so entries of texts since edited or deleted can go. `ahead`: what Ahead
    found of some of the texts where they were read."""
    texts = list(dict.fromkeys(t for t in texts if isinstance(t, str) and t))
    ahead = ahead or {}
    parsed = {text: cites for text, (_, cites) in ahead.items() if cites is not None}
    _PRIMED.update(((text, markdown), cites) for text, cites in parsed.items())
    todo = [t for t in texts if (t, markdown) not in _PRIMED]
    keys = {text: key for text, (key, _) in ahead.items()}
    cached = _Cached(project, texts, markdown, keys) if project is not None else None
    if cached is not None:
        todo = cached.missing(todo)
    if todo:
        found = _parse_all(todo, markdown)
        if found is None and cached is None:
            return  # no processes here: each text is parsed when asked
        found = found or [_find(text, markdown) for text in todo]  # to be stored, parsed now
        _PRIMED.update(((text, markdown), c) for text, c in zip(todo, found, strict=True))
    if cached is not None:
        cached.store(bool(todo or parsed), complete)


class Ahead:
    """Parsing each document's texts in the worker that reads it (corpus.load's
    `each`), but for the texts a project's cache already holds: a check of
    thousands of files then runs one set of workers instead of two in a row.
    What it returns goes to prime(ahead=...)."""

    def __init__(self, project: Path, kinds: tuple[bool, ...] = (True, False)):
        # Loaded before the workers start, which see it without a copy; `kinds`:
        # bodies (True, Markdown) and front-matter items (False), those to be parsed.
        self.stored = {markdown: citation_cache.load(project, markdown) for markdown in kinds}

    def parse(self, texts, markdown: bool = True) -> dict[str, Parsed]:
        """Each text's cache key, and its citations unless the cache holds them."""
        stored, found = self.stored[markdown], {}
        for text in texts:
            if isinstance(text, str) and text:
                key = citation_cache.key(text, markdown)  # hashed here, in parallel, not again in prime()
                found[text] = (key, None if key in stored else _find(text, markdown))
        return found


# A text's cache key, and its citations (None: the cache holds them).
Parsed = tuple[str, "tuple[Citation, ...] | None"]


def _parse_all(todo: list[str], markdown: bool) -> list[tuple[Citation, ...]] | None:
    """Each text's citations, in forked workers; None if too few or no processes."""
    return forked.map_batches(todo, lambda texts: [_find(text, markdown) for text in texts])


class _Cached:
    """The texts of one prime() call, against a project's citation cache."""

    def __init__(self, project: Path, texts: list[str], markdown: bool, keys: dict[str, str]):
        self.project, self.texts, self.markdown = project, texts, markdown  # all of the call's texts
        self.keys = {t: keys.get(t) or citation_cache.key(t, markdown) for t in texts}
        self.stored = citation_cache.load(project, markdown)

    def missing(self, todo: list[str]) -> list[str]:
        """Of `todo`, the texts the cache does not answer; the others go to _PRIMED."""
        missing = []
        for text in todo:
            cites = _from_rows(self.stored.get(self.keys[text]), len(text))
            if cites is None:
                missing.append(text)
            else:
                _PRIMED[(text, self.markdown)] = cites
        return missing

    def store(self, parsed: bool, complete: bool) -> None:
        """Write the file if this call parsed anything, or if it saw every text
        and the file holds others (gone or edited since)."""
        live = set(self.keys.values())
        if not parsed and not (complete and not live.issuperset(self.stored)):
            return
        fresh = {key: [_row(c) for c in _PRIMED[(text, self.markdown)]] for text, key in self.keys.items()}
        # A check of a few files keeps the others' entries; a complete run keeps only its own.
        citation_cache.save(self.project, fresh if complete else {**self.stored, **fresh}, self.markdown)


def _row(c: Citation) -> list:
    return list(c)


def _from_rows(rows, length: int) -> tuple[Citation, ...] | None:
    """The citations a cache entry holds; None if it holds nothing sound."""
    if not isinstance(rows, list):
        return None
    try:
        cites = tuple(Citation(*row) for row in rows)
    except TypeError:
        return None
    if all(type(c.start) is int and type(c.end) is int and 0 <= c.start < c.end <= length  # noqa: E721 (not bool)
           and all(v is None or isinstance(v, str) for v in (c.type, c.number, c.issuer, c.date, c.body))
           for c in cites):
        return cites
    return None


def forget_primed() -> None:
    """A new build: texts of the last one are not kept."""
    _PRIMED.clear()


@functools.lru_cache(maxsize=1 << 15)
def _find(text: str, markdown: bool) -> tuple[Citation, ...]:
    # Cached: a build asks for the same document's citations from several steps
    # (links, cited-document pages, related documents); Citations are frozen.
    # Each step walks every document before the next asks again, so the cache
    # must hold a whole corpus (bodies and front-matter items): 64 missed always.
    prep = prepare(text, markdown=markdown)
    found: list[Citation] = []
    scan = _scan_of(prep.match)
    pos = 0
    while (match := _next_match(prep.match, scan, pos)) is not None:
        if match.group("numbered") is not None:
            cites, end = _numbered(prep, match)
        else:
            cites, end = _named(prep, match)
        found.extend(_to_source(prep, c, markdown) for c in cites)
        pos = max(end, match.start() + 1)
    return tuple(c for c in found if c.end > c.start)


class _Scan(NamedTuple):
    lower: str  # the match copy in lower case, the same length
    starts: list[int]  # the windows before each number where a citation may start (merged where they meet)
    ends: list[int]


def _scan_of(text: str) -> _Scan | None:
    """The windows of `text` worth scanning (citation_grammar: where to look);
    None for a text whose lower case changes its length (a rare letter), which
    the plain pattern then scans."""
    lower = text.lower()
    if len(lower) != len(text):
        return None
    backwards, size = lower[::-1], len(lower)  # the words before a digit, read from it
    windows = []
    last = 0  # end of the digits before: a citation has none before its first digit, so starts after them
    for digits in DIGITS.finditer(lower):
        start, end = digits.span()
        if start - last > 1:
            start = size - WORDS_BEFORE.match(backwards, size - start, size - last).end()
        else:  # the next part of a date or a number ("06/5/2021"): one window with it
            start = last
        windows.append((start, end))
        last = end
    windows.extend(m.span() for m in RESOLUTIONS.finditer(lower))  # a resolution by name starts there
    windows.sort()
    starts: list[int] = []
    ends: list[int] = []
    for start, end in windows:
        if ends and start <= ends[-1]:  # windows that meet are one
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return _Scan(lower, starts, ends)


def _next_match(text: str, scan: _Scan | None, pos: int) -> re.Match | None:
    """CITATION's leftmost match from pos. PREFIX on the lower-cased stretches
    near anchors finds the candidates fast; CITATION keeps those its case rules allow."""
    if scan is None:
        return CITATION.search(text, pos)
    for index in range(bisect_right(scan.ends, pos), len(scan.ends)):
        start, end = max(scan.starts[index], pos), scan.ends[index]
        while (hit := PREFIX.search(scan.lower, start, end)) is not None:
            match = CITATION.match(text, hit.start())
            if match is not None:
                return match
            start = hit.start() + 1
    return None


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
    return code[:1].isupper() and code.upper() in _MIXED


def _glued_unit(prep: Prepared, member: _Member) -> bool:
    return bool(UNIT_AFTER.match(prep.match, member.end))


def _share_dates(members: list[_Member], date_after: str | None) -> None:
    """A date after the last member, or after the body, is every member's (§4.B),
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
