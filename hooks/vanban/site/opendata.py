"""Open data: every published document's metadata and citations as JSON and
CSV, one JSON file per document, and the JSON Schema they follow.

Field names are the front-matter keys editors write, plus a few computed
ones (ma, duong_dan, du_lieu, trich_dan, noi_dung); they are a published
interface: add fields, never rename or remove one. docs/du-lieu-mo.md
documents them and a test keeps that page and the schema in step.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from vanban.graph.status import NOT_KNOWN
from vanban.model.documents import Document
from vanban.model.order import newest_first
from vanban.site.deadlines import due_day
from vanban.site.listings import absolute

API = "api"
LIST_JSON = f"{API}/van-ban.json"
LIST_CSV = f"{API}/van-ban.csv"
SCHEMA = f"{API}/van-ban.schema.json"
SCHEMA_FILE = Path(__file__).parent.parent / "data" / "van-ban.schema.json"
FORMAT_VERSION = 1

TEXT_FIELDS = ("so_hieu", "loai", "trich_yeu", "co_quan_ban_hanh", "co_quan_cap_tren", "dia_danh", "nguoi_ky",
               "chuc_vu", "tham_quyen_ky", "thay_mat", "chu_de", "phuong_cham", "trang_thai")
LIST_FIELDS = ("noi_nhan", "tags", "can_cu", "thuc_hien")
CSV_COLUMNS = ("ma", "so_hieu", "loai", "trich_yeu", "co_quan_ban_hanh", "co_quan_cap_tren", "ngay_ban_hanh", "nam",
               "dia_danh", "nguoi_ky", "chuc_vu", "tham_quyen_ky", "thay_mat", "chu_de", "phuong_cham", "trang_thai",
               "noi_nhan", "tags", "can_cu", "thuc_hien", "trich_dan", "duong_dan", "du_lieu", "hieu_luc")
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


def record(doc: Document, cited: list[dict], site_url: str, status: dict | None = None) -> dict:
    meta = doc.meta
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
        "han_cuoi": due_day(task.due).isoformat() if task.due else None,
    } for task in doc.tasks]
    out["hieu_luc"] = status or {"trang_thai": NOT_KNOWN.label, "nguon": None, "boi": []}
    out["trich_dan"] = cited
    out["duong_dan"] = absolute(site_url, doc.src_uri)
    out["du_lieu"] = absolute(site_url, document_uri(doc))
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
                "hieu_luc": rec["hieu_luc"]["trang_thai"]}
        writer.writerow([_cell(flat[c]) for c in CSV_COLUMNS])
    # The BOM tells Excel the file is UTF-8, so Vietnamese shows correctly.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def schema(site_url: str) -> dict:
    data = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data["$id"] = absolute(site_url, SCHEMA)
    return data


def step(site) -> None:
    base = site.options.site_url
    docs = newest_first(site.published)
    records = []
    for doc in docs:
        rec = record(doc, citations(doc, site.graph, base), base, standing(doc, site.graph, base))
        records.append(rec)
        site.files[document_uri(doc)] = _json({**rec, "noi_dung": doc.body.strip()})
    site.files[LIST_JSON] = _json({
        "phien_ban": FORMAT_VERSION,
        "to_chuc": site.options.identity.get("ten") or None,
        "so_luong": len(records),
        "van_ban": records,
    })
    site.files[LIST_CSV] = to_csv(records)
    site.files[SCHEMA] = _json(schema(base))
