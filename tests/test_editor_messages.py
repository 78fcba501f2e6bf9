"""What an office editor reads: every message of the front matter, the dates,
the publication line and `vanban new`, in Vietnamese, one per cause, with the
line as written and a marker under the column, and never the parser's English.
Every example they give is typed in again here and must give the right result."""

from __future__ import annotations

import argparse
import io
import re
from pathlib import Path

import pytest
import yaml

from plan_factory import plan
from vanban import cli
from vanban.model import documents, schema, yaml_faults
from vanban.model.problems import Problem

ROOT = Path(__file__).resolve().parent.parent
NAME = "plans/2023/a.md"
HEAD = "---\nso_hieu: 115-KH/ĐUK\nloai: Kế hoạch\ntrich_yeu: Tổ chức hội nghị\nco_quan_ban_hanh: Đảng ủy Khối\nnam: 2023\n"
ENGLISH = re.compile(r"\b(found|expected|mapping|token|scanning|while|could not|line|column|front matter|"
                     r"usage|options|show this help|error|argument|invalid|unrecognized)\b|⏎|YAML không đọc được",
                     re.IGNORECASE)


def only(text: str) -> Problem:
    doc, problems = documents.parse(text, NAME)
    assert doc is None
    assert len(problems) == 1, [p.format() for p in problems]
    problem = problems[0]
    assert not ENGLISH.search(problem.format()), problem.format()
    return problem


def fixed(text: str, problem: Problem) -> dict:
    """The document with the faulty line replaced by the message's example, read again."""
    lines = text.split("\n")
    lines[problem.line - 1] = problem.example
    doc, problems = documents.parse("\n".join(lines), NAME)
    assert problems == [], [p.format() for p in problems]
    return doc.meta


# --- YAML: one message per cause -----------------------------------------------------

def test_tab_for_indentation():
    problem = only(HEAD + "noi_nhan:\n\t- Đăng Website\n---\nx\n")
    assert (problem.line, problem.field, problem.column) == (8, "thông tin đầu", 1)
    assert problem.message == "Dòng có ký tự Tab (phím Tab). Phần thông tin đầu chỉ thụt lề bằng dấu cách."
    assert problem.expected == "thay mỗi Tab bằng dấu cách: hai dấu cách cho mỗi mức thụt lề"
    assert problem.format().split("\n")[1:3] == ["     8 | →- Đăng Website", "       | ^"]


def test_curly_quotes_around_a_value():
    text = HEAD.replace("trich_yeu: Tổ chức hội nghị", "trich_yeu: “Về việc: tổ chức hội nghị”") + "---\nx\n"
    problem = only(text)
    assert (problem.line, problem.field, problem.column) == (4, "trich_yeu", 12)
    assert problem.message == ("Giá trị đặt trong dấu ngoặc kép cong “…” (kiểu của Word). Phần thông tin đầu chỉ "
                               "hiểu ngoặc kép thẳng \"…\", nên đọc sai giá trị này.")
    assert problem.example == 'trich_yeu: "Về việc: tổ chức hội nghị"'
    assert fixed(text, problem)["trich_yeu"] == "Về việc: tổ chức hội nghị"


def test_unquoted_colon():
    text = HEAD.replace("trich_yeu: Tổ chức hội nghị", "trich_yeu: Về việc: tổ chức hội nghị") + "---\nx\n"
    problem = only(text)
    assert (problem.line, problem.field, problem.column) == (4, "trich_yeu", 19)
    assert problem.message == ("Giá trị của “trich_yeu” có dấu hai chấm theo sau là dấu cách (“: ”), nên bị hiểu "
                               "nhầm là một trường mới.")
    assert problem.format().split("\n")[1:3] == ["     4 | trich_yeu: Về việc: tổ chức hội nghị",
                                                 "       |                   ^"]
    assert fixed(text, problem)["trich_yeu"] == "Về việc: tổ chức hội nghị"


