"""Open data: every published document's metadata and citations as JSON and
CSV, one JSON file per document, the tasks plans assign with what the site
holds on each (api/nhiem-vu.json, .csv, and counts by unit), and the JSON
Schema they follow.

Field names are the front-matter keys editors write, plus a few computed
ones (ma, duong_dan, du_lieu, trich_dan, noi_dung); they are a published
interface: add fields, never rename or remove one. docs/du-lieu-mo.md
documents them and a test keeps that page and the schema in step.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

from vanban.graph import tasks as tasks_mod
from vanban.graph.status import NOT_KNOWN
from vanban.graph.tasks import Tracking, UnitStatus
from vanban.model import dates
from vanban.model.documents import Document
from vanban.model.order import newest_first
from vanban.site import deadlines
from vanban.site.listings import absolute

API = "api"
LIST_JSON = f"{API}/van-ban.json"
LIST_CSV = f"{API}/van-ban.csv"
SCHEMA = f"{API}/van-ban.schema.json"
TASKS_JSON = f"{API}/nhiem-vu.json"
TASKS_CSV = f"{API}/nhiem-vu.csv"
UNITS_CSV = f"{API}/nhiem-vu-theo-don-vi.csv"
SCHEMA_FILE = Path(__file__).parent.parent / "data" / "van-ban.schema.json"
FORMAT_VERSION = 1

TEXT_FIELDS = ("so_hieu", "loai", "trich_yeu", "co_quan_ban_hanh", "co_quan_cap_tren", "dia_danh", "nguoi_ky",
               "chuc_vu", "tham_quyen_ky", "thay_mat", "chu_de", "phuong_cham", "trang_thai", "tieu_de", "dinh_chinh")
LIST_FIELDS = ("noi_nhan", "tags", "can_cu", "thuc_hien")
CSV_COLUMNS = ("ma", "so_hieu", "loai", "trich_yeu", "co_quan_ban_hanh", "co_quan_cap_tren", "ngay_ban_hanh", "nam",
               "dia_danh", "nguoi_ky", "chuc_vu", "tham_quyen_ky", "thay_mat", "chu_de", "phuong_cham", "trang_thai",
               "noi_nhan", "tags", "can_cu", "thuc_hien", "trich_dan", "duong_dan", "du_lieu", "hieu_luc",
               "tieu_de", "thuc_hien_nhiem_vu", "bao_cao")
TASK_COLUMNS = ("ma", "van_ban", "nhiem_vu", "noi_dung", "don_vi", "han", "han_cuoi", "nhom", "mo_ta",
                "van_ban_thuc_hien", "tinh_den", "duong_dan")
UNIT_COLUMNS = ("don_vi", *deadlines.COUNTED, "tinh_den")
TIMING_KEYS = {tasks_mod.ON_TIME: "dung_han", tasks_mod.LATE: "sau_han", tasks_mod.ANSWERED: "chua_ro"}
LIST_SEPARATOR = "; "


def key(doc: Document) -> str:
    """The document's stable identifier: year and number slug, as in its URL."""
    return f"{doc.year}/{doc.slug}"


def document_uri(doc: Document) -> str:
    return f"{API}/van-ban/{key(doc)}.json"


def citations(doc: Document, graph, site_url: str) -> list[dict]:
    """The body's citations in order, resolved as the site links them (type, number, province, year)."""
    if graph is None:
        return []
    out = []
    for mention in graph.mentions.get(doc.src_uri, ()):
        if not mention.found.in_body:
            continue
        cited = mention.found.citation
        out.append({
            "loai": cited.type,
            "so_hieu": cited.number,
            "ky_hieu_co_quan": cited.issuer,
            "ngay": cited.date,
            "co_quan": cited.body,
            "duong_dan": absolute(site_url, mention.target.src_uri),
            "quan_he": mention.kind,  # read from the sentence, or stated in the front matter (graph/kinds.py)
        })
    return out


