"""Citations kept on disk between runs (citations.cache): a second run
answers from the file, and nothing in the file can change what is found."""

import json
import os
import time

import pytest

from vanban.citations import cache as citation_cache
from vanban.citations.parser import find_citations
from vanban.citations.priming import Primed, prime

TEXTS = [
    "Thực hiện Chỉ thị số 06-CT/TU, ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy.",
    "Căn cứ Quyết định số 1493/QĐ-TTg và Kế hoạch số 114-KH/ĐUK.",
    "Không dẫn chiếu văn bản nào.",
]


def direct(text, markdown=True):
    return tuple(find_citations(text, markdown=markdown))


def test_a_second_run_reads_the_file_and_finds_the_same(tmp_path):
    primed = prime(TEXTS, project=tmp_path)
    first = [primed.find(t) for t in TEXTS]
    assert first == [list(direct(t)) for t in TEXTS]
    assert primed.parsed == 3
    stored = citation_cache.path(tmp_path)
    assert stored.parent == tmp_path / ".cache" / "vanban"
    assert len(json.loads(stored.read_text(encoding="utf-8"))) == 3

    again = prime(TEXTS, project=tmp_path)
    assert [again.find(t) for t in TEXTS] == first
    assert again.parsed == 0  # every answer read back from the file


def test_plain_text_and_markdown_are_kept_apart(tmp_path):
    text = "`Chỉ thị số 06-CT/TU`"  # code in Markdown, words in plain text
    Primed(tmp_path).add([text]).add([text], markdown=False)
    primed = Primed(tmp_path).add([text]).add([text], markdown=False)
    assert primed.find(text) == []
    assert [c.number for c in primed.find(text, markdown=False)] == ["06-CT/TU"]
    assert primed.parsed == 0


@pytest.mark.parametrize("content", [
    "{not json",
    "[1, 2, 3]",
    '{"KEY": [["Chỉ thị", "06-CT/TU", "TU", null, null, 0, 9999]]}',  # a span past the text
    '{"KEY": [["Chỉ thị", "06-CT/TU", "TU", null, null, "0", "5"]]}',  # offsets that are not numbers
    '{"KEY": [["Chỉ thị"]]}',  # too few fields
    '{"KEY": "06-CT/TU"}',
    '{"KEY": [[1, 2, 3, 4, 5, 0, 5]]}',  # numbers for names
])
def test_a_file_that_is_not_sound_is_parsed_around(tmp_path, content):
    text = TEXTS[0]
    target = citation_cache.path(tmp_path)
    target.parent.mkdir(parents=True)
    target.write_text(content.replace("KEY", citation_cache.key(text, True)), encoding="utf-8")
    primed = prime([text], project=tmp_path)
    assert primed.find(text) == list(direct(text))
    assert primed.parsed == 1


def test_files_of_another_parser_version_are_removed(tmp_path):
    folder = tmp_path / ".cache" / "vanban"
    folder.mkdir(parents=True)
    (folder / "citations-md-0123456789abcdef.json").write_text("{}", encoding="utf-8")
    stopped = folder / "citations-md-0123456789abcdef.json.999999999.tmp"
    stopped.write_text("{", encoding="utf-8")  # a run stopped half-way, two hours ago
    os.utime(stopped, (time.time() - 7200,) * 2)
    running = folder / f"{citation_cache.path(tmp_path).name}.1.tmp"
    running.write_text("{", encoding="utf-8")  # another run writing now: left alone
    (folder / "citations-plain-0123456789abcdef.json").write_text("{}", encoding="utf-8")  # the other kind: its own call
    prime(TEXTS, project=tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [citation_cache.path(tmp_path).name, running.name, "citations-plain-0123456789abcdef.json"])


def test_the_version_follows_the_parser_source():
    names = {f"{p.parent.name}/{p.name}" for p in citation_cache.sources()}
    assert names >= {"citations/parser.py", "citations/grammar.py", "citations/prepared.py", "citations/scan.py",
                     "model/doctypes.py", "model/numbers.py", "model/text.py"}
    assert len(citation_cache.version()) == 16


