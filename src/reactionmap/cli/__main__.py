"""`python -m reactionmap.cli`: the same as the `reactionmap` command."""

import sys

from reactionmap.cli.main import main

sys.exit(main())
