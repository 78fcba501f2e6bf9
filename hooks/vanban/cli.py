"""`vanban`: the editors' command line. Each subcommand lives in its own module
under vanban.commands and registers itself; this file only dispatches."""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import pkgutil
import sys

from vanban import commands

# argparse's own words (usage, options, help, errors), in Vietnamese. argparse
# looks them up through its module's gettext functions `_` and `ngettext` each
# time it prints; `vietnamese()` answers them from this table while the
# program's parser is built and used, and gives the originals back afterwards.
ARGPARSE_WORDS = {
    "usage: ": "Cách dùng: ",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "positional arguments": "đối số",
    "subcommands": "lệnh",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "show program's version number and exit": "in phiên bản rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "unrecognized arguments: %s": "không có tùy chọn hay đối số này: %s",
    "the following arguments are required: %s": "thiếu đối số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các đối số: %s",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị sau tùy chọn",
    "expected at most one argument": "chỉ nhận nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r (chọn một trong: %(choices)s)",
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không hợp lệ",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ: có thể là %(matches)s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "ignored explicit argument %r": "tùy chọn này không nhận giá trị %r",
    "unexpected option string: %s": "tùy chọn không đúng chỗ: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
    "can't open '%(filename)s': %(error)s": "không mở được “%(filename)s”: %(error)s",
    "argument \"-\" with mode %r": "đối số “-” với chế độ %r",
}


@contextlib.contextmanager
def vietnamese():
    saved = argparse._, argparse.ngettext
    argparse._ = lambda text: ARGPARSE_WORDS.get(text, text)
    argparse.ngettext = lambda one, many, n: ARGPARSE_WORDS.get(one if n == 1 else many, one if n == 1 else many)
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


class Parser(argparse.ArgumentParser):
    """An argparse parser whose errors end with where to find the options."""

    def parse_args(self, args=None, namespace=None):
        # An unknown option is reported by the parser of the command it was
        # given to, whose --help lists the right options.
        parsed, extra = self.parse_known_args(args, namespace)
        if extra:
            command = getattr(self, "commands", {}).get(getattr(parsed, "command", None), self)
            command.error(argparse._("unrecognized arguments: %s") % " ".join(extra))
        return parsed

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {message}\nXem các tùy chọn: {self.prog} --help\n")


def parser() -> argparse.ArgumentParser:
    top = Parser(prog="vanban", description="Công cụ biên tập văn bản cho trang thông tin.")
    sub = top.add_subparsers(dest="command", metavar="LỆNH", title="các lệnh")
    for module in sorted(m.name for m in pkgutil.iter_modules(commands.__path__)):
        importlib.import_module(f"{commands.__name__}.{module}").register(sub)
    top.commands = sub.choices
    return top


def main(argv: list[str] | None = None) -> int:
    with vietnamese():
        top = parser()
        args = top.parse_args(argv)
        if not getattr(args, "run", None):
            top.print_help()
            return 2
    return args.run(args) or 0


def run(argv: list[str] | None = None) -> int:
    """The `vanban` program: main(), after which the process ends. What the
    command leaves in memory (the caches of parsed citations and of entries,
    a whole corpus for a check) is frozen out of the garbage collector's
    reach: the interpreter's last collection would otherwise walk all of it
    (a third of a second at 10,000 documents)."""
    code = main(argv)
    gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(run())
