"""`reactionmap draft ARTICLE...`: print the proposed statements as CSV, or add them to an event."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from reactionmap.cli.common import DAY, EVENT_ID, Refused, Stop
from reactionmap.contract.statements import statements_csv

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")


def is_article(arg: str) -> bool:
    """A word that names an article, not a code: a .txt/.html file name, a path, a folder."""
    return arg.lower().endswith(ARTICLE_SUFFIXES) or "/" in arg or Path(arg).is_dir()


def spread(args: list[str], option: str) -> list[str]:
    """``--target VEN USA`` as ``--target VEN --target USA``: every word after the option's
    value, up to the next option (or ``--``, or an article's file or folder name), is one more
    value of it, as argparse read it."""
    spread_out: list[str] = []
    state = "normal"  # "first": the option's own value comes next; "more": its further ones
    for index, arg in enumerate(args):
        if state == "first":
            spread_out.append(arg)
            state = "more"
            continue
        if arg == "--":
            return spread_out + args[index:]
        if state == "more" and not arg.startswith("-") and not is_article(arg):
            spread_out += [option, arg]
            continue
        spread_out.append(arg)
        state = "first" if arg == option else "normal"
    return spread_out


class DraftCommand(click.Command):
    """A command whose --target and --against take one code or several (``--target VEN USA``)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        return super().parse_args(ctx, spread(spread(args, "--target"), "--against"))


@click.command(cls=DraftCommand, short_help="Propose statements from news articles, for review.")
@click.argument("articles", nargs=-1, required=True, metavar="ARTICLE...")
@click.option(
    "--date",
    type=DAY,
    help="The article's date ('on Sunday' counts from it); with several articles, the date of "
    "those whose published: line gives none.",
)
@click.option(
    "--source-name", default="", metavar="NAME", help="The outlet, for source_name (one article)."
)
@click.option(
    "--source-url",
    default="",
    metavar="URL",
    help="The article's address, for source_url (one article).",
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
    help="The reactions are from the article's day: date the undated ones to it.",
)
def draft(
    articles: tuple[str, ...],
    date: str | None,
    source_name: str,
    source_url: str,
    targets: tuple[str, ...],
    against: tuple[str, ...],
    event_id: str | None,
    title: str | None,
    same_day: bool,
) -> None:
    """Propose statements from news articles, for a person to review.

    Each ARTICLE is a .txt or .html file, a folder (its .txt and .html files, sorted), or -
    for standard input. The rows are printed as CSV in the data contract's columns, or written
    into the event folder --event-id names. Several articles make one table: each is read with
    its own url:, publisher: and published: lines, and the same statement reported by several
    is one row whose notes list the others. Exit 1 for an article that cannot be read.
    """
    # The drafter loads spaCy: imported only when this command runs.
    from reactionmap.draft import ArticleRefused
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
    texts = read_articles(articles)
    if len(texts) > 1 and (source_name or source_url):
        option = "--source-name" if source_name else "--source-url"
        raise click.UsageError(
            f"{option} names one article's source, but {len(texts)} articles were given: "
            "each is cited by its own url: and publisher: lines (give the option with one "
            "article only)."
        )
    event = None
    if event_id is not None:
        try:
            event = existing_event(event_id)
        except DraftNotSaved as err:
            raise Stop(f"error: {err}") from None
        codes += [p for p in event.parties if p not in codes]
    options = {
        "date": date,
        "targets": codes,
        "against": hit,
        "same_day": same_day,
        "taken_ids": event.statement_ids if event else frozenset(),
    }
    try:
        if len(texts) == 1:
            made, sources = one(texts[0], source_name, source_url, options)
        else:
            made, sources = many(texts, options)
    except ArticleRefused as err:  # over a limit (draft.limits): spaCy never saw it
        raise Refused(f"refused: {err}") from None
    rows = made.rows
    what = texts[0][1] if len(texts) == 1 else f"{len(texts)} articles"
    merged = sum(s.rows for s in sources) - len(rows)
    if merged:
        what += f" ({merged} more reported the same statement: merged, see notes)"
    if len(texts) > 1 and date and (undated := [s.name for s in sources if not s.own_date]):
        click.echo(f"dated {date} (--date), as their published: line gives none: "
                   + ", ".join(undated), err=True)  # fmt: skip
    if event is None or event_id is None:
        click.echo(statements_csv(rows), nl=False)
        click.echo(f"{len(rows)} draft row(s) from {what}: review every one", err=True)
        return
    days = sorted(s.date for s in sources if s.date)
    try:
        folder, count, created = save_draft(
            rows,
            event_id,
            title=title or "",
            date=date or (days[0] if days else ""),  # several: the earliest article's day
            targets=codes,
            sources=[(s.source_name, s.source_url) for s in sources],
        )
    except DraftNotSaved as err:
        raise Stop(f"error: {err}") from None
    verb = "created" if created else "added to"
    click.echo(
        f"{verb} {folder.name}/: {count} draft row(s) from {what}; review them and run "
        f"`reactionmap check {folder.name}`",
        err=True,
    )


def read_articles(args: tuple[str, ...]) -> list[tuple[str, str]]:
    """(text, name) of each article the arguments name, a folder's .txt and .html files
    sorted; Refused naming a file that cannot be read, UsageError for an empty folder."""
    from reactionmap.draft import ArticleRefused, decode

    paths: list[str] = []
    for arg in args:
        folder = Path(arg)
        if arg != "-" and folder.is_dir():
            found = sorted(
                str(p) for p in folder.iterdir()
                if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES
            )  # fmt: skip
            if not found:
                raise click.UsageError(
                    f"folder {arg!r} holds no article: give .txt or .html files, or a folder "
                    "that holds some."
                )
            paths += found
        else:
            paths.append(arg)
    if paths.count("-") > 1:
        raise click.UsageError("standard input (-) can be read once: give - only once.")
    texts = []
    for path in paths:
        name = "standard input" if path == "-" else path
        try:
            data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
            texts.append((decode(data, name), name))
        except OSError as err:
            raise Refused(f"refused: cannot read {name}: {err.strerror or err}") from None
        except ArticleRefused as err:
            raise Refused(f"refused: {err}") from None
    return texts


def one(article: tuple[str, str], source_name: str, source_url: str, options: dict):
    """One article: the options' date, source name and url win over its header lines."""
    from reactionmap.draft import draft_article
    from reactionmap.draft.many import Source

    text, name = article
    made = draft_article(text, name=name, source_name=source_name, source_url=source_url, **options)
    meta = made.article.meta if made.article else {}
    own = made.article.date if made.article else ""
    source = Source(
        name,
        source_name or meta.get("publisher", ""),
        source_url or meta.get("url", ""),
        options["date"] or own,
        bool(own),
        len(made.rows),
    )
    return made, [source]


def many(texts: list[tuple[str, str]], options: dict):
    """Several articles: each with its own header; the same statement once (draft.merge)."""
    from reactionmap.draft.many import draft_articles

    return draft_articles(texts, **options)