@pytest.mark.parametrize("lines, line, column", [
    (" dia_danh: Bến Tre\n", 7, 2),  # a field indented
    ("noi_nhan:\n  - Ban Dân vận Tỉnh ủy\n - Đăng Website\n", 9, 2),  # list items not in one column
    ("nhiem_vu:\n  - noi_dung: Báo cáo\n     don_vi: Văn phòng\n", 9, 6),  # a task's field too far in
    ("nhiem_vu:\n  - noi_dung: Báo cáo\n   don_vi: Văn phòng\n", 9, 4),
    ("nhiem_vu:\n  - noi_dung: Báo cáo\n  don_vi: Văn phòng\n", 9, 3),
])
def test_wrong_indentation(lines, line, column):
    problem = only(HEAD + lines + "---\nx\n")
    assert (problem.line, problem.field, problem.column) == (line, "thông tin đầu", column)
    assert problem.message == "Dòng này thụt lề không khớp với các dòng cùng cấp: số dấu cách ở đầu dòng sai."
    assert problem.example == yaml_faults.INDENT_EXAMPLE


def test_list_item_without_dash():
    text = HEAD + "noi_nhan:\n  - Ban Dân vận Tỉnh ủy\n  Đăng Website\n---\nx\n"
    problem = only(text)
    assert (problem.line, problem.column) == (9, 3)
    assert problem.message == "Dòng “Đăng Website” nằm trong danh sách nhưng thiếu “- ” ở đầu."
    assert problem.example == "  - Ban Dân vận Tỉnh ủy\n  - Đăng Website"
    lines = text.split("\n")
    lines[7:9] = problem.example.split("\n")
    assert documents.parse("\n".join(lines), NAME)[0].recipients == ["Ban Dân vận Tỉnh ủy", "Đăng Website"]


@pytest.mark.parametrize("items", ["  Ban Dân vận Tỉnh ủy\n  Đăng Website\n", "  -Ban Dân vận Tỉnh ủy\n  -Đăng Website\n"])
def test_whole_list_without_dashes(items):
    problem = only(HEAD + "noi_nhan:\n" + items + "---\nx\n")
    assert (problem.line, problem.field) == (7, "noi_nhan")
    assert problem.message == ("Các mục của “noi_nhan” (Nơi nhận) thiếu “- ” ở đầu dòng (dấu gạch ngang và một dấu "
                               "cách), nên cả danh sách bị đọc thành một dòng chữ.")
    assert problem.example == schema.BY_KEY["noi_nhan"].yaml


def test_missing_closing_line_points_at_the_body():
    text = HEAD + "noi_nhan:\n  - Đăng Website\n\nThực hiện Chương trình số 36, cụ thể như sau:\n\n## I. MỤC\n"
    problem = only(text)
    assert (problem.line, problem.field, problem.column) == (10, "thông tin đầu", 1)
    assert problem.message == "Phần thông tin đầu văn bản không có dòng --- đóng lại."
    assert problem.example == "  - Đăng Website\n---\n\nThực hiện Chương trình số 36, cụ thể như sau:"


def test_closing_line_typed_as_a_long_dash():
    problem = only(HEAD + "—\n\nNội dung.\n")
    assert (problem.line, problem.column) == (7, 1)
    assert problem.message == "Dòng đóng phần thông tin đầu ghi “—” thay vì ---."


def test_missing_opening_line():
    problem = only(HEAD[4:] + "---\nx\n")
    assert (problem.line, problem.field) == (1, "thông tin đầu")
    assert problem.message == "Thiếu dòng --- mở phần thông tin đầu văn bản."
    assert problem.example == yaml_faults.FRONT_EXAMPLE


def test_a_fault_the_causes_do_not_name_says_where_without_the_parser():
    problem = only(HEAD + "chu_de: |x\n---\nx\n")
    assert not ENGLISH.search(problem.format())
    assert problem.line == 7


