"""Subcommands of `vanban`: each module defines register(subparsers) and sets
`run` on its parser with set_defaults(run=...)."""
