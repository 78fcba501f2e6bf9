"""A citation found in a text: what it names, and where it is written."""

from __future__ import annotations

from typing import NamedTuple


class Citation(NamedTuple):
    # A named tuple, not a frozen dataclass: tens of thousands are made, pickled
    # back from the parsing workers and cached at every build: cheaper to make
    # and to send (the figure: bench/README.md, "Số đo trong chú thích").
    type: str  # full Vietnamese type name, as in model.doctypes
    number: str | None  # canonical số hiệu; bare digits when partial; None when named
    issuer: str | None  # code after the slash (Party) or after the type code (State)
    date: str | None  # ISO date, only when a full date is written after the number
    body: str | None  # issuing body as written after "của", or a named reference's organ
    start: int  # text[start:end] is what becomes a link
    end: int

    def as_dict(self) -> dict:
        return self._asdict()