def test_examples_are_multiline_on_real_lines():
    problem = only(HEAD + "noi_nhan:\n\t- Đăng Website\n---\nx\n")
    shown = problem.format()
    assert "  Ví dụ đúng:\n    noi_nhan:\n      - Ban Dân vận Tỉnh ủy\n      - Đăng Website\n" in shown


def test_registry_yaml_fault_is_explained_too(tmp_path):
    from vanban.graph import registry
    data = tmp_path / "registry.yml"
    data.write_text("van_ban:\n  - loai: Chỉ thị\n\tso_hieu: 06-CT/TU\n", encoding="utf-8")
    _, problems = registry.load_data(data, "data/registry.yml")
    (problem,) = problems
    assert (problem.line, problem.field) == (3, "danh mục")
    assert problem.message.startswith("Dòng có ký tự Tab")


# --- lists written on one line --------------------------------------------------------

def test_recipients_on_one_line_are_refused_not_split():
    problem = only(HEAD + "noi_nhan: [Ban Dân vận Tỉnh ủy, Các chi ủy, đảng ủy cơ sở, Đăng Website]\n---\nx\n")
    assert (problem.line, problem.field) == (7, "noi_nhan")
    assert problem.message == (
        "“noi_nhan” (Nơi nhận) viết trên một dòng trong ngoặc [ ]: dấu phẩy tách mục, nên một mục có dấu phẩy "
        "(như “Các chi ủy, đảng ủy cơ sở”) bị tách làm hai. Đang đọc thành 4 mục: “Ban Dân vận Tỉnh ủy”, "
        "“Các chi ủy”, “đảng ủy cơ sở”, “Đăng Website”.")
    assert problem.expected == "mỗi mục một dòng, bắt đầu bằng “- ”"
    assert "[" not in problem.example


@pytest.mark.parametrize("key", ["tags", "can_cu", "thuc_hien"])
def test_every_text_list_on_one_line_is_refused(key):
    problem = only(HEAD + f"{key}: [a, b]\n---\nx\n")
    assert problem.field == key
    assert problem.example == schema.BY_KEY[key].yaml


def test_tasks_on_one_line_are_refused():
    problem = only(HEAD + "nhiem_vu: [{noi_dung: Xây dựng kế hoạch, tổ chức, don_vi: Ban A}]\n---\nx\n")
    assert problem.field == "nhiem_vu"
    assert problem.message.startswith("“nhiem_vu” (Nhiệm vụ) viết trên một dòng trong ngoặc [ ] hoặc { }")
    assert problem.example == schema.BY_KEY["nhiem_vu"].yaml


def test_an_empty_list_on_one_line_is_fine():
    doc, problems = documents.parse(HEAD + "tags: []\nnoi_nhan:\n  - Đăng Website\n---\nx\n", NAME)
    assert problems == []


@pytest.mark.parametrize("field", schema.FIELDS, ids=lambda f: f.key)
def test_every_field_example_reads_back_as_it_claims(field):
    def plain(value):
        if isinstance(value, tuple | list):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value
    read = yaml.safe_load(field.yaml)
    if field.kind == "original":
        assert set(read[field.key]) == {"tep", "sha256"}
    elif isinstance(field.example, str):
        assert str(read[field.key]).lower() == field.example.lower()
    else:
        assert read == {field.key: plain(field.example)}
    if field.kind != "original":  # ban_goc: two fields, no list to split
        assert "[" not in field.yaml and "{" not in field.yaml


def _guide_yaml_blocks() -> list[str]:
    guide = (ROOT / "docs/huong-dan-bien-tap.md").read_text(encoding="utf-8")
    return re.findall(r"```yaml\n(.*?)```", guide, flags=re.S)


