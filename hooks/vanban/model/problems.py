"""Problems found in documents, reported to editors in Vietnamese.

Every problem names the file, the line and the field, says what was expected
and gives a correct example, so an editor can fix it without asking anyone.
A problem may also carry the line as written and the column at fault: it is
then shown under the message with a marker (^) under that column. Examples of
several lines are shown on lines of their own, as they are to be typed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

# The field tag of faults in the front matter as a whole (not in one field).
FRONT = "thông tin đầu"
ERROR, WARNING, NOTE = "lỗi", "cảnh báo", "lưu ý"
# A control character from a file (an escape sequence written "\e[31m" in a
# value) would act on the editor's terminal or a CI log: shown as its picture
# (␛), one character for one, so a marker stays under its column.
_VISIBLE = {**{c: 0x2400 + c for c in range(32) if c not in (9, 10)}, 0x7F: 0x2421,
            **dict.fromkeys(range(0x80, 0xA0), 0xFFFD)}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str  # the front-matter key, or a name such as "mã hóa" for whole-file faults
    message: str  # what is wrong
    expected: str = ""  # what was expected
    example: str = ""  # a correct value; may span lines
    severity: str = ERROR  # "lỗi" fails the build; "cảnh báo" and "lưu ý" do not
    column: int = 0  # 1-based column at fault in `source`, 0 when not known
    source: str = ""  # the line as written, shown with a marker under `column`

    def format(self) -> str:
        text = f"{self.file}:{self.line}: {self.severity} [{self.field}] {self.message}"
        multiline = "\n" in self.example
        if self.source:
            text += "\n" + shown_line(self.line, self.source, self.column)
        if self.expected:
            text += f"\n  Cần: {self.expected}." if (self.source or multiline) else f" Cần: {self.expected}."
        if self.example:
            if multiline:
                text += "\n  Ví dụ đúng:\n" + "\n".join("    " + line for line in self.example.split("\n"))
            elif self.source:
                text += f"\n  Ví dụ đúng: {self.example}"
            else:
                text += f" Ví dụ đúng: {self.example}"
        return text.translate(_VISIBLE)

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR


def shown_line(number: int, source: str, column: int) -> str:
    """The line with its number, and a ^ under `column`. A tab is shown as →
    (one character, as the parser counts it) so the editor sees it and the
    marker stays under it."""
    visible = source.replace("\t", "→")
    gutter = f"  {number:>4} | "
    text = gutter + visible
    if column > 0:
        text += "\n" + " " * (len(gutter) - 2) + "| " + " " * (column - 1) + "^"
    return text


class DocumentErrors(Exception):
    """Raised when documents have errors; carries every problem of the run."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = sum(p.is_error for p in problems)
        lines = "\n".join(p.format() for p in problems)
        super().__init__(f"Có {count} lỗi trong văn bản, không xuất bản:\n{lines}")


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]
