"""What cites what: the corpus of published documents, the registry of cited
ones, and the relations between them.

Holds: `corpus` (every file in plans/ read, in parallel), `registry` (every
document cited, published or listed in data/registry.yml, one entry each),
`relations` (for each document, what it cites and what cites it) and `tasks`
(the documents that answer a plan's tasks and report on it, and each task's
status from that evidence).

May import: `vanban.model`, `vanban.citations`, `vanban.forked`.
"""