def test_the_guides_yaml_examples_read_as_they_claim():
    blocks = _guide_yaml_blocks()
    assert len(blocks) >= 3
    for block in blocks:
        if block.startswith("---\n"):  # a whole document: no problem at all
            doc, problems = documents.parse(block, "hướng dẫn")
            assert problems == [] and doc is not None, [p.format() for p in problems]
            assert "Các chi ủy, đảng ủy cơ sở" in doc.recipients or doc.recipients
            continue
        data = yaml.safe_load(block)
        for key, value in data.items():
            spec = schema.BY_KEY.get(key)
            if spec is not None and spec.kind == "list":  # one item a line, none split
                assert isinstance(value, list) and all(isinstance(v, str) for v in value), key
            assert not re.search(r":\s*[\[{]", block), block
    recipients = next(yaml.safe_load(b)["noi_nhan"] for b in blocks if b.startswith("noi_nhan:"))
    assert "Các chi ủy, đảng ủy cơ sở" in recipients


def _guide() -> str:
    return (ROOT / "docs/huong-dan-bien-tap.md").read_text(encoding="utf-8")


def test_the_guides_mistakes_give_the_messages_it_shows():
    """Each of the guide's common mistakes, typed into a document, gives the
    message the guide says it gives."""
    mistakes = re.findall(r"### ([^\n]+)\n\n```text\n(.*?)```\n\nLệnh báo: “([^\n]*)”\n", _guide(), flags=re.S)
    assert len(mistakes) == 8
    for title, lines, message in mistakes:
        text = HEAD.replace("trich_yeu: Tổ chức hội nghị\n", "") if lines.startswith("trich_yeu") else HEAD
        if lines.startswith("ngay_ban_hanh"):
            text = text.replace("nam: 2023\n", "")
        text += lines if "---" in title else lines + "---\nNội dung.\n"
        doc, problems = documents.parse(text, NAME)
        assert [p.message for p in problems] == [message], title


def test_the_guides_sample_message_is_what_the_check_prints():
    shown = re.search(r"## Khi có lỗi\n.*?```text\n(.*?)```", _guide(), flags=re.S).group(1)
    text = HEAD.replace("trich_yeu: Tổ chức hội nghị", "trich_yeu: Về việc: tổ chức hội nghị") + "---\nx\n"
    _, (problem,) = documents.parse(text, "plans/2023/116-kh-duk.md")
    assert shown == problem.format() + "\n"


def test_the_guides_website_lines_publish():
    rule = re.search(r"## Quy tắc đăng\n(.*?)\n\n", _guide(), flags=re.S).group(1)
    lines = re.findall(r"“(Đăng [^”]+)”", rule)
    assert len(lines) == 4
    assert all(documents.is_website_line(line) for line in lines)


def test_the_guides_task_options_give_what_they_claim(tmp_path, monkeypatch, capsys):
    import shlex
    command = re.search(r"```bash\n(vanban new .*?)```", _guide(), flags=re.S).group(1).replace("\\\n", " ")
    monkeypatch.chdir(tmp_path)
    assert cli.main(shlex.split(command)[1:]) == 0
    doc, problems = documents.read(tmp_path / "plans/2023/116-kh-duk.md")
    assert problems == []
    assert doc.recipients == ["Các chi ủy, đảng ủy cơ sở", "Đăng Website"]
    assert [(t.content, t.units, t.due.iso()) for t in doc.tasks] == [
        ("Xây dựng kế hoạch tổ chức hội nghị", ["Các chi ủy, đảng ủy cơ sở"], "2023-05")]


def test_problem_examples_of_the_model_parse():
    for example in (yaml_faults.INDENT_EXAMPLE, yaml_faults.LIST_EXAMPLE):
        assert isinstance(yaml.safe_load(example), dict)
    assert yaml.safe_load(yaml_faults.FRONT_EXAMPLE.strip("-\n"))["so_hieu"] == "114-KH/ĐUK"


# --- dates ------------------------------------------------------------------------------

