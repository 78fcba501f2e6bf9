"""Hostile and oversized input: each kind refused with its Vietnamese message,
the command ending within a time and memory cap that the harness sets (a
subprocess with a timeout and RLIMIT_AS), never by timing assertions.

Before these refusals a nine-line alias bomb took `vanban check` past two
minutes and 10 GB, and a .docx unpacking to 800 MB took `vanban import` past
three minutes and 4.6 GB; under the caps here either would be killed."""

from __future__ import annotations

import io
import json
import os
import resource
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import docx_factory
import pytest

from plan_factory import plan
from vanban.model import documents, limits, yamlsafe
from vanban.model.problems import FRONT

ROOT = Path(__file__).resolve().parent.parent
SECONDS = 60  # far above a refusal's second; a bomb ran for minutes
MEMORY = 1 << 30  # 1 GB of address space; a bomb took 10 GB
BUILD_MEMORY = 3 << 30  # MkDocs and Material load more before the documents are read

BOMB = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""
IN_PLACE = "Cần: giá trị viết thẳng sau dấu hai chấm, không dùng &tên, *tên hay <<. " \
           "Ví dụ đúng: noi_nhan:⏎  - Ban Dân vận Tỉnh ủy⏎  - Đăng Website"

REGISTRY_EXAMPLE = ("- loai: Chỉ thị⏎  so_hieu: 06-CT/TU⏎  ngay_ban_hanh: 2021-05-06⏎  "
                    "co_quan_ban_hanh: Ban Thường vụ Tỉnh ủy")
IN_REGISTRY = "Cần: giá trị viết thẳng sau dấu hai chấm, không dùng &tên, *tên hay <<. Ví dụ đúng: " + REGISTRY_EXAMPLE


def run_capped(args: list[str], cwd: Path, memory: int = MEMORY) -> subprocess.CompletedProcess:
    """The command in a child process that the kernel stops at `memory` bytes
    of address space and the harness at SECONDS."""
    def cap():
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = {**os.environ, "PYTHONPATH": str(ROOT / "hooks"), "NO_MKDOCS_2_WARNING": "1", "VANBAN_PDF": "false"}
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, timeout=SECONDS, preexec_fn=cap, env=env)


