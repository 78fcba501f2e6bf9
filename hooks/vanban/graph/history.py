"""Each document's history, read from git: when it was first published and
every later change, with the date, the commit message and what changed in
its metadata and text.

git is read with a few commands for the whole corpus, not one per file: one
`git log --name-status` over plans/ gives every file's commits, dates and
moves (followed, so a moved file keeps its history), and
one `git cat-file --batch` gives the versions of the documents changed more
than once, which are the only ones with a change to show, and of those `git
status` finds changed since their one commit (that commit may hold a draft). What a change
shows is kept in .cache/vanban/history/ by commit id (a commit never
changes), so a rebuild reads git's log and nothing else.

A version that was not published (a draft held back, without "Đăng Website")
is never shown: the first publication is the first published version, and a
change is between two published versions.

Outside a git repository nothing is said: no history rather than a guess. In
a shallow clone the commits before its boundary are missing: a document whose
oldest visible commit is at the boundary has no known first publication (its
later changes are still real), and `missing` names the boundary so the build
can warn.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from vanban.model import limits, yamlsafe
from vanban.model.documents import is_website_line
from vanban.model.problems import FRONT
from vanban.model.text import clean

FOLDER = Path(".cache") / "vanban" / "history"
FORMAT = 1  # bump when what a cached change holds changes
_RECORD = "\x1e"
_UNIT = "\x1f"
CONTEXT_WORDS = 8  # unchanged words kept on each side of a change
MAX_VERSION = limits.DOCUMENT_BYTES  # bytes of one version read back from git; a larger file is not compared


@dataclass(frozen=True)
class Commit:
    id: str
    when: dt.datetime  # committer date, with its offset
    message: str  # the subject line


@dataclass(frozen=True)
class FieldChange:
    key: str
    old: str  # the value as YAML text; "" when the field was added
    new: str  # "" when removed


@dataclass(frozen=True)
class Change:
    commit: Commit
    fields: tuple[FieldChange, ...] = ()
    # The text's changed paragraphs, each a list of (op, words): op is "=", "-" or "+".
    paragraphs: tuple[tuple[tuple[str, str], ...], ...] = ()
    unreadable: bool = False  # a version git could not give back (too large, not UTF-8)

    @property
    def empty(self) -> bool:
        return not self.fields and not self.paragraphs and not self.unreadable


@dataclass
class History:
    first: Commit | None  # None when a shallow clone hides it
    changes: list[Change] = field(default_factory=list)  # later changes, oldest first
    cut: Commit | None = None  # the shallow boundary the visible history starts at

    @property
    def last(self) -> Commit | None:
        """The newest commit: the day the published text last changed."""
        if self.changes:
            return self.changes[-1].commit
        return self.first or self.cut


@dataclass
class Histories:
    by_path: dict[str, History] = field(default_factory=dict)  # document path (as the corpus names it) → history
    shallow: bool = False
    missing: list[Commit] = field(default_factory=list)  # shallow boundaries: history before them is not here
    root: Path | None = None

    def get(self, path: str) -> History | None:
        return self.by_path.get(path)


def _git(root: Path, *args: str, data: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-c", "core.quotepath=off", *args], cwd=root, input=data,
                          capture_output=True, check=False)


@dataclass
class Refused:
    """A git work tree git would not read (another user's folder): said, never silent."""

    reason: str


def top_level(folder: Path) -> Path | Refused | None:
    """The work tree `folder` belongs to, or None outside git (or without git)."""
    try:
        done = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True, check=False)
    except (OSError, ValueError):
        return None
    if done.returncode != 0:
        error = done.stderr.decode("utf-8", "replace")
        return Refused(" ".join(error.split())) if "safe.directory" in error else None
    return Path(os.fsdecode(done.stdout.strip()))


