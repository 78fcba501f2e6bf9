"""YAML from untrusted files: the one loader for front matter and data files.

Anchors, aliases and merge keys are refused as they are met, before any node
is built, so a nine-line alias bomb costs nothing (nothing in the schema needs
them); nesting deeper than limits.YAML_DEPTH is refused before it can exhaust
the stack; a lone surrogate written as an escape ("\\ud800") is refused with
its line. A scalar PyYAML cannot build (a date 2023-02-30, an integer of 5,000
digits) is kept as its text, for the field's own check to word. Syntax errors
stay yaml.YAMLError: the callers word those.
"""

from __future__ import annotations

import re

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionStartEvent
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from vanban.model import limits
from vanban.model.problems import FRONT, Problem

MERGE_TAG = "tag:yaml.org,2002:merge"
_SURROGATE = re.compile("[\ud800-\udfff]")


class Refused(Exception):
    """YAML that is well formed but not accepted; carries the Problem to report."""

    def __init__(self, problem: Problem):
        super().__init__(problem.format())
        self.problem = problem


class _Guard(Composer, SafeConstructor):
    """PyYAML's composer with a check before each node, and its safe
    constructor keeping what it cannot build as text. It sits before the parser in the
    loaders' order, so the C parser's events are composed here too (the C
    composer cannot be told to stop at an alias)."""

    def __init__(self):
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        self.depth = 0
        self.keys: list[str] = []  # the mapping keys above the node being composed

    def compose_node(self, parent, index):
        keyed = isinstance(index, ScalarNode)  # a mapping's value: index is its key
        if keyed:
            self.keys.append(index.value)
        try:
            return self._compose(parent, index)
        finally:
            if keyed:
                self.keys.pop()

    def _compose(self, parent, index):
        event = self.peek_event()
        if isinstance(event, AliasEvent):
            raise self._stop(event.start_mark, "alias", f"*{event.anchor}")
        if event.anchor is not None:
            raise self._stop(event.start_mark, "anchor", f"&{event.anchor}")
        if isinstance(event, CollectionStartEvent):
            if self.depth >= limits.YAML_DEPTH:
                raise self._stop(event.start_mark, "depth", "")
            self.depth += 1
            try:
                return Composer.compose_node(self, parent, index)
            finally:
                self.depth -= 1
        node = Composer.compose_node(self, parent, index)
        if node.tag == MERGE_TAG:
            raise self._stop(node.start_mark, "merge", node.value)
        if _SURROGATE.search(node.value):
            raise self._stop(node.start_mark, "surrogate", "")
        return node

    def construct_object(self, node, deep=False):
        try:
            return SafeConstructor.construct_object(self, node, deep)
        except (ValueError, OverflowError):
            if isinstance(node, ScalarNode):
                # 2023-02-30 or an integer of 5,000 digits: kept as written, so
                # the field's own check says what is wrong with it.
                self.recursive_objects.pop(node, None)
                self.constructed_objects[node] = node.value
                return node.value
            raise _Stop(node.start_mark, "value", "", None) from None

    def _stop(self, mark, kind: str, text: str) -> _Stop:
        return _Stop(mark, kind, text, self.keys[-1] if self.keys else None)


class _Stop(Exception):
    def __init__(self, mark, kind: str, text: str, key: str | None):
        super().__init__(kind)
        self.mark, self.kind, self.text, self.key = mark, kind, text, key


class _PyLoader(_Guard, yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser,
                Resolver):
    def __init__(self, stream):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _Guard.__init__(self)
        Resolver.__init__(self)


try:
    from yaml.cyaml import CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    CParser = None

if CParser is not None:
    class _CLoader(_Guard, CParser, Resolver):
        """libyaml's parser (about ten times faster) under the guarded composer."""

        def __init__(self, stream):
            CParser.__init__(self, stream)
            _Guard.__init__(self)
            Resolver.__init__(self)

    _LOADERS = (_CLoader, _PyLoader)
