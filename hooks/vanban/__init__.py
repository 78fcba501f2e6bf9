"""vanban: Vietnamese Party and State documents, from Markdown to a public site.

The core: documents and their schema, citations, the registry, generated pages,
feeds and exports, and the editors' command line. It imports nothing from MkDocs.
"""

__version__ = "0.1.0"