def test_a_folder_that_cannot_be_written_changes_nothing(tmp_path):
    (tmp_path / ".cache").write_text("a file where the folder would be", encoding="utf-8")
    primed = prime(TEXTS, project=tmp_path)
    assert [primed.find(t) for t in TEXTS] == [list(direct(t)) for t in TEXTS]


def _stored(tmp_path, markdown=True) -> dict:
    return json.loads(citation_cache.path(tmp_path, markdown).read_text(encoding="utf-8"))


def test_a_run_over_some_texts_keeps_the_others_and_a_complete_run_drops_texts_gone(tmp_path):
    prime(TEXTS, project=tmp_path)
    prime(["Chỉ thị số 08-CT/TU mới sửa."], project=tmp_path)  # a check of one edited file
    assert len(_stored(tmp_path)) == 4
    prime(TEXTS[:2], project=tmp_path)  # nothing new: the file is not written
    assert len(_stored(tmp_path)) == 4
    prime(TEXTS[:2], project=tmp_path, complete=True)  # every text of the project: the rest are gone
    assert sorted(_stored(tmp_path)) == sorted(citation_cache.key(t, True) for t in TEXTS[:2])


def test_bodies_and_front_matter_items_have_a_file_each(tmp_path):
    prime(TEXTS, project=tmp_path, complete=True)
    prime(["Chỉ thị số 06-CT/TU"], markdown=False, project=tmp_path, complete=True)
    assert len(_stored(tmp_path)) == 3 and len(_stored(tmp_path, markdown=False)) == 1


def test_a_lone_surrogate_from_a_yaml_escape_is_stored_and_read_back(tmp_path):
    text = "Căn cứ Chỉ thị số 06-CT/TU của Ban \ud800 Thường vụ"  # YAML "\\ud800" gives this
    first = prime([text], markdown=False, project=tmp_path).find(text, markdown=False)
    again = prime([text], markdown=False, project=tmp_path)
    assert again.find(text, markdown=False) == first and first
    assert again.parsed == 0
    assert not list(citation_cache.path(tmp_path).parent.glob("*.tmp"))


def test_offsets_that_are_booleans_are_not_sound(tmp_path):
    text = TEXTS[0]
    target = citation_cache.path(tmp_path)
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps({citation_cache.key(text, True): [["Chỉ thị", "06-CT/TU", "TU", None, None, False, True]]}),
                      encoding="utf-8")
    primed = prime([text], project=tmp_path)
    assert primed.find(text) == list(direct(text))
    assert primed.parsed == 1


def test_texts_parsed_where_they_were_read_are_stored_and_not_parsed_again(tmp_path):
    """Primed.ahead parses in the document readers' workers; add(ahead=…)
    takes what they found, stores it, and parses nothing itself."""
    prime(TEXTS[:1], project=tmp_path)  # the first text is in the cache
    primed = Primed(tmp_path)
    ahead = primed.ahead(TEXTS)
    assert [key for key, _ in ahead.values()] == [citation_cache.key(t, True) for t in TEXTS]
    assert [found for _, found in ahead.values()] == [None, direct(TEXTS[1]), direct(TEXTS[2])]

    expected = [list(direct(t)) for t in TEXTS]
    primed.add(TEXTS, complete=True, ahead=ahead)
    assert [primed.find(t) for t in TEXTS] == expected
    assert primed.parsed == 0
    stored = json.loads(citation_cache.path(tmp_path).read_text(encoding="utf-8"))
    assert set(stored) == {citation_cache.key(t, True) for t in TEXTS}


def test_what_one_run_primed_never_answers_another(tmp_path):
    """The primed citations live on the object a build or check carries: a new
    one starts empty and parses (or reads the cache) for itself."""
    primed = prime(TEXTS, project=tmp_path / "a")
    assert {text for text, _ in primed.found} == set(TEXTS)
    other = Primed()
    assert other.found == {} and other.stored == {}
    assert other.find(TEXTS[0]) == list(direct(TEXTS[0]))
    assert other.parsed == 1
    assert other.find("") == [] and other.parsed == 1
