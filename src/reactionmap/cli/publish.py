"""`reactionmap publish`: a view of an event as a self-contained page (a folder) or an image (a file)."""

from __future__ import annotations

from pathlib import Path

import click

from reactionmap.cli.common import DAY, Refused, exit_for, load, report_problems
from reactionmap.intake.writers import write_file
from reactionmap.publish.image import FORMATS as IMAGE_FORMATS
from reactionmap.publish.image import SIZES

FORMATS = ("html", *IMAGE_FORMATS)  # a page (a folder), or an image (a file)


@click.command(short_help="Write a view as a self-contained page or an image.")
@click.argument("event", metavar="EVENT")
@click.option("--as-of", type=DAY, help="The stance as of the end of this day (default: the last).")
@click.option(
    "--stance",
    metavar="KEYS",
    help="Comma-separated stance keys to show, e.g. condemn,concern (default: all).",
)
@click.option(
    "--region",
    metavar="REGION",
    help="One UN region: Africa, Americas, Asia, Europe or Oceania (default: the world).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="html",
    show_default=True,
    help="html: a page, FOLDER/index.html; png, svg: an image file.",
)
@click.option(
    "--size",
    type=click.Choice(list(SIZES)),
    default="1200x675",
    show_default=True,
    help="Image size.",
)
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help="The folder (html: FOLDER/index.html) or the file (png, svg) to write.",
)
def publish(
    event: str,
    as_of: str | None,
    stance: str | None,
    region: str | None,
    fmt: str,
    size: str,
    out: Path,
) -> None:
    """Write a view of an event as one self-contained page or as a PNG/SVG image.

    EVENT is an event id under the events folder, or an event folder's path. The page works
    opened from disk, with no network. Rows with problems are left out (exit 1).
    """
    from reactionmap.places.boundaries import country_table
    from reactionmap.publish.snapshot import snapshot, stance_keys

    loaded = load(event)
    keys = stance_keys(stance)
    allowed = [c.key for c in loaded.scale.with_none]
    unknown = [k for k in keys or () if k not in allowed]
    if unknown:
        raise click.BadParameter(
            f"unknown stance(s) {', '.join(map(repr, unknown))}; allowed: {', '.join(allowed)}",
            param_hint="'--stance'",
        )
    regions = sorted(country_table()["region"].dropna().unique())
    if region and region not in regions:
        raise click.BadParameter(
            f"unknown region {region!r}; allowed: {', '.join(regions)}", param_hint="'--region'"
        )
    report_problems(loaded, "publishing")
    snap = snapshot(loaded, as_of, keys, region)
    try:
        target = _write(snap, fmt, size, out)
    except OSError as err:  # a full disk, a read-only folder: the old file is kept
        raise Refused(f"refused: could not write {out}: {err.strerror or err}") from None
    click.echo(f"wrote {target} ({target.stat().st_size / 1e6:.2f} MB)")
    exit_for(loaded.problems)


def _write(snap, fmt: str, size: str, out: Path) -> Path:
    """Write the page (FOLDER/index.html) or the image, each replaced whole; returns its path."""
    if fmt == "html":
        from reactionmap.publish.webpage import write_page

        return write_page(snap, out)
    from reactionmap.publish.image import map_image

    write_file(out, map_image(snap, fmt, size))
    return out