def read(plans_dir: Path, paths: dict[str, Path], cache_dir: Path | None = None) -> Histories | Refused | None:
    """The history of each document file; `paths` maps the corpus's name of a
    file to the file. None outside a git work tree."""
    root = top_level(plans_dir)
    if root is None or isinstance(root, Refused):
        return root
    out = Histories(root=root)
    boundaries = _boundaries(root)
    out.shallow = bool(boundaries)
    inside = {}
    for name, path in paths.items():
        rel = os.path.relpath(os.path.realpath(path), os.path.realpath(root))
        if not rel.startswith(".."):
            inside[rel.replace(os.sep, "/")] = name
    if not inside:
        return out
    scope = os.path.relpath(os.path.realpath(plans_dir), os.path.realpath(root)).replace(os.sep, "/")
    per_file = _follow(_log(root, scope), inside)
    cache = _Cache(cache_dir)
    # A file changed more than once: whether each version was published (a
    # draft held back is never shown, nor what changed in it), then the change
    # between each two published versions. Read from git only what the cache lacks.
    # A file changed in the work tree since its one commit is read too: that
    # commit may hold a draft, which is no first publication.
    dirty = _dirty(root, scope)
    several = {rel: listed[::-1] for rel, listed in per_file.items() if len(listed) > 1 or rel in dirty}
    unknown = [rel for rel, listed in several.items() if any(cache.published(c.id, rel) is None for c, _ in listed)]
    versions = _versions(root, {(c.id, at) for rel in unknown for c, at in several[rel]})
    for rel in unknown:
        for commit, at in several[rel]:
            cache.put_published(commit.id, rel, _published(versions.get((commit.id, at))))
    missing_diffs = []
    for rel, listed in several.items():
        shown = [(c, at) for c, at in listed if cache.published(c.id, rel)]
        for before, after in zip(shown, shown[1:], strict=False):
            if cache.get(after[0].id, rel, before[0].id) is None:
                missing_diffs.append((rel, before, after))
    more = {(c.id, at) for _, before, after in missing_diffs for c, at in (before, after)} - set(versions)
    versions.update(_versions(root, more))
    for rel, (before, before_at), (after, after_at) in missing_diffs:
        cache.put(after.id, rel, before.id,
                  _compare(versions.get((before.id, before_at)), versions.get((after.id, after_at))))
    cut_seen = {}
    for rel, listed in per_file.items():
        oldest_first = [c for c, _ in listed[::-1]]
        shown = [c for c in oldest_first if rel not in several or cache.published(c.id, rel)]
        if not shown:
            continue  # published in the work tree only: no commit holds a published version to date
        first = shown[0]
        cut = first if first.id in boundaries else None
        changes = []
        for before, after in zip(shown, shown[1:], strict=False):
            change = _change(after, cache.get(after.id, rel, before.id))
            if not change.empty:
                changes.append(change)
        out.by_path[inside[rel]] = History(None if cut else first, changes, cut)
        if cut:
            cut_seen[cut.id] = cut
    out.missing = sorted(cut_seen.values(), key=lambda c: c.when)
    cache.save()
    return out


def _boundaries(root: Path) -> set[str]:
    done = _git(root, "rev-parse", "--is-shallow-repository")
    if done.stdout.strip() != b"true":
        return set()
    where = _git(root, "rev-parse", "--git-path", "shallow")
    path = Path(os.fsdecode(where.stdout.strip()))
    path = path if path.is_absolute() else root / path
    try:
        return set(path.read_text(encoding="ascii").split())
    except OSError:
        return set()


def _dirty(root: Path, scope: str) -> set[str]:
    """Tracked files below scope whose work tree differs from their last commit."""
    done = _git(root, "status", "--porcelain=v1", "-z", "--untracked-files=no", "--", scope or ".")
    if done.returncode != 0:
        return set()
    out, fields = set(), done.stdout.decode("utf-8", "replace").split("\0")
    index = 0
    while index < len(fields):
        entry = fields[index]
        index += 1
        if len(entry) > 3:
            out.add(entry[3:])
            if entry[0] in "RC":
                index += 1  # the name it had before: not in the work tree any more
    return out


def _log(root: Path, scope: str) -> list[tuple[Commit, list[tuple[str, ...]]]]:
    """Every commit touching plans/, newest first, with what it did to each
    file: ("M", path), ("A", path), ("D", path) or ("R", old, new)."""
    done = _git(root, "log", "-M", "--name-status",
                f"--format={_RECORD}%H{_UNIT}%cI{_UNIT}%s", "--", scope or ".")
    if done.returncode != 0:
        return []
    beyond = _beyond(root, scope)
    out = []
    for record in done.stdout.decode("utf-8", "replace").split(_RECORD)[1:]:
        head, _, names = record.partition("\n")
        commit_id, when, message = (head.split(_UNIT) + ["", ""])[:3]
        files = []
        for line in names.splitlines():
            parts = line.rstrip("\n").split("\t")
            if len(parts) >= 2 and parts[0]:
                files.append((parts[0][0], *parts[1:]))
        shown = "" if commit_id in beyond else clean(message).strip()
        out.append((Commit(commit_id, dt.datetime.fromisoformat(when), shown), files))
    return out


