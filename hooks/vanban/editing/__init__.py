"""The editors' tools: import from Word or text, write a new document file,
check a folder of documents.

Holds: `importer` (fields found in a document's text), `importer_docx` and
`importer_text` (reading each kind of file), `docfiles` (writing a document
file), `body_templates` (the body `vanban new` starts from) and `checking`
(what `vanban check` reports).

May import: any part of `vanban` but `gates` and `commands`. Only `commands`
imports this.
"""
