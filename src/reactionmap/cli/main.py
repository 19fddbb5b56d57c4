"""The `reactionmap` command group: its commands, in order, and its help."""

from __future__ import annotations

import click

from reactionmap.cli.compare import compare
from reactionmap.cli.draft import draft
from reactionmap.cli.events import check, export, list_command
from reactionmap.cli.imports import import_command, resolutions
from reactionmap.cli.publish import publish


class Commands(click.Group):
    """Commands listed in the order they are added, not alphabetically."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.commands)


@click.group(
    name="reactionmap",
    cls=Commands,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
    epilog="Events are read from data/events/, or from the folder the environment variable "
    "REACTIONMAP_DATA_DIR names. Exit codes: 0 all good; 1 problems, each printed on standard "
    "error with file, row and column; 2 a bad command or option, or an unknown event.",
)
def main() -> None:
    """Map how the world reacts to a news event: check, export and import events, publish a
    view, draft statements from an article."""


for command in (list_command, check, export, import_command, resolutions, publish, compare, draft):
    main.add_command(command)
