"""The grammar of citations (CITATIONS.md §4.2), as regular expressions.

All of them run over the MATCH copy of citations.prepared (diacritics folded,
Đ→D, case kept), so type words are written without diacritics: "chi thi",
"so", "ngay", "cua". CITATION is cobalt-style: one verbose pattern, a comment
on each line; the smaller ones are the steps that read a match's parts.
"""

from __future__ import annotations

import re

from vanban.model import doctypes
from vanban.model.text import fold

# Type words as they read after folding (no diacritics, Đ→D); the value is the
# doctypes name, None for the generic "văn bản". From model.doctypes.TYPES: each
# type's name and the other phrases that name it ("chương trình hành động").
TYPE_WORDS: dict[str, str | None] = {
    **{fold(word): t.name for t in doctypes.TYPES for word in (t.name, *t.words)},
    "van ban": None,
}
# Abbreviations used as the type word ("QĐ 1493/QĐ-TTg"), folded and in upper
# case, from the table's abbreviations.
ABBREVIATIONS: dict[str, str] = {fold(a).upper(): t.name for t in doctypes.TYPES for a in t.abbreviations}


def _trie(words) -> str:
    """One regex for many words, as a trie: the engine checks a first letter once
    instead of trying every word at every position (faster than a flat list of
    alternatives; the figure: bench/README.md)."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in " ".join(word.split()):
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(trie)


def _trie_node(node: dict) -> str:
    branches = [(r"\s+" if char == " " else re.escape(char)) + _trie_node(node[char])
                for char in sorted(c for c in node if c)]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body  # a word may end here or go on (thong tu → lien tich)


_TYPE = _trie(TYPE_WORDS)
_TYPE_WORDS = max(len(w.split()) for w in TYPE_WORDS)  # words of the longest type phrase
_TITLE_WORDS = 12  # words of a law's title: Luật Tổ chức chính quyền địa phương
_PREBODY_WORDS = 10  # words of an organ between "của" and "số" (older Party order)


def _abbreviation(code: str) -> str:
    """An abbreviation as the case-kept match copy reads it: upper case as
    written, a mixed-case one (CTr) also with its inner capitals in lower case
    (Ctr, as often typed), never all in upper case (CTR is no abbreviation)."""
    code = code.replace("Đ", "D")
    if code == code.upper():
        return re.escape(code)
    return code[0] + "".join(f"[{c}{c.lower()}]" if c.isupper() else re.escape(c) for c in code[1:])


_ABBR = "|".join(sorted(dict.fromkeys(_abbreviation(a) for t in doctypes.TYPES for a in t.abbreviations),
                        key=len, reverse=True))


_DATE = r"""(?:
    \d{1,2}\s*thang\s*\d{1,2}\s*,?\s*nam\s*\d{4}     # 06 tháng 5 năm 2021
  | \d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}        # 06/5/2021, 01-10-1997, 05.3.2020
)"""
_DATE_TAIL = rf"""(?:
    \s*,?\s*
    (?: \(?\s*ngay\s*:?\s*{_DATE}(?:\s*\))?           # ", ngày 06/5/2021", "(ngày 31/5/2025)", "ngày06/5/2005"
      | \(\s*{_DATE}\s*\)                             # "(31/5/2025)"
    )
)"""
# 114, 1286; 66.25 (dotted, only before a slash); 05a (a lower-case letter, only before - or /)
_NUM = r"\d{1,5}(?:\.\d{1,3}(?=\s*/)|(?-i:[a-z])(?=\s*[-/]))?"
GROUP = r"(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{1,12}"  # a State code group, with a letter in it
_PARTY = r"""
    (?P<psep>\s*-\s*|\s+|)                           # hyphen, sometimes spaced or lost (858CV/ĐUK)
    (?P<pcode>[A-Za-z]{1,4})                         # type code: KH, CTr, QĐi (Đ is folded to D)
    \s*(?P<pslash>[/-])\s*                           # the slash, or a hyphen in its place (72-NQ-TW)
    (?P<piss>[A-Za-z]{2,12}(?:-[A-Za-z]{1,10})?)     # issuer: TU, ĐUK, TWĐTN-VP
"""
_STATE = rf"""
    \s*/\s*                                          # a slash after the numeral
    (?:(?P<year>(?:19|20)\d\d)\s*(?P<ysep>[/-])\s*)?  # the year of a normative document (82/2005-QĐ-UBND)
    (?P<groups>{GROUP}(?:\s*-\s*{GROUP}){{0,4}})   # QĐ-UBND, NĐ-CP, UBND-NC, QH14: five groups at most
