"""Golden test: the seed plan's linked Markdown, as the document page gets it.

The expected text is checked in at tests/golden/114-kh-duk.md. After a
deliberate change, regenerate it and review the diff:

    VANBAN_GOLDEN=1 python3 -m pytest tests/test_linking_golden.py
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from vanban.site import build as core

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).parent / "golden" / "114-kh-duk.md"
SEED = "van-ban/2023/114-kh-duk.md"
OUR_SECTIONS = ('<section class="vb-dan-chieu-di"', '<section class="vb-lien-quan"', '<section class="vb-duoc-dan-chieu"')


def linked_markdown(tmp_path: Path) -> str:
    """The seed plan alone, built by the core with the real registry."""
    shutil.copytree(ROOT / "plans" / "2023", tmp_path / "plans" / "2023")
    for extra in (tmp_path / "plans" / "2023").iterdir():
        if extra.name != "114-kh-duk.md":
            extra.unlink()
    options = core.Options(identity={"tinh": "Bến Tre"}, registry=ROOT / "data" / "registry.yml")
    parts = core.build(tmp_path / "plans", options, base=tmp_path).parts[SEED]
    ours = [s for s in parts.sections if s.startswith(OUR_SECTIONS)]  # other steps add theirs
    text = parts.body.rstrip("\n") + "\n\n<!-- các phần thêm vào trang -->\n\n" + "\n".join(ours)
    return SEAL.sub("<!-- vb-html -->", text)  # a seal is drawn anew in each process (model.markup.raw_html)


SEAL = re.compile(r"<!-- vb-html [0-9a-f]{32} -->")


def test_seed_plan_linked_markdown_matches_the_golden_file(tmp_path):
    actual = linked_markdown(tmp_path)
    if os.environ.get("VANBAN_GOLDEN"):
        GOLDEN.write_text(actual, encoding="utf-8")
    assert actual == GOLDEN.read_text(encoding="utf-8")


def test_golden_file_links_every_citation_of_the_seed():
    golden = GOLDEN.read_text(encoding="utf-8")
    body = golden[:golden.index("<!-- các phần thêm vào trang -->")]
    links = re.findall(r"\[([^\]]+)\]\(([^)]+)\)\{\.vb-dan-chieu\}", body)
    assert [label for label, _ in links] == [
        "Chương trình số 36-CTr/TU", "Chỉ thị số 06-CT/TU", "Quy chế số 09-QC/ĐUK",
        "Nghị quyết Đại hội Đảng toàn quốc lần thứ XIII", "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI",
        "Quyết định số 306-QĐ/TU", "Chỉ thị số 06-CT/TU", "Chỉ thị số 08-CT/TU", "Quy chế số 09-QC/ĐUK",
        "Nghị quyết Đại hội đại biểu Đảng bộ Khối lần thứ XIII", "Chỉ thị số 08-CT/TU", "Chỉ thị số 18-CT/TW",
        "Quyết định số 218-QĐ/TW", "Chỉ thị số 18-CT/TW",
    ]
    assert all(target.startswith("../dan-chieu/") for _, target in links)
    # Without the links, the text is the seed's body as written.
    seed = (ROOT / "plans" / "2023" / "114-kh-duk.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    unlinked = re.sub(r"\[([^\]]+)\]\([^)]+\)\{\.vb-dan-chieu\}", r"\1", body)
    assert unlinked.strip() == seed.strip()