@pytest.mark.parametrize("value, reason", [
    ("31/04/2023", "tháng 4 chỉ có 30 ngày"),
    ("29/02/2023", "năm 2023 không phải năm nhuận nên tháng 2 chỉ có 28 ngày"),
    ("30/2/2024", "tháng 2 năm 2024 chỉ có 29 ngày"),
    ("2023-13-01", "không có tháng 13 (tháng từ 1 đến 12)"),
    ("0/4/2023", "không có ngày 0"),
])
def test_impossible_date_says_why(value, reason):
    problem = only(plan(ngay_ban_hanh=value))
    assert problem.message == f"Ngày ban hành “{value}” không có thật: {reason}."
    assert problem.expected == "một ngày có thật, dạng 2023-04-20, 20/4/2023, 4/2023 hoặc 2023"


def test_date_in_no_accepted_form():
    problem = only(plan(ngay_ban_hanh="hai mươi tháng tư"))
    assert problem.message == "Ngày ban hành “hai mươi tháng tư” không đúng dạng ngày."
    assert problem.expected == "ngày, tháng hoặc năm: 2023-04-20, 20/4/2023, 4/2023 hoặc 2023"


def test_impossible_task_deadline_says_why():
    tasks = [{"noi_dung": "Báo cáo", "don_vi": "Văn phòng", "han": "31/4/2023"}]
    problem = only(plan(nhiem_vu=tasks))
    assert problem.message == "Thời hạn “31/4/2023” của nhiệm vụ thứ 1 không có thật: tháng 4 chỉ có 30 ngày."


# --- vanban check: dates that look mistyped, and documents that will not be published -----

def check(tmp_path, monkeypatch, capsys, files: dict[str, str], today: str = "2026-01-15"):
    for rel, text in files.items():
        path = tmp_path / "plans" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("VANBAN_TODAY", today)
    code = cli.main(["check"])
    out = capsys.readouterr().out
    assert not ENGLISH.search(out), out
    return code, out


def test_date_in_the_future_is_a_warning(tmp_path, monkeypatch, capsys):
    code, out = check(tmp_path, monkeypatch, capsys, {"2032/a.md": plan(ngay_ban_hanh="2032-04-20")})
    assert code == 0
    assert out.splitlines()[0] == (
        "plans/2032/a.md:6: cảnh báo [ngay_ban_hanh] Ngày ban hành (20/04/2032) ở sau hôm nay (15/01/2026): có gõ "
        "nhầm năm không? Cần: ngày ban hành như trên bản gốc. Ví dụ đúng: ngay_ban_hanh: 2023-04-20")
    assert out.splitlines()[-1] == "Đã kiểm tra 1 tệp: 0 lỗi, 1 cảnh báo."


@pytest.mark.parametrize("number, date, what", [
    ("115-KH/ĐUK", "1925-04-20", "ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930)"),
    ("115/KH-UBND", "1940-04-20", "ngày thành lập nước Việt Nam Dân chủ Cộng hòa (02/9/1945)"),
])
def test_date_before_the_issuing_system_existed_is_a_warning(tmp_path, monkeypatch, capsys, number, date, what):
    code, out = check(tmp_path, monkeypatch, capsys, {f"{date[:4]}/a.md": plan(so_hieu=number, ngay_ban_hanh=date)})
    assert code == 0
    day = f"{date[8:]}/{date[5:7]}/{date[:4]}"
    assert f"cảnh báo [ngay_ban_hanh] Ngày ban hành ({day}) ở trước {what}: có gõ nhầm năm không?" in out


def test_no_recipients_is_announced(tmp_path, monkeypatch, capsys):
    code, out = check(tmp_path, monkeypatch, capsys, {"2023/a.md": plan(noi_nhan=None)})
    assert code == 0
    assert out.startswith(
        "plans/2023/a.md:2: cảnh báo [noi_nhan] Văn bản sẽ KHÔNG được đăng lên trang: không có Nơi nhận "
        "(noi_nhan), nên không có dòng “Đăng Website”.\n  Cần: Nơi nhận như bản gốc, có dòng “Đăng Website” hoặc "
        "“Đăng trang thông tin điện tử” nếu bản gốc có; nếu văn bản không đăng thì để nguyên.\n  Ví dụ đúng:\n"
        "    noi_nhan:\n      - Các chi ủy, đảng ủy cơ sở\n      - Đăng Website\n")
    assert out.splitlines()[-1] == "Đã kiểm tra 1 tệp: 0 lỗi, 1 cảnh báo."


