"""What cites what: the corpus of published documents, the registry of cited
ones, and the relations between them.

Holds: `corpus` (every file in plans/ read, in parallel), `registry` (every
document cited, published or listed in data/registry.yml, one entry each),
`relations` (for each document, what it cites and what cites it), `tasks`
(the documents that answer a plan's tasks and report on it, and each task's
status from that evidence), `kinds` (the relation a citing sentence states:
thay thế, bãi bỏ, sửa đổi…), `status` (whether a document still stands, and
who says so), `history` (each document's history from git) and `originals`
(the signed scan and its hash).

May import: `vanban.model`, `vanban.citations`, `vanban.forked`.
"""
