"""`python -m reactionmap.cli`: the same as the `reactionmap` command."""

from reactionmap.cli.main import main

main()
