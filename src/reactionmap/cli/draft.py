"""`reactionmap draft ARTICLE`: print the proposed statements as CSV, or add them to an event."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from reactionmap.contract.statements import statements_csv
from reactionmap.draft import ArticleRefused, decode, draft_article
from reactionmap.draft.save import DraftNotSaved, existing_event, save_draft
from reactionmap.places.resolver import default_resolver


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", help="a .txt or .html article, or - for standard input")
    parser.add_argument(
        "--date", help="the article's date, YYYY-MM-DD ('on Sunday' counts from it)"
    )
    parser.add_argument("--source-name", default="", help="the outlet, for source_name")
    parser.add_argument("--source-url", default="", help="the article's address, for source_url")
    parser.add_argument(
        "--target",
        nargs="+",
        default=[],
        metavar="ISO3",
        help="the event's target and parties: coded party",
    )
    parser.add_argument(
        "--event-id", help="write or extend this event's folder instead of printing"
    )
    parser.add_argument("--title", help="title of a new event (default: the event id)")
    parser.add_argument(
        "--same-day",
        action="store_true",
        help="the reactions are from the article's day: date the undated ones to --date",
    )


def run(args: argparse.Namespace) -> int:
    """Exit 0 with the draft written; 1 for an article that cannot be read; 2 for bad options."""
    if args.date:
        try:
            dt.date.fromisoformat(args.date)
        except ValueError:
            print(f"--date {args.date!r} is not a day: write it as YYYY-MM-DD", file=sys.stderr)
            return 2
    resolver = default_resolver()
    targets = []
    for value in args.target:
        code, error = resolver.try_resolve(value)
        if error is not None:
            print(f"--target {value!r}: {error}", file=sys.stderr)
            return 2
        targets.append(code)
    name = "standard input" if args.article == "-" else args.article
    try:
        data = sys.stdin.buffer.read() if args.article == "-" else Path(args.article).read_bytes()
        text = decode(data, name)
    except OSError as err:
        print(f"refused: cannot read {name}: {err.strerror or err}", file=sys.stderr)
        return 1
    except ArticleRefused as err:
        print(f"refused: {err}", file=sys.stderr)
        return 1
    event = None
    if args.event_id is not None:
        try:
            event = existing_event(args.event_id)
        except DraftNotSaved as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        targets += [p for p in event.parties if p not in targets]
    draft = draft_article(
        text,
        name=name,
        date=args.date,
        source_name=args.source_name,
        source_url=args.source_url,
        targets=targets,
        same_day=args.same_day,
        taken_ids=event.statement_ids if event else frozenset(),
    )
    rows = draft.rows
    if event is None:
        sys.stdout.buffer.write(statements_csv(rows))
        sys.stdout.buffer.flush()
        print(f"{len(rows)} draft row(s) from {name}: review every one", file=sys.stderr)
        return 0
    article_date = args.date or (draft.article.date if draft.article else "")
    try:
        folder, count, created = save_draft(
            rows,
            args.event_id,
            title=args.title or "",
            date=article_date,
            targets=targets,
            source_name=rows["source_name"].iloc[0] if len(rows) else args.source_name,
            source_url=rows["source_url"].iloc[0] if len(rows) else args.source_url,
        )
    except DraftNotSaved as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    verb = "created" if created else "added to"
    print(
        f"{verb} {folder.name}/: {count} draft row(s) from {name}; review them and run "
        f"`reactionmap check {folder.name}`",
        file=sys.stderr,
    )
    return 0