"""
_MEMBER = rf"""
    (?:(?<=\bso)|(?<=\bso:)|(?<![\w/:.\-]))          # not glued to a word, a path or a number
    (?P<num>{_NUM})                                  # the numeral
    (?: {_PARTY} | {_STATE} | )                      # Party symbol, State symbol, or a bare numeral
    (?![\w/]|-\w|[.,]\d)                             # not glued to what follows
    (?P<mdate>{_DATE_TAIL})?                         # its own date
"""
_SEP = r"""
    \s*(?:,|;|\s(?:va|den)\s)\s*                     # ",", ";", "và", "đến" between list members
    (?P<sso>so\s*:?\s*)?                             # each member may repeat "số"
"""
_HEAD = rf"""
    (?: (?<!\w)(?P<law>Bo\s+luat|Luat|Phap\s+lenh)   # a law, with its title before "số"
          (?P<title>(?:\s+(?!so\b)[^\W\d_]+,?){{1,{_TITLE_WORDS}}}?)(?=\s+so\b)
      | (?<!\w)(?P<type>{_TYPE})(?!\w)               # a type word, any case, diacritics or not
      | (?<!\w)(?P<abbr>(?-i:{_ABBR}))(?!\w)         # or its upper-case abbreviation (QĐ 1493/QĐ-TTg)
    )
    (?:\s*,?\s+cua\s+                                # older Party order: Quyết định của Bộ Chính trị số …
       (?P<prebody>(?:(?!so\b)[^\W\d_]+[ ,]+){{1,{_PREBODY_WORDS}}}?)(?=so\b))?
"""
_ORDINAL = r"(?:muoi(?:\s+(?:mot|hai|ba|bon|tu|lam|nam|sau|bay|tam|chin))?|nhat|hai|ba|tu|nam|sau|bay|tam|chin)"
_NAMED = rf"""
    (?<!\w)(?P<nq>Nghi\s+quyet)\s+(?P<organ>         # "Nghị quyết" + an organ and its session:
        (?-i:D)ai\s+hoi(?:\s+[^\W\d_]+){{0,8}}?\s+   #   Đại hội (đại biểu) (Đảng (bộ tỉnh)) (toàn quốc)
          (?:lan\s+thu\s+(?:{_ORDINAL}|\d{{1,2}})(?!\w)|(?:lan\s+thu\s+)?(?-i:[IVXLC]+)(?!\w))  # … lần thứ XIII
          (?:\s+cua\s+(?-i:D)ang(?!\w|\s+bo\b))?      #   … của Đảng
      | (?:(?-i:H)oi\s+nghi\s+)?(?-i:T)rung\s+uong    #   (Hội nghị) Trung ương 4 khóa XII
          \s+\d{{1,2}}\s+khoa\s+(?-i:[IVXLC]+)(?!\w)
      | (?-i:H)oi\s+nghi(?:\s+[^\W_]+){{1,12}}?       #   Hội nghị lần thứ tư Ban Chấp hành … khóa XII
          \s+khoa\s+(?-i:[IVXLC]+)(?!\w)
      | (?-i:H)oi\s+nghi(?:\s+[^\W\d_]+){{0,6}}?\s+   #   Hội nghị (Trung ương) lần thứ 8 / tám / VIII
          lan\s+thu\s+(?:{_ORDINAL}|\d{{1,2}}|(?-i:[IVXLC]+))(?!\w)
    )
  | (?<!\w)(?P<lawname>(?-i:B)o\s+luat|(?-i:L)uat)(?!\s+su\b)   # a law by its name and date
      (?P<lawtitle>\s+(?-i:[A-Z])[^\W\d_]*(?:\s+[^\W\d_]+,?){{0,{_TITLE_WORDS - 1}}}?)
      (?P<lawdate>\s*,?\s+ngay\s*:?\s*{_DATE})
"""


def _nameless(pattern: str) -> str:
    """The same pattern without named groups, to repeat it inside another."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


# The letters a citation can start with (type words, abbreviations, "số", named
# references): a cheap first test at each word before the alternatives.
_FIRST_LETTERS = "".join(sorted({w[0] for w in TYPE_WORDS} | {a[0] for a in ABBREVIATIONS} | set("snlbp")))
_SYMBOL_AHEAD = rf"(?={_NUM}(?:{_nameless(_PARTY)}|{_nameless(_STATE)})(?![\w/]|-\w))"
CITATION = re.compile(
    rf"""
    (?<!\w)(?=[0-9{_FIRST_LETTERS}])                # every form starts a word with one of these
    (?:
      (?P<numbered>
        (?:(?P<head>{_HEAD})\s*)?                    # type phrase, optional
        (?P<so>(?<!\w)so\s*:?\s*(?=\d))?             # "số", "Số:", "số82"
        (?(head)|(?(so)|{_SYMBOL_AHEAD}))            # with neither, it must start with a full symbol
        (?P<members>{_nameless(_MEMBER)}(?:{_nameless(_SEP)}{_nameless(_MEMBER)})*)
      )
    | {_NAMED}
    )
    """,
    re.X | re.I,
)


