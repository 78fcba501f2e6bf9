"""The document model: what a document is, before anything links it.

Holds: `documents` (a file's front matter and body, validated), `doctypes` (the
table of document types and their abbreviations), `numbers` (số hiệu), `order`
(newest first, the one order of every list), `schema`
(the fields), `dates`, `text` (NFC, folding, slugs), `markup` (Markdown and
template rendering helpers, the `unbroken` filter and `page_href`, the
URL a raw HTML link is written with), `problems` (the Vietnamese messages),
`yaml_faults` (why a front matter cannot be read, in an editor's words),
`notices` (not published, a date that looks mistyped, a frame left unfilled), and for
untrusted input `limits` (every size limit), `untrusted` (reading a file
within the project and its limit) and `yamlsafe` (the one YAML loader: no
anchors, aliases or merge keys).

May import: the standard library and third-party packages only; nothing else
of `vanban`. Everything else imports this.
"""
