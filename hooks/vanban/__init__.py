"""vanban: Vietnamese Party and State documents, from Markdown to a public site.

The core imports nothing from MkDocs. Its rooms, each with its own docstring,
and the one way imports go between them:

    model ← citations ← graph ← search ← site
                                 editing, gates ← commands ← cli

`forked` (work handed to forked worker processes) may be imported by any room;
`cli` is the `vanban` program. ARCHITECTURE.md at the repository's root says
where to add a page kind, a document type or a citation shape.
"""

__version__ = "0.1.0"
