"""The document model: what a document is, before anything links it.

Holds: `documents` (a file's front matter and body, validated), `doctypes` (the
table of document types and their abbreviations), `numbers` (số hiệu), `order`
(newest first, the one order of every list), `schema`
(the fields), `dates`, `text` (NFC, folding, slugs), `markup` (Markdown and
template rendering helpers) and `problems` (the Vietnamese messages).

May import: the standard library and third-party packages only; nothing else
of `vanban`. Everything else imports this.
"""
