"""Problems found in documents, reported to editors in Vietnamese.

Every problem names the file, the line and the field, says what was expected
and gives a correct example, so an editor can fix it without asking anyone.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str  # the front-matter key, or a name such as "mã hóa" for whole-file faults
    message: str  # what is wrong
    expected: str = ""  # what was expected
    example: str = ""  # a correct value
    severity: str = "lỗi"  # "lỗi" fails the build; "cảnh báo" does not

    def format(self) -> str:
        text = f"{self.file}:{self.line}: {self.severity} [{self.field}] {self.message}"
        if self.expected:
            text += f" Cần: {self.expected}."
        if self.example:
            text += f" Ví dụ đúng: {self.example}"
        return text

    def as_dict(self) -> dict:
        return asdict(self)

    @property
    def is_error(self) -> bool:
        return self.severity == "lỗi"


class DocumentErrors(Exception):
    """Raised when documents have errors; carries every problem of the run."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        count = sum(p.is_error for p in problems)
        lines = "\n".join(p.format() for p in problems)
        super().__init__(f"Có {count} lỗi trong văn bản, không xuất bản:\n{lines}")


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]