def standing(doc: Document, graph, site_url: str) -> dict:
    """The status the document's page shows, with what it rests on (graph/status.py)."""
    status = graph.status(graph.uri(doc)) if graph is not None else NOT_KNOWN
    return {
        "trang_thai": status.label,
        "nguon": status.source or None,
        "boi": [{"quan_he": b.kind, "loai": b.doc.doctype.name, "so_hieu": b.doc.number.canonical,
                 "ngay": b.doc.date.iso() if b.doc.date else None, "duong_dan": absolute(site_url, b.uri)}
                for b in (*status.by, *status.notes)],
    }


def signed_original(original, site_url: str) -> dict | None:
    if original is None:
        return None
    return {"duong_dan": absolute(site_url, original.site_path), "sha256": original.sha256,
            "kich_thuoc": original.size}


def reference(doc: Document, site_url: str) -> dict:
    """Another published document, as a record names it."""
    return {"so_hieu": doc.number.canonical, "loai": doc.doctype.name,
            "ngay_ban_hanh": doc.date.iso() if doc.date else None, "trich_yeu": doc.title,
            "duong_dan": absolute(site_url, doc.src_uri)}


def unit_status(status: UnitStatus, due, site_url: str) -> dict:
    return {
        "don_vi": status.unit,
        "nhom": status.group,
        "mo_ta": status.text(due),
        "van_ban_thuc_hien": [{**reference(a.doc, site_url), "thoi_gian": TIMING_KEYS[tasks_mod.timing_group(a.doc, due)],
                               "nguon": "khai_bao" if a.stated else "suy_ra"} for a in status.answers],
    }