# Folders an editor's change touches; a commit that changed anything else was
# written by the site's developers, for them.
EDITORIAL = ("data", "nhap")


def _beyond(root: Path, scope: str) -> set[str]:
    """Commits that changed files outside the documents and the registry. Their
    message speaks to developers (often in English, about code), so the public
    history shows the date and the change without it."""
    kept = [scope or ".", *EDITORIAL]
    done = _git(root, "log", "--format=%H", "--", ".", *(f":(exclude){folder}" for folder in kept))
    if done.returncode != 0:
        return set()
    return set(done.stdout.decode("ascii", "replace").split())


def _follow(commits, inside: dict[str, str]) -> dict[str, list[tuple[Commit, str]]]:
    """Each current file's commits, newest first, with the file's path at each:
    a file moved (a corrected year or number) keeps the history it had, so its
    first publication is not the day it moved."""
    tracking = {rel: rel for rel in inside}  # path at this point of the walk back → current path
    out: dict[str, list[tuple[Commit, str]]] = {}
    for commit, files in commits:
        for status, *paths in files:
            if status == "R" and len(paths) == 2:
                old, new = paths
                if new in tracking:
                    identity = tracking.pop(new)
                    out.setdefault(identity, []).append((commit, new))
                    tracking[old] = identity
            elif paths and paths[0] in tracking:
                identity = tracking[paths[0]]
                out.setdefault(identity, []).append((commit, paths[0]))
                if status == "A":  # before this commit the file did not exist
                    tracking.pop(paths[0])
    return out


def _versions(root: Path, wanted: set[tuple[str, str]]) -> dict[tuple[str, str], str | None]:
    """The file at each (commit, path), through one `git cat-file --batch`."""
    if not wanted:
        return {}
    order = sorted(wanted)
    request = "".join(f"{commit}:{path}\n" for commit, path in order).encode("utf-8")
    done = _git(root, "cat-file", "--batch", data=request)
    data, pos, out = done.stdout, 0, {}
    for key in order:
        end = data.find(b"\n", pos)
        if end < 0:
            break
        header = data[pos:end].split()
        pos = end + 1
        if len(header) < 3 or header[1] != b"blob":
            out[key] = None
            continue
        size = int(header[2])
        blob = data[pos:pos + size]
        pos += size + 1
        try:
            out[key] = blob.decode("utf-8") if size <= MAX_VERSION else None
        except UnicodeDecodeError:
            out[key] = None
    return out


# --- what changed ----------------------------------------------------------------

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*\n?(.*)\Z", re.S)
_WORDS = re.compile(r"\s+|[^\s]+")


def _split(text: str) -> tuple[dict, str]:
    text = clean(text.replace("\r\n", "\n"))
    match = _FRONT.match(text)
    if not match:
        return {}, text
    try:
        # An old version is as untrusted as the current one: no alias bomb from the history either.
        meta = yamlsafe.load(match.group(1), "")[1]
    except (yaml.YAMLError, yamlsafe.Refused):
        meta = {FRONT: match.group(1)}  # shown under the Vietnamese name of the whole front matter
    return (meta if isinstance(meta, dict) else {}), match.group(2)


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10_000).strip()


def _published(text: str | None) -> bool:
    """Whether a version of a file was a published document: the build's own rule."""
    if text is None:
        return False
    meta, _ = _split(text)
    flag = meta.get("publish")
    if isinstance(flag, bool):
        return flag
    recipients = meta.get("noi_nhan") or []
    return isinstance(recipients, list) and any(is_website_line(str(r)) for r in recipients)


def _compare(old: str | None, new: str | None) -> dict:
    """What changed between two versions of a file, as cached JSON."""
    if old is None or new is None:
        return {"format": FORMAT, "unreadable": True}
    old_meta, old_body = _split(old)
    new_meta, new_body = _split(new)
    fields = [[str(k), _shown(old_meta.get(k)), _shown(new_meta.get(k))]
              for k in dict.fromkeys([*old_meta, *new_meta]) if old_meta.get(k) != new_meta.get(k)]
    return {"format": FORMAT, "fields": fields, "paragraphs": word_diff(old_body, new_body)}


