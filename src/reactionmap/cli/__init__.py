"""The `reactionmap` command line: one module per command group."""