else:  # pragma: no cover - PyYAML built without libyaml
    _LOADERS = (_PyLoader,)


_PLAIN = "giá trị viết thẳng sau dấu hai chấm, không dùng &tên, *tên hay <<"
_IN_PLACE = "noi_nhan:\n  - Ban Dân vận Tỉnh ủy\n  - Đăng Website"
# kind → (message, what is expected, a correct example)
_EXPLAIN = {
    "alias": ("Không dùng bí danh YAML ({text}): mỗi giá trị viết đầy đủ tại chỗ.", _PLAIN, _IN_PLACE),
    "anchor": ("Không dùng nhãn YAML ({text}): mỗi giá trị viết đầy đủ tại chỗ.", _PLAIN, _IN_PLACE),
    "merge": ("Không dùng khóa gộp YAML (<<): mỗi trường viết đầy đủ tại chỗ.", _PLAIN, _IN_PLACE),
    "depth": (f"Các danh sách và nhóm lồng nhau quá {limits.YAML_DEPTH} tầng.",
              "danh sách hoặc nhóm lồng nhau không quá vài tầng, như nhiem_vu",
              "nhiem_vu:\n  - noi_dung: Xây dựng kế hoạch\n    don_vi: Ban Thường vụ Đoàn Khối"),
    "surrogate": ("Giá trị có mã thoát không thành chữ (nửa cặp thay thế UTF-16 từ \\ud800 đến \\udfff, "
                  "hoặc quá \\U0010FFFF).",
                  "chữ viết thẳng, hoặc mã thoát của một ký tự có thật như \\u00e0",
                  'trich_yeu: "Thực hiện công tác dân vận năm 2023"'),
    "value": ("Giá trị không đọc được.", "chữ đặt trong ngoặc kép", 'trich_yeu: "Thực hiện công tác dân vận năm 2023"'),
}


def load(text: str, name: str, first_line: int = 1, field: str = FRONT, example: str | None = None):
    """The root node (for each key's line) and the data of one YAML document.

    `first_line` is the file's line number of the text's first line; `field`
    names the faults found outside any key; `example`, when given, is the
    correct example of every refusal (the data file's own shape). Raises
    Refused for what is well formed but not accepted; yaml.YAMLError for a
    syntax error, worded by the pure-Python parser (which words them better)
    when the text is no longer than a front matter.
    """
    for index, loader_class in enumerate(_LOADERS):
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            return node, (loader.construct_document(node) if node is not None else None)
        except _Stop as stop:
            message, expected, shown_example = _EXPLAIN[stop.kind]
            shown = stop.text if len(stop.text) <= 40 else stop.text[:40] + "…"
            line = _line(text, stop.mark.line)
            shown_at = len(line) <= 200  # a line of 60,000 brackets is not shown
            raise Refused(Problem(name, stop.mark.line + first_line, stop.key or field, message.format(text=shown),
                                  expected, example or shown_example, column=stop.mark.column + 1 if shown_at else 0,
                                  source=line if shown_at else "")) from None
        except yaml.YAMLError:
            # The pure-Python parser takes seconds a MB: asked again only for a
            # text the size of a front matter, where its words are worth it.
            if index == len(_LOADERS) - 1 or len(text) > limits.FRONT_MATTER_BYTES:
                raise
        except (ValueError, OverflowError):  # the pure-Python scanner's chr() of "\U00110000"
            mark = loader.get_mark() if hasattr(loader, "get_mark") else None
            message, expected, shown_example = _EXPLAIN["surrogate"]
            raise Refused(Problem(name, (mark.line if mark else 0) + first_line, field, message, expected,
                                  example or shown_example)) from None
        finally:
            loader.dispose()
    raise AssertionError("unreachable")


def _line(text: str, index: int) -> str:
    start = 0
    for _ in range(index):
        start = text.find("\n", start) + 1
        if start == 0:
            return ""
    end = text.find("\n", start)
    return text[start:] if end < 0 else text[start:end]
