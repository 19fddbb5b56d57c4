"""The README stays true to the code: its Layout names every module, and only modules that exist."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")
DESCRIPTION_COLUMN = 20  # a line indented this far continues the description above it


def section(title: str) -> str:
    """The text of one '## ' section of the README."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.S | re.M)
    assert match, f"README.md has no section '## {title}'"
    return match.group(1)


def layout_paths() -> list[str]:
    """Every path the Layout section's tree names, folders ending in '/'."""
    block = re.search(r"```\n(.*?)```", section("Layout"), re.S)
    assert block, "the Layout section has no code block"
    paths: list[str] = []
    stack: list[tuple[int, str]] = []  # (indent, folder path)
    for line in block.group(1).splitlines():
        indent = len(line) - len(line.lstrip(" "))
        if not line.strip() or indent >= DESCRIPTION_COLUMN:
            continue
        name = line.split()[0]
        while stack and stack[-1][0] >= indent:
            stack.pop()
        path = (stack[-1][1] if stack else "") + name
        paths.append(path)
        if name.endswith("/"):
            stack.append((indent, path))
    return paths


def test_layout_names_every_module_and_only_real_ones():
    named = layout_paths()
    missing = [p for p in named if not (REPO / p).exists()]
    assert not missing, f"README's Layout names what does not exist: {missing}"
    modules = {
        p.relative_to(REPO).as_posix()
        for p in (REPO / "src" / "reactionmap").rglob("*.py")
        if p.name not in ("__init__.py", "__main__.py")
    }
    unlisted = sorted(modules - set(named))
    assert not unlisted, f"README's Layout does not name: {unlisted}"
    packages = {
        p.parent.relative_to(REPO).as_posix() + "/"
        for p in (REPO / "src" / "reactionmap").rglob("__init__.py")
    }
    assert packages - {"src/reactionmap/"} <= set(named), "a package is missing from Layout"


def test_layout_parser_reads_nested_folders():
    """The parser itself: a test that passes on an empty list would prove nothing."""
    named = layout_paths()
    assert "src/reactionmap/contract/scale.py" in named
    assert "app.py" in named
    assert len([p for p in named if p.endswith(".py")]) > 40
