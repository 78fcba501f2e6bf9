"""The signed original: a page links its scan with size and SHA-256; `vanban
check` and the build refuse a missing file, one outside the repository and a
wrong hash; `vanban import --ban-goc` records the hash of the file it read."""

from __future__ import annotations

import hashlib
import json
import os

from conftest import build_project
from plan_factory import plan
from vanban import cli
from vanban.model.documents import parse

SCAN = b"%PDF-1.4\n% ban quet co chu ky\n" + b"0" * 3000
DIGEST = hashlib.sha256(SCAN).hexdigest()
WRONG = "f" * 64


def document(digest: str = DIGEST, name: str = "goc/115-KH-DUK.pdf") -> str:
    return plan("Nội dung.", ban_goc={"tep": name, "sha256": digest})


def project(tmp_path, text: str, scan: bool = True):
    (tmp_path / "plans" / "2023").mkdir(parents=True)
    (tmp_path / "plans" / "2023" / "115-kh-duk.md").write_text(text, encoding="utf-8")
    if scan:
        (tmp_path / "goc").mkdir()
        (tmp_path / "goc" / "115-KH-DUK.pdf").write_bytes(SCAN)


def check(tmp_path, monkeypatch, capsys) -> tuple[int, list[dict]]:
    monkeypatch.chdir(tmp_path)
    code = cli.main(["check", "--format", "json"])
    problems = json.loads(capsys.readouterr().out)
    return code, [p for p in problems if p["field"] == "ban_goc"]


def test_check_accepts_the_right_file(tmp_path, monkeypatch, capsys):
    project(tmp_path, document())
    code, problems = check(tmp_path, monkeypatch, capsys)
    assert (code, problems) == (0, [])


def test_check_refuses_a_wrong_hash(tmp_path, monkeypatch, capsys):
    project(tmp_path, document(WRONG))
    code, problems = check(tmp_path, monkeypatch, capsys)
    assert code == 1
    expected = {
        "file": "plans/2023/115-kh-duk.md", "line": 10, "field": "ban_goc", "severity": "lỗi",
        "message": f"Mã SHA-256 của tệp “goc/115-KH-DUK.pdf” là {DIGEST}, không khớp mã ghi trong ban_goc ({WRONG}): "
                   "tệp đã bị thay hoặc mã ghi sai.",
        "expected": "đối chiếu tệp với bản gốc có chữ ký; đúng tệp thì ghi lại mã của nó (sha256sum hoặc vanban import)",
        "example": f"ban_goc: {{tep: goc/115-KH-DUK.pdf, sha256: {DIGEST}}}",
    }
    assert [{key: p[key] for key in expected} for p in problems] == [expected]


def test_check_refuses_a_missing_file(tmp_path, monkeypatch, capsys):
    project(tmp_path, document(), scan=False)
    code, problems = check(tmp_path, monkeypatch, capsys)
    assert code == 1
    assert [p["message"] for p in problems] == ["Không có tệp bản gốc “goc/115-KH-DUK.pdf” trong kho."]


def test_check_refuses_a_link_out_of_the_repository(tmp_path, monkeypatch, capsys):
    outside = tmp_path / "ngoai"
    outside.mkdir()
    (outside / "scan.pdf").write_bytes(SCAN)
    repo = tmp_path / "kho"
    repo.mkdir()
    project(repo, document(), scan=False)
    (repo / "goc").mkdir()
    os.symlink(outside / "scan.pdf", repo / "goc" / "115-KH-DUK.pdf")
    code, problems = check(repo, monkeypatch, capsys)
    assert code == 1
    assert [p["message"] for p in problems] == [
        "Tệp bản gốc “goc/115-KH-DUK.pdf” nằm ngoài kho (hoặc là liên kết trỏ ra ngoài kho)."]


def test_a_path_climbing_out_is_refused_by_its_shape():
    _, problems = parse(document(name="../goc/115-KH-DUK.pdf"), "x.md")
    assert [p.message for p in problems] == [
        "Tệp bản gốc “../goc/115-KH-DUK.pdf” phải nằm trong kho, ghi đường dẫn tính từ thư mục gốc của kho."]
    _, problems = parse(document(digest="abc"), "x.md")
    assert [p.message for p in problems] == ["Mã sha256 của bản gốc “abc” không đúng dạng."]


