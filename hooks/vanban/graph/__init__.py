"""What cites what: the corpus of published documents, the registry of cited
ones, and the relations between them.

Holds: `corpus` (every file in plans/ read, in parallel), `registry` (every
document cited, published or listed in data/registry.yml, one entry each) and
`relations` (for each document, what it cites and what cites it).

May import: `vanban.model`, `vanban.citations`, `vanban.forked`.
"""
