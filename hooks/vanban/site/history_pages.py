"""The "Lịch sử" section of each document page (graph/history.py reads git),
the correction notice (`dinh_chinh`) at the top of the page, and the warning
of a build from a shallow clone."""

from __future__ import annotations

from markupsafe import Markup

from vanban.graph import history as history_mod
from vanban.graph.history import Change, Commit, History
from vanban.model import dates, schema
from vanban.model.markup import render
from vanban.model.problems import Problem

WARNING = "cảnh báo"


def day(commit: Commit) -> str:
    """The commit's day in Vietnam, as the site writes dates."""
    return commit.when.astimezone(dates.VIETNAM).strftime("%d/%m/%Y")


def _diff(change: Change) -> Markup:
    """The change as HTML: a table of changed fields, then the changed paragraphs word by word."""
    return Markup(render("history_change.html", change=change, day=day, label=label))


def label(key: str) -> str:
    """A field's Vietnamese name, as the page's panel and the guide call it."""
    spec = schema.BY_KEY.get(key)
    return spec.label if spec else key


def section(history: History) -> str:
    return render("history.md", history=history, day=day,
                  changes=[(c, _diff(c)) for c in history.changes])


def correction(text: str) -> str:
    return render("correction_notice.md", text=text)


def _warning(histories, plans_name: str) -> Problem:
    cut = histories.missing[0]
    count = sum(1 for h in histories.by_path.values() if h.cut is not None)
    return Problem(
        plans_name, 1, "lịch sử",
        f"Bản sao git này thiếu lịch sử (bản sao nông, shallow clone): không có các commit trước "
        f"{cut.id[:10]} ({day(cut)}, “{cut.message}”). {count} văn bản không ghi ngày đăng lần đầu; "
        "các lần sửa sau commit đó vẫn ghi đúng ngày.",
        "lịch sử đầy đủ: chạy git fetch --unshallow; trong CI đặt fetch-depth: 0 (GitHub Actions) "
        "hoặc GIT_DEPTH: 0 (GitLab CI)", "git fetch --unshallow", WARNING)


def step(site) -> None:
    """Read the history once; add each page's section and correction notice."""
    project = site.project
    docs = site.published
    for doc in docs:
        note = doc.meta.get("dinh_chinh")
        if note:
            # After the status: whether the document stands comes first.
            site.parts[doc.src_uri].notices.append(correction(str(note)))
    plans = site.plans
    if project is None or plans is None or not docs:
        return
    histories = history_mod.read(plans, {d.path: project / d.path for d in docs},
                                 project / history_mod.FOLDER)
    if isinstance(histories, history_mod.Refused):
        site.problems.append(Problem(
            plans.name, 1, "lịch sử", f"Không đọc được lịch sử git: {histories.reason}",
            "git được đọc thư mục của kho (git config --global --add safe.directory <thư mục kho>)",
            "git config --global --add safe.directory \"$PWD\"", WARNING))
        return
    site.history = histories
    if histories is None:
        return  # not in git: say nothing rather than guess
    if histories.missing:
        site.problems.append(_warning(histories, plans.name))
    for doc in docs:
        found = histories.get(doc.path)
        if found is not None:
            site.parts[doc.src_uri].sections.append(section(found))

