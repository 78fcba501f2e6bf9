"""What the build makes from the graph: every generated page and file.

Holds: `build` (the build's entry point and its ordered steps), `pages` (a
published document's page), `cited_pages` (a page for each cited document),
`listings`, `deadlines` (tasks and the iCalendar), `feeds` (Atom and RSS),
`opendata` (JSON and CSV), `pdf`, `standing` (a document's status on pages
and links), `history_pages` ("Lịch sử" and the correction notice) and `signed`
(the signed original's file and panel row), and `admin` (the editors' browser
editor at /quan-tri/: its page and its configuration made from the schema;
the adapter writes it after the build), and `unbroken` (a Markdown extension
named in mkdocs.yml that keeps each document number on one line) and
`rawhtml` (another, that passes the generated lists and tables, written as
HTML, on untouched).

May import: `vanban.model`, `vanban.citations`, `vanban.graph`, `vanban.search`,
`vanban.forked`. Nothing of `vanban` imports this but the MkDocs adapter
(hooks/site_hooks.py), `editing` and `gates`.
"""
