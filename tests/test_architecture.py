"""The package's rooms and the one way imports go between them."""

from __future__ import annotations

import ast
import os
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "vanban"

# Each room and the rooms it may import. `forked` is a tool any room may use.
ALLOWED = {
    "model": set(),
    "citations": {"model"},
    "graph": {"model", "citations"},
    "search": {"model", "citations"},
    "site": {"model", "citations", "graph", "search"},
    "editing": {"model", "citations", "graph", "search", "site"},
    "gates": set(),
    "commands": {"model", "citations", "graph", "search", "site", "editing", "gates"},
    "cli": {"commands"},
    "forked": set(),
    "__init__": set(),
}
ANYONE = {"forked"}
TOP_LEVEL_LIMIT = 8


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> set[str]:
    """Every vanban module the file imports, at any depth in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.split(".")[0] == "vanban"}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            if base.split(".")[0] != "vanban":
                continue
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if _exists(candidate) else base)
    return found


def _exists(dotted: str) -> bool:
    path = PACKAGE.parent.joinpath(*dotted.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def room(dotted: str) -> str:
    parts = dotted.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: {m for m in imports_of(path) if m in MODULES and m != name} for name, path in MODULES.items()}


def violations(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Each (importer, imported) pair that goes against the rooms' direction."""
    return sorted((name, m) for name, targets in graph.items() for m in targets
                  if room(m) != room(name) and room(m) not in ALLOWED[room(name)] | ANYONE)


def test_imports_go_one_way():
    assert violations(GRAPH) == []


def test_a_wrong_import_is_seen():
    graph = {"vanban.model.documents": {"vanban.site.build", "vanban.forked"},
             "vanban.site.build": {"vanban.model.documents"}}
    assert violations(graph) == [("vanban.model.documents", "vanban.site.build")]


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module."""
    found, seen, stack = [], set(), []

    def visit(node, path):
        if node in path:
            found.append(path[path.index(node):] + [node])
            return
        if node in seen:
            return
        seen.add(node)
        for nxt in sorted(graph.get(node, ())):
            visit(nxt, path + [node])

    for start in sorted(graph):
        visit(start, stack)
    return found


def test_no_import_cycle():
    assert cycles(GRAPH) == []


def test_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_every_room_says_what_it_holds_and_may_import():
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "Holds" in doc or "each module" in doc, init
        assert "import" in doc, init


def test_few_modules_at_the_top():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= TOP_LEVEL_LIMIT, top


def _python_files(folder: Path, skip: Path) -> list[Path]:
    """The .py files under folder, not under `skip` (the bench's builds, which
    are not the project's code and may be rewritten while the tests run)."""
    found = []
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if Path(top, d) != skip)
        found += [Path(top, f) for f in sorted(files) if f.endswith(".py")]
    return found


def test_comments_speak_from_inside_the_repository():
    """Code points at the project's own rules (CITATIONS.md), never at a file
    outside it or at an issue number."""
    root = PACKAGE.parent.parent
    outside = re.compile(r"citations-vn\.md|\b[Ii]ssue #?\d")
    found = [f"{path.relative_to(root)}:{number}"
             for folder in ("hooks", "tests", "bench", "scripts")
             for path in _python_files(root / folder, skip=root / "bench" / "out")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if outside.search(line) and path.name != "test_architecture.py"]
    assert found == []
    assert (root / "CITATIONS.md").is_file()
