"""Subcommands of `vanban`: each module defines register(subparsers) and sets
`run` on its parser with set_defaults(run=...).

Holds: `check`, `cite`, `gates`, `import_`, `inbox` (`nhap-hop-thu`: the Word
files uploaded to nhap/, imported by CI), `new`. May import any room of
`vanban`; only `cli` imports this.
"""