@pytest.mark.parametrize("line", ["Đưa lên Website", "Cổng thông tin điện tử", "Website", "website",
                                  "Đăng lên trang thông tin"])
def test_near_miss_of_the_website_line_is_asked_about(tmp_path, monkeypatch, capsys, line):
    code, out = check(tmp_path, monkeypatch, capsys, {"2023/a.md": plan(noi_nhan=["Các chi ủy, đảng ủy cơ sở", line])})
    assert code == 0
    assert out.splitlines()[0] == (
        f"plans/2023/a.md:7: cảnh báo [noi_nhan] Văn bản sẽ KHÔNG được đăng lên trang: Nơi nhận có dòng “{line}”, "
        "không phải cách ghi cho phép đăng. Có phải bản gốc ghi “Đăng Website”?")
    assert "      - Các chi ủy, đảng ủy cơ sở\n      - Đăng Website\n" in out


def test_no_website_line_is_announced(tmp_path, monkeypatch, capsys):
    code, out = check(tmp_path, monkeypatch, capsys, {"2023/a.md": plan(noi_nhan=["Lưu VP"])})
    assert out.splitlines()[0] == ("plans/2023/a.md:7: cảnh báo [noi_nhan] Văn bản sẽ KHÔNG được đăng lên trang: "
                                   "Nơi nhận không có dòng “Đăng Website”.")


@pytest.mark.parametrize("line", ["Đăng Website", "Đăng website", "Đăng trang thông tin điện tử", "Đăng trang web",
                                  "Đăng Cổng thông tin điện tử"])
def test_accepted_website_lines_say_nothing(tmp_path, monkeypatch, capsys, line):
    code, out = check(tmp_path, monkeypatch, capsys, {"2023/a.md": plan(noi_nhan=["Lưu VP", line])})
    assert out == "Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo.\n"


def test_a_body_left_as_the_frame_is_announced(tmp_path, monkeypatch, capsys):
    body = "…\n\n## I. MỤC ĐÍCH, YÊU CẦU\n\n**1.** …\n\nĐoạn đã viết."
    code, out = check(tmp_path, monkeypatch, capsys, {"2023/a.md": plan(body)})
    assert code == 0
    assert out == ("plans/2023/a.md:12: cảnh báo [nội dung] Nội dung còn dấu “…” của khung văn bản ở dòng 12 (và 1 "
                   "dòng khác): chưa thay bằng nội dung bản gốc. Cần: nội dung văn bản như bản gốc thay cho mỗi dấu ….\n"
                   "Đã kiểm tra 1 tệp: 0 lỗi, 1 cảnh báo.\n")


def test_publish_false_is_held_back_on_purpose(tmp_path, monkeypatch, capsys):
    code, out = check(tmp_path, monkeypatch, capsys, {"2023/a.md": plan(publish=False)})
    assert code == 0
    assert out == (
        "plans/2023/a.md:10: lưu ý [publish] Văn bản được giữ lại, không đăng lên trang, vì có dòng publish: false "
        "(dù Nơi nhận có dòng “Đăng Website”). Cần: xóa dòng publish: false nếu muốn đăng.\n"
        "Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo, 1 lưu ý.\n")


# --- vanban new ----------------------------------------------------------------------------

