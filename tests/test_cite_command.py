"""`vanban cite`: JSON arrays of citations for files, standard input and JSON Lines."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from vanban.citations.parser import find_citations

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "plans" / "2023" / "114-kh-duk.md"
VANBAN = [shutil.which("vanban")] if shutil.which("vanban") else [sys.executable, "-m", "vanban.cli"]

CT06 = {"type": "Chỉ thị", "number": "06-CT/TU", "issuer": "TU", "date": "2021-05-06",
        "body": "Ban Thường vụ Tỉnh ủy", "start": 10, "end": 29}
NQ18 = {"type": "Nghị quyết", "number": "18-NQ/TW", "issuer": "TW", "date": None, "body": None, "start": 0, "end": 16}
NQ19 = {"type": "Nghị quyết", "number": "19-NQ/TW", "issuer": "TW", "date": None, "body": None, "start": 18, "end": 26}
ND30 = {"type": "Nghị định", "number": "30/2020/NĐ-CP", "issuer": "CP", "date": "2020-03-05", "body": "Chính phủ",
        "start": 5, "end": 31}


def cite(*args: str, stdin: bytes = b"", cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([*VANBAN, "cite", *args], input=stdin, capture_output=True, cwd=cwd, check=False)


def arrays(stdout: bytes) -> list:
    return [json.loads(line) for line in stdout.decode("utf-8").splitlines()]


def test_one_file_prints_one_array(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("Thực hiện Chỉ thị số 06-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy về công tác dân vận.\n",
                    encoding="utf-8")
    result = cite(str(path))
    assert result.returncode == 0, result.stderr.decode()
    assert arrays(result.stdout) == [[CT06]]
    assert result.stderr == b""


def test_each_file_gets_its_array_in_order_and_vietnamese_stays_unescaped(tmp_path):
    (tmp_path / "a.md").write_text("Nghị quyết số 18, 19-NQ/TW\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Không có văn bản nào.\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("Theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ.\n", encoding="utf-8")
    result = cite("a.md", "b.md", "c.md", cwd=tmp_path)
    assert result.returncode == 0
    assert arrays(result.stdout) == [[NQ18, NQ19], [], [ND30]]
    assert "Nghị quyết" in result.stdout.decode("utf-8")


def test_standard_input_when_no_file_is_named():
    result = cite(stdin="Nghị quyết số 18, 19-NQ/TW".encode())
    assert result.returncode == 0
    assert arrays(result.stdout) == [[NQ18, NQ19]]


def test_the_seed_plan_prints_what_the_parser_finds():
    result = cite(str(SEED))
    text = SEED.read_text(encoding="utf-8")
    assert result.returncode == 0
    assert arrays(result.stdout) == [[c.as_dict() for c in find_citations(text)]]
    numbers = [c["number"] for c in arrays(result.stdout)[0]]
    assert numbers == ["36-CTr/TU", "06-CT/TU", "09-QC/ĐUK", None, None, "306-QĐ/TU", "06-CT/TU", "08-CT/TU",
                       "09-QC/ĐUK", None, "08-CT/TU", "18-CT/TW", "218-QĐ/TW", "18-CT/TW"]


def test_jsonl_gives_one_array_per_line_in_order():
    lines = [{"text": "Nghị quyết số 18, 19-NQ/TW"}, {"text": "Điều 5, ngày 06/5/2021", "id": 7},
             {"text": "Theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ."}]
    stdin = "\n".join(json.dumps(line, ensure_ascii=False) for line in lines).encode() + b"\n"
    result = cite("--jsonl", stdin=stdin)
    assert result.returncode == 0, result.stderr.decode()
    assert arrays(result.stdout) == [[NQ18, NQ19], [], [ND30]]


def test_plain_option_reads_markdown_as_text():
    result = cite("--plain", stdin="`Chỉ thị số 06-CT/TU`".encode())
    assert arrays(result.stdout) == [[{"type": "Chỉ thị", "number": "06-CT/TU", "issuer": "TU", "date": None,
                                       "body": None, "start": 1, "end": 20}]]


def test_invalid_utf8_names_file_and_line_and_prints_nothing(tmp_path):
    (tmp_path / "good.md").write_text("Chỉ thị số 06-CT/TU\n", encoding="utf-8")
    (tmp_path / "bad.md").write_bytes("dòng một\nChỉ thị số 06".encode() + b"\xff\n")
    result = cite("good.md", "bad.md", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == b""
    assert result.stderr.decode("utf-8") == (
        "bad.md, dòng 2: không phải văn bản UTF-8 (byte thứ 20 của dòng là 0xff); "
        "hãy lưu tệp với mã hóa UTF-8.\n")


def test_missing_file_is_reported(tmp_path):
    result = cite("khong-co.md", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == b""
    assert result.stderr.decode("utf-8") == "khong-co.md: không đọc được tệp (No such file or directory).\n"


def test_bad_json_lines_are_all_reported_with_their_line():
    stdin = '{"text": "Chỉ thị số 06-CT/TU"}\n{"text": \n[1, 2]\n{"text": 5}\n'.encode()
    result = cite("--jsonl", stdin=stdin)
    assert result.returncode == 1
    assert result.stdout == b""
    assert result.stderr.decode("utf-8").splitlines() == [
        'đầu vào chuẩn, dòng 2: không phải JSON hợp lệ (Expecting value, cột 10); mỗi dòng cần dạng {"text": "…"}.',
        'đầu vào chuẩn, dòng 3: cần một đối tượng JSON có trường "text" là chuỗi, '
        'ví dụ {"text": "Thực hiện Chỉ thị số 06-CT/TU"}.',
        'đầu vào chuẩn, dòng 4: cần một đối tượng JSON có trường "text" là chuỗi, '
        'ví dụ {"text": "Thực hiện Chỉ thị số 06-CT/TU"}.',
    ]


def test_invalid_utf8_in_a_json_line():
    result = cite("--jsonl", stdin=b'{"text": "a"}\n{"text": "\xff"}\n')
    assert result.returncode == 1
    assert result.stderr.decode("utf-8") == (
        "đầu vào chuẩn, dòng 2: không phải văn bản UTF-8 (byte thứ 11 của dòng là 0xff); "
        "hãy lưu tệp với mã hóa UTF-8.\n")
