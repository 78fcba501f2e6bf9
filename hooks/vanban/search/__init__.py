"""Search: Vietnamese words as index tokens, and the Pagefind index of the
published documents, split into bundles the browser searches in parallel.

Holds: `tokens` (folded and toned keys of words and numbers), `extract` (the
article text of a built page), `citations` (the numbers a page cites),
`index` (feeding Pagefind) and `bundles` (merging its batches).

May import: `vanban.model`, `vanban.citations`, `vanban.forked`. Only `site`
imports this.
"""
