"""CPU time of the two hottest core filters of a build, `unbroken`
(model/markup.py) and `marked_anchor` (site/standing.py), beside the way
they were written before: Markup.format and Markup("").join, which escape
each argument in Python. The inputs are the kinds of text the generated
lists carry (labels with numbers, dates, titles, hostile text); both ways
must give the same HTML, which is checked first. Prints figures; asserts
nothing else.

    python bench/filters_bench.py              # 8,000 + 4,000 calls, best of 5
    python bench/filters_bench.py --repeat 9
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "hooks"))

from markupsafe import Markup, escape  # noqa: E402

from vanban.citations.linking import ENDED_CLASS, MARK_CLASS  # noqa: E402
from vanban.graph.status import NOT_KNOWN, REPLACED, Status  # noqa: E402
from vanban.model.markup import NUMBER, NUMBER_CLASS, number_pieces, unbroken  # noqa: E402
from vanban.site.standing import link_title, marked_anchor  # noqa: E402

TEXTS = [
    "Kế hoạch 114-KH/ĐUK", "114-KH/ĐUK và 30/2020/NĐ-CP.", "ngày 06/05/2021", "Tỉnh ủy Bến Tre",
    "Về việc tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống tham nhũng, tiêu cực trong tình hình mới",
    "Về việc triển khai Nghị quyết 05-NQ/TU năm 2021", "năm 2019", ', ngày 06/05/2021: Về việc <b>"x"</b>',
]
ENDED = Status(REPLACED, source="Ban Thường vụ Tỉnh ủy")
LINKS = [("Kế hoạch 114-KH/ĐUK", "../../2023/114-kh-duk/", NOT_KNOWN),
         ("Quyết định 215-QĐ/ĐUK", "../../2024/215-qd-duk/", ENDED)]


def unbroken_before(value: object) -> Markup:
    text = str(value)
    if not NUMBER.search(text):
        return escape(text)
    return Markup("").join(
        Markup('<span class="{}">{}</span>').format(NUMBER_CLASS, piece) if number else escape(piece)
        for piece, number in number_pieces(text))


def marked_anchor_before(label: str, target: str, status: Status = NOT_KNOWN) -> Markup:
    if not status.marker:
        return Markup('<a href="{}">{}</a>').format(target, unbroken_before(label))
    return Markup('<a class="{ended}" href="{target}" title="{title}">{label}<span class="{mark}"> ({marker})</span></a>'
                  ).format(target=target, title=link_title(status), ended=ENDED_CLASS, label=unbroken_before(label),
                           mark=MARK_CLASS, marker=unbroken_before(status.marker))


def best(call, items, repeat: int) -> float:
    """Seconds of CPU for one pass over items, the best of `repeat`."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        for item in items:
            call(*item)
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    for text in TEXTS:
        assert str(unbroken(text)) == str(unbroken_before(text)), text
    for link in LINKS:
        assert str(marked_anchor(*link)) == str(marked_anchor_before(*link)), link
    texts = [(t,) for t in TEXTS] * 1000
    links = LINKS * 2000
    for name, now, before, items in (("unbroken", unbroken, unbroken_before, texts),
                                     ("marked_anchor", marked_anchor, marked_anchor_before, links)):
        old, new = best(before, items, args.repeat), best(now, items, args.repeat)
        print(f"{name}: {len(items)} lần gọi, trước {old * 1000:.1f} ms ({old / len(items) * 1e6:.2f} µs/lần), "
              f"nay {new * 1000:.1f} ms ({new / len(items) * 1e6:.2f} µs/lần), nhanh hơn {old / new:.1f} lần")


if __name__ == "__main__":
    main()