def _paragraphs(body: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n[ \t]*\n", body) if p.strip()]


def word_diff(old: str, new: str) -> list[list[list[str]]]:
    """The changed paragraphs of a text, each as [op, words] runs: a paragraph
    rewritten shows its words struck and inserted with a few unchanged ones
    around; one added or removed shows whole."""
    before, after = _paragraphs(old), _paragraphs(new)
    out = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        gone, came = before[a1:a2], after[b1:b2]
        for index in range(max(len(gone), len(came))):
            old_para = gone[index] if index < len(gone) else None
            new_para = came[index] if index < len(came) else None
            if old_para is None:
                out.append([["+", new_para]])
            elif new_para is None:
                out.append([["-", old_para]])
            else:
                out.append(_words(old_para, new_para))
    return out


def _words(old: str, new: str) -> list[list[str]]:
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    runs: list[list[str]] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    codes = matcher.get_opcodes()
    for index, (tag, a1, a2, b1, b2) in enumerate(codes):
        if tag == "equal":
            words = a[a1:a2]
            keep = CONTEXT_WORDS * 2  # words and the spaces between them
            if len(words) > keep * 2 + 1:
                head = words[:keep] if index > 0 else []
                tail = words[-keep:] if index < len(codes) - 1 else []
                text = "".join(head).rstrip() + " … " + "".join(tail).lstrip()
                text = text.lstrip() if not head else text.rstrip() + " " if not tail else text
                runs.append(["=", text])
            else:
                runs.append(["=", "".join(words)])
            continue
        if a2 > a1:
            runs.append(["-", "".join(a[a1:a2])])
        if b2 > b1:
            runs.append(["+", "".join(b[b1:b2])])
    return runs


def _change(commit: Commit, cached: dict | None) -> Change:
    if not cached or cached.get("unreadable"):
        return Change(commit, unreadable=True)
    fields = tuple(FieldChange(*f) for f in cached.get("fields", ()))
    paragraphs = tuple(tuple((op, text) for op, text in para) for para in cached.get("paragraphs", ()))
    return Change(commit, fields, paragraphs)


class _Cache:
    """What each change showed, by commit: .cache/vanban/history/<commit>.json."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.loaded: dict[str, dict] = {}
        self.dirty: set[str] = set()

    def _file(self, commit: str) -> dict:
        if commit not in self.loaded:
            data = {}
            if self.folder is not None:
                try:
                    data = json.loads((self.folder / f"{commit}.json").read_text(encoding="utf-8"))
                except (OSError, ValueError):
                    data = {}
            self.loaded[commit] = data if isinstance(data, dict) else {}
        return self.loaded[commit]

    @staticmethod
    def _key(path: str, before: str) -> str:
        return hashlib.blake2b(f"{FORMAT}\0{path}\0{before}".encode(), digest_size=12).hexdigest()

    def get(self, commit: str, path: str, before: str) -> dict | None:
        found = self._file(commit).get(self._key(path, before))
        return found if isinstance(found, dict) and found.get("format") == FORMAT else None

    def published(self, commit: str, path: str) -> bool | None:
        found = self._file(commit).get(self._key(path, "publish"))
        return found.get("published") if isinstance(found, dict) and found.get("format") == FORMAT else None

    def put_published(self, commit: str, path: str, published: bool) -> None:
        self._file(commit)[self._key(path, "publish")] = {"format": FORMAT, "published": published}
        self.dirty.add(commit)

    def put(self, commit: str, path: str, before: str, value: dict) -> None:
        self._file(commit)[self._key(path, before)] = value
        self.dirty.add(commit)

    def save(self) -> None:
        if self.folder is None or not self.dirty:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for commit in self.dirty:
                target = self.folder / f"{commit}.json"
                temporary = target.with_suffix(".tmp")
                temporary.write_text(json.dumps(self.loaded[commit], ensure_ascii=False), encoding="utf-8")
                temporary.replace(target)
        except OSError:
            pass  # a cache that cannot be written is only slower next time
