"""Copy Streamlit's frontend and the app's static/ into a build folder, each text file beside its .gz and .br."""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Files worth compressing: text. Fonts (woff2) and images are compressed already.
TEXT = {".js", ".css", ".html", ".json", ".geojson", ".svg", ".map", ".txt", ".md", ".mjs"}
SMALLEST = 256  # bytes: below this a compressed copy saves less than its headers cost
# Brotli 10, not 11: Streamlit's plotly bundle (4.7 MB) takes 9 s instead of 22 s on one core
# for 2% more bytes (1.08 against 1.06 MB); gzip -9 gives 1.42 MB.
BROTLI_QUALITY = 10


def streamlit_static() -> Path:
    """The frontend of the installed Streamlit package (index.html, static/js, static/css...)."""
    import streamlit

    return Path(streamlit.__file__).resolve().parent / "static"


def brotli_module():
    """The PyPI `brotli` package when installed, else None (then only .gz files are made)."""
    try:
        import brotli
    except ImportError:
        return None
    return brotli


def _compress(job: tuple[str, str, bool]) -> str:
    """Write SOURCE's copy and its .gz (and .br) at TARGET, each with the source's time."""
    source, target, with_brotli = (Path(job[0]), Path(job[1]), job[2])
    stat = source.stat()
    data = source.read_bytes()
    made = [target.with_name(target.name + ".gz")]
    made[0].write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    if with_brotli:
        brotli = brotli_module()
        made.append(target.with_name(target.name + ".br"))
        made[1].write_bytes(brotli.compress(data, quality=BROTLI_QUALITY))
    for path in made:
        os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    return source.name


def _up_to_date(source: Path, target: Path, suffixes: list[str]) -> bool:
    paths = [target] + [target.with_name(target.name + s) for s in suffixes]
    mtime = source.stat().st_mtime_ns
    return all(p.exists() and p.stat().st_mtime_ns == mtime for p in paths)


def mirror(
    source_root: Path, target_root: Path, with_brotli: bool, own: frozenset[str] = frozenset()
) -> list[tuple[str, str, bool]]:
    """Copy every file of SOURCE_ROOT under TARGET_ROOT (times kept); return what needs compressing.

    Files gone from the source are removed from the target, so a new Streamlit's bundle does
    not sit beside the old one's. OWN names files the build writes itself (kept, not copied).
    """
    suffixes = [".gz", ".br"] if with_brotli else [".gz"]
    jobs: list[tuple[str, str, bool]] = []
    wanted: set[Path] = set()
    for source in sorted(p for p in source_root.rglob("*") if p.is_file()):
        target = target_root / source.relative_to(source_root)
        compress = source.suffix in TEXT and source.stat().st_size >= SMALLEST
        wanted.add(target)
        if compress:
            wanted.update(target.with_name(target.name + s) for s in suffixes)
        if source.name in own and source.parent == source_root:
            continue
        if _up_to_date(source, target, suffixes if compress else []):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
        if compress:
            jobs.append((str(source), str(target), with_brotli))
    if target_root.exists():
        for stale in [p for p in target_root.rglob("*") if p.is_file() and p not in wanted]:
            stale.unlink()
    return jobs


def preload_hints(frontend: Path) -> str:
    """Links that let a new visitor's browser fetch, from the first byte of the page on, what
    the first map waits for: Streamlit's plotly chunk (4.7 MB, otherwise asked for only when the
    script's first run sends a chart) and the shapes and base map plotly fetches after it."""
    from reactionmap.places.boundaries import GEOJSON_URL, SEA_URL, TOPOJSON_URL

    chunks = sorted((frontend / "static" / "js").glob("PlotlyChart.*.js"))
    links = [f'<link rel="modulepreload" crossorigin href="./static/js/{c.name}">' for c in chunks]
    for url in (GEOJSON_URL, SEA_URL, TOPOJSON_URL + "world_110m.json"):
        links.append(f'<link rel="preload" as="fetch" crossorigin="anonymous" href="./{url}">')
    return "".join(links)


def write_index(build_dir: Path, with_brotli: bool) -> None:
    """BUILD_DIR/streamlit/index.html: Streamlit's, with the preload hints; compressed again."""
    source = streamlit_static() / "index.html"
    target = build_dir / "streamlit" / "index.html"
    html = source.read_text(encoding="utf-8")
    hinted = html.replace("</head>", preload_hints(streamlit_static()) + "</head>", 1)
    if hinted == html:
        raise SystemExit(f"{source} has no </head>: this Streamlit's page cannot take the hints")
    if target.exists() and target.read_text(encoding="utf-8") == hinted:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(hinted, encoding="utf-8")
    os.utime(target)  # a new page: a new Last-Modified and ETag
    _compress((str(target), str(target), with_brotli))


def build(build_dir: Path, published: Path | None = None, quiet: bool = False) -> dict[str, bool]:
    """Fill BUILD_DIR/streamlit (the frontend) and BUILD_DIR/app (static/); compress PUBLISHED in place."""
    with_brotli = brotli_module() is not None
    suffixes = [".gz", ".br"] if with_brotli else [".gz"]
    jobs = mirror(
        streamlit_static(), build_dir / "streamlit", with_brotli, frozenset({"index.html"})
    )
    jobs += mirror(REPO / "static", build_dir / "app", with_brotli)
    if published is not None and published.is_dir():
        for page in published.rglob("*"):
            small = page.stat().st_size < SMALLEST if page.is_file() else True
            if page.suffix in TEXT and not small and not _up_to_date(page, page, suffixes):
                jobs.append((str(page), str(page), with_brotli))
    if jobs and not quiet:
        print(
            f"compressing {len(jobs)} files ahead of time (gzip -9"
            + (f", brotli {BROTLI_QUALITY})" if with_brotli else ")"),
            file=sys.stderr,
        )
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        list(pool.map(_compress, jobs, chunksize=4))
    write_index(build_dir, with_brotli)
    return {"brotli": with_brotli}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--build", type=Path, default=REPO / "build" / "web", help="the build folder"
    )
    parser.add_argument("--published", type=Path, help="a folder of published pages to compress")
    args = parser.parse_args()
    build(args.build, args.published)
    return 0


if __name__ == "__main__":
    sys.exit(main())
