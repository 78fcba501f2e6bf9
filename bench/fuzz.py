"""Malformed and hostile inputs against the loader, the citation parser,
`vanban check` and `vanban import`: crashes, hangs and peak memory counted.

    python bench/fuzz.py --count 10000                  # every target, 10,000 inputs each
    python bench/fuzz.py --count 500 --target check     # one target
    python bench/fuzz.py --count 5000 --first 5000      # the second half of a 10,000 run
    python bench/fuzz.py --count 50 --json              # one JSON line a target, for tests

Input number i of a target is made from (--seed, i) alone, so a run split in
parts (--first) tries the same inputs as one run, and a crash is replayed with
--first i --count 1 --show. The inputs: random YAML (anchors, aliases, tags,
flow and block nesting, escapes such as "\\ud800", huge numbers, impossible
dates), mutations of the seed plan (bytes flipped, cut, repeated; invalid
UTF-8 put at every position in turn; control characters; very long lines;
deep nesting), citations in odd spacing and at odd places, and corrupted
.docx archives (cut, bytes flipped, table-of-contents fields changed, parts
replaced by broken or deeply nested XML, unknown compression, encryption
flags, parts packed far too tightly).

A crash is any exception out of the target other than the project's own
reported problems (a Problem, NotReadable, and for the loader alone a YAML
syntax error or a refusal). Each target runs in a child process under a memory
cap (--memory); a child that dies (a segmentation fault, the cap) is a crash at
the input it was on, one that gives no answer within --timeout seconds is a
hang; the child is then started again at the next input. Peak memory is the
largest resident size of any child (ru_maxrss), for the whole run of a target.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import random
import resource
import select
import subprocess
import sys
import tempfile
import time
import traceback
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_PLAN = (ROOT / "plans" / "2023" / "114-kh-duk.md").read_bytes()
TARGETS = ("loader", "citations", "check", "import")


# --- inputs ----------------------------------------------------------------------------

FIELDS = ("so_hieu", "loai", "trich_yeu", "co_quan_ban_hanh", "ngay_ban_hanh", "nam", "noi_nhan", "nhiem_vu",
          "thuc_hien", "can_cu", "publish", "tham_quyen_ky", "trang_thai", "noi_dung", "don_vi", "han", "<<", "? ")
SCALARS = ("114-KH/ĐUK", "Số 114 -KH/ĐUK", "1286/QĐ-UBND", "30/2020/NĐ-CP", "Kế hoạch", "Chỉ thị", "2023-02-30",
           "2023-13-01", "0000-00-00", "2023-05-10", "2023-05-10T25:61:61Z", "31/2/2023", "4/2023", "2023", "1e999",
           "-.inf", ".nan", "0x1F", "0o17", "0b101", "1_000", "~", "null", "yes", "No", "true", "=", "!!binary x",
           "!!python/object:os.system x", "!!set {a, b}", "!!omap [a: 1]", "!!timestamp 2023-02-30",
           "!!int 9" + "9" * 5000, "9" * 5000, "!!float x", "!!str", "!!merge x", "!<tag:yaml.org,2002:merge> x",
           "'it''s'", '"\\ud800"', '"\\udfff\\ud800"', '"\\U0010FFFF"', '"\\U00110000"', '"\\x00"', '"\\N\\_\\L\\P"',
           '"\\e\\a"', '"\\', "'", '"', "`x`", "@x", "%x", "|", ">", "|-\n  a\n b", "- ", "[", "]", "{", "}", ",",
           "*a", "&a", "&a x", "*", "&", "#", ": :", "::", "---", "...", "\t", "\u00a0", "\u200b", "\ufeff", "\x85",
           "\u2028", "\x7f", "\x01", "\x1b[31m", "“Dân vận khéo”", "Đăng Website", "ı", "ſ", "Ð")


def _yaml_value(rng: random.Random, depth: int) -> str:
    roll = rng.random()
    if depth > 0 and roll < 0.25:
        items = [_yaml_value(rng, depth - 1) for _ in range(rng.randint(0, 4))]
        return "[" + ", ".join(items) + "]" if rng.random() < 0.5 else "{" + ", ".join(
            f"{rng.choice(FIELDS)}: {v}" for v in items) + "}"
    if roll < 0.35:
        return rng.choice(("&", "*")) + rng.choice("abc") + " " * rng.randint(0, 1)
    if roll < 0.85:
        return rng.choice(SCALARS)
    return "".join(chr(rng.choice((rng.randint(0, 0x7f), rng.randint(0x80, 0x2fff), rng.randint(0xe000, 0x10ffff))))
                   for _ in range(rng.randint(0, 12)))


def random_yaml(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.1:  # deep nesting of every shape
        depth = rng.choice((25, 200, 5_000, 60_000))
        shape = rng.choice(("[", "{a: ", "- ", "indent", "? "))
        if shape == "indent":
            return "".join(" " * i + f"k{i}:\n" for i in range(min(depth, 3000))) + " " * 3000 + "x"
        return "so_hieu: " + shape * depth + rng.choice(("", "x", "]" * depth))
    if kind < 0.15:  # an alias bomb, sometimes well formed
        lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        for i, name in enumerate("bcdefghi"):
            prev = "abcdefghi"[i]
            lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        return "\n".join(lines[:rng.randint(2, 9)])
    lines = []
    for _ in range(rng.randint(0, 12)):
        indent = " " * rng.choice((0, 0, 0, 1, 2, 4))
        lead = rng.choice(("", "", "- ", "? ", "  - "))
        lines.append(f"{indent}{lead}{rng.choice(FIELDS)}:{rng.choice(('', ' ', '  ', chr(9)))}{_yaml_value(rng, 3)}")
    if rng.random() < 0.1:
        lines.append("trich_yeu: " + "x" * rng.choice((10_000, 300_000)))  # a very long line
    return "\n".join(lines)


def mutate(rng: random.Random, data: bytes, index: int) -> bytes:
    data = bytearray(data or b"-")
    kind = rng.randrange(9)
    if kind == 0:  # invalid UTF-8 at every position in turn (index walks the file)
        pos = index % (len(data) + 1)
        data[pos:pos] = rng.choice((b"\xff", b"\xc3", b"\xe1\xba", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x80",
                                    b"\xc0\xaf"))
    elif kind == 1:
        for _ in range(rng.randint(1, 20)):
            if data:
                data[rng.randrange(len(data))] = rng.randrange(256)
    elif kind == 2:
        cut = rng.randrange(len(data) + 1)
        data = data[:cut] if rng.random() < 0.5 else data[cut:]
    elif kind == 3:  # a range repeated, up to a few MB
        start = rng.randrange(len(data))
        piece = data[start:start + rng.randint(1, 400)]
        data[start:start] = piece * rng.choice((2, 50, 5_000))
    elif kind == 4:  # control characters and odd spaces
        for _ in range(rng.randint(1, 30)):
            pos = rng.randrange(len(data) + 1)
            data[pos:pos] = rng.choice(("\x00", "\x07", "\x1b", "\r", "\r\n", "\x0b", "\x0c", "\x85", "\u2028",
                                        "\u00a0", "\u200b", "\ufeff", "\t", "\u202e")).encode()
    elif kind == 5:  # the front matter replaced by random YAML
        text = bytes(data).split(b"\n---\n", 1)
        data = bytearray(b"---\n" + random_yaml(rng).encode("utf-8", "surrogatepass") + b"\n---\n"
                         + (text[1] if len(text) > 1 else b""))
    elif kind == 6:  # a field's line replaced by a random one
        lines = bytes(data).split(b"\n")
        if len(lines) < 2:
            lines.append(b"")
        at = rng.randrange(1, min(len(lines), 40))
        lines[at] = f"{rng.choice(FIELDS)}: {_yaml_value(rng, 2)}".encode("utf-8", "surrogatepass")
        data = bytearray(b"\n".join(lines))
    elif kind == 7:  # a very long line in the body
        data += (rng.choice(("số ", "1/", "Chỉ thị số ", "-", "*", "`", " ", "ngày 1/1/")) * rng.choice(
            (1_000, 50_000, 200_000))).encode()
    else:  # the body replaced by citations in odd spacing
        head = bytes(data).split(b"\n---\n", 1)[0]
        data = bytearray(head + b"\n---\n" + citation_text(rng).encode("utf-8", "surrogatepass"))
    return bytes(data)


TYPES = ("Chỉ thị", "Nghị quyết", "Kế hoạch", "Quyết định", "Chương trình", "Thông báo", "Luật", "Nghị định",
         "Thông tư", "Quy chế", "Kết luận", "Hướng dẫn", "Công văn", "NQ", "CT", "nghị quyết", "NGHỊ QUYẾT")
NUMBERS = ("06-CT/TU", "36-CTr/TU", "09-QC/ĐUK", "18-CT/TW", "1286/QĐ-UBND", "30/2020/NĐ-CP", "114-KH/ĐUK",
           "43/2019/QH14", "01/2023/TT-BNV", "06 - CT / TU", "06-CT/T.U", "06–CT/TU", "06-ct/tu", "6-CT/TU/TU",
           "06-CT/", "-CT/TU", "06/", "/", "//", "1/1/1/1/1", "99999999999999999999-CT/TU", "06-CT/TU,07-CT/TU")
SPACES = (" ", "  ", "\u00a0", "\t", "\n", "\u200b", "\u202f", "\u3000", "", " \n ", "\r\n", "\u2009")


def citation_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 30)):
        roll = rng.random()
        sp = rng.choice(SPACES)
        if roll < 0.5:
            parts.append(f"{rng.choice(TYPES)}{sp}số{rng.choice(SPACES)}{rng.choice(NUMBERS)}{rng.choice(SPACES)},"
                         f"{sp}ngày{sp}{rng.randint(0, 40)}/{rng.randint(0, 14)}/{rng.randint(1890, 2200)}{sp}"
                         f"của{sp}Ban Thường vụ Tỉnh ủy")
        elif roll < 0.6:
            parts.append(rng.choice(("số ", "ngày ", "Nghị quyết ", "Đại hội ", "XIII ", "khóa XII ", "Điều 5 ",
                                     "khoản 2 ", "và ", ", ", "; ", "các ", "1/", "-")) * rng.randint(1, 3000))
        elif roll < 0.7:
            parts.append(rng.choice(("**", "*", "_", "__", "`", "```", "[", "](", ")", "<", ">", "|", "#", "\\"))
                         * rng.randint(1, 500))
        elif roll < 0.8:
            parts.append("".join(rng.choice("0123456789/-.,Đ ") for _ in range(rng.randint(1, 2000))))
        elif roll < 0.9:
            parts.append(f"Nghị quyết{sp}Đại hội{sp}{rng.choice(('XIII', 'XI', 'lần thứ XIII', 'đại biểu', ''))}"
                         f"{sp}Đảng bộ tỉnh{sp}lần thứ{sp}{rng.choice(('XI', 'X', '11', ''))}")
        else:
            parts.append("".join(chr(rng.randint(1, 0x2fff)) for _ in range(rng.randint(1, 200))))
        parts.append(rng.choice(SPACES + (". ", "\n\n", "; ")))
    return "".join(parts)


def _minimal_docx(body: bytes) -> dict[str, bytes]:
    return {
        "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                               b'content-types"><Default Extension="xml" ContentType="application/xml"/>'
                               b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                               b'relationships+xml"/><Override PartName="/word/document.xml" ContentType="application/'
                               b'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        "_rels/.rels": b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                       b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
                       b'2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        "word/document.xml": b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                             b'wordprocessingml/2006/main"><w:body>' + body + b"</w:body></w:document>",
    }


def _para(text: str, bold: bool = False) -> bytes:
    run = b"<w:rPr><w:b/></w:rPr>" if bold else b""
    return b"<w:p><w:r>" + run + b"<w:t xml:space=\"preserve\">" + text.encode("utf-8", "surrogatepass") \
        + b"</w:t></w:r></w:p>"


def _zip(parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


SEED_TEXT = SEED_PLAN.decode("utf-8").split("\n---\n", 1)[1]
SEED_BODY = b"".join(_para(line, line.startswith("#")) for line in
                     ["ĐẢNG BỘ TỈNH BẾN TRE", "ĐẢNG ỦY KHỐI CƠ QUAN - DOANH NGHIỆP TỈNH", "*", "Số 114 -KH/ĐUK",
                      "ĐẢNG CỘNG SẢN VIỆT NAM", "Bến Tre, ngày 10 tháng 3 năm 2023", "KẾ HOẠCH",
                      "thực hiện công tác dân vận năm 2023", *SEED_TEXT.split("\n")[:40], "Nơi nhận:",
                      "- Đăng Website", "T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Phạm Hữu Dự"])
SEED_DOCX = _zip(_minimal_docx(SEED_BODY))


def hostile_docx(rng: random.Random) -> bytes:
    kind = rng.randrange(10)
    if kind == 0:  # cut anywhere
        return SEED_DOCX[:rng.randrange(len(SEED_DOCX))]
    if kind == 1:  # bytes flipped
        data = bytearray(SEED_DOCX)
        for _ in range(rng.randint(1, 10)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    if kind == 2:  # a header field changed: sizes, offsets, counts, name lengths, method, flags
        data = bytearray(SEED_DOCX)
        signature = rng.choice((b"PK\x03\x04", b"PK\x01\x02", b"PK\x05\x06"))
        spots = [i for i in range(len(data)) if data.startswith(signature, i)]
        at = rng.choice(spots)
        offset = rng.randrange(4, 30 if signature != b"PK\x01\x02" else 46)
        width = rng.choice((1, 2, 4))
        value = rng.choice((0, 1, 0xFF, 0xFFFF, 0xFFFFFFFF, 0x7FFFFFFF, rng.randrange(1 << 32)))
        data[at + offset:at + offset + width] = (value & ((1 << (8 * width)) - 1)).to_bytes(width, "little")
        return bytes(data)
    if kind == 3:  # document.xml replaced by broken XML
        body = rng.choice((b"<w:p>", b"</w:body>", b"<w:p><w:r><w:t>\x00\x01</w:t></w:r></w:p>", b"&amp;&bogus;",
                           b"<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                           b"<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>",
                           b"<w:p " + b"a=\"1\" " * 5000 + b"/>", b"\xff\xfe", b"<?xml version=\"9\"?>"))
        parts = _minimal_docx(b"")
        parts["word/document.xml"] = parts["word/document.xml"].replace(b"<w:body>", b"<w:body>" + body) \
            if rng.random() < 0.5 else body + parts["word/document.xml"]
        return _zip(parts)
    if kind == 4:  # deep nesting of tables and runs
        depth = rng.choice((50, 500, 3000))
        tag = rng.choice((b"w:tbl><w:tr><w:tc", b"w:p><w:hyperlink", b"w:sdt><w:sdtContent"))
        opens = b"".join(b"<" + t + b">" for t in tag.split(b"><")) * depth
        closes = b"".join(b"</" + t + b">" for t in reversed(tag.split(b"><"))) * depth
        return _zip(_minimal_docx(opens + _para("x") + closes))
    if kind == 5:  # odd paragraphs: citations, control characters, a very long line
        paras = [citation_text(rng) for _ in range(rng.randint(1, 5))]
        paras.append(rng.choice(("\x0b\x0c", "x" * 200_000, "Số " * 20_000, "\u202e\u200b", "ĐẢNG " * 1000)))
        return _zip(_minimal_docx(b"".join(_para(p.replace("\x00", ""), rng.random() < 0.3) for p in paras)))
    if kind == 6:  # compression methods zipfile cannot read, or an encryption flag
        data = bytearray(_zip(_minimal_docx(SEED_BODY), zipfile.ZIP_STORED))
        for signature, method_at, flags_at in ((b"PK\x03\x04", 8, 6), (b"PK\x01\x02", 10, 8)):
            at = data.find(signature)
            if rng.random() < 0.5:
                data[at + method_at:at + method_at + 2] = rng.choice((99, 14, 12, 9, 1)).to_bytes(2, "little")
            else:
                data[at + flags_at:at + flags_at + 2] = (1).to_bytes(2, "little")
        return bytes(data)
    if kind == 7:  # a part packed far too tightly (under a MB packed, refused by its ratio)
        parts = _minimal_docx(SEED_BODY)
        parts[rng.choice(("word/media/image1.png", "word/styles.xml", "word/document.xml"))] = b"\0" * rng.choice(
            (2 << 20, 20 << 20))
        return _zip(parts)
    if kind == 8:  # parts missing or repeated
        parts = _minimal_docx(SEED_BODY)
        del parts[rng.choice(("[Content_Types].xml", "_rels/.rels"))]
        data = _zip(parts)
        return data + data if rng.random() < 0.5 else data
    # not a zip at all, or the Word signature on something else
    return rng.choice((b"", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rng.randbytes(64), rng.randbytes(200),
                       b"PK\x05\x06" + b"\0" * 18, b"PK\x03\x04" + rng.randbytes(rng.randint(0, 3000))))


def make_input(target: str, seed: int, index: int) -> tuple[str, bytes]:
    """(kind, bytes) of input `index` of `target`: the same for the same seed."""
    rng = random.Random(f"{seed}/{target}/{index}")
    if target == "citations":
        return "text", citation_text(rng).encode("utf-8", "surrogatepass")
    if target == "import":
        if rng.random() < 0.75:
            return "docx", hostile_docx(rng)
        return rng.choice(("md", "txt")), mutate(rng, SEED_PLAN if rng.random() < 0.5 else
                                                 citation_text(rng).encode("utf-8", "surrogatepass"), index)
    if target == "check" and rng.random() < 0.1:  # the registry
        registry = (ROOT / "data" / "registry.yml").read_bytes()
        return "registry", mutate(rng, registry, index) if rng.random() < 0.7 else random_yaml(rng).encode(
            "utf-8", "surrogatepass")
    if rng.random() < 0.3:
        return "document", b"---\n" + random_yaml(rng).encode("utf-8", "surrogatepass") + "\n---\n\nNội dung.\n".encode()
    return "document", mutate(rng, SEED_PLAN, index)


# --- targets -----------------------------------------------------------------------------

class Crash(Exception):
    pass


def _shown(problems) -> None:
    """Problems are printed and sent as JSON: each must be writable as UTF-8."""
    for problem in problems:
        problem.format().encode("utf-8")
        json.dumps(problem.as_dict(), ensure_ascii=False).encode("utf-8")


def run_loader(kind: str, data: bytes, work: Path) -> None:
    import yaml

    from vanban.model import documents, yamlsafe
    from vanban.model.text import NotUtf8, decode_utf8
    try:
        text = decode_utf8(data)
    except NotUtf8:
        text = data.decode("utf-8", "replace")
    front = text.split("\n---\n", 1)[0].removeprefix("---\n")
    try:
        yamlsafe.load(front, "fuzz.md", first_line=2)
    except (yaml.YAMLError, yamlsafe.Refused):
        pass
    _, problems = documents.parse(text, "plans/2023/fuzz.md")
    _shown(problems)
    path = work / "fuzz.md"
    path.write_bytes(data)
    _, problems = documents.read(path, "plans/2023/fuzz.md")
    _shown(problems)


def run_citations(kind: str, data: bytes, work: Path) -> None:
    from vanban.citations.parser import find_citations
    text = data.decode("utf-8", "surrogatepass")
    for markdown in (True, False):
        for cite in find_citations(text, markdown=markdown):
            json.dumps(cite.as_dict(), ensure_ascii=False)


def run_check(kind: str, data: bytes, work: Path) -> None:
    from vanban.editing.checking import check
    project = work / "project"
    (project / "plans" / "2023").mkdir(parents=True, exist_ok=True)
    (project / "data").mkdir(exist_ok=True)
    registry = project / "data" / "registry.yml"
    if kind == "registry":
        registry.write_bytes(data)
        (project / "plans" / "2023" / "fuzz.md").write_bytes(SEED_PLAN)
    else:
        registry.write_bytes((ROOT / "data" / "registry.yml").read_bytes())
        (project / "plans" / "2023" / "fuzz.md").write_bytes(data)
    report = check([project / "plans"], base=project)
    _shown(report.problems)


def run_import(kind: str, data: bytes, work: Path) -> None:
    from vanban import cli
    source = work / f"fuzz.{kind}"
    source.write_bytes(data)
    code = cli.main(["import", str(source), "-o", str(work / "plans"), "--stdout"])
    if code not in (0, 1):
        raise Crash(f"exit {code}")


RUNNERS = {"loader": run_loader, "citations": run_citations, "check": run_check, "import": run_import}


def worker(target: str, seed: int, first: int, end: int) -> None:
    """The child: one line per input on the protocol stream (the original
    stdout); everything the targets print goes to /dev/null."""
    proto = os.fdopen(os.dup(1), "w", buffering=1)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - for the child's whole life
    sys.setrecursionlimit(1000)
    with tempfile.TemporaryDirectory(prefix="vanban-fuzz-") as tmp:
        work = Path(tmp)
        os.chdir(work)
        for index in range(first, end):
            kind, data = make_input(target, seed, index)
            proto.write(f"start {index}\n")
            try:
                RUNNERS[target](kind, data, work)
                proto.write(f"ok {index}\n")
            except Exception as err:  # the count of crashes is what this script is for
                where = traceback.extract_tb(err.__traceback__)[-1]
                proto.write("crash " + json.dumps({"index": index, "kind": kind, "error": type(err).__name__,
                                                   "message": str(err)[:300],
                                                   "at": f"{where.filename}:{where.lineno}"}) + "\n")
        proto.write("end\n")


# --- the parent: children, watchdog, figures -------------------------------------------------

def run_target(target: str, seed: int, first: int, count: int, timeout: float, memory: int) -> dict:
    result = {"target": target, "seed": seed, "first": first, "inputs": 0, "crashes": [], "hangs": [],
              "peak_rss_mb": 0.0, "seconds": 0.0}
    started = time.monotonic()
    index, end = first, first + count

    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    while index < end:
        env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
        child = subprocess.Popen([sys.executable, __file__, "--worker", target, "--seed", str(seed),
                                  "--first", str(index), "--count", str(end - index)],
                                 stdout=subprocess.PIPE, text=True, preexec_fn=cap, env=env)
        current, ended, usage = None, False, None
        while not ended:
            ready, _, _ = select.select([child.stdout], [], [], timeout)
            line = child.stdout.readline() if ready else None
            if not line:  # no answer in time (a hang), or the child died (a crash)
                at = current if current is not None else index
                child.kill()
                usage = _reap(child)
                entry = {"index": at, "kind": _kind(target, seed, at)}
                if line is None:
                    result["hangs"].append(entry)
                else:
                    result["crashes"].append({**entry, "error": f"the process ended with {child.returncode}"})
                result["inputs"] += 1
                index = at + 1
                break
            word, _, rest = line.rstrip("\n").partition(" ")
            if word == "start":
                current = int(rest)
            elif word in ("ok", "crash"):
                result["inputs"] += 1
                if word == "crash":
                    result["crashes"].append(json.loads(rest))
                index, current = index + 1, None
            elif word == "end":
                ended = True
        if ended:
            usage = _reap(child)
        child.stdout.close()
        result["peak_rss_mb"] = max(result["peak_rss_mb"], round(usage.ru_maxrss / 1024, 1))
    result["seconds"] = round(time.monotonic() - started, 1)
    return result


def _kind(target: str, seed: int, index: int) -> str:
    try:
        return make_input(target, seed, index)[0]
    except Exception as err:  # a fault of this script, not of the target: said as such
        return f"the input could not be made ({type(err).__name__}: {err})"


def _reap(child: subprocess.Popen):
    """Wait for the child and return its resource use (its peak resident size)."""
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return usage


def show(target: str, seed: int, index: int) -> None:
    kind, data = make_input(target, seed, index)
    print(f"{target} #{index} ({kind}, {len(data)} byte):")
    print(repr(data[:2000]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=1000, help="inputs per target")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--first", type=int, default=0, help="number of the first input (to split a run)")
    parser.add_argument("--target", choices=TARGETS, action="append", help="one target (repeatable); all by default")
    # As long as the tests' harness gives a command: an input at a size limit
    # (a 4 MB body dense with citations) takes 10–20 s on a busy machine.
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before an input counts as a hang")
    parser.add_argument("--memory", type=int, default=2048, help="MB of address space for each child")
    parser.add_argument("--json", action="store_true", help="one JSON line a target")
    parser.add_argument("--show", action="store_true", help="print the inputs instead of running them")
    parser.add_argument("--worker", choices=TARGETS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        sys.path.insert(0, str(ROOT / "hooks"))
        worker(args.worker, args.seed, args.first, args.first + args.count)
        return 0
    targets = args.target or list(TARGETS)
    if args.show:
        for target in targets:
            for index in range(args.first, args.first + args.count):
                show(target, args.seed, index)
        return 0
    failed = False
    for target in targets:
        result = run_target(target, args.seed, args.first, args.count, args.timeout, args.memory << 20)
        failed |= bool(result["crashes"] or result["hangs"])
        if args.json:
            print(json.dumps(result, ensure_ascii=False), flush=True)
        else:
            print(f"{target:10} inputs {result['first']}–{result['first'] + result['inputs'] - 1} "
                  f"({result['inputs']}): crashes {len(result['crashes'])}, hangs {len(result['hangs'])}, "
                  f"peak memory {result['peak_rss_mb']} MB, {result['seconds']} s", flush=True)
            for crash in result["crashes"][:20]:
                print("   crash", json.dumps(crash, ensure_ascii=False))
            for hang in result["hangs"][:20]:
                print("   hang ", json.dumps(hang, ensure_ascii=False))
    return 1 if failed else 0


if __name__ == "__main__":
    with contextlib.suppress(KeyboardInterrupt):
        sys.exit(main())