def _lower_pattern(pattern: str) -> str:
    """The pattern with its letters in lower case (escapes such as \\W kept): with
    case made irrelevant it matches wherever the original may, on lower-cased text."""
    return re.sub(r"(?<!\\)(?<!\(\?)[A-Z]", lambda m: m.group().lower(), pattern)


# Where to look at all. A citation holds a numeral, the first digit of its
# first member (a law by name: of its date), or starts with "nghị quyết" (a
# resolution by name). These anchors are found first; PREFIX then reads a
# citation from its start to its first digit in a window before each anchor,
# so a scan of the windows finds every place CITATION can start, and most of
# the text of a plan is never scanned. The windows follow from the grammar:
# - before a digit that follows "số" or "ngày" (and spaces or a colon): a
#   type phrase, "của" and an organ (_HEAD's prebody), or a law and its title,
#   in at most WORDS_BEFORE_SO words of letters with spaces and commas between;
# - before any other digit: a type phrase or an abbreviation, then spaces, in
#   at most _TYPE_WORDS words (or the symbol starts at the digit itself);
# - "nghị quyết" by name starts at its anchor;
# - and none starts before the digit before its first digit.
# PREFIX is case-blind and runs over the lower-cased text (no IGNORECASE, which
# is slower; bench/README.md); CITATION then confirms each hit with its case rules (Roman numerals,
# upper-case abbreviations, capitalised names).
WORDS_BEFORE_SO = max(2 + _TITLE_WORDS, _TYPE_WORDS + 1 + _PREBODY_WORDS)  # "bộ luật"/"pháp lệnh" + title; type + "của" + organ
# Both open with what they look for, which lets the regex engine skip to it
# instead of trying the whole pattern at every position.
DIGITS = re.compile(r"\d\d*")
RESOLUTIONS = re.compile(r"nghi\s+quyet\s")
# Read backwards, over the reversed lower-cased text, from a digit: the words
# before "số"/"ngày", or else a type phrase.
WORDS_BEFORE = re.compile(rf"""
    [\s:]*(?:os|yagn)(?:[\s,]*[^\W\d_]+){{0,{WORDS_BEFORE_SO}}}
  | \s*(?:[^\W\d_]+\s*){{0,{_TYPE_WORDS}}}
""", re.X)
PREFIX = re.compile(_lower_pattern(rf"""
    (?<!\w)(?=[0-9{_FIRST_LETTERS}])
    (?: (?:{_nameless(_HEAD)}\s*)?                   # a numbered citation: its type phrase,
        (?:(?<!\w)so\s*:?\s*)?\d                    #   "số", up to its first numeral
      | nghi\s+quyet\s                               # a resolution by name
      | (?:bo\s+)?luat\s                             # a law by name (the numeral is in its date)
    )
"""), re.X)
MEMBER = re.compile(_MEMBER, re.X | re.I)
SEPARATOR = re.compile(_SEP, re.X | re.I)
DATE_TAIL = re.compile(_DATE_TAIL, re.X | re.I)
YEAR_TAIL = re.compile(r"\s*,?\s*(?:nam\s+\d{4}|thang\s+\d{1,2}\s*/\s*\d{4})(?![\d/.-])", re.I)
BODY_INTRO = re.compile(r"\s*,?\s*cua\s+", re.I)
TYPE_START = re.compile(rf"(?:{_TYPE}|(?-i:{_ABBR}))(?!\w)|\d", re.I)  # a word that starts a citation
UNIT_AFTER = re.compile(
    r"\s*(?:%|(?:nam(?!\s+\d{4})|thang(?!\s+\d{1,2}\s*/\s*\d{4})|tuan|ngay(?!\s*:?\s*\d)|gio|phut|nguoi|xa|phuong|thi\s+tran|huyen|tinh|km|m|ha"
    r"|tan|ty|trieu|nghin|dong|lan|dot|diem|ho|thon|ap|trang|dieu|khoan|muc|chuong|phan|to|chi\s+bo"
    r"|dang\s+vien|don\s+vi|co\s+so|cuon|ban|bo)\b)",
    re.I,
)
