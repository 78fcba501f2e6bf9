"""Checks of a built site before it is published: links and anchors, page
metadata, valid HTML, nothing loaded from another host.

Holds: `checks`. Reads the built HTML only, so it imports nothing of `vanban`
but the standard library; only `commands` imports this.
"""