def test_the_page_links_the_scan_with_size_and_hash(tmp_path):
    (tmp_path / "project" / "goc").mkdir(parents=True)
    (tmp_path / "project" / "goc" / "115-KH-DUK.pdf").write_bytes(SCAN)
    result = build_project(tmp_path, {"2023/115-kh-duk.md": document()})
    assert result.returncode == 0, result.output
    html = result.html("van-ban/2023/115-kh-duk/index.html")
    assert ('<td>Bản gốc có chữ ký</td>\n<td><a class="vb-ban-goc-tep" href="../../../ban-goc/goc/115-KH-DUK.pdf">'
            f'Bản quét có chữ ký (PDF, 3 KB)</a><br>SHA-256: <code class="vb-sha256">{DIGEST}</code></td>') in html
    assert (result.site / "ban-goc/goc/115-KH-DUK.pdf").read_bytes() == SCAN
    record = json.loads((result.site / "api/van-ban/2023/115-kh-duk.json").read_text(encoding="utf-8"))
    assert record["ban_goc"] == {"duong_dan": "http://127.0.0.1:8000/ban-goc/goc/115-KH-DUK.pdf",
                                 "sha256": DIGEST, "kich_thuoc": len(SCAN)}


def test_a_scan_named_with_spaces_and_vietnamese_is_linked_at_its_quoted_url(tmp_path):
    """The panel is raw HTML: the link is the URL MkDocs gives the file, quoted."""
    name = "goc/Kế hoạch 115 (bản quét).pdf"
    (tmp_path / "project" / "goc").mkdir(parents=True)
    (tmp_path / "project" / name).write_bytes(SCAN)
    result = build_project(tmp_path, {"2023/115-kh-duk.md": document(name=name)})
    assert result.returncode == 0, result.output
    html = result.html("van-ban/2023/115-kh-duk/index.html")
    assert ('<a class="vb-ban-goc-tep" href="../../../ban-goc/goc/K%E1%BA%BF%20ho%E1%BA%A1ch%20115%20'
            '%28b%E1%BA%A3n%20qu%C3%A9t%29.pdf">Bản quét có chữ ký (PDF, 3 KB)</a>') in html
    assert (result.site / "ban-goc" / name).read_bytes() == SCAN


def test_the_build_refuses_a_wrong_hash(tmp_path):
    (tmp_path / "project" / "goc").mkdir(parents=True)
    (tmp_path / "project" / "goc" / "115-KH-DUK.pdf").write_bytes(SCAN)
    result = build_project(tmp_path, {"2023/115-kh-duk.md": document(WRONG)})
    assert result.returncode != 0
    assert f"plans/2023/115-kh-duk.md:10: lỗi [ban_goc] Mã SHA-256 của tệp “goc/115-KH-DUK.pdf” là {DIGEST}" in result.output


IMPORTED = ("ĐẢNG ỦY KHỐI\nSố 120-KH/ĐUK\nBến Tre, ngày 10 tháng 4 năm 2023\nKẾ HOẠCH\nTổ chức hội nghị\n"
            "Nội dung.\nNơi nhận:\n- Đăng Website\n")


def test_import_records_the_hash_of_the_scan(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "goc").mkdir()
    (tmp_path / "goc" / "120.pdf").write_bytes(SCAN)
    (tmp_path / "a.txt").write_text(IMPORTED, encoding="utf-8")
    assert cli.main(["import", "a.txt", "--ban-goc", "goc/120.pdf"]) == 0
    text = (tmp_path / "plans" / "2023" / "120-kh-duk.md").read_text(encoding="utf-8")
    assert f"ban_goc:\n  tep: goc/120.pdf\n  sha256: {DIGEST}\n" in text
    capsys.readouterr()
    assert cli.main(["check", "--format", "json"]) == 0


def test_import_refuses_a_scan_outside_the_repository(tmp_path, monkeypatch, capsys):
    repo = tmp_path / "kho"
    repo.mkdir()
    (tmp_path / "scan.pdf").write_bytes(SCAN)
    (repo / "a.txt").write_text(IMPORTED, encoding="utf-8")
    monkeypatch.chdir(repo)
    assert cli.main(["import", "a.txt", "--ban-goc", "../scan.pdf"]) == 1
    err = capsys.readouterr().err
    assert "bản gốc có chữ ký phải là một tệp nằm trong kho" in err
    assert not (repo / "plans").exists()


def test_a_digest_read_as_a_number_says_to_quote_it_and_the_example_reads_back():
    import yaml

    from vanban.model.documents import ORIGINAL_EXAMPLE

    unquoted = document(digest="0" * 64).replace(f"'{'0' * 64}'", "0" * 64)
    _, problems = parse(unquoted, "x.md")
    assert [p.message for p in problems] == [
        "Mã sha256 của bản gốc được đọc thành một số, không phải dòng chữ (mã chỉ có chữ số thì mất các số 0 ở đầu)."]
    example = yaml.safe_load(ORIGINAL_EXAMPLE)["ban_goc"]
    _, problems = parse(document(digest=example["sha256"]), "x.md")
    assert problems == []
