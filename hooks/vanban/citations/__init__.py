"""Finding citations in text and turning them into links.

Holds: `grammar` (the verbose patterns of a citation, one comment a line),
`prepared` (the text as the parser sees it: emphasis and code masked),
`scan` (the windows before anchors where the patterns are tried), `parser`
(find, then resolve to a number, type and date), `citation` (what is found),
`cache` (what was found, kept by the text's hash under .cache/vanban),
`priming` (a corpus's citations parsed ahead, held by the object a build or a
check carries) and `linking` (a body with its citations as links).

May import: `vanban.model` and `vanban.forked`. Never `graph`, `site`,
`search`, `editing` or `gates`.
"""