def vanban(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return run_capped([sys.executable, "-m", "vanban.cli", *args], cwd)


def build_capped(project: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build` of `project`'s plans/ with the repository's configuration,
    templates and data (linked in), under the caps."""
    (project / "mkdocs.yml").write_bytes((ROOT / "mkdocs.yml").read_bytes())
    for name in ("docs", "hooks", "data"):
        (project / name).symlink_to(ROOT / name)
    return run_capped([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                      project, BUILD_MEMORY)


def check_json(cwd: Path, *paths: str) -> tuple[int, list[dict]]:
    done = vanban(cwd, "check", "--format", "json", *paths)
    assert done.returncode in (0, 1), done.stderr
    return done.returncode, json.loads(done.stdout)


def formatted(problems: list[dict]) -> list[str]:
    """Each error on one line, every part of it (an example's lines joined by ⏎)."""
    return [f"{p['file']}:{p['line']}: {p['severity']} [{p['field']}] {p['message']} Cần: {p['expected']}. "
            f"Ví dụ đúng: {p['example']}".replace("\n", "⏎") for p in problems if p["severity"] == "lỗi"]


def write(root: Path, rel: str, content: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def sparse(path: Path, head: bytes, size: int) -> Path:
    """A file that says `size` bytes without taking the disk: the refusal is
    made from the size alone, before a byte is read."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(head)
        handle.truncate(size)
    return path


# --- 1. anchors, aliases and merge keys ---------------------------------------------

def test_alias_bomb_in_front_matter_is_refused_by_check(tmp_path):
    write(tmp_path, "plans/2023/bom.md", "---\n" + BOMB + "---\n\nNội dung.\n")
    code, problems = check_json(tmp_path)
    assert code == 1
    assert formatted(problems) == [
        "plans/2023/bom.md:2: lỗi [a] Không dùng nhãn YAML (&a): mỗi giá trị viết đầy đủ tại chỗ. " + IN_PLACE]


def test_alias_bomb_is_refused_by_the_build(tmp_path):
    project = tmp_path / "project"
    write(project, "plans/2023/bom.md", "---\n" + BOMB + "---\n\nNội dung.\n")
    done = build_capped(project, tmp_path / "site")
    assert done.returncode == 1
    assert "plans/2023/bom.md:2: lỗi [a] Không dùng nhãn YAML (&a): mỗi giá trị viết đầy đủ tại chỗ.\n" in done.stderr


def test_an_alias_is_refused_where_it_stands(tmp_path):
    text = plan().replace("noi_nhan:", "noi_nhan: &nn\n  - Ban Dân vận\nthuc_hien: *nn\nx:", 1)
    write(tmp_path, "plans/2023/a.md", text)
    code, problems = check_json(tmp_path)
    assert code == 1
    assert formatted(problems) == [
        "plans/2023/a.md:7: lỗi [noi_nhan] Không dùng nhãn YAML (&nn): mỗi giá trị viết đầy đủ tại chỗ. " + IN_PLACE]


def test_merge_key_in_the_registry_is_refused(tmp_path):
    write(tmp_path, "plans/2023/115-kh-duk.md", plan())
    write(tmp_path, "data/registry.yml",
          "van_ban:\n  - loai: Chỉ thị\n    so_hieu: 06-CT/TU\n  - <<: {loai: Chỉ thị}\n    so_hieu: 07-CT/TU\n")
    code, problems = check_json(tmp_path)
    assert code == 1
    assert formatted(problems) == [
        "data/registry.yml:4: lỗi [van_ban] Không dùng khóa gộp YAML (<<): mỗi trường viết đầy đủ tại chỗ. " + IN_REGISTRY]


def test_alias_bomb_in_the_registry_is_refused(tmp_path):
    write(tmp_path, "plans/2023/115-kh-duk.md", plan())
    bomb = "".join("  " + line + "\n" for line in BOMB.splitlines())
    write(tmp_path, "data/registry.yml", "bom:\n" + bomb + "van_ban: []\n")
    code, problems = check_json(tmp_path)
    assert code == 1
    assert formatted(problems) == [
        "data/registry.yml:2: lỗi [a] Không dùng nhãn YAML (&a): mỗi giá trị viết đầy đủ tại chỗ. " + IN_REGISTRY]


def test_deep_nesting_is_refused_before_it_exhausts_the_stack(tmp_path):
    # 60,000 open brackets crashed libyaml's composer with a segmentation fault.
    write(tmp_path, "plans/2023/sau.md", "---\nso_hieu: " + "[" * 60_000 + "\n---\n\nNội dung.\n")
    code, problems = check_json(tmp_path)
    assert code == 1
    assert formatted(problems) == [
        "plans/2023/sau.md:2: lỗi [so_hieu] Các danh sách và nhóm lồng nhau quá 20 tầng. "
        "Cần: danh sách hoặc nhóm lồng nhau không quá vài tầng, như nhiem_vu. "
        "Ví dụ đúng: nhiem_vu:⏎  - noi_dung: Xây dựng kế hoạch⏎    don_vi: Ban Thường vụ Đoàn Khối"]


@pytest.mark.parametrize(("front", "line", "field", "message"), [
    ("so_hieu: &x 115-KH/ĐUK", 2, "so_hieu", "Không dùng nhãn YAML (&x): mỗi giá trị viết đầy đủ tại chỗ."),
    ("so_hieu: 1\nloai: *x", 3, "loai", "Không dùng bí danh YAML (*x): mỗi giá trị viết đầy đủ tại chỗ."),
    ("nhiem_vu:\n  - <<: {a: 1}", 3, "nhiem_vu", "Không dùng khóa gộp YAML (<<): mỗi trường viết đầy đủ tại chỗ."),
    ("so_hieu: !!merge x", 2, "so_hieu", "Không dùng khóa gộp YAML (<<): mỗi trường viết đầy đủ tại chỗ."),
])
def test_anchors_aliases_and_merge_keys_are_refused_where_they_stand(front, line, field, message):
    doc, problems = documents.parse(f"---\n{front}\n---\nNội dung.\n", "plans/2023/x.md")
    assert doc is None
    assert [(p.line, p.field, p.message, p.expected, p.example) for p in problems] == [
        (line, field, message, "giá trị viết thẳng sau dấu hai chấm, không dùng &tên, *tên hay <<",
         "noi_nhan:\n  - Ban Dân vận Tỉnh ủy\n  - Đăng Website")]
    assert problems[0].source == front.split("\n")[line - 2]


def test_a_lone_surrogate_from_an_escape_is_refused():
    """"\\ud800" in double quotes makes half a UTF-16 pair, which no page can be written with."""
    doc, problems = documents.parse('---\ntrich_yeu: "Kế hoạch \\ud800"\n---\nNội dung.\n', "plans/2023/x.md")
    assert doc is None
    assert [(p.line, p.field, p.message, p.expected, p.example) for p in problems] == [(
        2, "trich_yeu", "Giá trị có mã thoát không thành chữ (nửa cặp thay thế UTF-16 từ \\ud800 đến \\udfff, "
                        "hoặc quá \\U0010FFFF).",
        "chữ viết thẳng, hoặc mã thoát của một ký tự có thật như \\u00e0",
        'trich_yeu: "Thực hiện công tác dân vận năm 2023"')]


def test_values_yaml_cannot_build_reach_the_fields_own_check():
    """An impossible timestamp and an integer of 5,000 digits once raised out of
    the loader (ValueError): now the field's check words them."""
    _, problems = documents.parse(plan(ngay_ban_hanh=None).replace("---\n\n", "ngay_ban_hanh: 2023-02-30\n---\n\n"),
                                  "plans/2023/x.md")
    assert [p.message for p in problems] == [
        "Ngày ban hành “2023-02-30” không có thật: tháng 2 năm 2023 chỉ có 28 ngày."]
    _, problems = documents.parse(plan().replace("---\n\n", "nam: " + "9" * 5000 + "\n---\n\n"), "plans/2023/x.md")
    assert [p.field for p in problems] == ["nam"]
    assert problems[0].message.startswith("Năm “999")


def test_the_loader_reads_what_the_schema_needs_unchanged():
    node, data = yamlsafe.load("a: [1, {b: 2023-05-10}]\nc: 'x'\n", "f")
    assert data == {"a": [1, {"b": __import__("datetime").date(2023, 5, 10)}], "c": "x"}
    assert [k.start_mark.line for k, _ in node.value] == [0, 1]


# --- 2. size limits --------------------------------------------------------------------------

def test_a_document_file_over_the_limit_is_refused_unread(tmp_path):
    sparse(tmp_path / "plans/2023/lon.md", b"---\n", 5 * limits.MB)
    code, problems = check_json(tmp_path)
    assert code == 1
    assert formatted(problems) == [
        "plans/2023/lon.md:1: lỗi [tệp] Tệp quá lớn: 5 MB, giới hạn là 4 MB; không đọc. "
        "Cần: tệp văn bản không quá 4 MB; văn bản dài hơn thì tách thành nhiều tệp, phụ lục để tệp riêng. "
        "Ví dụ đúng: plans/2023/114-kh-duk.md (11 KB)"]


def test_a_front_matter_over_the_limit_is_refused_before_yaml(tmp_path):
    many = "".join(f"  - Đơn vị số {i} của Đảng bộ Khối Cơ quan - Doanh nghiệp tỉnh\n" for i in range(4000))
    text = plan().replace("noi_nhan:\n", "noi_nhan:\n" + many, 1)
    write(tmp_path, "plans/2023/dai.md", text)
    size = len(text.split("---\n")[1].encode("utf-8"))
    assert limits.size(size) == "327,3 KB"
    code, problems = check_json(tmp_path)
    assert code == 1
    assert formatted(problems) == [
        "plans/2023/dai.md:1: lỗi [thông tin đầu] Phần thông tin đầu (giữa hai dòng ---) quá lớn: 327,3 KB, "
        "giới hạn là 256 KB; không đọc. Cần: phần thông tin đầu không quá 256 KB; nội dung dài đặt ở phần thân "
        "văn bản. Ví dụ đúng: trich_yeu: Thực hiện công tác dân vận năm 2023"]


def test_a_registry_over_the_limit_is_refused_unread(tmp_path):
    write(tmp_path, "plans/2023/115-kh-duk.md", plan())
    sparse(tmp_path / "data/registry.yml", b"van_ban:\n", 5 * limits.MB)
    code, problems = check_json(tmp_path)
    assert code == 1
    assert formatted(problems) == [
        "data/registry.yml:1: lỗi [tệp] Tệp quá lớn: 5 MB, giới hạn là 4 MB; không đọc. "
        "Cần: danh mục không quá 4 MB. Ví dụ đúng: " + REGISTRY_EXAMPLE]


def docx_with(parts: dict[str, bytes], level: int = 9) -> bytes:
    """A real Word file (python-docx) with `parts` added or replaced."""
    document = io.BytesIO()
    docx_factory.build(docx_factory.PARTY_PLAN, document)  # python-docx saves to a stream as to a path
    out = io.BytesIO()
    with zipfile.ZipFile(document) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as target:
        for info in source.infolist():
            if info.filename not in parts:
                target.writestr(info.filename, source.read(info.filename))
        for name, data in parts.items():
            target.writestr(name, data)
    return out.getvalue()


def import_refused(tmp_path: Path, name: str, data: bytes) -> str:
    source = write(tmp_path, name, data)
    done = vanban(tmp_path, "import", str(source))
    assert done.returncode == 1, done.stdout + done.stderr
    assert not (tmp_path / "plans").exists()
    lines = done.stderr.splitlines()
    assert lines[-1] == "Không ghi tệp nào."
    return lines[0]


RESAVE = "Mở bằng Word, lưu lại thành .docx rồi nhập lại; tệp rất lớn thì tách thành nhiều tệp."


@pytest.fixture(scope="module")
def bomb() -> bytes:
    """A .docx whose word/document.xml unpacks to 200 MB of one paragraph: a few hundred KB packed."""
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w") as part:
            chunk = b"<w:p/>" * (1 << 17)
            for _ in range(256):
                part.write(chunk)
    return packed.getvalue()


def test_a_docx_unpacking_to_hundreds_of_mb_is_refused_before_unpacking(tmp_path, bomb):
    assert len(bomb) < limits.MB
    assert import_refused(tmp_path, "bom.docx", bomb) == (
        f"Không nhập được: {tmp_path}/bom.docx: phần word/document.xml khi giải nén quá lớn (192 MB), "
        f"giới hạn là 16 MB; không nhập. {RESAVE}")


def test_a_docx_packed_over_the_limit_is_refused_unread(tmp_path):
    source = sparse(tmp_path / "lon.docx", b"PK\x03\x04", 33 * limits.MB)
    done = vanban(tmp_path, "import", str(source))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        f"Không nhập được: {source}: tệp quá lớn: 33 MB, giới hạn là 32 MB; không đọc. "
        "Tệp rất lớn thì tách thành nhiều tệp rồi nhập từng tệp.", "Không ghi tệp nào."]


def test_a_part_packed_too_tightly_is_refused(tmp_path):
    data = docx_with({"word/media/image1.png": b"\0" * (2 * limits.MB)})
    info = zipfile.ZipFile(io.BytesIO(data)).getinfo("word/media/image1.png")
    ratio = info.file_size / info.compress_size
    assert ratio > limits.DOCX_RATIO
    assert import_refused(tmp_path, "nen.docx", data) == (
        f"Không nhập được: {tmp_path}/nen.docx: phần word/media/image1.png nén {ratio:.0f} lần "
        f"({limits.size(info.compress_size)} thành 2 MB), giới hạn là 500 lần; không giải nén. {RESAVE}")


def test_parts_over_the_total_limit_are_refused(tmp_path):
    block = bytes(range(256)) * 3 + os.urandom(256)  # packs about 100×: under the ratio limit
    parts = {f"word/media/image{i}.bin": block * (15 * limits.MB // len(block)) for i in range(5)}
    data = docx_with(parts, level=1)
    total = sum(info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist())
    assert limits.size(total) == "75,8 MB"  # the five parts and the Word file's own
    assert import_refused(tmp_path, "nhieu.docx", data) == (
        f"Không nhập được: {tmp_path}/nhieu.docx: tổng các phần khi giải nén quá lớn (75,8 MB), "
        f"giới hạn là 64 MB; không nhập. {RESAVE}")


def test_a_part_whose_header_lies_about_its_size_is_refused(tmp_path, bomb):
    """The table of contents says 1 KB; the data unpacks to 192 MB. zipfile stops
    at the size it was told, and the part's checksum then fails."""
    data = bytearray(bomb)
    name = b"word/document.xml"
    struct.pack_into("<I", data, data.find(name) - 30 + 22, 1024)  # the local header's uncompressed size
    struct.pack_into("<I", data, data.rfind(name) - 46 + 24, 1024)  # the table of contents' one
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("word/document.xml")
    assert info.file_size == 1024
    assert import_refused(tmp_path, "doi.docx", bytes(data)) == (
        f"Không nhập được: {tmp_path}/doi.docx: tệp .docx bị hỏng hoặc bị cắt cụt (BadZipFile). "
        "Lấy lại bản đầy đủ từ người gửi.")


def test_a_real_word_file_is_within_every_limit(tmp_path):
    data = docx_with({})
    source = write(tmp_path, "ke-hoach.docx", data)
    done = vanban(tmp_path, "import", str(source))
    assert done.returncode == 0, done.stderr
    assert "Đã nhập" in done.stdout


def test_the_guide_gives_the_limits_in_force():
    guide = (ROOT / "docs/huong-dan-bien-tap.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Giới hạn kích thước"):]
    section = section[:section.find("\n## ", 1) if "\n## " in section[1:] else len(section)]
    for limit in (limits.DOCUMENT_BYTES, limits.FRONT_MATTER_BYTES, limits.REGISTRY_BYTES, limits.DOCX_BYTES,
                  limits.DOCX_PART_BYTES, limits.DOCX_TOTAL_BYTES):
        assert limits.size(limit) in section
    assert f"{limits.DOCX_RATIO} lần" in section
    assert f"{limits.YAML_DEPTH} tầng" in section


# --- 3. links out of the repository ---------------------------------------------------------

SECRET = "---\nso_hieu: 999-KH/ĐUK\nloai: Kế hoạch\ntrich_yeu: BÍ MẬT NGOÀI KHO\n---\n\nBÍ MẬT\n"


def outside_message(name: str, target: Path) -> str:
    return (f"{name}:1: lỗi [tệp] “{name}” là liên kết (symlink) dẫn ra ngoài kho, tới {target}; không đọc. "
            "Cần: tệp văn bản thật nằm trong kho, không phải liên kết tới nơi khác trên máy. "
            "Ví dụ đúng: chép nội dung văn bản vào một tệp như plans/2023/114-kh-duk.md")


@pytest.fixture
def linked(tmp_path):
    """A project whose plans/ holds a link to a file and one to a folder outside it."""
    elsewhere = tmp_path / "elsewhere"
    secret = write(elsewhere, "bi-mat.md", SECRET)
    project = tmp_path / "project"
    write(project, "plans/2023/115-kh-duk.md", plan())
    (project / "plans/2023/lien-ket.md").symlink_to(secret)
    (project / "plans/ngoai").symlink_to(elsewhere, target_is_directory=True)
    return project, secret.resolve(), elsewhere.resolve()


def test_links_out_of_the_project_are_refused_by_check(linked):
    project, secret, elsewhere = linked
    code, problems = check_json(project)
    assert code == 1
    assert formatted(problems) == [outside_message("plans/2023/lien-ket.md", secret),
                                   outside_message("plans/ngoai", elsewhere)]
    assert "BÍ MẬT" not in json.dumps(problems, ensure_ascii=False)


def test_a_link_named_on_the_command_line_is_refused(linked):
    project, secret, elsewhere = linked
    code, problems = check_json(project, "plans/2023/lien-ket.md", "plans/ngoai/bi-mat.md")
    assert code == 1
    assert formatted(problems) == [outside_message("plans/2023/lien-ket.md", secret),
                                   outside_message("plans/ngoai/bi-mat.md", elsewhere / "bi-mat.md")]


def test_links_out_of_the_project_are_refused_by_the_build(linked, tmp_path):
    done = build_capped(linked[0], tmp_path / "site")
    assert done.returncode == 1
    assert outside_message("plans/2023/lien-ket.md", linked[1]) in done.stderr
    assert outside_message("plans/ngoai", linked[2]) in done.stderr
    assert "BÍ MẬT" not in done.stderr
    assert not (tmp_path / "site").exists()


def test_a_registry_linked_out_of_the_project_is_refused(tmp_path):
    outside = write(tmp_path, "elsewhere/registry.yml", "van_ban: []\n")
    project = tmp_path / "project"
    write(project, "plans/2023/115-kh-duk.md", plan())
    (project / "data").mkdir()
    (project / "data/registry.yml").symlink_to(outside)
    code, problems = check_json(project)
    assert code == 1
    assert formatted(problems) == [outside_message("data/registry.yml", outside.resolve())]


def test_links_inside_the_project_are_read_and_a_loop_ends(tmp_path):
    write(tmp_path, "plans/2023/115-kh-duk.md", plan())
    write(tmp_path, "archive/2022/116-kh-duk.md", plan(so_hieu="116-KH/ĐUK", ngay_ban_hanh="2022-05-10"))
    (tmp_path / "plans/2022").symlink_to(tmp_path / "archive/2022", target_is_directory=True)
    (tmp_path / "plans/2023/vong").symlink_to(tmp_path / "plans", target_is_directory=True)
    code, problems = check_json(tmp_path)
    assert code == 1
    real = (tmp_path / "plans").resolve()
    assert formatted(problems) == [
        f"plans/2023/vong:1: lỗi [tệp] “plans/2023/vong” là liên kết tới thư mục {real} chứa chính nó (vòng lặp); "
        "không đọc. Cần: thư mục văn bản thật, hoặc liên kết tới một thư mục khác trong kho. Ví dụ đúng: plans/2023/"]
    done = vanban(tmp_path, "check")
    assert done.stdout.splitlines()[-1] == "Đã kiểm tra 3 tệp: 1 lỗi, 0 cảnh báo."


# --- every other reader of YAML goes through the same loader ----------------------------------

def test_an_old_version_in_the_history_is_read_without_its_aliases():
    from vanban.graph import history
    meta, body = history._split("---\n" + BOMB + "---\nNội dung.\n")
    assert meta == {FRONT: BOMB.rstrip("\n")}
    assert body == "Nội dung.\n"


def test_an_import_field_given_on_the_command_line_is_read_without_aliases(tmp_path):
    source = write(tmp_path, "ke-hoach.md", "ĐẢNG BỘ\nKẾ HOẠCH\nVề việc\n")
    done = vanban(tmp_path, "import", str(source), "--truong", "noi_nhan=[&a x, *a]")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "Không nhập được: --truong noi_nhan=[&a x, *a]: Không dùng nhãn YAML (&a): mỗi giá trị viết đầy đủ tại chỗ.",
        "Không ghi tệp nào."]


def test_a_value_written_back_is_judged_by_the_same_loader():
    from vanban.model import schema
    assert schema.typed("[&a x, *a]") == '"[&a x, *a]"'
    assert schema.typed("Về việc: tổ chức") == '"Về việc: tổ chức"'
    assert schema.typed("Kế hoạch") == "Kế hoạch"


# --- found by bench/fuzz.py -------------------------------------------------------------------

def test_a_control_character_in_the_front_matter_is_named_not_a_crash():
    """A ReaderError carries a position, not a mark: reading its mark raised TypeError."""
    doc, problems = documents.parse("---\nso_hieu: 114-KH/ĐUK\ntrich_yeu: Kế\x0fhoạch\n---\nNội dung.\n", "plans/2023/x.md")
    assert doc is None
    assert [(p.line, p.field, p.column, p.message) for p in problems] == [(
        3, "trich_yeu", 14, "Phần thông tin đầu có ký tự điều khiển U+000F (không nhìn thấy, thường lẫn vào khi "
                            "chép từ nơi khác) ở dòng 3, cột 14.")]
    assert problems[0].format().splitlines()[1:3] == ["     3 | trich_yeu: Kế␏hoạch", "       |              ^"]


def test_an_escape_past_the_last_character_is_refused():
    """"\\U00110000": libyaml refuses it, and the pure-Python scanner, asked
    again for a better message, raised ValueError from chr()."""
    doc, problems = documents.parse('---\nso_hieu: 1\ntrich_yeu: "\\U00110000"\n---\nNội dung.\n', "plans/2023/x.md")
    assert doc is None
    assert [(p.line, p.field, p.message) for p in problems] == [(
        3, "thông tin đầu", "Giá trị có mã thoát không thành chữ (nửa cặp thay thế UTF-16 từ \\ud800 đến \\udfff, "
                            "hoặc quá \\U0010FFFF).")]


def test_an_escape_sequence_in_a_value_does_not_reach_the_terminal():
    doc, problems = documents.parse('---\nso_hieu: 114-KH/ĐUK\nloai: "\\e[31mKế hoạch"\n---\nNội dung.\n',
                                    "plans/2023/x.md")
    shown = "\n".join(p.format() for p in problems)
    assert "\x1b" not in shown
    assert "“␛[31mKế hoạch”" in shown
    assert any("\x1b" in p.message for p in problems)  # the JSON output keeps the value as it is


def test_a_short_fuzz_run_finds_no_crash_and_no_hang():
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "fuzz.py"), "--count", "50", "--seed", "19", "--json"],
                          capture_output=True, text=True, timeout=600)
    results = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(r["target"], r["inputs"], r["crashes"], r["hangs"]) for r in results] == [
        (target, 50, [], []) for target in ("loader", "citations", "check", "import")], done.stderr
    assert done.returncode == 0


def test_an_opening_repeating_an_issuer_name_is_imported_in_linear_time(tmp_path):
    """“Ban Thường vụ Tỉnh ủy” over and over with no comma: the issuer pattern
    re-read the rest of the text from each one (a 235 KB file took 40 s)."""
    text = "KẾ HOẠCH\nVề việc\n" + "Ban Thường vụ Tỉnh ủy\u2009" * 30_000 + "\n"
    source = write(tmp_path, "mo-dau.txt", text)
    assert len(text.encode()) > 700 * limits.KB
    done = vanban(tmp_path, "import", str(source), "--stdout")
    assert done.returncode == 1  # not a document; what matters is that it ends
    assert "Văn bản chưa hợp lệ nên chưa ghi tệp nào." in done.stderr


def test_a_text_of_open_brackets_is_imported_in_linear_time(tmp_path):
    """200,000 “[” and no “]”: the link pattern scanned to the end from each one (200 s)."""
    source = write(tmp_path, "ngoac.md", "KẾ HOẠCH\n\n" + "[" * 200_000 + "\n")
    done = vanban(tmp_path, "import", str(source), "--stdout")
    assert done.returncode == 1
    assert "Văn bản chưa hợp lệ nên chưa ghi tệp nào." in done.stderr
