"""`reactionmap publish`: a view of an event as a self-contained page (a folder) or an image (a file)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SIZES = ("1200x675", "1080x1080", "A4")
FORMATS = ("html", "png", "svg")


def add_publish_parser(sub) -> None:
    """Add the `publish` subcommand to the CLI's subparsers."""
    pub = sub.add_parser(
        "publish",
        help="write a view as one self-contained page (DIR/index.html) or as a PNG/SVG image",
    )
    pub.add_argument("event", help="an event id or a directory path")
    pub.add_argument("--as-of", help="YYYY-MM-DD: the stance as of the end of this day")
    pub.add_argument("--stance", help="comma-separated stance keys to show (default: all)")
    pub.add_argument("--region", help="one region, e.g. Americas (default: the world)")
    pub.add_argument("--format", choices=FORMATS, default="html")
    pub.add_argument("--size", choices=SIZES, default="1200x675", help="image size")
    pub.add_argument("--out", required=True, help="the folder (html) or the file (png, svg)")
    pub.set_defaults(func=publish)


def publish(args: argparse.Namespace) -> int:
    from reactionmap.intake.events import load_event
    from reactionmap.publish.snapshot import snapshot, stance_keys

    event = load_event(args.event)
    if event.problems:
        print(
            f"{event.id}: publishing the {len(event.statements)} good row(s); skipped:",
            file=sys.stderr,
        )
        for problem in event.problems:
            print(f"  {problem}", file=sys.stderr)
    snap = snapshot(event, args.as_of, stance_keys(args.stance), args.region)
    out = Path(args.out)
    if args.format == "html":
        from reactionmap.publish.webpage import write_page

        target = write_page(snap, out)
    else:
        from reactionmap.publish.image import map_image

        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(map_image(snap, args.format, args.size))
        target = out
    print(f"wrote {target} ({target.stat().st_size / 1e6:.2f} MB)")
    return 1 if any(p.blocking for p in event.problems) else 0
