"""`reactionmap draft ARTICLE`: print the proposed statements as CSV, or add them to an event."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reactionmap.cli.common import DAY, EVENT_ID, Refused, Stop
from reactionmap.contract.statements import statements_csv


def spread(args: list[str], option: str) -> list[str]:
    """``--target VEN USA`` as ``--target VEN --target USA``: every word after the option's
    value, up to the next option (or ``--``), is one more value of it, as argparse read it."""
    spread_out: list[str] = []
    state = "normal"  # "first": the option's own value comes next; "more": its further ones
    for index, arg in enumerate(args):
        if state == "first":
            spread_out.append(arg)
            state = "more"
            continue
        if arg == "--":
            return spread_out + args[index:]
        if state == "more" and not arg.startswith("-"):
            spread_out += [option, arg]
            continue
        spread_out.append(arg)
        state = "first" if arg == option else "normal"
    return spread_out


class DraftCommand(click.Command):
    """A command whose --target and --against take one code or several (``--target VEN USA``)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, spread(spread(args, "--target"), "--against"))


@click.command(cls=DraftCommand, short_help="Propose statements from a news article, for review.")
@click.argument("article")
@click.option("--date", type=DAY, help="The article's date ('on Sunday' counts from it).")
@click.option("--source-name", default="", metavar="NAME", help="The outlet, for source_name.")
@click.option(
    "--source-url", default="", metavar="URL", help="The article's address, for source_url."
)
@click.option(
    "--target",
    "targets",
    multiple=True,
    metavar="ISO3 ...",
    help="The event's target and parties, coded party: one or more names or codes "
    "(--target VEN USA).",
)
@click.option(
    "--against",
    "against",
    multiple=True,
    metavar="ISO3 ...",
    help="Who the event's action was taken against (a coup's ousted government, the country "
    "attacked), coded party: support for them, or their leader, is read as opposing the action.",
)
@click.option(
    "--event-id",
    type=EVENT_ID,
    help="Write a new event's folder, or add to this event's, instead of printing.",
)
@click.option("--title", help="The title of a new event (default: the event id).")
@click.option(
    "--same-day",
    is_flag=True,
    help="The reactions are from the article's day: date the undated ones to --date.",
)
def draft(
    article: str,
    date: str | None,
    source_name: str,
    source_url: str,
    targets: tuple[str, ...],
    against: tuple[str, ...],
    event_id: str | None,
    title: str | None,
    same_day: bool,
) -> None:
    """Propose statements from a news article, for a person to review.

    ARTICLE is a .txt or .html file, or - for standard input. The rows are printed as CSV in
    the data contract's columns, or written into the event folder --event-id names. Exit 1
    for an article that cannot be read.
    """
    # The drafter loads spaCy: imported only when this command runs.
    from reactionmap.draft import ArticleRefused, decode, draft_article
    from reactionmap.draft.save import DraftNotSaved, existing_event, save_draft
    from reactionmap.places.resolver import default_resolver

    resolver = default_resolver()
    codes: list[str] = []
    for value in targets:
        code, error = resolver.try_resolve(value)
        if code is None:
            raise click.BadParameter(f"{value!r}: {error}", param_hint="'--target'")
        codes.append(code)
    hit: list[str] = []
    for value in against:
        code, error = resolver.try_resolve(value)
        if code is None:
            raise click.BadParameter(f"{value!r}: {error}", param_hint="'--against'")
        hit.append(code)
    codes += [code for code in hit if code not in codes]  # parties to the event too
    name = "standard input" if article == "-" else article
    try:
        data = sys.stdin.buffer.read() if article == "-" else Path(article).read_bytes()
        text = decode(data, name)
    except OSError as err:
        raise Refused(f"refused: cannot read {name}: {err.strerror or err}") from None
    except ArticleRefused as err:
        raise Refused(f"refused: {err}") from None
    event = None
    if event_id is not None:
        try:
            event = existing_event(event_id)
        except DraftNotSaved as err:
            raise Stop(f"error: {err}") from None
        codes += [p for p in event.parties if p not in codes]
    try:
        made = draft_article(
            text,
            name=name,
            date=date,
            source_name=source_name,
            source_url=source_url,
            targets=codes,
            against=hit,
            same_day=same_day,
            taken_ids=event.statement_ids if event else frozenset(),
        )
    except ArticleRefused as err:  # over a limit (draft.limits): spaCy never saw it
        raise Refused(f"refused: {err}") from None
    rows = made.rows
    if event is None or event_id is None:
        click.echo(statements_csv(rows), nl=False)
        click.echo(f"{len(rows)} draft row(s) from {name}: review every one", err=True)
        return
    article_date = date or (made.article.date if made.article else "")
    try:
        folder, count, created = save_draft(
            rows,
            event_id,
            title=title or "",
            date=article_date,
            targets=codes,
            source_name=rows["source_name"].iloc[0] if len(rows) else source_name,
            source_url=rows["source_url"].iloc[0] if len(rows) else source_url,
        )
    except DraftNotSaved as err:
        raise Stop(f"error: {err}") from None
    verb = "created" if created else "added to"
    click.echo(
        f"{verb} {folder.name}/: {count} draft row(s) from {name}; review them and run "
        f"`reactionmap check {folder.name}`",
        err=True,
    )
