"""Why a front matter cannot be read, in an office editor's words.

The YAML parser's own messages ("found character '\\t' that cannot start any
token", "mapping values are not allowed here") are English and name the
grammar, not the slip. Each common slip has a recognisable trace in the
parser's error and the line it points at: a tab, Word's curly quotes, a colon
inside a value, a line out of step with its neighbours, a list line without
"- ", a body that starts before the closing ---. One message per cause, with
the line as written and a marker under the column; the parser's text is never
shown (the fallback says where, not the parser's words).
"""

from __future__ import annotations

import dataclasses
import re

from vanban.model.problems import FRONT, Problem

FIRST_LINE = 2  # the front matter's first line in the file, after the opening ---
CURLY = "“”‘’„‟«»"
_KEY = re.compile(r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[^\s:#\"'“”][^:]*?)\s*:(?=\s|$)")
_KEY_LIKE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*\s*:(\s|$)")
_LIST_ITEM = re.compile(r"^\s*-(\s|$)")
_WRONG_FENCE = re.compile(r"^\s*(?:-{1,2}|-{4,}|[—–]+|(?:-\s+){2,}-|_{3,}|\*{3,})\s*$")

INDENT_EXAMPLE = ("noi_nhan:\n  - Ban Dân vận Tỉnh ủy\n  - Đăng Website\n"
                  "nhiem_vu:\n  - noi_dung: Xây dựng kế hoạch\n    don_vi:\n      - Ban Thường vụ Đoàn Khối\n"
                  "    han: 4/2023")
LIST_EXAMPLE = "noi_nhan:\n  - Ban Dân vận Tỉnh ủy\n  - Các chi ủy, đảng ủy cơ sở\n  - Đăng Website"
FRONT_EXAMPLE = "---\nso_hieu: 114-KH/ĐUK\nloai: Kế hoạch\ntrich_yeu: Thực hiện công tác dân vận năm 2023\n---"


def explain(err, lines: list[str], name: str, first_line: int = FIRST_LINE) -> Problem:
    """One Problem for a YAMLError raised on the front matter `lines` (or any
    YAML text an editor writes, whose first line is `first_line` of its file)."""
    found = _explain(err, lines, name)
    if first_line != FIRST_LINE:
        found = dataclasses.replace(found, line=found.line - FIRST_LINE + first_line)
    return found


def _explain(err, lines: list[str], name: str) -> Problem:
    problem_mark = getattr(err, "problem_mark", None)
    context_mark = getattr(err, "context_mark", None)
    problem = str(getattr(err, "problem", "") or "")
    context = str(getattr(err, "context", "") or "")
    if problem_mark is None and hasattr(err, "position") and hasattr(err, "character"):
        return _unprintable(err, lines, name)  # a ReaderError: it has a position, no mark
    at = _mark(problem_mark, lines) or (0, 0)
    for diagnose in (_tab, _curly, _colon_or_indent, _block_end, _no_dash, _flow, _quoted, _special):
        found = diagnose(lines, at, _mark(context_mark, lines), problem, context, name)
        if found is not None:
            return found
    line, column = at
    return _problem(name, lines, line, column + 1,
                    f"Phần thông tin đầu có chỗ không đọc được ở dòng {line + FIRST_LINE}, cột {column + 1}.",
                    "mỗi dòng có dạng khóa: giá trị (sau dấu hai chấm là một dấu cách); giá trị có dấu hai chấm "
                    "hay bắt đầu bằng ký tự đặc biệt thì đặt trong ngoặc kép thẳng",
                    'trich_yeu: "Về việc: tổ chức hội nghị"')


def _unprintable(err, lines: list[str], name: str) -> Problem:
    """A control character (U+0000–U+001F but tab and newline, U+007F…) that YAML does not allow."""
    text = "\n".join(lines)
    position = min(max(err.position, 0), len(text))
    line = text.count("\n", 0, position)
    column = position - (text.rfind("\n", 0, position) + 1)
    code = err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or "\0")
    return _problem(name, lines, line, column + 1,
                    f"Phần thông tin đầu có ký tự điều khiển U+{code:04X} (không nhìn thấy, thường lẫn vào khi chép "
                    f"từ nơi khác) ở dòng {line + FIRST_LINE}, cột {column + 1}.",
                    "chỉ chữ, số và dấu thường; xóa ký tự đó hoặc gõ lại dòng này",
                    "trich_yeu: Thực hiện công tác dân vận năm 2023", _field(_text(lines, line)))


def _mark(mark, lines: list[str]) -> tuple[int, int] | None:
    if mark is None:
        return None
    line = min(mark.line, max(len(lines) - 1, 0))
    return line, mark.column


def _text(lines: list[str], line: int) -> str:
    return lines[line] if 0 <= line < len(lines) else ""


def _problem(name: str, lines: list[str], line: int, column: int, message: str, expected: str,
             example: str, field: str = FRONT) -> Problem:
    return Problem(name, line + FIRST_LINE, field, message, expected, example,
                   column=max(column, 1), source=_text(lines, line))


def _tab(lines, at, context_at, problem, context, name):
    candidates = [m for m in (at, context_at) if m is not None]
    for line, column in candidates:
        text = _text(lines, line)
        if "\t" in problem or "\t" in text[: len(text) - len(text.lstrip())]:
            where = column if column < len(text) and text[column] == "\t" else text.find("\t")
            return _problem(name, lines, line, where + 1,
                            "Dòng có ký tự Tab (phím Tab). Phần thông tin đầu chỉ thụt lề bằng dấu cách.",
                            "thay mỗi Tab bằng dấu cách: hai dấu cách cho mỗi mức thụt lề", INDENT_EXAMPLE)
    return None


def _value_start(text: str) -> int:
    """Index where the value of a `key: value` line starts, or -1."""
    match = _KEY.match(text)
    if not match:
        return -1
    rest = match.end()
    while rest < len(text) and text[rest] == " ":
        rest += 1
    return rest


def _quoted_example(text: str, start: int) -> str:
    """The line with its value in straight double quotes (Word's quotes at its ends dropped)."""
    value = text[start:].strip()
    if len(value) >= 2 and value[0] in CURLY and value[-1] in CURLY:
        value = value[1:-1]
    value = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{text[:start].strip()} "{value}"'


def _curly(lines, at, context_at, problem, context, name):
    for mark in (at, context_at):
        if mark is None:
            continue
        text = _text(lines, mark[0])
        start = _value_start(text)
        if start >= 0 and start < len(text) and text[start] in CURLY:
            return _problem(
                name, lines, mark[0], start + 1,
                "Giá trị đặt trong dấu ngoặc kép cong “…” (kiểu của Word). Phần thông tin đầu chỉ hiểu "
                "ngoặc kép thẳng \"…\", nên đọc sai giá trị này.",
                "ngoặc kép thẳng \" ở hai đầu giá trị (gõ phím \" trong trình soạn thảo văn bản thuần, không "
                "dán từ Word); ngoặc cong bên trong giá trị thì giữ nguyên",
                _quoted_example(text, start), _field(text))
    return None


def _field(text: str) -> str:
    match = _KEY.match(text)
    key = match.group("key") if match else ""
    return key if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", key) else FRONT


def _colon_or_indent(lines, at, context_at, problem, context, name):
    if at is None or "mapping values are not allowed" not in problem:
        return None
    line, column = at
    text = _text(lines, line)
    match = _KEY.match(text)
    if match and match.end("key") <= column and text.find(":", match.end("key")) < column:
        start = _value_start(text)
        return _problem(
            name, lines, line, column + 1,
            f"Giá trị của “{match.group('key')}” có dấu hai chấm theo sau là dấu cách (“: ”), nên bị hiểu nhầm "
            "là một trường mới.",
            "đặt cả giá trị trong ngoặc kép thẳng \"…\"", _quoted_example(text, start), _field(text))
    return _indent(lines, line, name)


def _indent(lines: list[str], line: int, name: str) -> Problem:
    text = _text(lines, line)
    column = len(text) - len(text.lstrip(" ")) + 1
    return _problem(name, lines, line, column,
                    "Dòng này thụt lề không khớp với các dòng cùng cấp: số dấu cách ở đầu dòng sai.",
                    "các trường ở đầu dòng, không thụt lề; các mục “- ” của một danh sách thẳng cột với nhau; "
                    "các trường của một nhiệm vụ thẳng cột với chữ đầu tiên sau “- ”", INDENT_EXAMPLE)


def _block_end(lines, at, context_at, problem, context, name):
    if at is None or not problem.startswith("expected <block end>"):
        return None
    line, column = at
    text = _text(lines, line)
    if "<scalar>" in problem and any(q in text[:column] for q in "\"'"):
        return _problem(name, lines, line, column + 1,
                        "Sau dấu ngoặc kép đóng vẫn còn chữ: cả giá trị phải nằm trong một cặp ngoặc kép.",
                        "ngoặc kép thẳng ở đầu và cuối giá trị; ngoặc kép bên trong giá trị dùng ngoặc cong “…”",
                        'trich_yeu: "Triển khai phong trào “Dân vận khéo” năm 2023"', _field(text))
    return _indent(lines, line, name)


def _no_dash(lines, at, context_at, problem, context, name):
    if context_at is None or "could not find expected ':'" not in problem:
        return None
    line, column = context_at
    text = _text(lines, line)
    before = next((i for i in range(line - 1, -1, -1) if lines[i].strip()), -1)
    previous = _text(lines, before)
    if _LIST_ITEM.match(previous) or previous.rstrip().endswith(":"):
        dash = previous[: len(previous) - len(previous.lstrip())] if _LIST_ITEM.match(previous) else "  "
        item = text.strip()
        return _problem(name, lines, line, column + 1,
                        f"Dòng “{item}” nằm trong danh sách nhưng thiếu “- ” ở đầu.",
                        "mỗi mục của danh sách là một dòng bắt đầu bằng dấu gạch ngang và một dấu cách",
                        f"{previous.rstrip()}\n{dash}- {item}")
    if before < line - 1:  # a blank line, then text that is no field: the body, started early
        return _unclosed_here(lines, line, name)
    return _problem(name, lines, line, column + 1,
                    "Dòng này không có dạng khóa: giá trị.",
                    "mỗi dòng có dạng khóa: giá trị, sau dấu hai chấm là một dấu cách", "trich_yeu: Tổ chức hội nghị")


def _flow(lines, at, context_at, problem, context, name):
    if "flow" not in context or context_at is None:
        return None
    line, column = context_at
    text = _text(lines, line)
    opening = max(text.rfind("[", 0, column + 1), text.rfind("{", 0, column + 1))
    column = opening if opening >= 0 else column
    return _problem(name, lines, line, column + 1,
                    "Dấu ngoặc [ hoặc { mở ở đây nhưng không được đóng đúng chỗ.",
                    "danh sách viết mỗi mục một dòng bắt đầu bằng “- ”, không dùng ngoặc [ ]", LIST_EXAMPLE)


def _quoted(lines, at, context_at, problem, context, name):
    if "quoted scalar" not in context or context_at is None:
        return None
    line, column = context_at
    return _problem(name, lines, line, column + 1,
                    "Dấu ngoặc kép mở ở đây không được đóng trên cùng dòng.",
                    "ngoặc kép thẳng ở cả đầu và cuối giá trị", 'trich_yeu: "Về việc: tổ chức hội nghị"',
                    _field(_text(lines, line)))


def _special(lines, at, context_at, problem, context, name):
    mark = context_at or at
    if mark is None or not any(word in context for word in ("alias", "anchor", "tag", "directive", "block scalar")):
        return None
    line, column = mark
    if line > 0 and not lines[line - 1].strip():
        return _unclosed_here(lines, line, name)
    text = _text(lines, line)
    return _problem(name, lines, line, column + 1,
                    f"Giá trị bắt đầu bằng ký tự đặc biệt “{text[column:column + 1]}”.",
                    "giá trị bắt đầu bằng *, &, !, %, @, `, | hoặc > thì đặt trong ngoặc kép thẳng",
                    '"*Ghi chú*"' if _field(text) == FRONT else f'{_field(text)}: "{text[column:].strip()}"',
                    _field(text))


def _is_yaml(text: str) -> bool:
    return bool(text[:1].isspace() or _KEY_LIKE.match(text) or _LIST_ITEM.match(text) or text.startswith("# "))


def _unclosed_here(lines: list[str], line: int, name: str) -> Problem:
    # The body may have begun a paragraph or two before the line the parser
    # stopped at: it begins after the last line shaped like a field.
    last_field = next((i for i in range(line - 1, -1, -1) if lines[i].strip() and _is_yaml(lines[i])), -1)
    line = next((i for i in range(last_field + 1, line + 1) if lines[i].strip()), line)
    last = _text(lines, last_field)
    return _problem(name, lines, line, 1,
                    "Nội dung văn bản bắt đầu ở đây nhưng phần thông tin đầu chưa được đóng bằng dòng ---.",
                    "một dòng chỉ có ba dấu gạch ngang --- sau trường cuối cùng, trước nội dung",
                    f"{last.rstrip()}\n---\n\n{_text(lines, line).strip()[:60]}")


# --- the two --- lines -------------------------------------------------------------

def missing_opening(lines: list[str], name: str) -> Problem:
    first = lines[0] if lines else ""
    if _WRONG_FENCE.match(first):
        return Problem(name, 1, FRONT, f"Dòng đầu tiên ghi “{first.strip()}” thay vì ba dấu gạch ngang ---.",
                       "dòng đầu tiên chỉ có ba dấu gạch ngang --- (gõ phím -, không dùng dấu gạch dài của Word)",
                       FRONT_EXAMPLE, column=1, source=first)
    if _KEY_LIKE.match(first):
        return Problem(name, 1, FRONT, "Thiếu dòng --- mở phần thông tin đầu văn bản.",
                       "dòng đầu tiên là ---, sau đó các trường, rồi một dòng --- nữa", FRONT_EXAMPLE,
                       column=1, source=first)
    return Problem(name, 1, FRONT, "Thiếu phần thông tin đầu văn bản.",
                   "dòng đầu tiên là ---, sau đó các trường, rồi một dòng --- nữa", FRONT_EXAMPLE)


def missing_closing(lines: list[str], name: str) -> Problem:
    """`lines` is the whole file; the closing --- was not found. Point at the
    likely place: a line meant as ---, or the first line of the body."""
    for index in range(1, len(lines)):
        text = lines[index]
        if _WRONG_FENCE.match(text):
            return Problem(name, index + 1, FRONT, f"Dòng đóng phần thông tin đầu ghi “{text.strip()}” thay vì ---.",
                           "một dòng chỉ có ba dấu gạch ngang --- (gõ phím -, không dùng dấu gạch dài của Word)",
                           "---", column=1, source=text)
    for index in range(2, len(lines)):
        text = lines[index]
        if not text.strip() or not lines[index - 1].strip() == "":
            continue
        if not _is_yaml(text):
            problem = _unclosed_here(lines[1:], index - 1, name)
            return Problem(name, index + 1, FRONT, "Phần thông tin đầu văn bản không có dòng --- đóng lại.",
                           problem.expected, problem.example, column=1, source=text)
    return Problem(name, 1, FRONT, "Phần thông tin đầu văn bản không có dòng --- đóng lại.",
                   "một dòng --- sau trường cuối cùng", "---\nso_hieu: 114-KH/ĐUK\n…\n---")