def record(doc: Document, cited: list[dict], site_url: str, status: dict | None = None,
           tracking: Tracking | None = None, on: dt.date | None = None, original: dict | None = None) -> dict:
    meta = doc.meta
    tracking = tracking or Tracking()
    on = on or dates.today()
    out: dict = {"ma": key(doc)}
    for name in TEXT_FIELDS:
        value = meta.get(name)
        out[name] = str(value) if value not in (None, "") else None
    out["ngay_ban_hanh"] = doc.date.iso() if doc.date else None
    out["nam"] = doc.year
    for name in LIST_FIELDS:
        out[name] = [str(v) for v in meta.get(name) or []]
    out["nhiem_vu"] = [{
        "noi_dung": task.content,
        "don_vi": list(task.units),
        "han": task.due.iso() if task.due else None,
        "han_cuoi": dates.latest_day(task.due).isoformat() if task.due else None,
        "tinh_trang": [unit_status(s, task.due, site_url) for s in tracking.statuses(doc, index, on)],
    } for index, task in enumerate(doc.tasks, 1)]
    out["hieu_luc"] = status or {"trang_thai": NOT_KNOWN.label, "nguon": None, "boi": []}
    out["ban_goc"] = original
    out["trich_dan"] = cited
    out["duong_dan"] = absolute(site_url, doc.src_uri)
    out["du_lieu"] = absolute(site_url, document_uri(doc))
    out["thuc_hien_nhiem_vu"] = [{"van_ban": link.document, "nhiem_vu": list(link.tasks), "don_vi": link.unit}
                                 for link in doc.task_links]
    out["nhiem_vu_thuc_hien"] = [{
        **reference(plan, site_url), "nhiem_vu": index,
        "don_vi": [a.unit for a in tracking.for_task(plan, index) if a.doc is doc],
        "nguon": "khai_bao" if any(a.stated for a in tracking.for_task(plan, index) if a.doc is doc) else "suy_ra",
    } for plan, index in tracking.answering.get(doc.src_uri, [])]
    out["bao_cao"] = [reference(r, site_url) for r in tracking.reports.get(doc.src_uri, [])]
    return out


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(value)
    text = str(value)
    # A cell starting with = + - @ is a formula to a spreadsheet; a leading
    # apostrophe keeps it text (OWASP "CSV injection").
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(records: list[dict]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for rec in records:
        flat = {**rec, "trich_dan": [c["so_hieu"] or c["loai"] or "" for c in rec["trich_dan"]],
                "hieu_luc": rec["hieu_luc"]["trang_thai"],
                "thuc_hien_nhiem_vu": [f"{t['so_hieu']}: nhiệm vụ {t['nhiem_vu']}" for t in rec["nhiem_vu_thuc_hien"]],
                "bao_cao": [r["so_hieu"] for r in rec["bao_cao"]]}
        writer.writerow([_cell(flat[c]) for c in CSV_COLUMNS])
    return _bom(buffer)


def _bom(buffer: io.StringIO) -> bytes:
    # The BOM tells Excel the file is UTF-8, so Vietnamese shows correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _table(columns, rows: list[dict]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in columns])
    return _bom(buffer)


def task_rows(items: list[deadlines.Entry], site_url: str, on: dt.date) -> list[dict]:
    """One row per task and unit, in the order of the plans' listing and their nhiem_vu."""
    rows = []
    for entry in items:
        doc, task = entry.doc, entry.task
        for status in entry.statuses:
            rows.append({
                "ma": key(doc), "van_ban": doc.number.canonical, "nhiem_vu": entry.index, "noi_dung": task.content,
                "don_vi": status.unit, "han": task.due.iso() if task.due else None,
                "han_cuoi": dates.latest_day(task.due).isoformat() if task.due else None,
                **{k: v for k, v in unit_status(status, task.due, site_url).items() if k != "don_vi"},
                "tinh_den": on.isoformat(), "duong_dan": absolute(site_url, doc.src_uri),
            })
    return rows


def unit_counts(items: list[deadlines.Entry]) -> list[dict]:
    """The "Thời hạn" page's counts by unit: tasks with a deadline, in plans not over."""
    return [{"don_vi": unit.name, **unit.counts()} for unit in deadlines.units(items)]


def tasks_files(site, on: dt.date) -> dict[str, str | bytes]:
    base = site.options.site_url
    items = deadlines.entries(site.published, site.tracking or Tracking(), on)
    rows = task_rows(items, base, on)
    counts = unit_counts(items)
    data = {
        "phien_ban": FORMAT_VERSION,
        "to_chuc": site.options.identity.get("ten") or None,
        "tinh_den": on.isoformat(),
        "nhom": dict(tasks_mod.GROUPS),
        "so_luong": len(rows),
        "theo_don_vi": counts,
        "nhiem_vu": rows,
    }
    flat = [{**row, "van_ban_thuc_hien": [d["so_hieu"] for d in row["van_ban_thuc_hien"]]} for row in rows]
    return {
        TASKS_JSON: _json(data),
        TASKS_CSV: _table(TASK_COLUMNS, flat),
        UNITS_CSV: _table(UNIT_COLUMNS, [{**c, "tinh_den": on.isoformat()} for c in counts]),
    }


def _json(data) -> str:
    # Without indent: Python's C encoder writes it (indented, its pure-Python
    # one, ten times slower: a second at 1,000 documents). Readers' tools indent it.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def schema(site_url: str) -> dict:
    data = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data["$id"] = absolute(site_url, SCHEMA)
    return data


def step(site) -> None:
    base = site.options.site_url
    docs = newest_first(site.published)
    records = []
    on = dates.today()
    for doc in docs:
        rec = record(doc, citations(doc, site.graph, base), base, standing(doc, site.graph, base), site.tracking, on,
                     signed_original(getattr(site, "originals", {}).get(doc.path), base))
        records.append(rec)
        site.files[document_uri(doc)] = _json({**rec, "noi_dung": doc.body.strip()})
    site.files[LIST_JSON] = _json({
        "phien_ban": FORMAT_VERSION,
        "to_chuc": site.options.identity.get("ten") or None,
        "tinh_den": on.isoformat(),
        "so_luong": len(records),
        "van_ban": records,
    })
    site.files[LIST_CSV] = to_csv(records)
    site.files.update(tasks_files(site, on))
    site.files[SCHEMA] = _json(schema(base))