NEW = ["new", "--loai", "Kế hoạch", "--so-hieu", "116-KH/ĐUK", "--ngay-ban-hanh", "20/4/2023",
       "--trich-yeu", "Tổ chức hội nghị", "--co-quan-ban-hanh", "Đảng ủy Khối Cơ quan - Doanh nghiệp tỉnh"]


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_new_writes_tasks_given_as_options(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code = cli.main([*NEW, "--noi-nhan", "Các chi ủy, đảng ủy cơ sở", "--noi-nhan", "Đăng Website",
                     "--nhiem-vu", "Cụ thể thành kế hoạch công tác dân vận", "--don-vi", "Các chi ủy, đảng ủy cơ sở",
                     "--don-vi", "Ban Thường vụ Đoàn Khối", "--han", "4/2023",
                     "--nhiem-vu", "Báo cáo kết quả", "--don-vi", "Văn phòng"])
    assert code == 0
    text = (tmp_path / "plans/2023/116-kh-duk.md").read_text(encoding="utf-8")
    assert ("noi_nhan:\n  - Các chi ủy, đảng ủy cơ sở\n  - Đăng Website\nnhiem_vu:\n"
            "  - noi_dung: Cụ thể thành kế hoạch công tác dân vận\n    don_vi:\n      - Các chi ủy, đảng ủy cơ sở\n"
            "      - Ban Thường vụ Đoàn Khối\n    han: 4/2023\n  - noi_dung: Báo cáo kết quả\n    don_vi:\n"
            "      - Văn phòng\n---\n") in text
    doc, problems = documents.parse(text, "x")
    assert problems == []
    assert [(t.content, t.units, t.due and t.due.iso()) for t in doc.tasks] == [
        ("Cụ thể thành kế hoạch công tác dân vận", ["Các chi ủy, đảng ủy cơ sở", "Ban Thường vụ Đoàn Khối"], "2023-04"),
        ("Báo cáo kết quả", ["Văn phòng"], None)]
    assert capsys.readouterr().err == ""


def test_new_asks_for_tasks_in_a_terminal(tmp_path, monkeypatch, capsys):
    answers = ["Tổ chức hội nghị",  # trich_yeu, the one field not given
               "Xây dựng kế hoạch giám sát", "Ban Thường vụ Đoàn Khối", "", "31/4/2023", "30/4/2023", ""]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.stdin", Terminal("\n".join(answers) + "\n"))
    given = [a for a in NEW if a not in ("--trich-yeu", "Tổ chức hội nghị")]
    assert cli.main([*given, "--noi-nhan", "Đăng Website", "--tham-quyen-ky", "T/M", "--thay-mat", "Ban Thường vụ",
                     "--chuc-vu", "Phó Bí thư", "--nguoi-ky", "Phạm Hữu Dự", "--co-quan-cap-tren", "Đảng bộ tỉnh",
                     "--dia-danh", "Bến Tre"]) == 0
    out = capsys.readouterr().out
    assert "    Thời hạn “31/4/2023” không có thật: tháng 4 chỉ có 30 ngày." in out
    doc, _ = documents.read(tmp_path / "plans/2023/116-kh-duk.md")
    assert doc.meta["nhiem_vu"] == [{"noi_dung": "Xây dựng kế hoạch giám sát", "don_vi": ["Ban Thường vụ Đoàn Khối"],
                                     "han": "30/4/2023"}]


def test_new_task_without_unit_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main([*NEW, "--nhiem-vu", "Báo cáo"]) == 1
    assert capsys.readouterr().err == (
        "Lỗi: Nhiệm vụ “Báo cáo” chưa có đơn vị thực hiện: thêm --don-vi sau --nhiem-vu.\n")


def test_new_unit_before_any_task_is_refused(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        cli.main([*NEW, "--don-vi", "Văn phòng"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.endswith("vanban new: lỗi: --don-vi phải ghi sau --nhiem-vu của nhiệm vụ ấy.\n"
                        "Xem các tùy chọn: vanban new --help\n")


def test_new_announces_that_the_document_will_not_be_published(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert cli.main([*NEW, "--noi-nhan", "Đưa lên Website"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("plans/2023/116-kh-duk.md:7: cảnh báo [noi_nhan] Văn bản sẽ KHÔNG được đăng lên trang: "
                          "Nơi nhận có dòng “Đưa lên Website”")


def test_new_has_no_force_and_says_so_in_vietnamese(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        cli.main([*NEW, "--force"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("Cách dùng: vanban new [-h]")
    assert err.endswith("vanban new: lỗi: không có tùy chọn hay đối số này: --force\n"
                        "Xem các tùy chọn: vanban new --help\n")


def test_new_bad_year_option(tmp_path, monkeypatch, capsys):
    with pytest.raises(SystemExit):
        cli.main(["new", "--nam", "hai nghìn"])
    assert capsys.readouterr().err.endswith(
        "vanban new: lỗi: --nam: Năm “hai nghìn” không hợp lệ; ghi năm có 4 chữ số, ví dụ 2023.\n"
        "Xem các tùy chọn: vanban new --help\n")


@pytest.mark.parametrize("argv", [["--help"], ["new", "--help"], ["check", "--help"], ["import", "--help"],
                                  ["cite", "--help"], ["gates", "--help"], ["nhap-hop-thu", "--help"]])
def test_help_is_vietnamese(capsys, argv):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Cách dùng: vanban {argv[0] if len(argv) > 1 else ''}".rstrip() + " [-h]")
    assert "tùy chọn:\n  -h, --help" in out and "in hướng dẫn này rồi thoát" in out
    assert not ENGLISH.search(out), out


@pytest.mark.parametrize(("argv", "usage"), [
    (["import", "--help"], "vanban import [-h] [-o THƯ_MỤC] [--stdout] [--force] [--nam NĂM]"),
    (["nhap-hop-thu", "--help"], "vanban nhap-hop-thu [-h] [--hop-thu THƯ_MỤC] [-o THƯ_MỤC]"),
])
def test_option_values_are_named_in_vietnamese(capsys, argv, usage):
    with pytest.raises(SystemExit):
        cli.main(argv)
    assert capsys.readouterr().out.startswith("Cách dùng: " + usage + "\n")


def test_new_help_lists_the_task_options_and_block_lists(capsys):
    with pytest.raises(SystemExit):
        cli.main(["new", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "nhiệm vụ (nhiem_vu):" in out
    assert '--noi-nhan "Ban Dân vận Tỉnh ủy" --noi-nhan "Các chi ủy, đảng ủy cơ sở" --noi-nhan "Đăng Website"' in out
    assert "[Ban" not in out


def test_bad_command_and_bad_choice_are_vietnamese(capsys):
    for argv, message in ((["frob"], "vanban: lỗi: LỆNH: không có lựa chọn 'frob'"),
                          (["check", "--format", "x"], "vanban check: lỗi: --format: không có lựa chọn 'x'")):
        with pytest.raises(SystemExit):
            cli.main(argv)
        err = capsys.readouterr().err
        assert message in err
        assert not ENGLISH.search(err), err


def test_every_argparse_message_a_user_can_see_has_vietnamese_words():
    """The table follows the running Python's argparse: a message added in a
    newer Python shows here as missing, not in English to an editor."""
    source = Path(argparse.__file__).read_text(encoding="utf-8")
    said = set(re.findall(r"\b_\('((?:[^'\\]|\\.)*)'\)", source)) | set(re.findall(r'\b_\("((?:[^"\\]|\\.)*)"\)', source))
    said |= set(re.findall(r"ngettext\('((?:[^'\\]|\\.)*)',\s*'((?:[^'\\]|\\.)*)'", source, flags=re.S)[0])
    for_developers = re.compile(r"conflicting|cannot merge|invalid option string|dest= is required|conflict_resolution|"
                                r"mutually exclusive|'required' is an invalid|is not callable|__call__|multiple subparser|"
                                r"deprecated|cannot be|must be|already")
    said = {s.encode().decode("unicode_escape") for s in said if not for_developers.search(s)}
    assert said - set(cli.ARGPARSE_WORDS) == set()


def test_argparse_is_left_as_it_was():
    before = argparse._("usage: ")
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert argparse._("usage: ") == before == "usage: "
